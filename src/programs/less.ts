// `less` (436, Oracle Linux 6): a full-screen pager on the alternate screen. Space/b page,
// Enter/j/k line, g/G ends, /pattern and ?pattern with n/N (matches in standout), q quits.
// The prompt is the file name on the first screen, `:` later and `(END)` at the end.
import { decodeKeys, type Key } from './keys';
import { Screen, displayText, type Segment } from './screen';
import { vimRegex } from './vi/regex';
import type { Program, ProgramFactory, ProgramHost } from './program';

const STANDOUT = '7';

/** `name` null when reading a pipe. `prompt` replaces the default prompt (man's "Manual page …"). */
export function lessProgram(text: string, name: string | null, prompt?: (line: number, atEnd: boolean) => string): ProgramFactory {
  return (host) => new Less(host, text, name, prompt);
}

/** Splits text into screen rows of `cols` characters (less folds long lines). */
function fold(lines: readonly string[], cols: number): { rows: string[]; lineOf: number[] } {
  const rows: string[] = [];
  const lineOf: number[] = [];
  lines.forEach((line, i) => {
    const shown = displayText(line);
    if (!shown.length) {
      rows.push('');
      lineOf.push(i);
    }
    for (let k = 0; k < shown.length; k += cols) {
      rows.push(shown.slice(k, k + cols));
      lineOf.push(i);
    }
  });
  return { rows, lineOf };
}

class Less implements Program {
  #host: ProgramHost;
  #screen: Screen;
  #lines: string[];
  #name: string | null;
  #rows: string[] = [];
  #top = 0;
  #first = true;
  #input: { kind: '/' | '?'; text: string } | null = null;
  #pattern: { re: RegExp; forward: boolean; source: string } | null = null;
  #message: string | null = null;
  #pending = '';
  #done = false;
  #customPrompt: ((line: number, atEnd: boolean) => string) | undefined;

  constructor(host: ProgramHost, text: string, name: string | null, prompt?: (line: number, atEnd: boolean) => string) {
    this.#host = host;
    this.#name = name;
    this.#customPrompt = prompt;
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    this.#lines = body === '' ? [] : body.split('\n');
    this.#screen = new Screen(host.cols, host.rows);
    this.#refold();
    host.write(this.#screen.enter());
    this.#draw();
  }

  get #page(): number {
    return this.#screen.rows - 1;
  }

  get #maxTop(): number {
    return Math.max(0, this.#rows.length - this.#page);
  }

