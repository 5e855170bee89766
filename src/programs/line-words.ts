// readline's notion of words (alphanumeric runs, for Alt-B/F/D and Ctrl-W) and bash's
// completion helpers: the common prefix of the candidates and their column-major listing.

const WORD = /[A-Za-z0-9]/;

/** Start of the word before `pos`; readline's words are alphanumeric runs unless `sep` says otherwise. */
export function wordStartBefore(s: string, pos: number, sep?: RegExp): number {
  const isSep = (c: string) => (sep ? sep.test(c) : !WORD.test(c));
  let i = pos;
  while (i > 0 && isSep(s[i - 1]!)) i--;
  while (i > 0 && !isSep(s[i - 1]!)) i--;
  return i;
}

export function wordEndAfter(s: string, pos: number): number {
  let i = pos;
  while (i < s.length && !WORD.test(s[i]!)) i++;
  while (i < s.length && WORD.test(s[i]!)) i++;
  return i;
}

export function commonPrefix(words: readonly string[]): string {
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** bash's completion listing: column-major, each column as wide as the longest word + 2. */
export function columns(words: readonly string[], cols: number): string[] {
  const width = Math.max(...words.map((w) => w.length)) + 2;
  const ncols = Math.max(1, Math.floor(cols / width));
  const nrows = Math.ceil(words.length / ncols);
  const rows: string[] = [];
  for (let r = 0; r < nrows; r++) {
    let line = '';
    for (let c = 0; c < ncols; c++) {
      const w = words[c * nrows + r];
      if (w !== undefined) line += w.padEnd(width);
    }
    rows.push(line.trimEnd());
  }
  return rows;
}
