// The readline of the sandbox's bash: edits one line, keeps history, searches it (Ctrl-R),
// completes words, and redraws itself with ANSI sequences, knowing the terminal width so that
// long lines wrap. DOM-free: it turns keys into output bytes and events; the session decides
// what they mean. Key bindings are readline's emacs defaults.
import { decodeKeys, type Key } from './keys';
import { ReverseSearch } from './reverse-search';
import { columns, commonPrefix, wordEndAfter, wordStartBefore } from './line-words';

export interface Completion {
  /** Index in the line where the word being completed starts. */
  start: number;
  /** Full replacement words for line[start..cursor]. A trailing '/' or '=' means "do not add a space". */
  candidates: string[];
}

export type EditorEvent = { type: 'submit'; line: string } | { type: 'interrupt' } | { type: 'eof' };

export interface EditorHooks {
  complete(line: string, cursor: number): Completion;
}

type Step = { output: string; event?: EditorEvent };

/** bash asks before listing more completions than this (`completion-query-items`). */
const QUERY_ITEMS = 100;

export class LineEditor {
  #buf = '';
  #pos = 0;
  #prompt = '';
  #cols: number;
  /** Row of the cursor, relative to the prompt's first row, after the last draw. */
  #cursorRow = 0;
  #history: string[];
  #histIndex = 0;
  #draft = '';
  #lastWasTab = false;
  #killRing = '';
  #hooks: EditorHooks;
  #search: ReverseSearch | null = null;
  #lastSearch = '';
  /** Completions waiting for the answer to "Display all N possibilities? (y or n)". */
  #pendingList: string[] | null = null;

  constructor(hooks: EditorHooks, history: string[], cols = 80) {
    this.#hooks = hooks;
    this.#history = history;
    this.#cols = Math.max(10, cols);
  }

  get line(): string {
    return this.#buf;
  }
  get cursor(): number {
    return this.#pos;
  }
  /** True while Ctrl-R reverse search is active. */
  get searching(): boolean {
    return this.#search !== null;
  }

  /** Starts a new line after `prompt`; returns the bytes that show it. */
  begin(prompt: string): string {
    this.#prompt = prompt;
    this.#buf = '';
    this.#pos = 0;
    this.#cursorRow = 0;
    this.#histIndex = this.#history.length;
    this.#draft = '';
    this.#lastWasTab = false;
    this.#search = null;
    this.#pendingList = null;
    return prompt + this.#forceWrap();
  }

  /** Points the editor at another history list (a nested shell on another host). */
  setHistory(history: string[]): void {
    this.#history = history;
    this.#histIndex = history.length;
  }

  resize(cols: number): void {
    this.#cols = Math.max(10, cols);
  }

