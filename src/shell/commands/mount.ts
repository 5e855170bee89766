// mount / umount (util-linux 2.17 on OL6, 2.13 on OL5) and the mount.ocfs2 helper: listing
// /etc/mtab (also per type and with labels), mounting OCFS2 under its rules (sim/storage/ocfs2/mounts.ts)
// and a guest's NTFS image through a loop device when ntfs-3g is installed (sim/xen/ntfs-loop-mount.ts),
// and unmounting unless a shell or a running guest still uses the file system.
import { defineArgs } from '../args';
import { defineCommand, fail, type CommandOutcome, type CommandSpec } from '../types';
import { mountOcfs2, umountTarget, volumeOfMount, type MountOutcome } from '../../sim/storage/ocfs2/mounts';
import { mtab } from '../../sim/storage/ocfs2/mounts-table';
import { volumeAtPath } from '../../sim/storage/ocfs2/ocfs2-volumes';
import { hasMountHelper, mountNtfsImage } from '../../sim/xen/ntfs-loop-mount';
import type { CommandContext } from '../types';
import type { Mount } from '../../sim/types';

const MOUNT_USAGE = [
  'Usage: mount -V                 : print version',
  '       mount -h                 : print this help',
  '       mount                    : list mounted filesystems',
  '       mount -l                 : idem, including volume labels',
  'So far the informational part. Next the mounting.',
  "The command is `mount [-t fstype] something somewhere'.",
  'Details found in /etc/fstab may be omitted.',
  '       mount -a [-t|-O] ...     : mount all stuff from /etc/fstab',
  '       mount device             : mount device at the known place',
  '       mount directory          : mount known device here',
  '       mount -t type dev dir    : ordinary mount command',
  'Note that one does not really mount a device, one mounts',
  'a filesystem (of the given type) found on the device.',
  'One can also mount an already visible directory tree elsewhere:',
  '       mount --bind olddir newdir',
  'or move a subtree:',
  '       mount --move olddir newdir',
  'One can change the type of mount containing the directory dir:',
  '       mount --make-shared dir',
  '       mount --make-slave dir',
  '       mount --make-private dir',
  '       mount --make-unbindable dir',
  'One can change the type of all the mounts in a mount subtree',
  'containing the directory dir:',
  '       mount --make-rshared dir',
  '       mount --make-rslave dir',
  '       mount --make-rprivate dir',
  '       mount --make-runbindable dir',
  'A device can be given by name, say /dev/hda1 or /dev/cdrom,',
  'or by label, using  -L label  or by uuid, using  -U uuid .',
  'Other options: [-nfFrsvw] [-o options] [-p passwdfd].',
  'For many more details, say  man 8 mount .',
  '',
].join('\n');

const MOUNT_ARGS = defineArgs({
  prog: 'mount',
  tryHelp: false,
  usageLine: MOUNT_USAGE.trimEnd(),
  options: [
    { short: 'a', long: 'all' },
    { short: 'f', long: 'fake' },
    { short: 'F', long: 'fork' },
    { short: 'h', long: 'help' },
    { short: 'l' },
    { short: 'n', long: 'no-mtab' },
    { short: 'r', long: 'read-only' },
    { short: 's' },
    { short: 'v', long: 'verbose' },
    { short: 'V', long: 'version' },
    { short: 'w', long: 'rw' },
    { short: 'o', long: 'options', arg: 'required' },
    { short: 'O', long: 'test-opts', arg: 'required' },
    { short: 't', long: 'types', arg: 'required' },
    { short: 'L', arg: 'required' },
    { short: 'U', arg: 'required' },
    { short: 'B', long: 'bind' },
    { short: 'M', long: 'move' },
  ],
});

const EX = 32;
const WRONG_FS = (dev: string) =>
  `mount: wrong fs type, bad option, bad superblock on ${dev},\n       missing codepage or helper program, or other error\n       In some cases useful info is found in syslog - try\n       dmesg | tail  or so\n\n`;

/** `mount` with no operands: mtab, optionally one type, optionally with [label]. */
function listing(ctx: CommandContext, type: string | undefined, labels: boolean): string {
  let out = '';
  for (const e of mtab(ctx.world, ctx.host)) {
    if (type && !type.split(',').includes(e.type)) continue;
    out += `${e.device} on ${e.path} type ${e.type} (${e.options})`;
    if (labels && e.mount) {
      const vol = volumeOfMount(ctx.world, e.mount);
      if (vol?.label) out += ` [${vol.label}]`;
    }
    out += '\n';
  }
  return out;
}

function outcome(r: MountOutcome, verbose: boolean): CommandOutcome {
  if (!r.ok) return { stdout: '', stderr: r.stderr, exitCode: r.exitCode };
  const m = r.mount;
  return { stdout: verbose ? `${m.device} on ${m.path} type ${m.fsType} (${m.options})\n` : '', stderr: '', exitCode: 0 };
}

