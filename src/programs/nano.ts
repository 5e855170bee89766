// GNU nano 2.0.9 (Oracle Linux 6) in the terminal: title bar, edit window, status line and the
// two shortcut rows; ^O write out, ^X exit (asking to save), ^K cut, ^U uncut, ^W where is,
// ^C cursor position. Saves into the host's VFS.
import { normalizePath } from '../sim/vfs';
import { decodeKeys, type Key } from './keys';
import { Screen, displayText, displayWidth, type Segment } from './screen';
import { errorText, openFile, saveFile, splitLines, type FileArg } from './file-io';
import type { Program, ProgramFactory, ProgramHost } from './program';

const VERSION = 'GNU nano 2.0.9';
const REV = '7';

type Shortcut = [key: string, label: string];
const MAIN: Shortcut[] = [['^G', 'Get Help'], ['^X', 'Exit'], ['^O', 'WriteOut'], ['^J', 'Justify'], ['^R', 'Read File'], ['^W', 'Where Is'], ['^Y', 'Prev Page'], ['^V', 'Next Page'], ['^K', 'Cut Text'], ['^U', 'UnCut Text'], ['^C', 'Cur Pos'], ['^T', 'To Spell']];
const WRITE: Shortcut[] = [['^G', 'Get Help'], ['^C', 'Cancel'], ['^T', 'To Files'], ['M-D', 'DOS Format'], ['M-M', 'Mac Format'], ['M-A', 'Append'], ['M-P', 'Prepend'], ['M-B', 'Backup File']];
const SEARCH: Shortcut[] = [['^G', 'Get Help'], ['^C', 'Cancel'], ['^Y', 'First Line'], ['^V', 'Last Line'], ['^R', 'Replace'], ['^T', 'Go To Line'], ['M-C', 'Case Sens'], ['M-B', 'Direction'], ['M-R', 'Regexp'], ['^P', 'History']];
const YESNO: Shortcut[] = [[' Y', 'Yes'], [' N', 'No'], ['', ''], ['^C', 'Cancel']];

type Prompt = { kind: 'write'; text: string; thenExit: boolean } | { kind: 'search'; text: string } | { kind: 'save?' };

export function nanoProgram(file: FileArg | null, cwd: string): ProgramFactory {
  return (host) => new Nano(host, file, cwd);
}

class Nano implements Program {
  #host: ProgramHost;
  #file: FileArg | null;
  #cwd: string;
  #screen: Screen;
  #lines: string[] = [''];
  #cy = 0;
  #cx = 0;
  #top = 0;
  #modified = false;
  #status = '';
  #prompt: Prompt | null = null;
  #cutBuffer: string[] = [];
  #lastWasCut = false;
  #lastSearch = '';
  #done = false;

