// vi's insert mode: typed text, Enter, Tab, Backspace, Delete, Ctrl-W and Ctrl-U, and the
// ways in (one undo step per insert) and out (Esc, Ctrl-C, Ctrl-[).
import { motionKey } from './motion';
import { STYLE } from './view';
import type { Key } from '../keys';
import type { ViState } from './state';

export function insertKey(s: ViState, key: Key): void {
  const b = s.buf;
  if (key.kind === 'text') return b.insertText(key.text);
  if (key.kind === 'ctrl') {
    if (key.char === 'c' || key.char === '[') return leaveInsert(s);
    if (key.char === 'w') {
      const before = b.line.slice(0, b.cx);
      const cut = /(\w+|[^\w\s]+)?\s*$/.exec(before)?.[0].length ?? 0;
      b.setLine(before.slice(0, before.length - cut) + b.line.slice(b.cx));
      b.cx -= cut;
      return;
    }
    if (key.char === 'u') {
      b.setLine(b.line.slice(b.cx));
      b.cx = 0;
    }
    return;
  }
  if (key.kind !== 'special') return;
  switch (key.name) {
    case 'escape':
      return leaveInsert(s);
    case 'enter':
      return b.insertText('\n');
    case 'tab':
      return b.insertText('\t');
    case 'backspace':
      return b.backspace();
    case 'delete':
      if (b.cx < b.line.length) b.setLine(b.line.slice(0, b.cx) + b.line.slice(b.cx + 1));
      else if (b.cy + 1 < b.lines.length) b.lines.splice(b.cy, 2, b.line + b.lines[b.cy + 1]);
      return;
    default:
      motionKey(s, key.name, 1, true);
  }
}

/** Back to normal mode: as in vim, the cursor steps back onto the last character typed. */
function leaveInsert(s: ViState): void {
  s.mode = 'normal';
  s.msg = null;
  s.buf.cx = Math.max(0, s.buf.cx - 1);
  s.buf.clamp(false);
}

/** Starts an insert; the checkpoint makes the whole insert one undo step. */
export function enterInsert(s: ViState): void {
  s.buf.checkpoint(s.now());
  showInsert(s);
}

/** Insert mode without a new checkpoint, for changes (C, cc, cw) that already made one. */
export function showInsert(s: ViState): void {
  s.mode = 'insert';
  s.msg = { text: '-- INSERT --', style: STYLE.mode };
}
