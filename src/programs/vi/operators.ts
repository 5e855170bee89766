// The second key of vi's two-key commands: dd yy cc, d/c with w e $, dj dk dG, gg, ZZ ZQ
// and rX. normal-mode.ts collects the first key (and count) in `pending`.
import { yank } from './changes';
import { quit, writeBuffer } from './files';
import { showInsert } from './insert-mode';
import { moveTo } from './motion';
import type { ViState } from './state';

/** Second key of a two-key command: dd, yy, dw, d$, cw, cc, gg, ZZ, ZQ, rX. */
export function operator(s: ViState, op: string, ch: string, count: number, counted: boolean): void {
  const b = s.buf;
  if (op === 'g' && ch === 'g') return moveTo(s, counted ? count - 1 : 0, 'first');
  if (op === 'Z') {
    if (ch === 'Z') {
      if (b.modified && !writeBuffer(s, undefined, false)) return;
      return quit(s);
    }
    if (ch === 'Q') return quit(s);
    return;
  }
  if (op === 'r') {
    if (b.cx + count > b.line.length || !b.line.length) return;
    b.checkpoint(s.now());
    b.setLine(b.line.slice(0, b.cx) + ch.repeat(count) + b.line.slice(b.cx + count));
    b.cx += count - 1;
    return;
  }
  if (op === 'y' && ch === 'y') return yank(s, count);
  if (op === 'd' && ch === 'd') {
    b.checkpoint(s.now());
    const n = b.deleteLines(count);
    if (n > 2) s.msg = { text: `${n} fewer lines` };
    if (b.lines.length === 1 && b.lines[0] === '') s.msg = { text: '--No lines in buffer--' };
    return;
  }
  if (op === 'c' && ch === 'c') {
    // cc keeps the line's indent and replaces the rest.
    b.checkpoint(s.now());
    const indent = /^\s*/.exec(b.line)![0];
    b.register = { text: b.lines.slice(b.cy, b.cy + count), linewise: true };
    b.lines.splice(b.cy, Math.min(count, b.lines.length - b.cy), indent);
    b.cx = indent.length;
    showInsert(s);
    return;
  }
  if ((op === 'd' || op === 'c') && (ch === 'w' || ch === 'e' || ch === '$')) {
    if (!b.line.length && op === 'd') return;
    b.checkpoint(s.now());
    let end = b.line.length;
    if (ch !== '$') {
      // Within the line: cw acts like ce (vi keeps the space after the word).
      let x = b.cx;
      for (let i = 0; i < count && x < b.line.length; i++) {
        const re = op === 'c' || ch === 'e' ? /^(\w+|[^\w\s]+|\s+\w+|\s+[^\w\s]+)/ : /^(\w+\s*|[^\w\s]+\s*|\s+)/;
        x += re.exec(b.line.slice(x))?.[0].length ?? 1;
      }
      end = Math.min(x, b.line.length);
    }
    b.deleteChars(end - b.cx);
    if (op === 'c') showInsert(s);
    else b.clamp(false);
    return;
  }
  if (op === 'd' && (ch === 'j' || ch === 'k' || ch === 'G')) {
    const from = ch === 'k' ? Math.max(0, b.cy - count) : b.cy;
    const to = ch === 'G' ? b.lines.length - 1 : ch === 'j' ? Math.min(b.lines.length - 1, b.cy + count) : b.cy;
    b.checkpoint(s.now());
    b.cy = from;
    const n = b.deleteLines(to - from + 1);
    if (n > 2) s.msg = { text: `${n} fewer lines` };
  }
}