  constructor(host: ProgramHost, file: FileArg | null, cwd: string) {
    this.#host = host;
    this.#file = file;
    this.#cwd = cwd;
    this.#screen = new Screen(host.cols, host.rows);
    host.write(this.#screen.enter());
    if (file) {
      const o = openFile(host, file.path);
      if (o.kind === 'file') {
        const { lines, eol } = splitLines(o.content);
        this.#lines = o.content === '' ? [''] : eol ? [...lines, ''] : lines;
        const n = o.content === '' ? 0 : lines.length;
        this.#status = `Read ${n} line${n === 1 ? '' : 's'}`;
      } else if (o.kind === 'new') this.#status = 'New File';
      else if (o.kind === 'dir') this.#status = `"${file.display}" is a directory`;
      else this.#status = `Error reading ${file.display}: ${errorText(o.error)}`;
    }
    this.#draw();
  }

  get #editRows(): number {
    return Math.max(1, this.#screen.rows - 5);
  }

  onResize(cols: number, rows: number): void {
    this.#screen.resize(cols, rows);
    this.#draw();
  }

  onInput(data: string): void {
    for (const key of decodeKeys(data)) {
      if (this.#done) return;
      if (key.kind === 'paste') for (const ch of key.text.replace(/\r\n?/g, '\n')) this.#key(ch === '\n' ? { kind: 'special', name: 'enter' } : { kind: 'text', text: ch });
      else if (key.kind === 'text') for (const ch of key.text) this.#key({ kind: 'text', text: ch });
      else this.#key(key);
    }
    if (!this.#done) this.#draw();
  }

  #key(key: Key): void {
    if (this.#prompt) return this.#promptKey(this.#prompt, key);
    const cut = key.kind === 'ctrl' && key.char === 'k';
    if (!cut) this.#lastWasCut = false;
    if (key.kind === 'text') return this.#insert(key.text);
    if (key.kind === 'ctrl') {
      this.#status = '';
      switch (key.char) {
        case 'o':
          this.#prompt = { kind: 'write', text: this.#file?.display ?? '', thenExit: false };
          return;
        case 'x':
          if (!this.#modified) return this.#exit();
          this.#prompt = { kind: 'save?' };
          return;
        case 'k':
          return this.#cut();
        case 'u':
          return this.#uncut();
        case 'w':
          this.#prompt = { kind: 'search', text: '' };
          return;
        case 'c':
          return this.#curPos();
        case 'a':
          this.#cx = 0;
          return;
        case 'e':
          this.#cx = this.#line.length;
          return;
        case 'y':
          return this.#moveLine(-this.#editRows);
        case 'v':
          return this.#moveLine(this.#editRows);
        case 'p':
          return this.#moveLine(-1);
        case 'n':
          return this.#moveLine(1);
        case 'f':
          return this.#right();
        case 'b':
          return this.#left();
        case 'd':
          return this.#delete();
        case 'h':
          return this.#backspace();
        case 'i':
          return this.#insert('\t');
        case 'm':
        case 'j':
          return this.#enter();
        case 'g':
          this.#status = 'Help is not available in this sandbox';
          return;
        case 'r':
        case 't':
          return;
      }
      return;
    }
    if (key.kind !== 'special') return;
    switch (key.name) {
      case 'enter':
        return this.#enter();
      case 'tab':
        return this.#insert('\t');
      case 'backspace':
        return this.#backspace();
      case 'delete':
        return this.#delete();
      case 'left':
        return this.#left();
      case 'right':
        return this.#right();
      case 'up':
        return this.#moveLine(-1);
      case 'down':
        return this.#moveLine(1);
      case 'home':
        this.#cx = 0;
        return;
      case 'end':
        this.#cx = this.#line.length;
        return;
      case 'pageup':
        return this.#moveLine(-this.#editRows);
      case 'pagedown':
        return this.#moveLine(this.#editRows);
    }
  }

  get #line(): string {
    return this.#lines[this.#cy] ?? '';
  }

  #change(): void {
    this.#modified = true;
  }

  #insert(text: string): void {
    const l = this.#line;
    this.#lines[this.#cy] = l.slice(0, this.#cx) + text + l.slice(this.#cx);
    this.#cx += text.length;
    this.#change();
  }

  #enter(): void {
    const l = this.#line;
    this.#lines.splice(this.#cy, 1, l.slice(0, this.#cx), l.slice(this.#cx));
    this.#cy++;
    this.#cx = 0;
    this.#change();
  }

