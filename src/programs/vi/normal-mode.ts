// vi's normal mode: counts, Ctrl keys, special keys, and the one-key commands (motions, i a o,
// x X D C J, p u, / ? : n N). The first key of a two-key command waits in `pending` for operators.ts.
import { firstNonBlank, nextWord, prevWord } from './buffer';
import { put, undoRedo, yank } from './changes';
import { openCmdline } from './cmdline';
import { fileInfo } from './files';
import { enterInsert, showInsert } from './insert-mode';
import { motionKey, moveTo, setWant } from './motion';
import { operator } from './operators';
import { search } from './search';
import type { Key } from '../keys';
import type { ViState } from './state';

export function normalKey(s: ViState, key: Key): void {
  const b = s.buf;
  if (key.kind === 'special') {
    if (key.name === 'escape') {
      s.pending = '';
      return;
    }
    // These special keys are aliases of one-key commands.
    const map: Partial<Record<string, string>> = { enter: '+', backspace: 'h', delete: 'x', insert: 'i' };
    const as = map[key.name];
    if (as) return normalKey(s, { kind: 'text', text: as });
    const count = takeCount(s);
    motionKey(s, key.name, count, false);
    return;
  }
  if (key.kind === 'ctrl') {
    const count = takeCount(s);
    const page = Math.max(1, s.screen.rows - 3);
    switch (key.char) {
      case 'c':
        s.msg = { text: 'Type  :quit<Enter>  to exit Vim' };
        return;
      case 'f':
        return moveTo(s, b.cy + page * count, null);
      case 'b':
        return moveTo(s, b.cy - page * count, null);
      case 'd':
        return moveTo(s, b.cy + Math.floor(s.screen.rows / 2), null);
      case 'u':
        return moveTo(s, b.cy - Math.floor(s.screen.rows / 2), null);
      case 'r':
        return undoRedo(s, false, count);
      case 'g':
        return fileInfo(s);
      case 'l':
        s.screen.resize(s.screen.cols, s.screen.rows);
        return;
      case 'n':
      case 'j':
        return moveTo(s, b.cy + count, null);
      case 'p':
        return moveTo(s, b.cy - count, null);
    }
    return;
  }
  if (key.kind !== 'text') return;
  const ch = key.text;
  const p = s.pending;
  // Digits build a count; a leading 0 is the motion to column 0 instead.
  if (/^\d*$/.test(p) && /[0-9]/.test(ch) && !(ch === '0' && p === '')) {
    s.pending += ch;
    return;
  }
  s.pending = '';
  const countText = /^\d*/.exec(p)![0];
  const count = Math.max(1, Number(countText || '1'));
  const op = p.slice(countText.length);
  if (op) return operator(s, op, ch, count, countText !== '');
  command(s, ch, count, countText !== '');
}

/** The count typed before a key that takes one but is not a text command (Ctrl-F, arrows). */
function takeCount(s: ViState): number {
  const n = Number(s.pending || '1');
  s.pending = '';
  return Math.max(1, Number.isFinite(n) ? n : 1);
}

/** A one-key command; `counted` tells `G` from `5G`. */
function command(s: ViState, ch: string, count: number, counted: boolean): void {
  const b = s.buf;
  switch (ch) {
    case 'h':
      b.cx = Math.max(0, b.cx - count);
      return setWant(s);
    case 'l':
    case ' ':
      b.cx = Math.min(Math.max(0, b.line.length - 1), b.cx + count);
      return setWant(s);
    case 'j':
      return moveTo(s, b.cy + count, null);
    case 'k':
      return moveTo(s, b.cy - count, null);
    case '+':
      return moveTo(s, b.cy + count, 'first');
    case '-':
      return moveTo(s, b.cy - count, 'first');
    case '0':
      b.cx = 0;
      return setWant(s);
    case '^':
      b.cx = firstNonBlank(b.line);
      return setWant(s);
    case '$':
      if (count > 1) moveTo(s, b.cy + count - 1, null);
      b.cx = Math.max(0, b.line.length - 1);
      b.want = Number.MAX_SAFE_INTEGER;
      return;
    case 'G':
      return moveTo(s, counted ? count - 1 : b.lines.length - 1, 'first');
    case 'w':
    case 'W':
      for (let i = 0; i < count; i++) [b.cy, b.cx] = nextWord(b.lines, b.cy, b.cx);
      return setWant(s);
    case 'b':
    case 'B':
      for (let i = 0; i < count; i++) [b.cy, b.cx] = prevWord(b.lines, b.cy, b.cx);
      return setWant(s);
    case 'i':
      return enterInsert(s);
    case 'a':
      enterInsert(s);
      if (b.line.length) b.cx++;
      return;
    case 'I':
      enterInsert(s);
      b.cx = /\S/.exec(b.line)?.index ?? b.line.length;
      return;
    case 'A':
      enterInsert(s);
      b.cx = b.line.length;
      return;
    case 'o':
    case 'O':
      enterInsert(s);
      b.lines.splice(ch === 'o' ? b.cy + 1 : b.cy, 0, '');
      if (ch === 'o') b.cy++;
      b.cx = 0;
      return;
    case 'x':
      if (!b.line.length) return;
      b.checkpoint(s.now());
      b.deleteChars(count);
      return b.clamp(false);
    case 'X':
      if (!b.cx) return;
      b.checkpoint(s.now());
      {
        const n = Math.min(count, b.cx);
        b.cx -= n;
        b.deleteChars(n);
      }
      return;
    case 'D':
      if (!b.line.length) return;
      b.checkpoint(s.now());
      b.deleteChars(b.line.length - b.cx);
      return b.clamp(false);
    case 'C':
      b.checkpoint(s.now());
      b.deleteChars(b.line.length - b.cx);
      showInsert(s);
      return;
    case 'r':
    case 'd':
    case 'y':
    case 'c':
    case 'g':
    case 'Z':
      // The first key of a two-key command: wait for the second (operators.ts).
      s.pending = (counted ? String(count) : '') + ch;
      return;
    case 'Y':
      return yank(s, count);
    case 'p':
    case 'P':
      return put(s, ch === 'p', count);
    case 'J':
      if (b.cy + 1 >= b.lines.length) return;
      b.checkpoint(s.now());
      b.joinLines(count);
      return;
    case 'u':
      return undoRedo(s, true, count);
    case '/':
    case '?':
    case ':':
      return openCmdline(s, ch);
    case 'n':
    case 'N':
      if (!s.lastSearch) return s.error('E35: No previous regular expression');
      return search(s, s.lastSearch.pattern, ch === 'n' ? s.lastSearch.forward : !s.lastSearch.forward, count);
  }
}
