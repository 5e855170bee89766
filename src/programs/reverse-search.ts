// readline's incremental history search (Ctrl-R, and Ctrl-S forward): the query, the entry it
// found and where in it, and the prompt readline shows, `(reverse-i-search)\`query': `.
// Pure state over a history list; the line editor draws it.

export class ReverseSearch {
  query = '';
  /** History index of the entry shown (history.length: the line being edited). */
  index: number;
  failed = false;
  forward = false;
  line = '';
  cursor = 0;
  constructor(
    private readonly history: readonly string[],
    start: number,
    readonly original: { line: string; cursor: number },
    /** The previous search's query, reused by Ctrl-R on an empty query (as readline does). */
    public lastQuery = '',
  ) {
    this.index = start;
  }

  get prompt(): string {
    return `(${this.failed ? 'failed ' : ''}${this.forward ? 'i-search' : 'reverse-i-search'})\`${this.query}': `;
  }

  setDisplay(line: string, cursor: number): void {
    this.line = line;
    this.cursor = cursor;
  }

  /** Typed characters: the current entry if it still matches, else an older one. */
  extend(text: string): boolean {
    this.query += text;
    return this.find(this.index, this.forward ? 1 : -1, true);
  }

  /** Backspace: a shorter query, searched again from the newest entry. */
  shorten(): boolean {
    if (!this.query) return false;
    this.query = this.query.slice(0, -1);
    if (!this.query) {
      this.failed = false;
      return true;
    }
    return this.find(this.history.length, -1, false);
  }

  older(): boolean {
    this.forward = false;
    if (!this.query) {
      if (!this.lastQuery) return true;
      this.query = this.lastQuery;
      return this.find(this.index, -1, true);
    }
    return this.find(this.index - 1, -1, true);
  }

  newer(): boolean {
    this.forward = true;
    if (!this.query) return true;
    return this.find(this.index + 1, 1, true);
  }

  /** Looks from `from` in direction `dir` for an entry containing the query; on failure keeps the last match. */
  private find(from: number, dir: 1 | -1, inclusive: boolean): boolean {
    this.lastQuery = this.query;
    let i = inclusive ? from : from + dir;
    if (i >= this.history.length) i = this.history.length - 1;
    for (; i >= 0 && i < this.history.length; i += dir) {
      const entry = this.history[i]!;
      const at = entry.lastIndexOf(this.query);
      if (at >= 0) {
        this.index = i;
        this.line = entry;
        this.cursor = at;
        this.failed = false;
        return true;
      }
    }
    this.failed = true;
    return false;
  }
}
