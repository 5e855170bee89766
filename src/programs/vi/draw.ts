// Paints one vi frame: the text through view.ts, then the bottom line — the command line being
// typed, the message, or vim's hit-enter prompt for a message wider than the screen.
import { STYLE, drawText, scrollToCursor } from './view';
import type { ViState } from './state';

export function draw(s: ViState): void {
  const sc = s.screen;
  const insert = s.mode === 'insert';
  s.buf.clamp(insert);
  scrollToCursor(s.buf, s.view, sc.rows - 1, sc.cols);
  let cursor = drawText(sc, s.buf, s.view, insert);
  const last = sc.rows - 1;
  if (s.mode === 'cmdline') {
    const text = s.cmdKind + s.cmdline;
    sc.setRow(last, text.slice(Math.max(0, text.length - sc.cols + 1)));
    cursor = { row: last, col: Math.min(text.length, sc.cols - 1) };
  } else if (s.msg && s.msg.text.length > sc.cols && s.mode === 'normal') {
    // A message wider than the screen scrolls it up and waits: "Press ENTER …" (hit-enter).
    const style = s.msg.style;
    const parts: string[] = [];
    for (let i = 0; i < s.msg.text.length; i += sc.cols) parts.push(s.msg.text.slice(i, i + sc.cols));
    const k = Math.min(parts.length, last);
    for (let r = 0; r < last - k; r++) sc.setRow(r, sc.getRow(r + k));
    parts.slice(-k).forEach((p, i) => sc.setRow(last - k + i, [{ text: p, ...(style && { style }) }]));
    sc.setRow(last, [{ text: 'Press ENTER or type command to continue', style: STYLE.more }]);
    cursor = { row: last, col: Math.min(sc.cols - 1, 39) };
    s.hitEnter = true;
  } else if (s.msg) sc.setRow(last, [{ text: s.msg.text, ...(s.msg.style && { style: s.msg.style }) }]);
  else sc.setRow(last, '');
  sc.setCursor(cursor.row, cursor.col);
  s.host.write(sc.frame());
}
