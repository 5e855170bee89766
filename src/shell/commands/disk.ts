// Disk utilities beside fdisk: `blockdev` (util-linux 2.17.2: --getsize64/--getsz/--getss/
// --rereadpt/--flushbufs/--report …), `kpartx` (multipath-tools: -a -d -l -v -p) and `partprobe`.
import { ERRNO, STRERROR, strerror } from '../../sim/errno';
import { resolveBlockDevice, listBlockDevices, type BlockDevice } from '../../sim/storage/san/block-devices';
import { syncDevNodes } from '../../sim/storage/multipath/devnodes';
import { allHolders } from '../../sim/storage/multipath/holders';
import { readLabel, rereadPartitionTable } from '../../sim/storage/san/disk-access';
import { kpartxAdd, partitionMaps } from '../../sim/storage/multipath/maps';
import { partName } from '../../sim/storage/multipath/naming';
import { hostSan } from '../../sim/storage/san/san';
import { kernelPartitions } from '../../sim/storage/san/scsi';
import { getopt } from '../getopt';
import { defineCommand, type CommandContext, type CommandOutcome } from '../types';

const BLOCKDEV_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['--getsz', 'get size in 512-byte sectors'],
  ['--setro', 'set read-only'],
  ['--setrw', 'set read-write'],
  ['--getro', 'get read-only'],
  ['--getdiscardzeroes', 'get discard zeroes support status'],
  ['--getss', 'get logical block (sector) size'],
  ['--getpbsz', 'get physical block (sector) size'],
  ['--getiomin', 'get minimum I/O size'],
  ['--getioopt', 'get optimal I/O size'],
  ['--getalignoff', 'get alignment offset'],
  ['--getmaxsect', 'get max sectors per request'],
  ['--getbsz', 'get blocksize'],
  ['--setbsz BLOCKSIZE', 'set blocksize'],
  ['--getsize', 'get 32-bit sector count'],
  ['--getsize64', 'get size in bytes'],
  ['--setra READAHEAD', 'set readahead'],
  ['--getra', 'get readahead'],
  ['--setfra FSREADAHEAD', 'set filesystem readahead'],
  ['--getfra', 'get filesystem readahead'],
  ['--flushbufs', 'flush buffers'],
  ['--rereadpt', 'reread partition table'],
];

const BLOCKDEV_USAGE = 'Usage:\n  blockdev -V\n  blockdev --report [devices]\n  blockdev [-v|-q] commands devices\n\nAvailable commands:\n' + BLOCKDEV_COMMANDS.map(([c, h]) => `\t${c.padEnd(30)} ${h}\n`).join('');

/** What one blockdev query prints (verbose wording in the second slot). */
function getter(cmd: string, d: BlockDevice): [string, string] | null {
  const sectors = Math.floor(d.sizeBytes / 512);
  switch (cmd) {
    case '--getsz':
      return [String(sectors), 'get size in 512-byte sectors'];
    case '--getsize':
      return [String(Math.min(sectors, 0xffffffff)), 'get 32-bit sector count'];
    case '--getsize64':
      return [String(d.sizeBytes), 'get size in bytes'];
    case '--getss':
      return ['512', 'get logical block (sector) size'];
    case '--getpbsz':
      return ['512', 'get physical block (sector) size'];
    case '--getbsz':
      return ['4096', 'get blocksize'];
    case '--getro':
      return ['0', 'get read-only'];
    case '--getra':
    case '--getfra':
      return ['256', cmd === '--getra' ? 'get readahead' : 'get filesystem readahead'];
    case '--getiomin':
      return ['512', 'get minimum I/O size'];
    case '--getioopt':
    case '--getalignoff':
    case '--getdiscardzeroes':
      return ['0', cmd.slice(2)];
    case '--getmaxsect':
      return ['1024', 'get max sectors per request'];
  }
  return null;
}

const WITH_ARG = new Set(['--setbsz', '--setra', '--setfra']);
const KNOWN = new Set(BLOCKDEV_COMMANDS.map(([c]) => c.split(' ')[0]!));

function reportRow(d: BlockDevice, name: string): string {
  return `rw ${String(256).padStart(5)} ${String(512).padStart(5)} ${String(4096).padStart(5)} ${String(d.startSector).padStart(10)} ${String(d.sizeBytes).padStart(15)}   ${name}\n`;
}

