// Draws vi's window: wrapped lines with optional numbers, `~` past the end, `@` for a line
// that does not fit, and the command/message line at the bottom. Keeps the cursor in view.
import { displayText, displayWidth, type Screen, type Segment } from '../screen';
import type { ViBuffer } from './buffer';

/** Highlight groups as vim's default colours under TERM=xterm. */
export const STYLE = {
  nonText: '1;34',
  lineNr: '33',
  error: '37;41',
  warning: '31',
  mode: '1',
  search: '30;43',
  more: '32',
} as const;

export interface ViewState {
  top: number;
  number: boolean;
}

export const numberWidth = (buf: ViBuffer, v: ViewState): number => (v.number ? Math.max(3, String(buf.lines.length).length) + 1 : 0);

/** Screen rows a buffer line takes at this width. */
function heightOf(line: string, width: number): number {
  return Math.max(1, Math.ceil(displayText(line).length / width));
}

/** The display column of the cursor: on a tab in normal mode, vi shows it at the tab's end. */
export function cursorColumn(buf: ViBuffer, insert: boolean): number {
  const line = buf.line;
  if (!insert && line[buf.cx] === '\t') return displayWidth(line, buf.cx + 1) - 1;
  return displayWidth(line, buf.cx);
}

/** Adjusts `top` so the cursor line is fully visible; far jumps centre it, as vim does. */
export function scrollToCursor(buf: ViBuffer, v: ViewState, textRows: number, cols: number): void {
  const width = Math.max(1, cols - numberWidth(buf, v));
  if (buf.cy < v.top) {
    v.top = v.top - buf.cy > textRows / 2 ? centreTop(buf, textRows, width) : buf.cy;
    return;
  }
  let used = 0;
  for (let i = v.top; i <= buf.cy; i++) used += heightOf(buf.lines[i]!, width);
  if (used <= textRows) return;
  // Far below: centre; just below: scroll the minimum.
  const farRows = used - textRows;
  if (farRows > textRows / 2) {
    v.top = centreTop(buf, textRows, width);
    return;
  }
  while (used > textRows && v.top < buf.cy) {
    used -= heightOf(buf.lines[v.top]!, width);
    v.top++;
  }
}

/** Centres the cursor line, but never leaves `~` rows below the end of the text. */
function centreTop(buf: ViBuffer, textRows: number, width: number): number {
  let last = buf.lines.length;
  let fill = 0;
  while (last > 0 && fill + heightOf(buf.lines[last - 1]!, width) <= textRows) fill += heightOf(buf.lines[--last]!, width);
  return Math.min(centred(buf, textRows, width), last);
}

function centred(buf: ViBuffer, textRows: number, width: number): number {
  let top = buf.cy;
  let used = heightOf(buf.lines[buf.cy]!, width);
  while (top > 0 && used + heightOf(buf.lines[top - 1]!, width) <= Math.floor((textRows + 1) / 2)) {
    top--;
    used += heightOf(buf.lines[top]!, width);
  }
  return top;
}

/** Paints the text rows; returns where the cursor goes. */
export function drawText(screen: Screen, buf: ViBuffer, v: ViewState, insert: boolean, highlight?: RegExp): { row: number; col: number } {
  const textRows = screen.rows - 1;
  const nw = numberWidth(buf, v);
  const width = Math.max(1, screen.cols - nw);
  let row = 0;
  let cursor = { row: 0, col: nw };
  for (let i = v.top; i < buf.lines.length && row < textRows; i++) {
    const shown = displayText(buf.lines[i]!);
    const h = heightOf(buf.lines[i]!, width);
    if (row + h > textRows && i !== v.top) {
      // vim marks a line that does not fit with '@' rows.
      for (; row < textRows; row++) screen.setRow(row, [{ text: '@', style: STYLE.nonText }]);
      break;
    }
    for (let k = 0; k < h && row < textRows; k++, row++) {
      const segs: Segment[] = [];
      if (nw) segs.push({ text: k === 0 ? String(i + 1).padStart(nw - 1) + ' ' : ' '.repeat(nw), style: STYLE.lineNr });
      segs.push(...highlighted(shown.slice(k * width, (k + 1) * width), highlight));
      screen.setRow(row, segs);
    }
    if (i === buf.cy) {
      const col = cursorColumn(buf, insert);
      const startRow = row - h;
      const wrapRow = Math.min(h - 1, Math.floor(col / width));
      cursor = { row: startRow + wrapRow, col: nw + (col - wrapRow * width) };
    }
  }
  for (; row < textRows; row++) screen.setRow(row, [{ text: '~', style: STYLE.nonText }]);
  return cursor;
}

function highlighted(text: string, re: RegExp | undefined): Segment[] {
  if (!re) return [{ text }];
  const out: Segment[] = [];
  let last = 0;
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let guard = 0;
  for (let m = g.exec(text); m && guard < 1000; m = g.exec(text), guard++) {
    if (!m[0].length) {
      g.lastIndex++;
      continue;
    }
    out.push({ text: text.slice(last, m.index) }, { text: m[0], style: STYLE.search });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last) });
  return out.filter((s) => s.text);
}
