// df (coreutils 8.4 on OL6, 5.97 on OL5 with the same layout): one row per mounted file system
// with blocks (pseudo file systems only with -a), or the file systems holding the named files.
import { STRERROR } from '../../sim/errno';
import { defineArgs } from '../args';
import { defineCommand, type CommandSpec } from '../types';
import { mtab, statfs, type MtabEntry } from '../../sim/storage/ocfs2/mounts-table';
import { renderDf, type DfRow, type DfStyle } from '../../sim/render/df';
import { mountFor, realPath } from '../../sim/vfs';

const ARGS = defineArgs({
  prog: 'df',
  options: [
    { short: 'a', long: 'all' },
    { short: 'B', long: 'block-size', arg: 'required' },
    { short: 'h', long: 'human-readable' },
    { short: 'H', long: 'si' },
    { short: 'i', long: 'inodes' },
    { short: 'k' },
    { short: 'l', long: 'local' },
    { long: 'no-sync' },
    { short: 'P', long: 'portability' },
    { long: 'sync' },
    { long: 'total' },
    { short: 't', long: 'type', arg: 'required' },
    { short: 'T', long: 'print-type' },
    { short: 'x', long: 'exclude-type', arg: 'required' },
    { short: 'v' },
    { short: 'm' },
  ],
});

/** -B SIZE: a number with an optional K/M/G (1024) or KB/MB/GB (1000) suffix. */
function blockSize(arg: string): number | null {
  const m = /^(\d*)([KMGTPE]?)(B?)$/i.exec(arg);
  if (!m || (!m[1] && !m[2])) return null;
  const pow = 'KMGTPE'.indexOf(m[2]!.toUpperCase()) + 1;
  return Number(m[1] || 1) * (m[3] ? 1000 : 1024) ** pow;
}

const df = defineCommand({
  name: 'df',
  dir: '/bin',
  summary: 'report file system disk space usage',
  usage: 'df [OPTION]... [FILE]...',
  args: ARGS,
  run(ctx) {
    const a = ctx.parsed;
    let units: DfStyle['units'] = 1024;
    const last = a.last('human-readable', 'si', 'k', 'm', 'block-size');
    if (last === 'human-readable') units = 'h';
    else if (last === 'si') units = 'H';
    else if (last === 'm') units = 1048576;
    else if (last === 'block-size') {
      const b = blockSize(a.value('block-size')!);
      if (b === null) return { stdout: '', stderr: `df: invalid block size \`${a.value('block-size')}'\nTry \`df --help' for more information.\n`, exitCode: 1 };
      units = b;
    }
    const only = a.values('type');
    const exclude = a.values('exclude-type');
    const entries = mtab(ctx.world, ctx.host);
    let stderr = '';
    let code = 0;
    let chosen: MtabEntry[];
    if (a.operands.length) {
      chosen = [];
      for (const f of a.operands) {
        const rp = realPath(ctx.world, ctx.host, f, ctx.frame.cwd);
        if (!rp.ok) {
          stderr += `df: \`${f}': ${STRERROR.ENOENT}\n`;
          code = 1;
          continue;
        }
        const m = mountFor(ctx.host, rp.value);
        const e = entries.find((x) => x.mount === m);
        if (e) chosen.push(e);
      }
    } else chosen = entries;
    const rows: DfRow[] = [];
    for (const e of chosen) {
      if (only.length && !only.includes(e.type)) continue;
      if (exclude.includes(e.type)) continue;
      const st = statfs(ctx.world, ctx.host, e);
      if (!st && !a.has('all')) continue;
      rows.push({ device: e.device, type: e.type, mountpoint: e.path, bsize: st?.bsize ?? 1024, blocks: st?.blocks ?? 0, bfree: st?.bfree ?? 0, bavail: st?.bavail ?? 0 });
    }
    if (!rows.length && (only.length || a.operands.length) && !code) {
      return { stdout: '', stderr: 'df: no file systems processed\n', exitCode: 1 };
    }
    const out = rows.length || !a.operands.length ? renderDf(rows, { units, printType: a.has('print-type'), posix: a.has('portability') }) : '';
    return { stdout: out, stderr, exitCode: code };
  },
});

export const dfCommands: readonly CommandSpec[] = [df];