const mount = defineCommand({
  name: 'mount',
  dir: '/bin',
  summary: 'mount a file system, or list mounted ones',
  usage: 'mount [-lhV] | mount [-t type] [-o options] device dir',
  args: MOUNT_ARGS,
  run(ctx) {
    const a = ctx.parsed;
    if (a.has('help')) return { stdout: MOUNT_USAGE, stderr: '', exitCode: 0 };
    if (a.has('version')) return { stdout: ctx.host.release === 'ovm22' ? 'mount (util-linux 2.13-pre7)\n' : 'mount from util-linux-ng 2.17.2 (with libblkid and selinux support)\n', stderr: '', exitCode: 0 };
    const type = a.value('types');
    const ops = a.operands;
    if (a.has('all')) return { stdout: '', stderr: '', exitCode: 0 };
    if (!ops.length) return { stdout: listing(ctx, type, a.has('l')), stderr: '', exitCode: 0 };
    // No fstab entries on an OVM server: the agent mounts everything itself.
    if (ops.length === 1) return fail(`mount: can't find ${ops[0]} in /etc/fstab or /etc/mtab\n`, 1);
    if (ops.length > 2) return { stdout: '', stderr: MOUNT_USAGE, exitCode: 1 };
    const [device, dir] = ops as [string, string];
    const opts = (a.values('options').join(',') + (a.has('read-only') ? ',ro' : '')).split(',').filter(Boolean);
    if (type === 'ntfs-3g' || type === 'ntfs') {
      if (!hasMountHelper(ctx.world, ctx.host)) return fail(`mount: unknown filesystem type '${type}'\n`, EX);
      return outcome(mountNtfsImage(ctx.world, ctx.host, { image: device, dir, options: opts, cwd: ctx.frame.cwd }), a.has('verbose'));
    }
    const { dev, vol } = volumeAtPath(ctx.world, ctx.host.name, device, ctx.frame.cwd);
    const fsType = type ?? (vol ? 'ocfs2' : undefined);
    if (fsType === 'ocfs2') return outcome(mountOcfs2(ctx.world, ctx.host, { device, dir, options: opts, cwd: ctx.frame.cwd }), a.has('verbose'));
    if (!dev) return fail(`mount: special device ${device} does not exist\n`, EX);
    if (!fsType) return fail('mount: you must specify the filesystem type\n', EX);
    if (!['ext2', 'ext3', 'ext4', 'xfs', 'nfs', 'iso9660', 'vfat', 'tmpfs', 'auto'].includes(fsType)) return fail(`mount: unknown filesystem type '${fsType}'\n`, EX);
    return fail(WRONG_FS(device), EX);
  },
});

/** mount.ocfs2 run by hand: `mount.ocfs2 [-vn] [-o options] device dir`. */
const mountOcfs2Cmd = defineCommand({
  name: 'mount.ocfs2',
  summary: 'mount an OCFS2 file system (the helper mount(8) runs)',
  usage: 'mount.ocfs2 [-vn] [-o options] device dir',
  run(ctx) {
    let opts: string[] = [];
    let verbose = false;
    const ops: string[] = [];
    for (let i = 0; i < ctx.args.length; i++) {
      const x = ctx.args[i]!;
      if (x === '-o') opts = (ctx.args[++i] ?? '').split(',').filter(Boolean);
      else if (x.startsWith('-o')) opts = x.slice(2).split(',').filter(Boolean);
      else if (x === '-v') verbose = true;
      else if (x === '-n' || x.startsWith('-t')) {
        if (x === '-t') i++;
      } else ops.push(x);
    }
    if (!ops[0]) return fail('mount.ocfs2: Illegal or malformed device name  \n', 1);
    if (!ops[1]) return fail('mount.ocfs2: Invalid argument passed to OCFS2 library no mountpoint specified\n', 1);
    return outcome(mountOcfs2(ctx.world, ctx.host, { device: ops[0], dir: ops[1], options: opts, cwd: ctx.frame.cwd }), verbose);
  },
});

const UMOUNT_USAGE = 'Usage: umount -h | -V\n       umount -a [-d] [-f] [-r] [-n] [-v] [-t vfstypes] [-O opts]\n       umount [-d] [-f] [-r] [-n] [-v] special | node...\n';

/** A file system is busy while this shell sits in it or a guest on this host runs from it. */
function busyCheck(ctx: CommandContext): (m: Mount) => boolean {
  const inside = (p: string) => p === m_path || p.startsWith(m_path + '/');
  let m_path = '';
  return (m) => {
    m_path = m.path;
    if (inside(ctx.frame.cwd)) return true;
    return Object.values(ctx.world.domains).some((d) => d.host === ctx.host.name && d.domid !== null && (inside(d.cfgPath) || d.disks.some((k) => k.kind === 'file' && inside(k.path))));
  };
}

const umount = defineCommand({
  name: 'umount',
  dir: '/bin',
  summary: 'unmount file systems',
  usage: 'umount [-fnrv] special | node...',
  run(ctx) {
    const targets: string[] = [];
    for (const x of ctx.args) {
      if (x === '-h' || x === '--help') return { stdout: UMOUNT_USAGE, stderr: '', exitCode: 0 };
      if (x === '-V' || x === '--version') return { stdout: ctx.host.release === 'ovm22' ? 'umount (util-linux 2.13-pre7)\n' : 'umount (util-linux-ng 2.17.2)\n', stderr: '', exitCode: 0 };
      if (/^-[adfrnvl]+$/.test(x)) continue;
      if (x.startsWith('-') && x !== '-') return { stdout: '', stderr: `umount: invalid option -- '${x.replace(/^-+/, '').charAt(0)}'\n${UMOUNT_USAGE}`, exitCode: 1 };
      targets.push(x);
    }
    if (!targets.length) return { stdout: '', stderr: UMOUNT_USAGE, exitCode: 1 };
    let stderr = '';
    let code = 0;
    const busy = busyCheck(ctx);
    for (const t of targets) {
      const r = umountTarget(ctx.world, ctx.host, t, ctx.frame.cwd, busy);
      if (!r.ok) {
        stderr += r.stderr;
        code = r.exitCode;
      }
    }
    return { stdout: '', stderr, exitCode: code };
  },
});

export const mounts: readonly CommandSpec[] = [mount, mountOcfs2Cmd, umount];