  #refold(): void {
    this.#rows = fold(this.#lines, this.#screen.cols).rows;
  }

  onResize(cols: number, rows: number): void {
    this.#screen.resize(cols, rows);
    this.#refold();
    this.#top = Math.min(this.#top, this.#maxTop);
    this.#draw();
  }

  onInput(data: string): void {
    for (const key of decodeKeys(data)) {
      if (this.#done) return;
      if (key.kind === 'text' || key.kind === 'paste') for (const ch of key.text) this.#key({ kind: 'text', text: ch });
      else this.#key(key);
    }
    if (!this.#done) this.#draw();
  }

  #key(key: Key): void {
    if (this.#message !== null) {
      // "Pattern not found  (press RETURN)": any key dismisses it.
      this.#message = null;
      if (key.kind === 'special' && key.name === 'enter') return;
    }
    if (this.#input) return this.#inputKey(this.#input, key);
    this.#first = false;
    const count = Number(this.#pending || '0');
    if (key.kind === 'text' && /\d/.test(key.text)) {
      this.#pending += key.text;
      return;
    }
    this.#pending = '';
    const page = count || this.#page;
    const half = count || Math.floor(this.#page / 2);
    const lines = count || 1;
    const name = key.kind === 'text' ? key.text : key.kind === 'ctrl' ? `^${key.char}` : key.kind === 'special' ? key.name : '';
    switch (name) {
      case 'q':
      case 'Q':
        return this.#quit();
      case ' ':
      case 'f':
      case '^f':
      case '^v':
      case 'pagedown':
        return this.#scroll(page);
      case 'b':
      case '^b':
      case 'pageup':
        return this.#scroll(-page);
      case 'enter':
      case 'j':
      case 'e':
      case '^n':
      case '^e':
      case '^j':
      case 'down':
        return this.#scroll(lines);
      case 'k':
      case 'y':
      case '^p':
      case '^y':
      case '^k':
      case 'up':
        return this.#scroll(-lines);
      case 'd':
      case '^d':
        return this.#scroll(half);
      case 'u':
      case '^u':
        return this.#scroll(-half);
      case 'g':
      case '<':
      case 'home':
        this.#top = count ? this.#rowOfLine(count - 1) : 0;
        return;
      case 'G':
      case '>':
      case 'end':
        this.#top = count ? Math.min(this.#rowOfLine(count - 1), this.#maxTop) : this.#maxTop;
        return;
      case '/':
      case '?':
        this.#input = { kind: name, text: '' };
        return;
      case 'n':
      case 'N':
        if (!this.#pattern) {
          this.#message = 'No previous regular expression';
          return;
        }
        return this.#search(name === 'n' ? this.#pattern.forward : !this.#pattern.forward);
    }
  }

  #rowOfLine(line: number): number {
    const { lineOf } = fold(this.#lines, this.#screen.cols);
    const i = lineOf.indexOf(Math.min(line, this.#lines.length - 1));
    return Math.max(0, i);
  }

  #scroll(n: number): void {
    this.#top = Math.max(0, Math.min(this.#maxTop, this.#top + n));
  }

  #inputKey(input: { kind: '/' | '?'; text: string }, key: Key): void {
    if (key.kind === 'text') {
      input.text += key.text;
      return;
    }
    if ((key.kind === 'special' && key.name === 'escape') || (key.kind === 'ctrl' && key.char === 'c')) {
      this.#input = null;
      return;
    }
    if (key.kind === 'special' && key.name === 'backspace') {
      if (!input.text) this.#input = null;
      else input.text = input.text.slice(0, -1);
      return;
    }
    if (key.kind === 'special' && key.name === 'enter') {
      this.#input = null;
      const forward = input.kind === '/';
      if (input.text) {
        const re = vimRegex(input.text);
        if (!re) {
          this.#message = 'Invalid pattern';
          return;
        }
        this.#pattern = { re, forward, source: input.text };
      } else if (!this.#pattern) {
        this.#message = 'No previous regular expression';
        return;
      } else this.#pattern = { ...this.#pattern, forward };
      this.#search(forward);
    }
  }

  /** Finds the next matching row after (or before) the top row and makes it the top. */
  #search(forward: boolean): void {
    const p = this.#pattern!;
    const rows = this.#rows;
    if (forward) {
      for (let i = this.#top + 1; i < rows.length; i++) {
        if (p.re.test(rows[i]!)) {
          this.#top = Math.min(i, this.#maxTop);
          return;
        }
      }
    } else {
      for (let i = this.#top - 1; i >= 0; i--) {
        if (p.re.test(rows[i]!)) {
          this.#top = i;
          return;
        }
      }
    }
    this.#message = 'Pattern not found  (press RETURN)';
  }

  #quit(): void {
    this.#done = true;
    this.#host.write(this.#screen.leave());
    this.#host.exit(0);
  }

  #draw(): void {
    const s = this.#screen;
    for (let r = 0; r < this.#page; r++) {
      const row = this.#rows[this.#top + r];
      s.setRow(r, row === undefined ? [{ text: '~', style: '1' }] : this.#highlight(row));
    }
    const last = s.rows - 1;
    const atEnd = this.#top + this.#page >= this.#rows.length;
    if (this.#input) {
      const text = this.#input.kind + this.#input.text;
      s.setRow(last, text);
      s.setCursor(last, Math.min(text.length, s.cols - 1));
    } else {
      let prompt: Segment[];
      if (this.#message !== null) prompt = [{ text: this.#message, style: STANDOUT }];
      else if (this.#customPrompt) prompt = [{ text: this.#customPrompt(this.#top + 1, atEnd), style: STANDOUT }];
      else {
        const parts = [this.#first && this.#name ? this.#name : '', atEnd ? '(END)' : ''].filter(Boolean).join(' ');
        prompt = parts ? [{ text: parts, style: STANDOUT }] : [{ text: ':' }];
      }
      s.setRow(last, prompt);
      s.setCursor(last, prompt.reduce((n, x) => n + x.text.length, 0));
    }
    this.#host.write(s.frame());
  }

  #highlight(row: string): Segment[] {
    const p = this.#pattern;
    if (!p) return [{ text: row }];
    const out: Segment[] = [];
    const g = new RegExp(p.re.source, 'g');
    let last = 0;
    let guard = 0;
    for (let m = g.exec(row); m && guard < 1000; m = g.exec(row), guard++) {
      if (!m[0].length) {
        g.lastIndex++;
        continue;
      }
      if (m.index > last) out.push({ text: row.slice(last, m.index) });
      out.push({ text: m[0], style: STANDOUT });
      last = m.index + m[0].length;
    }
    if (last < row.length) out.push({ text: row.slice(last) });
    return out;
  }
}
