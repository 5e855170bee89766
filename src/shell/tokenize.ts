// Splits a command line into words and operators the way bash's lexer does for the subset we
// support: quotes, backslash escapes, comments, and the control/redirection operators.
// Words keep their quoting per segment so that expansion can honour it later.

export type QuoteKind = 'none' | 'single' | 'double';
export interface WordSegment {
  text: string;
  quote: QuoteKind;
}
export type Operator = ';' | '&&' | '||' | '|' | '&' | '>' | '>>' | '<' | '<<' | '2>' | '2>>' | '2>&1' | '&>' | '>&';
export type Token = { type: 'word'; segments: WordSegment[] } | { type: 'op'; op: Operator };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: string };

// Longest first, so '&&' wins over '&' and '2>&1' over '2>'.
const OPERATORS: readonly Operator[] = ['2>&1', '2>>', '&&', '||', '>>', '<<', '2>', '&>', '>&', ';', '|', '&', '>', '<'];

export function tokenize(line: string): TokenizeResult {
  const tokens: Token[] = [];
  let segments: WordSegment[] = [];
  let inWord = false;
  const push = (text: string, quote: QuoteKind) => {
    const last = segments[segments.length - 1];
    if (last && last.quote === quote) last.text += text;
    else segments.push({ text, quote });
    inWord = true;
  };
  const endWord = () => {
    if (inWord) tokens.push({ type: 'word', segments });
    segments = [];
    inWord = false;
  };

  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) break;
    if (c === '\\') {
      if (i + 1 < line.length) push(line[i + 1]!, 'single');
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" };
      push(line.slice(i + 1, close), 'single');
      i = close + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) {
          // A backslash before $ keeps the $ literal: mark it so expansion skips it.
          text += line[j + 1] === '$' ? '\\$' : line[j + 1];
          j += 2;
        } else text += line[j++];
      }
      if (j >= line.length) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
      push(text, 'double');
      i = j + 1;
      continue;
    }
    const op = !inWord || c !== '2' ? OPERATORS.find((o) => line.startsWith(o, i)) : undefined;
    if (op && !(op.startsWith('2') && inWord)) {
      endWord();
      tokens.push({ type: 'op', op });
      i += op.length;
      continue;
    }
    push(c, 'none');
    i++;
  }
  endWord();
  return { ok: true, tokens };
}

/** The literal text of a word with its quotes removed and no expansion (for here-doc tags, aliases). */
export const wordText = (segments: readonly WordSegment[]): string => segments.map((s) => s.text).join('');
