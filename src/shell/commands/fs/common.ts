// Shared pieces of the file commands (coreutils 8.4 on Oracle Linux 6): quoting in messages
// (`name'), permission strings, ls dates from the simulation clock, human sizes, path lookups.
import { monthDay, two, ymdHms } from '../../../lib/calendar';
import { wallTime } from '../../../sim/clock';
import { normalizePath } from '../../../sim/vfs';
import type { FsNode } from '../../../sim/types';
import type { CommandContext } from '../../types';

/** coreutils 8.4 quotes names in messages as `name'. */
export const q = (s: string): string => `\`${s}'`;

export const absPath = (ctx: CommandContext, p: string): string => normalizePath(p, ctx.frame.cwd);

/** `drwxr-xr-x`, `-rw-r--r--`, `lrwxrwxrwx`, with setuid/setgid/sticky letters. */
export function modeString(node: FsNode): string {
  const type = node.type === 'dir' ? 'd' : node.type === 'link' ? 'l' : '-';
  const m = node.type === 'link' ? 0o777 : node.mode;
  const bit = (v: number, c: string) => (m & v ? c : '-');
  let s = type + bit(0o400, 'r') + bit(0o200, 'w') + bit(0o100, 'x') + bit(0o40, 'r') + bit(0o20, 'w') + bit(0o10, 'x') + bit(0o4, 'r') + bit(0o2, 'w') + bit(0o1, 'x');
  const set = (i: number, on: boolean, lower: string, upper: string) => {
    if (on) s = s.slice(0, i) + (s[i] === 'x' ? lower : upper) + s.slice(i + 1);
  };
  set(3, !!(m & 0o4000), 's', 'S');
  set(6, !!(m & 0o2000), 's', 'S');
  set(9, !!(m & 0o1000), 't', 'T');
  return s;
}

const SIX_MONTHS_MS = (365.2425 * 24 * 3600 * 1000) / 2;

/** `Mar  2 08:01` for the last six months, else `Mar  2  2025` (as `ls -l` prints). */
export function lsDate(ctx: CommandContext, mtimeMs: number): string {
  const d = wallTime(ctx.world, mtimeMs);
  const now = ctx.world.epochMs + ctx.world.clockMs;
  const t = d.getTime();
  const recent = t > now - SIX_MONTHS_MS && t <= now + 60_000;
  const tail = recent ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : ` ${d.getUTCFullYear()}`;
  return `${monthDay(d)} ${tail}`;
}

/** `2026-03-02 08:01:44.000000000 +0000`, as `stat` prints times. */
export function statDate(ctx: CommandContext, ms: number): string {
  const d = wallTime(ctx.world, ms);
  const frac = String(((ms % 1000) + 1000) % 1000).padStart(3, '0') + '000000';
  return `${ymdHms(d)}.${frac} +0000`;
}

/**
 * coreutils' human-readable size (`ls -h`, `du -h`, `df -h`): powers of 1024, rounded up,
 * one decimal below 10 (`4.0K`, `1.5M`, `12G`), plain bytes below 1024.
 */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(Math.ceil(bytes));
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10 - 1e-9) / 10;
    if (r < 10) return r.toFixed(1) + units[u]!;
    return '10' + units[u]!;
  }
  const r = Math.ceil(v - 1e-9);
  if (r >= 1024 && u < units.length - 1) return '1.0' + units[u + 1]!;
  return r + units[u]!;
}

/** The operands of a command, or coreutils' `missing operand` error. */
export function missingOperand(prog: string, extra = ''): string {
  return `${prog}: missing operand${extra}\nTry \`${prog} --help' for more information.\n`;
}
