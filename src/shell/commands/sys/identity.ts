// Who and what this dom0 is: hostname, uname, whoami, id.
import { kernelOf } from '../../../sim/proc/kernel';
import { defineArgs, type KeysOf } from '../../args';
import { defineCommand, fail, ok } from '../../types';

export const hostname = defineCommand({
  name: 'hostname',
  dir: '/bin',
  summary: 'show the system host name',
  usage: 'hostname [-s|-f|-i|-d]',
  run(ctx) {
    const [opt, ...more] = ctx.args;
    const h = ctx.host;
    if (more.length) return fail('hostname: you must be root to change the host name\n', 1);
    switch (opt) {
      case undefined:
      case '-f':
      case '--fqdn':
      case '--long':
        return ok(`${h.name}.${h.domain}\n`);
      case '-s':
      case '--short':
        return ok(`${h.name}\n`);
      case '-i':
      case '--ip-address':
        return ok(`${h.ip}\n`);
      case '-d':
      case '--domain':
        return ok(`${h.domain}\n`);
      default:
        if (opt.startsWith('-')) return fail(`hostname: invalid option -- '${opt.replace(/^-+/, '').charAt(0)}'\nUsage: hostname [-v] {hostname|-F file}      set host name (from file)\n`, 1);
        return fail('hostname: you must be root to change the host name\n', 1);
    }
  },
});

const UNAME_ARGS = defineArgs({
  prog: 'uname',
  options: [
    { short: 'a', long: 'all', help: 'print all information' },
    { short: 's', long: 'kernel-name', help: 'print the kernel name' },
    { short: 'n', long: 'nodename', help: 'print the network node hostname' },
    { short: 'r', long: 'kernel-release', help: 'print the kernel release' },
    { short: 'v', long: 'kernel-version', help: 'print the kernel version' },
    { short: 'm', long: 'machine', help: 'print the machine hardware name' },
    { short: 'p', long: 'processor', help: 'print the processor type' },
    { short: 'i', long: 'hardware-platform', help: 'print the hardware platform' },
    { short: 'o', long: 'operating-system', help: 'print the operating system' },
    { long: 'help' },
    { long: 'version' },
  ],
});

export const uname = defineCommand({
  name: 'uname',
  dir: '/bin',
  summary: 'print system information (kernel release, machine)',
  man: { section: 1, name: 'print system information', synopsis: ['uname [OPTION]...'], description: ['Print certain system information. With no OPTION, same as -s.'] },
  usage: 'uname [OPTION]...',
  args: UNAME_ARGS,
  run(ctx) {
    const a = ctx.parsed;
    if (a.operands.length) return fail(`uname: extra operand \`${a.operands[0]}'\nTry \`uname --help' for more information.\n`, 1);
    if (a.has('version')) return ok('uname (GNU coreutils) 8.4\nCopyright (C) 2010 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by David MacKenzie.\n');
    if (a.has('help')) return ok('Usage: uname [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n\n' + UNAME_ARGS.options.filter((o) => o.help).map((o) => `  -${o.short}, --${o.long}`.padEnd(30) + o.help + '\n').join(''));
    const k = kernelOf(ctx.host);
    const all = a.has('all');
    const fields: Array<[KeysOf<typeof UNAME_ARGS>, string]> = [
      ['kernel-name', 'Linux'],
      ['nodename', `${ctx.host.name}.${ctx.host.domain}`],
      ['kernel-release', k.release],
      ['kernel-version', k.version],
      ['machine', k.machine],
      ['processor', k.processor],
      ['hardware-platform', k.platform],
      ['operating-system', 'GNU/Linux'],
    ];
    const any = fields.some(([key]) => a.has(key));
    const out = fields.filter(([key], i) => a.has(key) || (all && (i < 5 || i === 7 || k.processor !== 'unknown')) || (!any && !all && i === 0)).map(([, v]) => v);
    return ok(out.join(' ') + '\n');
  },
});

export const whoami = defineCommand({
  name: 'whoami',
  summary: 'print the effective user name',
  usage: 'whoami',
  run(ctx) {
    if (ctx.args.length) return fail(`whoami: extra operand \`${ctx.args[0]}'\nTry \`whoami --help' for more information.\n`, 1);
    return ok('root\n');
  },
});

const ROOT_GROUPS = '0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel)';
const ID_ARGS = defineArgs({
  prog: 'id',
  options: [
    { short: 'u', long: 'user', help: 'print only the effective user ID' },
    { short: 'g', long: 'group', help: 'print only the effective group ID' },
    { short: 'G', long: 'groups', help: 'print all group IDs' },
    { short: 'n', long: 'name', help: 'print a name instead of a number' },
    { short: 'r', long: 'real', help: 'print the real ID instead of the effective ID' },
    { short: 'Z', long: 'context', help: 'print only the security context' },
  ],
});

export const id = defineCommand({
  name: 'id',
  summary: 'print user and group ids',
  usage: 'id [OPTION]... [USERNAME]',
  args: ID_ARGS,
  run(ctx) {
    const a = ctx.parsed;
    const user = a.operands[0];
    if (user && user !== 'root' && user !== '0') return fail(`id: ${user}: No such user\n`, 1);
    const name = a.has('name');
    if (a.has('user')) return ok(name ? 'root\n' : '0\n');
    if (a.has('group')) return ok(name ? 'root\n' : '0\n');
    if (a.has('groups')) return ok(name ? 'root bin daemon sys adm disk wheel\n' : '0 1 2 3 4 6 10\n');
    if (a.has('context')) return fail('id: --context (-Z) works only on an SELinux-enabled kernel\n', 1);
    if (name) return fail('id: cannot print only names or real IDs in default format\n', 1);
    return ok(`uid=0(root) gid=0(root) groups=${ROOT_GROUPS}\n`);
  },
});
