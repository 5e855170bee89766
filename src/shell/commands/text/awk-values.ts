// awk values and their conversions: numbers, strings and strnums (input that looks numeric),
// string-to-number, number-to-string by CONVFMT/OFMT, truth, and numeric-vs-string comparison.
import { formatNumber } from './echo-printf';

/** A string from input (fields, -v, ENVIRON, split) that compares as a number when it looks like one. */
export class StrNum {
  constructor(readonly s: string) {}
}
export type Val = number | string | StrNum | undefined;

export const NUM_RE = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const LEAD_NUM = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;

export function toNum(v: Val): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.s;
  const m = LEAD_NUM.exec(s);
  return m ? Number(m[0]) : 0;
}

function numToStr(n: number, fmt = '%.6g'): string {
  // gawk 3.1 (format_val): an integral value that fits a C long (64-bit dom0) prints as an integer.
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : n < 0 ? '-inf' : 'nan';
  // Any other number goes through OFMT or CONVFMT as a printf conversion (%.6g, %.2f, %d ...).
  const m = /^%([-+ 0#]*)(\d*)(?:\.(\d*))?([diouxXeEfFgG])$/.exec(fmt);
  if (!m) return formatNumber(n, 'g', '', 6);
  const [, flags = '', width = '', prec, conv = 'g'] = m;
  const s = formatNumber(n, conv, flags, prec === undefined ? undefined : Number(prec || 0));
  return flags.includes('-') ? s.padEnd(Number(width || 0)) : s.padStart(Number(width || 0));
}

export function toStr(v: Val, fmt?: string): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return numToStr(v, fmt);
  return typeof v === 'string' ? v : v.s;
}

export const numericLike = (v: Val): boolean => v === undefined || typeof v === 'number' || (v instanceof StrNum && NUM_RE.test(v.s));

export function truthy(v: Val): boolean {
  if (v === undefined) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  return NUM_RE.test(v.s) ? toNum(v) !== 0 : v.s !== '';
}
