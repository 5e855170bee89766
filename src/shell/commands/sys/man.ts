// `man CMD`: short, truthful pages built from the registry (summary, usage, declared options)
// and the hand-written parts a spec carries (`man`), laid out like man/groff on a terminal and
// shown in the pager (plain text when stdout is not a terminal).
import { lessProgram } from '../../../programs/less';
import { defineCommand, fail, ok, type CommandSpec } from '../../types';

/** Wraps a paragraph to `width` columns, each line indented by `indent`. */
function wrap(text: string, indent: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + word.length > width) {
      out.push(' '.repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(' '.repeat(indent) + line);
  return out;
}

const SECTION_TITLE: Record<number, string> = { 1: 'User Commands', 8: 'System Administration' };

/** Administration tools documented in section 8 (the rest default to section 1). */
const SECTION_8 = new Set(['multipath', 'multipathd', 'kpartx', 'fdisk', 'blockdev', 'partprobe', 'dmsetup', 'lsscsi', 'mkfs.ocfs2', 'tunefs.ocfs2', 'mounted.ocfs2', 'fsck.ocfs2', 'o2cb_ctl', 'mount', 'umount', 'ifconfig', 'ip', 'brctl', 'ping', 'service', 'chkconfig', 'reboot', 'rpm', 'xentop', 'iscsiadm', 'sg_inq',
  // sysvinit, procps, util-linux, net-tools and friends put their system tools in section 8 too.
  'pidof', 'dmesg', 'halt', 'poweroff', 'shutdown', 'init', 'telinit', 'runlevel', 'sysctl', 'modprobe', 'lsmod', 'insmod', 'rmmod', 'modinfo', 'losetup', 'hdparm', 'fsck', 'mkfs', 'mke2fs', 'e2fsck', 'tune2fs', 'mkswap', 'swapon', 'swapoff', 'route', 'arp', 'netstat', 'iptables', 'ethtool', 'lspci', 'dmidecode', 'sshd', 'ntpd', 'ntpdate', 'crond', 'pvs', 'vgs', 'lvs', 'pvdisplay', 'vgdisplay', 'lvdisplay', 'getenforce', 'setenforce', 'useradd', 'userdel', 'chroot', 'system-config-securitylevel', 'rescan-scsi-bus.sh', 'sosreport', 'ifup', 'ifdown', 'tcpdump', 'blkid', 'sfdisk', 'parted', 'mkfs.ext3', 'fsck.ext3', 'debugfs.ocfs2', 'o2image']);

/** The manual section a command's page is in. */
export const sectionOf = (spec: CommandSpec): number => spec.man?.section ?? (SECTION_8.has(spec.name) ? 8 : 1);

export function renderManPage(spec: CommandSpec, cols: number): string {
  const page = spec.man;
  const section = sectionOf(spec);
  const width = Math.min(Math.max(40, cols), 80) - 2;
  const title = `${spec.name.toUpperCase()}(${section})`;
  const centre = SECTION_TITLE[section] ?? '';
  const gap = width - 2 * title.length - centre.length;
  const head = gap > 1 ? title + ' '.repeat(Math.floor(gap / 2)) + centre + ' '.repeat(Math.ceil(gap / 2)) + title : `${title} ${title}`;
  const out: string[] = [head, '', '', '', 'NAME', ...wrap(`${spec.name} - ${page?.name ?? spec.summary}`, 7, width), '', 'SYNOPSIS'];
  for (const s of page?.synopsis ?? [spec.usage]) out.push(...wrap(s, 7, width));
  out.push('', 'DESCRIPTION');
  const paras = page?.description ?? [`${spec.summary.charAt(0).toUpperCase()}${spec.summary.slice(1)}.`];
  paras.forEach((p, i) => {
    if (i) out.push('');
    out.push(...wrap(p, 7, width));
  });
  const options: Array<[string, string]> = page?.options ?? [];
  if (!page?.options && spec.args) {
    for (const o of spec.args.options) {
      if (!o.help) continue;
      const arg = o.arg === 'required' ? (o.argName ?? 'ARG') : '';
      const flags = [o.short && `-${o.short}${arg && !o.long ? ` ${arg}` : ''}`, o.long && `--${o.long}${arg ? `=${arg}` : ''}`].filter(Boolean).join(', ');
      options.push([flags, o.help]);
    }
  }
  if (options.length) {
    out.push('', 'OPTIONS');
    options.forEach(([flag, text], i) => {
      if (i) out.push('');
      out.push(' '.repeat(7) + flag, ...wrap(text, 14, width));
    });
  }
  const foot = 'Oracle VM Server 3.4';
  out.push('', '', '', foot + ' '.repeat(Math.max(1, width - foot.length - title.length)) + title);
  return out.join('\n') + '\n';
}

export const man = defineCommand({
  name: 'man',
  summary: 'show the manual page of a command',
  man: { section: 1, name: 'format and display the on-line manual pages', synopsis: ['man [section] name'], description: ['man formats and displays the on-line manual pages. The pages of this server are short: generated from each command\'s own description, usage and options.'] },
  usage: 'man [SECTION] NAME',
  run(ctx) {
    const args = ctx.args.filter((a) => !a.startsWith('-'));
    if (ctx.args.includes('-k')) {
      const key = args[0];
      if (!key) return fail('apropos what?\n', 1);
      const hits = ctx.registry.names().filter((n) => n.includes(key) || ctx.registry.get(n)!.summary.includes(key));
      if (!hits.length) return fail(`${key}: nothing appropriate\n`, 1);
      return ok(
        hits
          .map((n) => ctx.registry.get(n)!)
          .map((s) => `${`${s.name} (${sectionOf(s)})`.padEnd(21)}- ${s.man?.name ?? s.summary}\n`)
          .join(''),
      );
    }
    if (!args.length) return fail('What manual page do you want?\n', 1);
    const [first, second] = args;
    const name = /^\d$/.test(first!) && second ? second : first!;
    const wanted = /^\d$/.test(first!) && second ? Number(first) : null;
    const spec = ctx.registry.get(name);
    if (!spec || (wanted !== null && wanted !== sectionOf(spec))) return fail(wanted !== null ? `No entry for ${name} in section ${wanted} of the manual\n` : `No manual entry for ${name}\n`, 1);
    const page = renderManPage(spec, ctx.cols);
    if (ctx.stdoutTty === false) return ok(page);
    const section = sectionOf(spec);
    return { ...ok(), program: lessProgram(page, null, (line, atEnd) => ` Manual page ${name}(${section}) line ${line}${atEnd ? '/' + page.split('\n').length + ' (END)' : ''} (press h for help or q to quit)`) };
  },
});