  /**
   * Handles one key. Returns the bytes to echo and, when the key ends the line, an event.
   * After an event the editor is idle until `begin` is called again.
   */
  handleKey(key: Key): Step {
    if (this.#pendingList) return this.#answerListQuery(key);
    if (this.#search) {
      const r = this.#searchKey(key);
      if (r) return r;
    }
    const wasTab = this.#lastWasTab;
    this.#lastWasTab = false;
    switch (key.kind) {
      case 'text':
        return { output: this.#insert(key.text) };
      case 'paste':
        // Control characters in pasted text are dropped; newlines are handled by the session.
        return { output: this.#insert(key.text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').replace(/\t/g, ' ')) };
      case 'alt':
        return { output: this.#alt(key.char) };
      case 'ctrl':
        return this.#ctrl(key.char);
      case 'special':
        return this.#special(key.name, wasTab);
    }
  }

  /** Convenience for tests and simple callers: feed raw data, collecting output and events. */
  feed(data: string): { output: string; events: EditorEvent[] } {
    let output = '';
    const events: EditorEvent[] = [];
    for (const k of decodeKeys(data)) {
      const r = this.handleKey(k);
      output += r.output;
      if (r.event) events.push(r.event);
    }
    return { output, events };
  }

  /** Keys during Ctrl-R. Returns null when the key ends the search and must then act normally. */
  #searchKey(key: Key): Step | null {
    const s = this.#search!;
    this.#lastSearch = s.lastQuery;
    const show = (bell = false) => {
      this.#lastSearch = s.lastQuery;
      this.#buf = s.line;
      this.#pos = s.cursor;
      return { output: (bell ? '\x07' : '') + this.#refresh() };
    };
    if (key.kind === 'text' || key.kind === 'paste') {
      // Character by character, as readline searches: a later miss keeps the last match shown.
      let bell = false;
      for (const ch of key.text) bell = !s.extend(ch) || bell;
      return show(bell);
    }
    if (key.kind === 'ctrl' && key.char === 'r') return show(!s.older());
    if (key.kind === 'ctrl' && key.char === 's') return show(!s.newer());
    if (key.kind === 'special' && key.name === 'backspace') return show(!s.shorten());
    if (key.kind === 'ctrl' && key.char === 'h') return show(!s.shorten());
    if (key.kind === 'ctrl' && key.char === 'g') {
      // Abort: the line as it was before the search.
      this.#search = null;
      this.#buf = s.original.line;
      this.#pos = s.original.cursor;
      return { output: '\x07' + this.#refresh() };
    }
    // Any other key accepts the found line, then does what it always does.
    this.#search = null;
    if (s.index < this.#history.length) this.#histIndex = s.index;
    this.#buf = s.line;
    this.#pos = s.cursor;
    const redraw = this.#refresh();
    if (key.kind === 'special' && key.name === 'escape') return { output: redraw };
    const r = this.handleKey(key);
    return { output: redraw + r.output, ...(r.event && { event: r.event }) };
  }

  #special(name: string, wasTab: boolean): Step {
    switch (name) {
      case 'enter': {
        const line = this.#buf;
        const output = this.#moveToEnd() + '\r\n';
        // The line is handed over: if no new prompt follows (the command failed on the way),
        // the next keys must start a fresh line rather than extend this one.
        this.#buf = '';
        this.#pos = 0;
        return { output, event: { type: 'submit', line } };
      }
      case 'tab':
        return { output: this.#complete(wasTab) };
      case 'backspace':
        if (this.#pos === 0) return { output: '' };
        this.#buf = this.#buf.slice(0, this.#pos - 1) + this.#buf.slice(this.#pos);
        this.#pos--;
        return { output: this.#refresh() };
      case 'delete':
        return { output: this.#deleteForward() };
      case 'left':
        return { output: this.#moveTo(this.#pos - 1) };
      case 'right':
        return { output: this.#moveTo(this.#pos + 1) };
      case 'word-left':
        return { output: this.#moveTo(wordStartBefore(this.#buf, this.#pos)) };
      case 'word-right':
        return { output: this.#moveTo(wordEndAfter(this.#buf, this.#pos)) };
      case 'home':
        return { output: this.#moveTo(0) };
      case 'end':
        return { output: this.#moveTo(this.#buf.length) };
      case 'up':
        return { output: this.#historyStep(-1) };
      case 'down':
        return { output: this.#historyStep(1) };
      default:
        return { output: '' };
    }
  }

  #ctrl(c: string): Step {
    switch (c) {
      case 'a':
        return { output: this.#moveTo(0) };
      case 'e':
        return { output: this.#moveTo(this.#buf.length) };
      case 'b':
        return { output: this.#moveTo(this.#pos - 1) };
      case 'f':
        return { output: this.#moveTo(this.#pos + 1) };
      case 'p':
        return { output: this.#historyStep(-1) };
      case 'n':
        return { output: this.#historyStep(1) };
      case 'h':
        return this.#special('backspace', false);
      case 'u':
        return { output: this.#kill(0, this.#pos) };
      case 'k':
        return { output: this.#kill(this.#pos, this.#buf.length) };
      case 'w':
        // unix-word-rubout: back to the previous whitespace.
        return { output: this.#kill(wordStartBefore(this.#buf, this.#pos, /\s/), this.#pos) };
      case 'y':
        return { output: this.#insert(this.#killRing) };
      case 't':
        return { output: this.#transpose() };
      case 'r':
        this.#search = new ReverseSearch(this.#history, this.#histIndex, { line: this.#buf, cursor: this.#pos }, this.#lastSearch);
        this.#search.setDisplay(this.#buf, this.#pos);
        return { output: this.#refresh() };
      case 'g':
        return { output: '\x07' };
      case 'c': {
        const out = this.#moveToEnd() + '^C\r\n';
        this.#buf = '';
        this.#pos = 0;
        return { output: out, event: { type: 'interrupt' } };
      }
      case 'd':
        if (this.#buf.length === 0) return { output: '', event: { type: 'eof' } };
        return { output: this.#deleteForward() };
      case 'l': {
        // Clear the screen and redraw the prompt and line at the top.
        this.#cursorRow = 0;
        return { output: '\x1b[H\x1b[2J' + this.#draw() };
      }
      case 'm':
      case 'j':
        return this.#special('enter', false);
      case 'i':
        return this.#special('tab', false);
      default:
        return { output: '' };
    }
  }

  #alt(c: string): string {
    if (c === 'b' || c === 'B') return this.#moveTo(wordStartBefore(this.#buf, this.#pos));
    if (c === 'f' || c === 'F') return this.#moveTo(wordEndAfter(this.#buf, this.#pos));
    if (c === 'd' || c === 'D') return this.#kill(this.#pos, wordEndAfter(this.#buf, this.#pos));
    if (c === '\x7f' || c === '\b') return this.#kill(wordStartBefore(this.#buf, this.#pos), this.#pos);
    return '';
  }

  #kill(from: number, to: number): string {
    if (from >= to) return '';
    this.#killRing = this.#buf.slice(from, to);
    this.#buf = this.#buf.slice(0, from) + this.#buf.slice(to);
    this.#pos = from;
    return this.#refresh();
  }

  /** Ctrl-T: swaps the characters before and at the cursor (at the end: the last two). */
  #transpose(): string {
    if (this.#buf.length < 2 || this.#pos === 0) return '\x07';
    const at = this.#pos === this.#buf.length ? this.#pos - 1 : this.#pos;
    const b = this.#buf;
    this.#buf = b.slice(0, at - 1) + b[at] + b[at - 1] + b.slice(at + 1);
    this.#pos = at + 1;
    return this.#refresh();
  }

  #insert(text: string): string {
    if (!text) return '';
    const atEnd = this.#pos === this.#buf.length;
    this.#buf = this.#buf.slice(0, this.#pos) + text + this.#buf.slice(this.#pos);
    this.#pos += text.length;
    const col = (this.#prompt.length + this.#pos) % this.#cols;
    if (atEnd && col !== 0 && !text.includes('\n')) {
      // Fast path: typing at the end of a line that does not hit the right margin just echoes.
      this.#cursorRow = Math.floor((this.#prompt.length + this.#pos) / this.#cols);
      return text;
    }
    return this.#refresh();
  }

  #deleteForward(): string {
    if (this.#pos >= this.#buf.length) return '';
    this.#buf = this.#buf.slice(0, this.#pos) + this.#buf.slice(this.#pos + 1);
    return this.#refresh();
  }

  #moveTo(pos: number): string {
    const p = Math.max(0, Math.min(this.#buf.length, pos));
    if (p === this.#pos) return '';
    this.#pos = p;
    return this.#refresh();
  }

  #moveToEnd(): string {
    return this.#pos === this.#buf.length ? '' : this.#moveTo(this.#buf.length);
  }

  #historyStep(dir: -1 | 1): string {
    const next = this.#histIndex + dir;
    if (next < 0 || next > this.#history.length) return '';
    if (this.#histIndex === this.#history.length) this.#draft = this.#buf;
    this.#histIndex = next;
    this.#buf = next === this.#history.length ? this.#draft : this.#history[next]!;
    this.#pos = this.#buf.length;
    return this.#refresh();
  }

  #complete(wasTab: boolean): string {
    const { start, candidates } = this.#hooks.complete(this.#buf, this.#pos);
    const word = this.#buf.slice(start, this.#pos);
    const unique = [...new Set(candidates)].sort();
    if (unique.length === 0) return '\x07';
    if (unique.length === 1) {
      const c = unique[0]!;
      const suffix = c.endsWith('/') || c.endsWith('=') ? '' : ' ';
      this.#buf = this.#buf.slice(0, start) + c + suffix + this.#buf.slice(this.#pos);
      this.#pos = start + c.length + suffix.length;
      return this.#refresh();
    }
    const common = commonPrefix(unique);
    if (common.length > word.length) {
      this.#buf = this.#buf.slice(0, start) + common + this.#buf.slice(this.#pos);
      this.#pos = start + common.length;
      this.#lastWasTab = true;
      return this.#refresh();
    }
    this.#lastWasTab = true;
    if (!wasTab) return '\x07';
    if (unique.length > QUERY_ITEMS) {
      this.#pendingList = unique;
      return this.#moveToEnd() + `\r\nDisplay all ${unique.length} possibilities? (y or n)`;
    }
    return this.#listCompletions(unique);
  }

  /** Second Tab: the candidates in columns as bash lists them, then the line again below. */
  #listCompletions(words: string[]): string {
    const listing = columns(words.map((c) => c.replace(/.*\/(?=.)/, '')), this.#cols);
    const out = this.#moveToEnd() + '\r\n' + listing.join('\r\n') + '\r\n';
    this.#cursorRow = 0;
    return out + this.#draw();
  }

  #answerListQuery(key: Key): Step {
    const words = this.#pendingList!;
    const yes = (key.kind === 'text' && /^[yY ]/.test(key.text)) || (key.kind === 'special' && key.name === 'tab');
    const no = (key.kind === 'text' && /^[nN]/.test(key.text)) || (key.kind === 'special' && (key.name === 'backspace' || key.name === 'escape')) || (key.kind === 'ctrl' && (key.char === 'c' || key.char === 'g'));
    if (!yes && !no) return { output: '\x07' };
    this.#pendingList = null;
    if (yes) return { output: this.#listCompletions(words) };
    this.#cursorRow = 0;
    return { output: '\r\n' + this.#draw() };
  }

  /** The prompt shown now: the shell's, or the reverse search's. */
  #shownPrompt(): string {
    return this.#search ? this.#search.prompt : this.#prompt;
  }

  /** Redraws prompt and line from the prompt's first row, then places the cursor. */
  #refresh(): string {
    const up = this.#cursorRow > 0 ? `\x1b[${this.#cursorRow}A` : '';
    return up + '\r\x1b[J' + this.#draw();
  }

  /** Writes prompt + line from the current position (the start of the prompt row). */
  #draw(): string {
    const cols = this.#cols;
    const prompt = this.#shownPrompt();
    const plen = prompt.length;
    const total = plen + this.#buf.length;
    // A recalled multi-line command (a here-document) shows its newlines as blanks on one line.
    let out = prompt + this.#buf.replace(/\n/g, ' ');
    let rowNow = total === 0 ? 0 : Math.floor((total - 1) / cols);
    if (total > 0 && total % cols === 0 && this.#pos === this.#buf.length) {
      // The terminal defers the wrap at the right margin; force it so the cursor is visible.
      out += '\r\n';
      rowNow = total / cols;
    }
    const cpos = plen + this.#pos;
    const crow = Math.floor(cpos / cols);
    const ccol = cpos % cols;
    if (rowNow > crow) out += `\x1b[${rowNow - crow}A`;
    out += '\r' + (ccol > 0 ? `\x1b[${ccol}C` : '');
    this.#cursorRow = crow;
    return out;
  }

  /** After the prompt alone fills a row, wrap explicitly (see #draw). */
  #forceWrap(): string {
    const plen = this.#prompt.length;
    this.#cursorRow = Math.floor(plen / this.#cols);
    return plen > 0 && plen % this.#cols === 0 ? '\r\n' : '';
  }
}
