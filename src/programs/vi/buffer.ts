// vi's text buffer: lines, cursor, registers and the undo history. Pure editing operations;
// no keys and no drawing here (the mode modules map keys, view.ts draws).

export interface Snapshot {
  lines: string[];
  cy: number;
  cx: number;
}

export interface Register {
  text: string[];
  /** Linewise (dd, yy) puts whole lines; characterwise (x, dw) puts inside the line. */
  linewise: boolean;
}

/** How many undo steps are kept (vim's 'undolevels' is 1000). */
const UNDO_LEVELS = 1000;

export class ViBuffer {
  lines: string[];
  cy = 0;
  cx = 0;
  /** The display column the cursor wants when moving up/down through shorter lines. */
  want = 0;
  modified = false;
  register: Register | null = null;
  #undo: Array<Snapshot & { seq: number; atMs: number }> = [];
  #redo: Array<Snapshot & { seq: number; atMs: number }> = [];
  /** Sequence number of the last change (vim's "#N" in undo messages). */
  seq = 0;
  /** Modification state as of the last write, by change number. */
  savedSeq = 0;

  constructor(lines: string[]) {
    this.lines = lines.length ? lines : [''];
  }

  get line(): string {
    return this.lines[this.cy] ?? '';
  }

  /** Records the state before a change, so `u` can return to it. */
  checkpoint(atMs: number): void {
    this.#undo.push({ lines: [...this.lines], cy: this.cy, cx: this.cx, seq: this.seq, atMs });
    if (this.#undo.length > UNDO_LEVELS) this.#undo.shift();
    this.#redo = [];
    this.seq++;
    this.modified = true;
  }

  /** Undoes one change; returns the line count difference and the change's time, or null. */
  undo(atMs: number): { delta: number; seq: number; atMs: number } | null {
    const prev = this.#undo.pop();
    if (!prev) return null;
    const delta = prev.lines.length - this.lines.length;
    this.#redo.push({ lines: this.lines, cy: this.cy, cx: this.cx, seq: this.seq, atMs });
    this.lines = prev.lines;
    this.cy = Math.min(prev.cy, this.lines.length - 1);
    this.cx = prev.cx;
    this.seq = prev.seq;
    this.modified = this.seq !== this.savedSeq;
    return { delta, seq: prev.seq, atMs: prev.atMs };
  }

  redo(): { delta: number; seq: number; atMs: number } | null {
    const next = this.#redo.pop();
    if (!next) return null;
    const delta = next.lines.length - this.lines.length;
    this.#undo.push({ lines: this.lines, cy: this.cy, cx: this.cx, seq: this.seq, atMs: next.atMs });
    this.lines = next.lines;
    this.cy = Math.min(next.cy, this.lines.length - 1);
    this.cx = next.cx;
    this.seq = next.seq;
    this.modified = this.seq !== this.savedSeq;
    return { delta, seq: next.seq, atMs: next.atMs };
  }

  markSaved(): void {
    this.savedSeq = this.seq;
    this.modified = false;
  }

  /** Keeps the cursor inside the text; in normal mode it sits on a character, not after the last. */
  clamp(insert: boolean): void {
    this.cy = Math.max(0, Math.min(this.cy, this.lines.length - 1));
    const max = insert ? this.line.length : Math.max(0, this.line.length - 1);
    this.cx = Math.max(0, Math.min(this.cx, max));
  }

  setLine(text: string): void {
    this.lines[this.cy] = text;
  }

  /** Deletes `n` lines from the cursor into the register; returns how many went. */
  deleteLines(n: number): number {
    const count = Math.min(n, this.lines.length - this.cy);
    const gone = this.lines.splice(this.cy, count);
    this.register = { text: gone, linewise: true };
    if (!this.lines.length) this.lines.push('');
    if (this.cy >= this.lines.length) this.cy = this.lines.length - 1;
    this.cx = firstNonBlank(this.line);
    return count;
  }

  yankLines(n: number): number {
    const count = Math.min(n, this.lines.length - this.cy);
    this.register = { text: this.lines.slice(this.cy, this.cy + count), linewise: true };
    return count;
  }

  /** `p` (after) / `P` (before); returns the number of lines put when linewise. */
  put(after: boolean, times: number): number {
    const reg = this.register;
    if (!reg) return 0;
    if (reg.linewise) {
      const block: string[] = [];
      for (let i = 0; i < times; i++) block.push(...reg.text);
      const at = after ? this.cy + 1 : this.cy;
      this.lines.splice(at, 0, ...block);
      this.cy = at;
      this.cx = firstNonBlank(this.line);
      return block.length;
    }
    const text = reg.text.join('\n').repeat(times);
    const at = after && this.line.length ? this.cx + 1 : this.cx;
    const joined = this.line.slice(0, at) + text + this.line.slice(at);
    const parts = joined.split('\n');
    this.lines.splice(this.cy, 1, ...parts);
    if (parts.length === 1) this.cx = at + text.length - 1;
    else this.cx = at;
    return 0;
  }

  /** Inserts typed text at the cursor (insert mode), splitting lines at newlines. */
  insertText(text: string): void {
    const parts = text.split('\n');
    const line = this.line;
    const head = line.slice(0, this.cx) + parts[0];
    const tail = line.slice(this.cx);
    if (parts.length === 1) {
      this.setLine(head + tail);
      this.cx = head.length;
      return;
    }
    const last = parts[parts.length - 1]!;
    this.lines.splice(this.cy, 1, head, ...parts.slice(1, -1), last + tail);
    this.cy += parts.length - 1;
    this.cx = last.length;
  }

  /** Backspace in insert mode: joins with the previous line at column 0. */
  backspace(): void {
    if (this.cx > 0) {
      this.setLine(this.line.slice(0, this.cx - 1) + this.line.slice(this.cx));
      this.cx--;
    } else if (this.cy > 0) {
      const prev = this.lines[this.cy - 1]!;
      this.lines.splice(this.cy - 1, 2, prev + this.line);
      this.cy--;
      this.cx = prev.length;
    }
  }

  /** Deletes `n` characters under and after the cursor (x); returns the deleted text. */
  deleteChars(n: number): string {
    const line = this.line;
    const gone = line.slice(this.cx, this.cx + n);
    if (!gone) return '';
    this.setLine(line.slice(0, this.cx) + line.slice(this.cx + n));
    this.register = { text: [gone], linewise: false };
    return gone;
  }

  joinLines(n: number): boolean {
    if (this.cy + 1 >= this.lines.length) return false;
    for (let i = 0; i < Math.max(1, n - 1) && this.cy + 1 < this.lines.length; i++) {
      const a = this.line.replace(/\s+$/, '');
      const b = this.lines[this.cy + 1]!.replace(/^\s+/, '');
      const sep = !a || !b || b.startsWith(')') ? '' : ' ';
      this.lines.splice(this.cy, 2, a + sep + b);
      this.cx = a.length;
    }
    return true;
  }
}

export function firstNonBlank(line: string): number {
  const m = /\S/.exec(line);
  return m ? m.index : Math.max(0, line.length - 1);
}

/** Start of the next word (vim's `w`, simplified to word and punctuation runs). */
export function nextWord(lines: readonly string[], cy: number, cx: number): [number, number] {
  const cls = (c: string | undefined) => (c === undefined || /\s/.test(c) ? 0 : /\w/.test(c) ? 1 : 2);
  let line = lines[cy] ?? '';
  const start = cls(line[cx]);
  let x = cx;
  if (start) while (x < line.length && cls(line[x]) === start) x++;
  for (let guard = 0; guard < lines.length + 1; guard++) {
    while (x < line.length && cls(line[x]) === 0) x++;
    if (x < line.length) return [cy, x];
    if (cy + 1 >= lines.length) return [cy, Math.max(0, line.length - 1)];
    cy++;
    line = lines[cy]!;
    x = 0;
    if (!line.length) return [cy, 0];
  }
  return [cy, x];
}

/** Start of the previous word (`b`). */
export function prevWord(lines: readonly string[], cy: number, cx: number): [number, number] {
  const cls = (c: string | undefined) => (c === undefined || /\s/.test(c) ? 0 : /\w/.test(c) ? 1 : 2);
  let line = lines[cy] ?? '';
  let x = cx - 1;
  for (let guard = 0; guard < lines.length + 1; guard++) {
    while (x >= 0 && cls(line[x]) === 0) x--;
    if (x >= 0) {
      const c = cls(line[x]);
      while (x > 0 && cls(line[x - 1]) === c) x--;
      return [cy, x];
    }
    if (cy === 0) return [0, 0];
    cy--;
    line = lines[cy]!;
    if (!line.length) return [cy, 0];
    x = line.length - 1;
  }
  return [cy, 0];
}