export const blockdev = defineCommand({
  name: 'blockdev',
  dir: '/sbin',
  summary: 'call block device ioctls from the command line',
  usage: 'blockdev [-v|-q] commands devices | --report [devices]',
  complete: (_c, _w, cur) => [...KNOWN, '--report', '-v'].filter((x) => x.startsWith(cur)),
  run(ctx) {
    const world = ctx.world;
    const host = ctx.host.name;
    const args = ctx.args;
    if (!args.length) return { stdout: '', stderr: BLOCKDEV_USAGE, exitCode: 1 };
    if (args[0] === '-V' || args[0] === '--version') return { stdout: 'blockdev from util-linux-ng 2.17.2\n', stderr: '', exitCode: 0 };
    if (args[0] === '-h' || args[0] === '--help') return { stdout: '', stderr: BLOCKDEV_USAGE, exitCode: 1 };
    if (args[0] === '--report') {
      let out = 'RO    RA   SSZ   BSZ   StartSec            Size   Device\n';
      const names = args.slice(1);
      if (!names.length) for (const d of listBlockDevices(world, host)) out += reportRow(d, `/dev/${d.kname}`);
      for (const n of names) {
        const d = resolveBlockDevice(world, host, n, ctx.frame.cwd);
        if (!d) return { stdout: out, stderr: `blockdev: cannot open ${n}: ${STRERROR.ENOENT}\n`, exitCode: 1 };
        out += reportRow(d, n);
      }
      return { stdout: out, stderr: '', exitCode: 0 };
    }
    let verbose = false;
    const cmds: string[] = [];
    let i = 0;
    for (; i < args.length && args[i]!.startsWith('-'); i++) {
      const a = args[i]!;
      if (a === '-v') verbose = true;
      else if (a === '-q') verbose = false;
      else if (KNOWN.has(a)) {
        cmds.push(a);
        if (WITH_ARG.has(a)) i++;
      } else return { stdout: '', stderr: `blockdev: Unknown command: ${a}\n` + BLOCKDEV_USAGE, exitCode: 1 };
    }
    const devices = args.slice(i);
    if (!devices.length) return { stdout: '', stderr: BLOCKDEV_USAGE, exitCode: 1 };
    const chunks: Array<[1 | 2, string]> = [];
    let code = 0;
    for (const name of devices) {
      const d = resolveBlockDevice(world, host, name, ctx.frame.cwd);
      if (!d) {
        chunks.push([2, `blockdev: cannot open ${name}: ${STRERROR.ENOENT}\n`]);
        code = 1;
        continue;
      }
      for (const c of cmds) {
        const g = getter(c, d);
        if (g) chunks.push([1, verbose ? `${g[1]}: ${g[0]}\n` : `${g[0]}\n`]);
        else if (c === '--rereadpt') {
          const err = rereadPartitionTable(world, host, d);
          if (err) {
            chunks.push([2, `BLKRRPART: ${strerror(err)}\n`]);
            code = 1;
          } else if (verbose) chunks.push([1, 'reread partition table succeeded.\n']);
        } else if (c === '--flushbufs') {
          if (verbose) chunks.push([1, 'flush buffers succeeded.\n']);
        } else if (verbose) chunks.push([1, `${c.slice(2)} succeeded.\n`]);
      }
    }
    const stdout = chunks.filter((c) => c[0] === 1).map((c) => c[1]).join('');
    const stderr = chunks.filter((c) => c[0] === 2).map((c) => c[1]).join('');
    return { stdout, stderr, exitCode: code, chunks };
  },
});

const KPARTX_USAGE = `usage : kpartx [-a|-d|-l] [-v] wholedisk
\t-a add partition devmappings
\t-d del partition devmappings
\t-l list partitions devmappings that would be added by -a
\t-p set device name-partition number delimiter
\t-g force GUID partition table (GPT)
\t-v verbose
\t-s sync mode. Don't return until the partitions are created
`;

/** getopt "ladgvp:t:s" without getopt's complaints: any mistake prints the usage on stdout, exit 1. */
const KPARTX_ARGS = getopt('ladgvp:t:s', { prog: 'kpartx', usage: KPARTX_USAGE, usageOn: 'stdout', opterr: false });

export const kpartx = defineCommand({
  name: 'kpartx',
  dir: '/sbin',
  summary: 'create device maps from partition tables',
  usage: 'kpartx [-a|-d|-l] [-v] [-p delim] wholedisk',
  complete(c, _w, cur) {
    const maps = (hostSan(c.world, c.host.name)?.maps ?? []).map((m) => `/dev/mapper/${m.name}`);
    return ['-a', '-d', '-l', '-v', '-p', ...maps].filter((x) => x.startsWith(cur));
  },
  args: KPARTX_ARGS,
  run(ctx) {
    const a = ctx.parsed;
    // The last of -a, -d and -l wins, as the assignments in kpartx's getopt loop do.
    const mode = a.last('a', 'd', 'l') ?? '';
    const path = a.operands[0];
    if (!mode || !path) return { stdout: KPARTX_USAGE, stderr: '', exitCode: 1 };
    return runKpartx(ctx, mode, path, a.has('v'), a.value('p'));
  },
});

