// Cursor motion shared by every mode: the arrow/Home/End/Page keys, moving to a line while
// keeping the wanted display column (vim's curswant), and remembering that column.
import { firstNonBlank } from './buffer';
import { cursorColumn } from './view';
import type { ViState } from './state';

/** A named motion key (`left`, `pagedown`, …). In insert mode the cursor may sit past the last character. */
export function motionKey(s: ViState, name: string, count: number, insert: boolean): void {
  const b = s.buf;
  switch (name) {
    case 'left':
      b.cx = Math.max(0, b.cx - count);
      return setWant(s);
    case 'right':
      b.cx = Math.min(insert ? b.line.length : Math.max(0, b.line.length - 1), b.cx + count);
      return setWant(s);
    case 'up':
      return moveTo(s, b.cy - count, null, insert);
    case 'down':
      return moveTo(s, b.cy + count, null, insert);
    case 'home':
      b.cx = 0;
      return setWant(s);
    case 'end':
      b.cx = insert ? b.line.length : Math.max(0, b.line.length - 1);
      b.want = Number.MAX_SAFE_INTEGER;
      return;
    case 'pagedown':
      return moveTo(s, b.cy + Math.max(1, s.screen.rows - 3) * count, null, insert);
    case 'pageup':
      return moveTo(s, b.cy - Math.max(1, s.screen.rows - 3) * count, null, insert);
  }
}

/** Moves to a line, keeping the wanted column (or to its first non-blank). */
export function moveTo(s: ViState, line: number, col: 'first' | null, insert = false): void {
  const b = s.buf;
  b.cy = Math.max(0, Math.min(b.lines.length - 1, line));
  if (col === 'first') {
    b.cx = firstNonBlank(b.line);
    return setWant(s);
  }
  // Find the character at the wanted display column.
  let x = 0;
  let w = 0;
  const line2 = b.line;
  while (x < line2.length) {
    const next = line2[x] === '\t' ? w + 8 - (w % 8) : w + 1;
    if (next > b.want) break;
    w = next;
    x++;
  }
  b.cx = x;
  b.clamp(insert);
}

/** A horizontal move sets the column that later up/down moves aim for. */
export function setWant(s: ViState): void {
  s.buf.want = cursorColumn(s.buf, s.mode === 'insert');
}
