// `vi` as Oracle Linux's vim-minimal shows it: normal, insert and command-line modes, counts,
// hjkl/arrows, i a o O, x dd yy p, u, /search n N, :w :q :wq :q! :x ZZ, :set nu; saves into the
// host's VFS. Driven only by keystrokes, so the journal replays it exactly.
import { normalizePath } from '../../../sim/vfs';
import { decodeKeys, type Key } from '../../keys';
import { Screen } from '../../screen';
import { byteLength, errorText, openFile, saveFile, splitLines, type FileArg } from '../file-io';
import { ViBuffer, firstNonBlank, nextWord, prevWord } from './buffer';
import { runEx, type ExEnv } from './ex';
import { vimRegex } from './regex';
import { STYLE, cursorColumn, drawText, scrollToCursor, type ViewState } from './view';
import type { Program, ProgramFactory, ProgramHost } from '../../program';

type Mode = 'normal' | 'insert' | 'cmdline';

/** `file` null: an unnamed buffer. `cwd` resolves names given to `:w NAME`. */
export function viProgram(file: FileArg | null, cwd: string): ProgramFactory {
  return (host) => new Vi(host, file, cwd);
}

class Vi implements Program {
  #host: ProgramHost;
  #file: FileArg | null;
  #screen: Screen;
  #buf: ViBuffer = new ViBuffer(['']);
  #view: ViewState = { top: 0, number: false };
  #mode: Mode = 'normal';
  #cmdline = '';
  /** ':' or '/' or '?': what the command line is for. */
  #cmdKind = ':';
  #msg: { text: string; style?: string } | null = null;
  #pending = '';
  #lastSearch: { pattern: string; forward: boolean } | null = null;
  #eol = true;
  #done = false;
  #hitEnter = false;
  #cwd: string;

