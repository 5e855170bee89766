// The awk lexer: source text to tokens (numbers, strings with escapes, /regex/ vs division,
// names and keywords, operators), and the syntax error carrying a source offset.

const KEYWORDS = new Set(['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'delete', 'in', 'print', 'printf', 'getline', 'function', 'return']);

export type Tok = { k: 'num'; v: number; at: number } | { k: 'str'; v: string; at: number } | { k: 'regex'; v: string; at: number } | { k: 'name'; v: string; at: number } | { k: 'kw'; v: string; at: number } | { k: 'op'; v: string; at: number } | { k: 'nl'; at: number } | { k: 'eof'; at: number };

export class AwkSyntaxError {
  constructor(
    readonly message: string,
    readonly at: number,
  ) {}
}

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '!~', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '**', '>>', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

/** `warn` hears gawk's parse-time warnings (message, source offset). */
export function lex(src: string, warn: (msg: string, at: number) => void = () => {}): Tok[] {
  const toks: Tok[] = [];
  const warned = new Set<string>();
  let i = 0;
  const prevAllowsDivision = () => {
    const p = toks[toks.length - 1];
    if (!p) return false;
    return p.k === 'num' || p.k === 'str' || p.k === 'name' || (p.k === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--'));
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ k: 'nl', at: i });
      i++;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(src.slice(i));
    if (num) {
      toks.push({ k: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n') throw new AwkSyntaxError('unterminated string', i);
        if (src[j] === '\\' && j + 1 < src.length) {
          const d = src[j + 1]!;
          const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (esc[d] !== undefined) s += esc[d];
          else if (/[0-7]/.test(d)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(j + 1))![0];
            s += String.fromCharCode(parseInt(m, 8));
            j += m.length - 1;
          } else {
            // gawk drops the backslash of an escape it does not know, and says so once per character.
            s += d;
            if (!warned.has(d)) warn(`escape sequence \`\\${d}' treated as plain \`${d}'`, j);
            warned.add(d);
          }
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError('unterminated string', i);
      toks.push({ k: 'str', v: s, at: i });
      i = j + 1;
      continue;
    }
    if (c === '/' && !prevAllowsDivision()) {
      let j = i + 1;
      let s = '';
      let inBracket = false;
      while (j < src.length && (src[j] !== '/' || inBracket)) {
        if (src[j] === '\n') throw new AwkSyntaxError('unterminated regexp', i);
        if (src[j] === '\\' && j + 1 < src.length) {
          s += src[j + 1] === '/' ? '/' : src[j]! + src[j + 1]!;
          j += 2;
          continue;
        }
        if (src[j] === '[') inBracket = true;
        else if (src[j] === ']') inBracket = false;
        s += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError('unterminated regexp', i);
      toks.push({ k: 'regex', v: s, at: i });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (word) {
      toks.push({ k: KEYWORDS.has(word[0]) ? 'kw' : 'name', v: word[0], at: i });
      i += word[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError('invalid char', i);
    toks.push({ k: 'op', v: op === '**' ? '^' : op, at: i });
    i += op.length;
  }
  toks.push({ k: 'eof', at: src.length });
  return toks;
}
