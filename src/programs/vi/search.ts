// `/` `?` `n` `N`: finding a pattern from the cursor, wrapping around the ends of the buffer
// with vim's "search hit BOTTOM" warning.
import { setWant } from './motion';
import { vimRegex } from './regex';
import { STYLE } from './view';
import type { ViState } from './state';

/** Moves to the `count`th match; E486 and the cursor stays put when there is none. */
export function search(s: ViState, pattern: string, forward: boolean, count: number): void {
  const b = s.buf;
  const re = vimRegex(pattern);
  if (!re) return s.error(`E486: Pattern not found: ${pattern}`);
  let y = b.cy;
  let x = b.cx;
  let wrapped = false;
  for (let c = 0; c < count; c++) {
    const hit = findFrom(b.lines, re, y, x, forward);
    if (!hit) return s.error(`E486: Pattern not found: ${pattern}`);
    [y, x] = [hit.y, hit.x];
    wrapped ||= hit.wrapped;
  }
  b.cy = y;
  b.cx = x;
  setWant(s);
  if (wrapped) s.msg = { text: forward ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM', style: STYLE.warning };
  else s.msg = { text: `${forward ? '/' : '?'}${pattern}` };
}

/** The next match strictly after (or before) line y column x, wrapping once around the buffer. */
function findFrom(lines: readonly string[], re: RegExp, y: number, x: number, forward: boolean): { y: number; x: number; wrapped: boolean } | null {
  const n = lines.length;
  const g = new RegExp(re.source, 'g');
  for (let i = 0; i <= n; i++) {
    const row = forward ? (y + i) % n : (((y - i) % n) + n) % n;
    const wrapped = forward ? y + i >= n : y - i < 0;
    const line = lines[row]!;
    const hits: number[] = [];
    g.lastIndex = 0;
    for (let m = g.exec(line), guard = 0; m && guard < 10_000; m = g.exec(line), guard++) {
      hits.push(m.index);
      if (!m[0].length) g.lastIndex++;
    }
    const cand = forward ? hits.find((h) => i > 0 || h > x) : [...hits].reverse().find((h) => i > 0 || h < x);
    if (cand !== undefined) return { y: row, x: cand, wrapped };
    if (i === n && !hits.length) break;
  }
  return null;
}