  constructor(host: ProgramHost, file: FileArg | null, cwd: string) {
    this.#host = host;
    this.#file = file;
    this.#cwd = cwd;
    this.#screen = new Screen(host.cols, host.rows);
    host.write(this.#screen.enter());
    this.#load(true);
    this.#draw();
  }

  #load(first: boolean): void {
    const f = this.#file;
    if (!f) {
      this.#buf = new ViBuffer(['']);
      return;
    }
    const opened = openFile(this.#host, f.path);
    const name = `"${f.display}"`;
    if (opened.kind === 'file') {
      const { lines, eol } = splitLines(opened.content);
      this.#buf = new ViBuffer(lines);
      this.#eol = eol;
      const n = opened.content === '' ? 0 : lines.length;
      this.#info(`${name} ${eol ? '' : '[noeol] '}${n}L, ${byteLength(opened.content)}C`);
    } else if (opened.kind === 'new') {
      this.#buf = new ViBuffer(['']);
      this.#info(`${name} ${opened.dirMissing ? '[New DIRECTORY]' : '[New File]'}`);
    } else if (opened.kind === 'dir') {
      this.#buf = new ViBuffer(['']);
      this.#info(`${name} is a directory`);
    } else {
      this.#buf = new ViBuffer(['']);
      this.#info(`${name} [${errorText(opened.error)}]`);
    }
    if (!first) this.#buf.cx = 0;
  }

  onResize(cols: number, rows: number): void {
    this.#screen.resize(cols, rows);
    this.#draw();
  }

  onInput(data: string): void {
    for (const key of decodeKeys(data)) {
      if (this.#done) return;
      if (key.kind === 'paste') {
        for (const k of decodeKeys(key.text.replace(/\r?\n/g, '\r'))) this.#key(k);
      } else if (key.kind === 'alt') {
        // ESC followed quickly by a key arrives as one sequence: handle both.
        this.#key({ kind: 'special', name: 'escape' });
        this.#key({ kind: 'text', text: key.char });
      } else this.#key(key);
    }
    if (!this.#done) this.#draw();
  }

  #key(key: Key): void {
    if (this.#done) return;
    if (this.#hitEnter) {
      // Any key dismisses the long message; Enter, Space and Esc do nothing else.
      this.#hitEnter = false;
      this.#msg = null;
      if (key.kind === 'special' && (key.name === 'enter' || key.name === 'escape')) return;
      if (key.kind === 'text' && key.text === ' ') return;
    }
    if (key.kind === 'text' && key.text.length > 1) {
      for (const ch of key.text) this.#key({ kind: 'text', text: ch });
      return;
    }
    if (this.#mode === 'insert') this.#insertKey(key);
    else if (this.#mode === 'cmdline') this.#cmdlineKey(key);
    else this.#normalKey(key);
  }

  // --- insert mode ---------------------------------------------------------------------------

  #insertKey(key: Key): void {
    const b = this.#buf;
    if (key.kind === 'text') return b.insertText(key.text);
    if (key.kind === 'ctrl') {
      if (key.char === 'c' || key.char === '[') return this.#leaveInsert();
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
        return this.#leaveInsert();
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
        this.#motionKey(key.name, 1, true);
    }
  }

  #leaveInsert(): void {
    this.#mode = 'normal';
    this.#msg = null;
    this.#buf.cx = Math.max(0, this.#buf.cx - 1);
    this.#buf.clamp(false);
  }

  #enterInsert(): void {
    this.#buf.checkpoint(this.#now());
    this.#mode = 'insert';
    this.#msg = { text: '-- INSERT --', style: STYLE.mode };
  }

  // --- normal mode ---------------------------------------------------------------------------

  #normalKey(key: Key): void {
    const b = this.#buf;
    if (key.kind === 'special') {
      if (key.name === 'escape') {
        this.#pending = '';
        return;
      }
      const map: Partial<Record<string, string>> = { enter: '+', backspace: 'h', delete: 'x', insert: 'i' };
      const as = map[key.name];
      if (as) return this.#normalKey({ kind: 'text', text: as });
      const count = this.#takeCount();
      this.#motionKey(key.name, count, false);
      return;
    }
    if (key.kind === 'ctrl') {
      const count = this.#takeCount();
      const page = Math.max(1, this.#screen.rows - 3);
      switch (key.char) {
        case 'c':
          this.#msg = { text: 'Type  :quit<Enter>  to exit Vim' };
          return;
        case 'f':
          return this.#moveTo(b.cy + page * count, null);
        case 'b':
          return this.#moveTo(b.cy - page * count, null);
        case 'd':
          return this.#moveTo(b.cy + Math.floor(this.#screen.rows / 2), null);
        case 'u':
          return this.#moveTo(b.cy - Math.floor(this.#screen.rows / 2), null);
        case 'r':
          return this.#undoRedo(false, count);
        case 'g':
          return this.#fileInfo();
        case 'l':
          this.#screen.resize(this.#screen.cols, this.#screen.rows);
          return;
        case 'n':
        case 'j':
          return this.#moveTo(b.cy + count, null);
        case 'p':
          return this.#moveTo(b.cy - count, null);
      }
      return;
    }
    if (key.kind !== 'text') return;
    const ch = key.text;
    const p = this.#pending;
    if (/^\d*$/.test(p) && /[0-9]/.test(ch) && !(ch === '0' && p === '')) {
      this.#pending += ch;
      return;
    }
    this.#pending = '';
    const countText = /^\d*/.exec(p)![0];
    const count = Math.max(1, Number(countText || '1'));
    const op = p.slice(countText.length);
    if (op) return this.#operator(op, ch, count, countText !== '');
    this.#command(ch, count, countText !== '');
  }

  #takeCount(): number {
    const n = Number(this.#pending || '1');
    this.#pending = '';
    return Math.max(1, Number.isFinite(n) ? n : 1);
  }

  #command(ch: string, count: number, counted: boolean): void {
    const b = this.#buf;
    switch (ch) {
      case 'h':
        b.cx = Math.max(0, b.cx - count);
        return this.#setWant();
      case 'l':
      case ' ':
        b.cx = Math.min(Math.max(0, b.line.length - 1), b.cx + count);
        return this.#setWant();
      case 'j':
        return this.#moveTo(b.cy + count, null);
      case 'k':
        return this.#moveTo(b.cy - count, null);
      case '+':
        return this.#moveTo(b.cy + count, 'first');
      case '-':
        return this.#moveTo(b.cy - count, 'first');
      case '0':
        b.cx = 0;
        return this.#setWant();
      case '^':
        b.cx = firstNonBlank(b.line);
        return this.#setWant();
      case '$':
        if (count > 1) this.#moveTo(b.cy + count - 1, null);
        b.cx = Math.max(0, b.line.length - 1);
        b.want = Number.MAX_SAFE_INTEGER;
        return;
      case 'G':
        return this.#moveTo(counted ? count - 1 : b.lines.length - 1, 'first');
      case 'w':
      case 'W':
        for (let i = 0; i < count; i++) [b.cy, b.cx] = nextWord(b.lines, b.cy, b.cx);
        return this.#setWant();
      case 'b':
      case 'B':
        for (let i = 0; i < count; i++) [b.cy, b.cx] = prevWord(b.lines, b.cy, b.cx);
        return this.#setWant();
      case 'i':
        return this.#enterInsert();
      case 'a':
        this.#enterInsert();
        if (b.line.length) b.cx++;
        return;
      case 'I':
        this.#enterInsert();
        b.cx = /\S/.exec(b.line)?.index ?? b.line.length;
        return;
      case 'A':
        this.#enterInsert();
        b.cx = b.line.length;
        return;
      case 'o':
      case 'O':
        this.#enterInsert();
        b.lines.splice(ch === 'o' ? b.cy + 1 : b.cy, 0, '');
        if (ch === 'o') b.cy++;
        b.cx = 0;
        return;
      case 'x':
        if (!b.line.length) return;
        b.checkpoint(this.#now());
        b.deleteChars(count);
        return b.clamp(false);
      case 'X':
        if (!b.cx) return;
        b.checkpoint(this.#now());
        {
          const n = Math.min(count, b.cx);
          b.cx -= n;
          b.deleteChars(n);
        }
        return;
      case 'D':
        if (!b.line.length) return;
        b.checkpoint(this.#now());
        b.deleteChars(b.line.length - b.cx);
        return b.clamp(false);
      case 'C':
        b.checkpoint(this.#now());
        b.deleteChars(b.line.length - b.cx);
        this.#mode = 'insert';
        this.#msg = { text: '-- INSERT --', style: STYLE.mode };
        return;
      case 'r':
      case 'd':
      case 'y':
      case 'c':
      case 'g':
      case 'Z':
        this.#pending = (counted ? String(count) : '') + ch;
        return;
      case 'Y':
        return this.#yank(count);
      case 'p':
      case 'P':
        return this.#put(ch === 'p', count);
      case 'J':
        if (b.cy + 1 >= b.lines.length) return;
        b.checkpoint(this.#now());
        b.joinLines(count);
        return;
      case 'u':
        return this.#undoRedo(true, count);
      case '/':
      case '?':
      case ':':
        this.#mode = 'cmdline';
        this.#cmdKind = ch;
        this.#cmdline = '';
        this.#msg = null;
        return;
      case 'n':
      case 'N':
        if (!this.#lastSearch) return this.#error('E35: No previous regular expression');
        return this.#search(this.#lastSearch.pattern, ch === 'n' ? this.#lastSearch.forward : !this.#lastSearch.forward, count);
    }
  }

  /** Second key of a two-key command: dd, yy, dw, d$, cw, cc, gg, ZZ, ZQ, rX. */
  #operator(op: string, ch: string, count: number, counted: boolean): void {
    const b = this.#buf;
    if (op === 'g' && ch === 'g') return this.#moveTo(counted ? count - 1 : 0, 'first');
    if (op === 'Z') {
      if (ch === 'Z') {
        if (b.modified && !this.#write(undefined, false)) return;
        return this.#quit();
      }
      if (ch === 'Q') return this.#quit();
      return;
    }
    if (op === 'r') {
      if (b.cx + count > b.line.length || !b.line.length) return;
      b.checkpoint(this.#now());
      b.setLine(b.line.slice(0, b.cx) + ch.repeat(count) + b.line.slice(b.cx + count));
      b.cx += count - 1;
      return;
    }
    if (op === 'y' && ch === 'y') return this.#yank(count);
    if (op === 'd' && ch === 'd') {
      b.checkpoint(this.#now());
      const n = b.deleteLines(count);
      if (n > 2) this.#msg = { text: `${n} fewer lines` };
      if (b.lines.length === 1 && b.lines[0] === '') this.#msg = { text: '--No lines in buffer--' };
      return;
    }
    if (op === 'c' && ch === 'c') {
      b.checkpoint(this.#now());
      const indent = /^\s*/.exec(b.line)![0];
      b.register = { text: b.lines.slice(b.cy, b.cy + count), linewise: true };
      b.lines.splice(b.cy, Math.min(count, b.lines.length - b.cy), indent);
      b.cx = indent.length;
      this.#mode = 'insert';
      this.#msg = { text: '-- INSERT --', style: STYLE.mode };
      return;
    }
    if ((op === 'd' || op === 'c') && (ch === 'w' || ch === 'e' || ch === '$')) {
      if (!b.line.length && op === 'd') return;
      b.checkpoint(this.#now());
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
      if (op === 'c') {
        this.#mode = 'insert';
        this.#msg = { text: '-- INSERT --', style: STYLE.mode };
      } else b.clamp(false);
      return;
    }
    if (op === 'd' && (ch === 'j' || ch === 'k' || ch === 'G')) {
      const from = ch === 'k' ? Math.max(0, b.cy - count) : b.cy;
      const to = ch === 'G' ? b.lines.length - 1 : ch === 'j' ? Math.min(b.lines.length - 1, b.cy + count) : b.cy;
      b.checkpoint(this.#now());
      b.cy = from;
      const n = b.deleteLines(to - from + 1);
      if (n > 2) this.#msg = { text: `${n} fewer lines` };
    }
  }

  #yank(count: number): void {
    const n = this.#buf.yankLines(count);
    if (n > 2) this.#msg = { text: `${n} lines yanked` };
  }

  #put(after: boolean, count: number): void {
    const b = this.#buf;
    if (!b.register) return this.#error('E353: Nothing in register "');
    b.checkpoint(this.#now());
    const n = b.put(after, count);
    if (n > 2) this.#msg = { text: `${n} more lines` };
  }

  #undoRedo(undo: boolean, count: number): void {
    let r: ReturnType<ViBuffer['undo']> = null;
    let delta = 0;
    for (let i = 0; i < count; i++) {
      const step = undo ? this.#buf.undo(this.#now()) : this.#buf.redo();
      if (!step) break;
      delta += step.delta;
      r = step;
    }
    if (!r) {
      this.#msg = { text: undo ? 'Already at oldest change' : 'Already at newest change' };
      return;
    }
    this.#buf.clamp(false);
    const what = delta === 1 ? 'more line' : delta > 1 ? 'more lines' : delta === -1 ? 'line less' : delta < -1 ? 'fewer lines' : 'change';
    const n = delta === 0 ? count : Math.abs(delta);
    const ago = Math.max(0, Math.floor((this.#now() - r.atMs) / 1000));
    const when = ago >= 100 ? clock(this.#host.sim.world.epochMs + r.atMs) : `${ago} second${ago === 1 ? '' : 's'} ago`;
    this.#msg = { text: `${n} ${what}${n === 1 || delta ? '' : 's'}; ${undo ? 'before' : 'after'} #${undo ? r.seq + 1 : r.seq}  ${when}` };
  }

  #motionKey(name: string, count: number, insert: boolean): void {
    const b = this.#buf;
    switch (name) {
      case 'left':
        b.cx = Math.max(0, b.cx - count);
        return this.#setWant();
      case 'right':
        b.cx = Math.min(insert ? b.line.length : Math.max(0, b.line.length - 1), b.cx + count);
        return this.#setWant();
      case 'up':
        return this.#moveTo(b.cy - count, null, insert);
      case 'down':
        return this.#moveTo(b.cy + count, null, insert);
      case 'home':
        b.cx = 0;
        return this.#setWant();
      case 'end':
        b.cx = insert ? b.line.length : Math.max(0, b.line.length - 1);
        b.want = Number.MAX_SAFE_INTEGER;
        return;
      case 'pagedown':
        return this.#moveTo(b.cy + Math.max(1, this.#screen.rows - 3) * count, null, insert);
      case 'pageup':
        return this.#moveTo(b.cy - Math.max(1, this.#screen.rows - 3) * count, null, insert);
    }
  }

  /** Moves to a line, keeping the wanted column (or to its first non-blank). */
  #moveTo(line: number, col: 'first' | null, insert = false): void {
    const b = this.#buf;
    b.cy = Math.max(0, Math.min(b.lines.length - 1, line));
    if (col === 'first') {
      b.cx = firstNonBlank(b.line);
      return this.#setWant();
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

  #setWant(): void {
    this.#buf.want = cursorColumn(this.#buf, this.#mode === 'insert');
  }

  // --- command line --------------------------------------------------------------------------

  #cmdlineKey(key: Key): void {
    if (key.kind === 'text') {
      this.#cmdline += key.text;
      return;
    }
    const cancel = (key.kind === 'special' && key.name === 'escape') || (key.kind === 'ctrl' && key.char === 'c');
    if (cancel) {
      this.#mode = 'normal';
      return;
    }
    if (key.kind === 'special' && key.name === 'backspace') {
      if (!this.#cmdline) this.#mode = 'normal';
      else this.#cmdline = this.#cmdline.slice(0, -1);
      return;
    }
    if (key.kind === 'ctrl' && key.char === 'u') {
      this.#cmdline = '';
      return;
    }
    if (key.kind === 'special' && key.name === 'enter') {
      this.#mode = 'normal';
      const text = this.#cmdline;
      if (this.#cmdKind === ':') {
        // vim leaves the command on the command line unless it printed something else.
        this.#msg = { text: ':' + text };
        runEx(this.#exEnv(), text);
      }
      else {
        const pattern = text || this.#lastSearch?.pattern;
        if (!pattern) return this.#error('E35: No previous regular expression');
        this.#lastSearch = { pattern, forward: this.#cmdKind === '/' };
        this.#search(pattern, this.#cmdKind === '/', 1);
      }
      this.#buf.clamp(false);
    }
  }

  #search(pattern: string, forward: boolean, count: number): void {
    const b = this.#buf;
    const re = vimRegex(pattern);
    if (!re) return this.#error(`E486: Pattern not found: ${pattern}`);
    let y = b.cy;
    let x = b.cx;
    let wrapped = false;
    for (let c = 0; c < count; c++) {
      const hit = findFrom(b.lines, re, y, x, forward);
      if (!hit) return this.#error(`E486: Pattern not found: ${pattern}`);
      [y, x] = [hit.y, hit.x];
      wrapped ||= hit.wrapped;
    }
    b.cy = y;
    b.cx = x;
    this.#setWant();
    if (wrapped) this.#msg = { text: forward ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM', style: STYLE.warning };
    else this.#msg = { text: `${forward ? '/' : '?'}${pattern}` };
  }

  #exEnv(): ExEnv {
    return {
      buf: this.#buf,
      view: this.#view,
      write: (name, force) => this.#write(name, force),
      quit: () => this.#quit(),
      message: (text, style) => (this.#msg = { text, ...(style && { style: style === 'error' ? STYLE.error : STYLE.warning }) }),
      reload: () => this.#load(false),
    };
  }

  /** `:w [name]`: writes the buffer into the VFS with vim's message; false if it could not. */
  #write(name: string | undefined, _force: boolean): boolean {
    let target = this.#file;
    if (name) {
      target = { path: normalizePath(name, this.#cwd), display: name };
    }
    if (!target) {
      this.#error('E32: No file name');
      return false;
    }
    const b = this.#buf;
    const empty = b.lines.length === 1 && b.lines[0] === '';
    const content = empty ? '' : b.lines.join('\n') + (this.#eol ? '\n' : '');
    const saved = saveFile(this.#host, target.path, content);
    const quoted = `"${target.display}"`;
    if (!saved.ok) {
      this.#error(saved.error === 'EISDIR' ? `E502: ${quoted} is a directory` : `${quoted} E212: Can't open file for writing`);
      return false;
    }
    if (!this.#file) this.#file = target;
    if (target === this.#file || target.path === this.#file.path) b.markSaved();
    const lines = empty ? 0 : b.lines.length;
    this.#msg = { text: `${quoted} ${saved.created ? '[New] ' : ''}${this.#eol ? '' : '[noeol] '}${lines}L, ${byteLength(content)}C written` };
    return true;
  }

  #quit(): void {
    this.#done = true;
    this.#host.write(this.#screen.leave());
    this.#host.exit(0);
  }

  #fileInfo(): void {
    const b = this.#buf;
    const name = this.#file ? `"${this.#file.display}"` : '"[No Name]"';
    const pct = Math.floor(((b.cy + 1) * 100) / b.lines.length);
    this.#msg = { text: `${name}${b.modified ? ' [Modified]' : ''} line ${b.cy + 1} of ${b.lines.length} --${pct}%-- col ${b.cx + 1}` };
  }

  #info(text: string): void {
    this.#msg = { text };
  }

  #error(text: string): void {
    this.#msg = { text, style: STYLE.error };
  }

  #now(): number {
    return this.#host.sim.world.clockMs;
  }

  // --- drawing -------------------------------------------------------------------------------

  #draw(): void {
    const s = this.#screen;
    const insert = this.#mode === 'insert';
    this.#buf.clamp(insert);
    scrollToCursor(this.#buf, this.#view, s.rows - 1, s.cols);
    let cursor = drawText(s, this.#buf, this.#view, insert);
    const last = s.rows - 1;
    if (this.#mode === 'cmdline') {
      const text = this.#cmdKind + this.#cmdline;
      s.setRow(last, text.slice(Math.max(0, text.length - s.cols + 1)));
      cursor = { row: last, col: Math.min(text.length, s.cols - 1) };
    } else if (this.#msg && this.#msg.text.length > s.cols && this.#mode === 'normal') {
      // A message wider than the screen scrolls it up and waits: "Press ENTER …" (hit-enter).
      const style = this.#msg.style;
      const parts: string[] = [];
      for (let i = 0; i < this.#msg.text.length; i += s.cols) parts.push(this.#msg.text.slice(i, i + s.cols));
      const k = Math.min(parts.length, last);
      for (let r = 0; r < last - k; r++) s.setRow(r, s.getRow(r + k));
      parts.slice(-k).forEach((p, i) => s.setRow(last - k + i, [{ text: p, ...(style && { style }) }]));
      s.setRow(last, [{ text: 'Press ENTER or type command to continue', style: STYLE.more }]);
      cursor = { row: last, col: Math.min(s.cols - 1, 39) };
      this.#hitEnter = true;
    } else if (this.#msg) s.setRow(last, [{ text: this.#msg.text, ...(this.#msg.style && { style: this.#msg.style }) }]);
    else s.setRow(last, '');
    s.setCursor(cursor.row, cursor.col);
    this.#host.write(s.frame());
  }

  /** The screen as text (tests). */
  get screenText(): string {
    return this.#screen.text();
  }
}

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

const two = (n: number) => String(n).padStart(2, '0');
function clock(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