  #backspace(): void {
    if (this.#cx > 0) {
      const l = this.#line;
      this.#lines[this.#cy] = l.slice(0, this.#cx - 1) + l.slice(this.#cx);
      this.#cx--;
      this.#change();
    } else if (this.#cy > 0) {
      const prev = this.#lines[this.#cy - 1]!;
      this.#lines.splice(this.#cy - 1, 2, prev + this.#line);
      this.#cy--;
      this.#cx = prev.length;
      this.#change();
    }
  }

  #delete(): void {
    const l = this.#line;
    if (this.#cx < l.length) {
      this.#lines[this.#cy] = l.slice(0, this.#cx) + l.slice(this.#cx + 1);
      this.#change();
    } else if (this.#cy + 1 < this.#lines.length) {
      this.#lines.splice(this.#cy, 2, l + this.#lines[this.#cy + 1]);
      this.#change();
    }
  }

  #left(): void {
    if (this.#cx > 0) this.#cx--;
    else if (this.#cy > 0) {
      this.#cy--;
      this.#cx = this.#line.length;
    }
  }

  #right(): void {
    if (this.#cx < this.#line.length) this.#cx++;
    else if (this.#cy + 1 < this.#lines.length) {
      this.#cy++;
      this.#cx = 0;
    }
  }

  #moveLine(delta: number): void {
    const col = displayWidth(this.#line, this.#cx);
    this.#cy = Math.max(0, Math.min(this.#lines.length - 1, this.#cy + delta));
    let x = 0;
    while (x < this.#line.length && displayWidth(this.#line, x + 1) <= col) x++;
    this.#cx = x;
  }

  /** ^K: cuts the line; consecutive cuts collect in one buffer, as nano does. */
  #cut(): void {
    if (!this.#lastWasCut) this.#cutBuffer = [];
    this.#lastWasCut = true;
    const isLast = this.#cy === this.#lines.length - 1;
    if (isLast && this.#line === '') return;
    this.#cutBuffer.push(this.#line);
    if (isLast) this.#lines[this.#cy] = '';
    else this.#lines.splice(this.#cy, 1);
    this.#cx = 0;
    this.#change();
  }

  #uncut(): void {
    if (!this.#cutBuffer.length) return;
    const l = this.#line;
    const head = l.slice(0, this.#cx);
    const block = [head + this.#cutBuffer[0]!, ...this.#cutBuffer.slice(1), l.slice(this.#cx)];
    // Cut lines end with a newline: the text after the cursor starts a new line.
    this.#lines.splice(this.#cy, 1, ...block);
    this.#cy += this.#cutBuffer.length;
    this.#cx = 0;
    this.#change();
  }

  #curPos(): void {
    const total = this.#lines.length;
    const chars = this.#lines.join('\n').length;
    let before = 0;
    for (let i = 0; i < this.#cy; i++) before += this.#lines[i]!.length + 1;
    before += this.#cx;
    const pct = (a: number, b: number) => Math.floor((100 * a) / Math.max(1, b));
    const len = this.#line.length + 1;
    this.#status = `line ${this.#cy + 1}/${total} (${pct(this.#cy + 1, total)}%), col ${this.#cx + 1}/${len} (${pct(this.#cx + 1, len)}%), char ${before}/${chars} (${pct(before, chars)}%)`;
  }

  #content(): string {
    const lines = this.#lines;
    const last = lines[lines.length - 1];
    return last === '' ? lines.slice(0, -1).map((l) => l + '\n').join('') : lines.join('\n') + '\n';
  }

  // --- prompts -------------------------------------------------------------------------------

  #promptKey(p: Prompt, key: Key): void {
    const cancel = () => {
      this.#prompt = null;
      this.#status = 'Cancelled';
    };
    if (key.kind === 'ctrl' && key.char === 'c') return cancel();
    if (p.kind === 'save?') {
      if (key.kind !== 'text') return;
      const c = key.text.toLowerCase();
      if (c === 'y') this.#prompt = { kind: 'write', text: this.#file?.display ?? '', thenExit: true };
      else if (c === 'n') this.#exit();
      return;
    }
    if (key.kind === 'text') {
      p.text += key.text;
      return;
    }
    if (key.kind === 'special' && key.name === 'backspace') {
      p.text = p.text.slice(0, -1);
      return;
    }
    if (!(key.kind === 'special' && key.name === 'enter')) return;
    this.#prompt = null;
    if (p.kind === 'search') return this.#search(p.text || this.#lastSearch);
    if (!p.text) return cancel();
    const target: FileArg = { path: normalizePath(p.text, this.#cwd), display: p.text };
    const content = this.#content();
    const r = saveFile(this.#host, target.path, content);
    if (!r.ok) {
      this.#status = `Error writing ${p.text}: ${errorText(r.error)}`;
      return;
    }
    this.#file = target;
    this.#modified = false;
    const n = content.split('\n').length - 1;
    this.#status = `Wrote ${n} line${n === 1 ? '' : 's'}`;
    if (p.thenExit) this.#exit();
  }

  #search(text: string): void {
    if (!text) {
      this.#status = 'Cancelled';
      return;
    }
    this.#lastSearch = text;
    const n = this.#lines.length;
    for (let i = 0; i <= n; i++) {
      const y = (this.#cy + i) % n;
      const from = i === 0 ? this.#cx + 1 : 0;
      const x = this.#lines[y]!.toLowerCase().indexOf(text.toLowerCase(), from);
      if (x >= 0 && !(i === n && x >= this.#cx + 1)) {
        if (i > 0 && y <= this.#cy && (y < this.#cy || x <= this.#cx)) this.#status = 'Search Wrapped';
        if (i === n && y === this.#cy && x === this.#cx) this.#status = 'This is the only occurrence';
        this.#cy = y;
        this.#cx = x;
        return;
      }
    }
    this.#status = `"${text}" not found`;
  }

  #exit(): void {
    this.#done = true;
    this.#host.write(this.#screen.leave());
    this.#host.exit(0);
  }

  // --- drawing -------------------------------------------------------------------------------

  #draw(): void {
    const s = this.#screen;
    const cols = s.cols;
    // Title bar: version at the left, file name centred, "Modified" at the right.
    const name = this.#file ? `File: ${this.#file.display}` : 'New Buffer';
    const title = Array.from({ length: cols }, () => ' ');
    const put = (at: number, text: string) => [...text].forEach((c, i) => at + i < cols && at + i >= 0 && (title[at + i] = c));
    put(2, VERSION);
    put(Math.max(2 + VERSION.length + 1, Math.floor((cols - name.length) / 2)), name);
    if (this.#modified) put(cols - 10, 'Modified');
    s.setRow(0, [{ text: title.join(''), style: REV }]);
    s.setRow(1, '');

    const rows = this.#editRows;
    if (this.#cy < this.#top) this.#top = Math.max(0, this.#cy - Math.floor(rows / 2));
    if (this.#cy >= this.#top + rows) this.#top = Math.min(this.#cy - Math.floor(rows / 2), Math.max(0, this.#lines.length - rows));
    let cursorCol = 0;
    for (let r = 0; r < rows; r++) {
      const i = this.#top + r;
      const line = this.#lines[i];
      if (line === undefined) {
        s.setRow(2 + r, '');
        continue;
      }
      const shown = displayText(line);
      if (i === this.#cy) {
        const col = displayWidth(line, this.#cx);
        // The current line scrolls sideways in pages when the cursor passes the edge.
        const page = cols - 8 > 0 ? cols - 8 : cols;
        const start = col < cols - 1 ? 0 : Math.floor((col - (cols - 1)) / page + 1) * page;
        let view = shown.slice(start);
        if (start) view = '$' + view.slice(1);
        if (view.length > cols) view = view.slice(0, cols - 1) + '$';
        s.setRow(2 + r, view);
        cursorCol = col - start;
      } else s.setRow(2 + r, shown.length > cols ? shown.slice(0, cols - 1) + '$' : shown);
    }

    const statusRow = s.rows - 3;
    let cursor = { row: 2 + this.#cy - this.#top, col: cursorCol };
    const p = this.#prompt;
    if (p) {
      const label = p.kind === 'write' ? 'File Name to Write: ' : p.kind === 'search' ? (this.#lastSearch ? `Search [${this.#lastSearch}]: ` : 'Search: ') : 'Save modified buffer (ANSWERING "No" WILL DESTROY CHANGES) ? ';
      const text = label + (p.kind === 'save?' ? '' : p.text);
      s.setRow(statusRow, [{ text: text.padEnd(cols), style: REV }]);
      cursor = { row: statusRow, col: Math.min(cols - 1, text.length) };
      this.#shortcuts(p.kind === 'write' ? WRITE : p.kind === 'search' ? SEARCH : YESNO, p.kind === 'save?' ? 16 : p.kind === 'write' ? Math.floor(cols / 4) : Math.floor(cols / 5));
    } else {
      if (this.#status) {
        const msg = `[ ${this.#status} ]`;
        const at = Math.max(0, Math.floor((cols - msg.length) / 2));
        s.setRow(statusRow, [{ text: ' '.repeat(at) }, { text: msg, style: REV }]);
      } else s.setRow(statusRow, '');
      this.#shortcuts(MAIN, Math.floor(cols / 6));
    }
    s.setCursor(cursor.row, cursor.col);
    this.#host.write(s.frame());
  }

  /** Two rows of shortcuts, column by column: key in reverse video, then its label. */
  #shortcuts(list: Shortcut[], slot: number): void {
    const s = this.#screen;
    for (let r = 0; r < 2; r++) {
      const segs: Segment[] = [];
      for (let i = r; i < list.length; i += 2) {
        const [key, label] = list[i]!;
        if (!key) {
          segs.push({ text: ' '.repeat(slot) });
          continue;
        }
        segs.push({ text: key, style: REV }, { text: (' ' + label).padEnd(slot - key.length).slice(0, slot - key.length) });
      }
      s.setRow(s.rows - 2 + r, segs);
    }
  }
}
