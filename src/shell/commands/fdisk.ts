// `fdisk`: -l (all disks from /proc/partitions, or the named ones), -s, -v, -u, -c, and the
// interactive program for one device — util-linux-ng 2.17.2 on OL6, util-linux 2.13 on OL5.
import { STRERROR } from '../../sim/errno';
import { fdiskList, type FdiskVersion } from '../../sim/render/fdisk';
import { listBlockDevices, resolveBlockDevice, type BlockDevice } from '../../sim/storage/san/block-devices';
import { readLabel } from '../../sim/storage/san/disk-access';
import { hostSan } from '../../sim/storage/san/san';
import { fdiskProgram } from '../../programs/fdisk';
import { getopt } from '../getopt';
import { defineCommand, type CommandContext, type CommandOutcome } from '../types';

const USAGE_217 = `
Usage:
 fdisk [options] <disk>    change partition table
 fdisk [options] -l <disk> list partition table(s)
 fdisk -s <partition>      give partition size(s) in blocks

Options:
 -b <size>                 sector size (512, 1024, 2048 or 4096)
 -c                        switch off DOS-compatible mode
 -h                        print help
 -u <size>                 give sizes in sectors instead of cylinders
 -v                        print version
 -C <number>               specify the number of cylinders
 -H <number>               specify the number of heads
 -S <number>               specify the number of sectors per track

`;

const USAGE_213 = `Usage: fdisk [-b SSZ] [-u] DISK     Change partition table
       fdisk -l [-b SSZ] [-u] DISK  List partition table(s)
       fdisk -s PARTITION           Give partition size(s) in blocks
       fdisk -v                     Give fdisk version
Here DISK is something like /dev/hdb or /dev/sda
and PARTITION is something like /dev/hda7
-u: give Start and End in sector (instead of cylinder) units
-b 2048: (for certain MO disks) use 2048-byte sectors
`;

const versionOf = (ctx: CommandContext): FdiskVersion => (ctx.host.release === 'ovm22' ? '2.13' : '2.17');
const usage = (ctx: CommandContext) => (versionOf(ctx) === '2.17' ? USAGE_217 : USAGE_213);

/** getopt strings of util-linux-ng 2.17.2 and util-linux 2.13 (no -c); -h prints the usage from inside the loop. */
const ARGS = getopt('b:cC:hH:lsS:uvV', {
  prog: 'fdisk',
  usage,
  stopAfter: ['h'],
  variant: (ctx) => (versionOf(ctx) === '2.17' ? undefined : 'b:C:hH:lsS:uvV'),
});

/** The devices `fdisk -l` walks: whole disks of /proc/partitions; dm devices as /dev/mapper names on 2.17. */
function listTargets(ctx: CommandContext): Array<{ name: string; dev: BlockDevice }> {
  const v217 = versionOf(ctx) === '2.17';
  const out: Array<{ name: string; dev: BlockDevice }> = [];
  for (const d of listBlockDevices(ctx.world, ctx.host.name)) {
    if (d.kind === 'part') continue;
    if (!d.visible) continue;
    if (d.kind === 'disk') out.push({ name: d.path, dev: d });
    else out.push({ name: v217 ? d.path : `/dev/${d.kname}`, dev: d });
  }
  return out;
}

function listOne(ctx: CommandContext, name: string, dev: BlockDevice, units: boolean, chunks: Array<[1 | 2, string]>): void {
  const r = fdiskList({ device: name, sizeBytes: dev.sizeBytes, label: readLabel(ctx.world, ctx.host.name, dev), version: versionOf(ctx), sectorUnits: units });
  chunks.push([1, r.stdout]);
  if (r.stderr) chunks.push([2, r.stderr]);
}

function fromChunks(chunks: Array<[1 | 2, string]>, exitCode = 0): CommandOutcome {
  const stdout = chunks.filter((c) => c[0] === 1).map((c) => c[1]).join('');
  const stderr = chunks.filter((c) => c[0] === 2).map((c) => c[1]).join('');
  return { stdout, stderr, exitCode, chunks };
}

export const fdisk = defineCommand({
  name: 'fdisk',
  dir: '/sbin',
  summary: 'manipulate disk partition table',
  usage: 'fdisk [-l] [-u] [-c] [-s PARTITION] [DISK]',
  complete(c, _w, cur) {
    const devs = listBlockDevices(c.world, c.host.name).filter((d) => d.kind === 'disk' || d.kind === 'mpath').map((d) => d.path);
    return ['-l', '-u', '-s', ...devs].filter((x) => x.startsWith(cur));
  },
  args: ARGS,
  run(ctx) {
    const a = ctx.parsed;
    if (a.has('h')) return { stdout: '', stderr: usage(ctx), exitCode: 1 };
    const o = { list: a.has('l'), size: a.has('s'), units: a.has('u'), noDos: a.has('c'), version: a.has('v') || a.has('V'), operands: a.operands };
    const world = ctx.world;
    const host = ctx.host.name;
    if (o.version) return { stdout: versionOf(ctx) === '2.17' ? 'fdisk (util-linux-ng 2.17.2)\n' : 'fdisk (util-linux 2.13-pre7)\n', stderr: '', exitCode: 0 };
    if (o.size) {
      if (!o.operands.length) return { stdout: '', stderr: usage(ctx), exitCode: 1 };
      let out = '';
      for (const p of o.operands) {
        const d = resolveBlockDevice(world, host, p, ctx.frame.cwd);
        if (!d) return { stdout: out, stderr: `fdisk: cannot open ${p}: ${STRERROR.ENOENT}\n`, exitCode: 1 };
        out += (o.operands.length > 1 ? `${p}: ` : '') + String(Math.floor(d.sizeBytes / 1024)) + '\n';
      }
      return { stdout: out, stderr: '', exitCode: 0 };
    }
    if (o.list) {
      const chunks: Array<[1 | 2, string]> = [];
      if (!o.operands.length) for (const t of listTargets(ctx)) listOne(ctx, t.name, t.dev, o.units, chunks);
      for (const p of o.operands) {
        const d = resolveBlockDevice(world, host, p, ctx.frame.cwd);
        // fdisk ignores devices it cannot open: a missing or dead device prints nothing.
        if (d && d.visible) listOne(ctx, p, d, o.units, chunks);
      }
      return fromChunks(chunks);
    }
    if (o.operands.length !== 1) return { stdout: '', stderr: usage(ctx), exitCode: 1 };
    const path = o.operands[0]!;
    const d = resolveBlockDevice(world, host, path, ctx.frame.cwd);
    if (!d || !hostSan(world, host)) return { stdout: '', stderr: `Unable to open ${path}\n`, exitCode: 1 };
    if (!d.visible) return { stdout: '', stderr: `Unable to read ${path}\n`, exitCode: 1 };
    return { stdout: '', stderr: '', exitCode: 0, program: fdiskProgram({ path, version: versionOf(ctx), dosCompat: !o.noDos, sectorUnits: o.units }) };
  },
});
