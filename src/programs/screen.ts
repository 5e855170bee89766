// A full-screen program's picture of the terminal: rows of styled text plus a cursor, drawn on
// the alternate screen. Each frame sends only the rows that changed since the last one.
// Pure string work, DOM-free; programs (vi, nano, less, xentop …) build frames with it.

/** A run of text with an SGR style ('' normal, '7' reverse video, '1' bold, '0;31' red …). */
export interface Segment {
  text: string;
  style?: string;
}

export type RowContent = string | readonly Segment[];

export const ALT_SCREEN_ON = '\x1b[?1049h';
export const ALT_SCREEN_OFF = '\x1b[?1049l';

export class Screen {
  cols: number;
  rows: number;
  #next: Segment[][];
  /** What the terminal shows now (rendered rows), or null when it must be redrawn in full. */
  #shown: string[] | null = null;
  #cursor = { row: 0, col: 0 };
  #cursorVisible = true;

  constructor(cols: number, rows: number) {
    this.cols = Math.max(1, cols);
    this.rows = Math.max(2, rows);
    this.#next = Array.from({ length: this.rows }, () => []);
  }

  /** Switches to the alternate screen and clears it. */
  enter(): string {
    this.#shown = null;
    return `${ALT_SCREEN_ON}\x1b[H\x1b[2J`;
  }

  /** Back to the normal screen (the shell's scrollback reappears), cursor shown. */
  leave(): string {
    return `${this.#cursorVisible ? '' : '\x1b[?25h'}${ALT_SCREEN_OFF}`;
  }

  resize(cols: number, rows: number): void {
    this.cols = Math.max(1, cols);
    this.rows = Math.max(2, rows);
    this.#next = Array.from({ length: this.rows }, () => []);
    this.#shown = null;
  }

  clear(): void {
    for (let r = 0; r < this.rows; r++) this.#next[r] = [];
  }

  /** Sets a whole row (text beyond the width is cut off). */
  setRow(row: number, content: RowContent): void {
    if (row < 0 || row >= this.rows) return;
    this.#next[row] = typeof content === 'string' ? [{ text: content }] : [...content];
  }

  setCursor(row: number, col: number): void {
    this.#cursor = { row: Math.min(Math.max(0, row), this.rows - 1), col: Math.min(Math.max(0, col), this.cols - 1) };
  }

  showCursor(visible: boolean): string {
    if (visible === this.#cursorVisible) return '';
    this.#cursorVisible = visible;
    return visible ? '\x1b[?25h' : '\x1b[?25l';
  }

  /** The bytes that bring the terminal from the last frame to this one. */
  frame(): string {
    let out = '';
    const shown = this.#shown ?? [];
    const full = this.#shown === null;
    const now: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      const rendered = renderRow(this.#next[r]!, this.cols);
      now.push(rendered);
      // Erase the rest only when the row is short: after the last column a terminal's pending
      // wrap would make EL erase the final character.
      if (full || shown[r] !== rendered) out += `\x1b[${r + 1};1H${rendered}${rowWidth(this.#next[r]!, this.cols) < this.cols ? '\x1b[K' : ''}`;
    }
    this.#shown = now;
    return out + `\x1b[${this.#cursor.row + 1};${this.#cursor.col + 1}H`;
  }

  /** Plain text of the next frame, trailing spaces trimmed (for tests and screen readers). */
  text(): string {
    return this.#next.map((segs) => clip(segs.map((s) => s.text).join(''), this.cols).trimEnd()).join('\n');
  }

  /** The row's segments as set for the next frame. */
  getRow(row: number): Segment[] {
    return [...(this.#next[row] ?? [])];
  }

  /** The row's plain text, untrimmed up to its content. */
  rowText(row: number): string {
    return clip((this.#next[row] ?? []).map((s) => s.text).join(''), this.cols);
  }
}

function clip(s: string, width: number): string {
  return s.length > width ? s.slice(0, width) : s;
}

function rowWidth(segs: readonly Segment[], width: number): number {
  return Math.min(width, segs.reduce((n, s) => n + s.text.length, 0));
}

function renderRow(segs: readonly Segment[], width: number): string {
  let out = '';
  let used = 0;
  for (const s of segs) {
    if (used >= width) break;
    const text = clip(s.text, width - used);
    used += text.length;
    out += s.style ? `\x1b[${s.style}m${text}\x1b[0m` : text;
  }
  return out;
}

/** Expands tabs to 8-column stops and replaces other control characters the way vi/less show them (^X). */
export function displayText(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else if (ch < ' ' || ch === '\x7f') out += '^' + (ch === '\x7f' ? '?' : String.fromCharCode(ch.charCodeAt(0) + 64));
    else out += ch;
  }
  return out;
}

/** Display width of line[0..index) (tabs and ^X included). */
export function displayWidth(line: string, index: number): number {
  return displayText(line.slice(0, index)).length;
}