function runKpartx(ctx: CommandContext, mode: 'a' | 'd' | 'l', path: string, verbose: boolean, delim: string | undefined): CommandOutcome {
  const world = ctx.world;
  const host = ctx.host.name;
  const dev = resolveBlockDevice(world, host, path, ctx.frame.cwd);
  if (!dev) return { stdout: `failed to stat() ${path}\n`, stderr: '', exitCode: 1 };
  const hs = hostSan(world, host)!;
  const map = dev.kind === 'mpath' ? hs.maps.find((m) => m.name === dev.mapName) : undefined;
  const base = dev.kind === 'mpath' ? dev.mapName! : dev.kname;
  const parts = kernelPartitions(readLabel(world, host, dev));
  const wholeName = path;
  if (mode === 'l') {
    return { stdout: parts.map((p) => `${partName(base, p.num, delim)} : 0 ${p.sectors} ${wholeName} ${p.startSector}\n`).join(''), stderr: '', exitCode: 0 };
  }
  if (!map) return { stdout: '', stderr: '', exitCode: 0 };
  if (mode === 'a') {
    const added = kpartxAdd(world, host, map, delim);
    syncDevNodes(world, host);
    const out = verbose ? added.map((d) => `add map ${d.name} (253:${d.minor}): 0 ${d.sectors} linear ${wholeName} ${d.startSector}\n`).join('') : '';
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  // -d: remove the partition maps this naming would have created; an open one stays.
  const names = new Set(parts.map((p) => partName(base, p.num, delim)));
  const held = new Set(allHolders(world, host).filter((h) => h.device.kind === 'mpath-part').map((h) => h.device.path.slice('/dev/mapper/'.length)));
  let out = '';
  let err = '';
  for (const p of partitionMaps(hs, map)) {
    if (!names.has(p.name)) continue;
    if (held.has(p.name)) {
      err += `device-mapper: remove ioctl failed: ${STRERROR.EBUSY}\n`;
      continue;
    }
    hs.dm = hs.dm.filter((d) => d !== p);
    if (verbose) out += `del devmap : ${p.name}\n`;
  }
  syncDevNodes(world, host);
  return { stdout: out, stderr: err, exitCode: 0 };
}

export const partprobe = defineCommand({
  name: 'partprobe',
  summary: 'inform the OS of partition table changes',
  usage: 'partprobe [-d] [-s] [DEVICE...]',
  run(ctx) {
    const world = ctx.world;
    const host = ctx.host.name;
    const ovm22 = ctx.host.release === 'ovm22';
    const bad = ctx.args.find((a) => a.startsWith('-') && !['-d', '-s', '--dry-run', '--summary'].includes(a));
    if (bad) return { stdout: '', stderr: `partprobe: invalid option -- '${bad.replace(/^-+/, '')[0]}'\nUsage: partprobe [OPTION] [DEVICE]...\nTry \`partprobe --help' for more information.\n`, exitCode: 1 };
    const dry = ctx.args.includes('-d') || ctx.args.includes('--dry-run');
    const names = ctx.args.filter((a) => !a.startsWith('-'));
    const targets = names.length ? names.map((n) => ({ n, d: resolveBlockDevice(world, host, n, ctx.frame.cwd) })) : listBlockDevices(world, host).filter((d) => (d.kind === 'disk' || d.kind === 'mpath') && d.visible).map((d) => ({ n: d.path, d }));
    let err = '';
    let code = 0;
    for (const { n, d } of targets) {
      if (!d) {
        err += `Error: Could not stat device ${n} - ${STRERROR.ENOENT}.\n`;
        code = 1;
        continue;
      }
      if (dry) continue;
      if (d.kind === 'mpath') {
        const map = hostSan(world, host)!.maps.find((m) => m.name === d.mapName);
        if (map) kpartxAdd(world, host, map, 'p');
        continue;
      }
      const e = rereadPartitionTable(world, host, d);
      if (e === ERRNO.EBUSY) {
        err += ovm22
          ? `Warning: WARNING: the kernel failed to re-read the partition table on ${n} (${STRERROR.EBUSY}).  As a result, it may not reflect all of your changes until after reboot.\n`
          : `Error: Error informing the kernel about modifications to partition ${n}1 -- ${STRERROR.EBUSY}.  This means Linux won't know about any changes you made to ${n}1 until you reboot -- so you shouldn't mount it or use it in any way before rebooting.\n`;
        code = 1;
      }
    }
    syncDevNodes(world, host);
    return { stdout: '', stderr: err, exitCode: code };
  },
});
