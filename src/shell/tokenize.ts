// Bash's lexer for the subset we support: words made of literal, parameter ($X ${X...}),
// command-substitution ($(...) `...`) and arithmetic ($((...))) parts, each marked quoted or not;
// control and redirection operators (with fd numbers: 2>&1); comments; here-document bodies.
// Input that cannot be complete yet (an open quote, a here-doc without its delimiter, a trailing
// backslash) is reported as `incomplete`, so the terminal can ask for more with the `> ` prompt.

export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; op: string; arg: string; braced: boolean; quoted: boolean }
  | { kind: 'cmd'; source: string; quoted: boolean }
  | { kind: 'arith'; expr: string; quoted: boolean };
export type Word = WordPart[];

export type ControlOp = ';' | '&&' | '||' | '|' | '&' | '(' | ')' | 'newline' | ';;' | ';&' | ';;&';
export type RedirOp = '>' | '>>' | '>|' | '<' | '<<' | '<<-' | '<<<' | '>&' | '<&' | '&>' | '&>>' | '<>';

export interface HereDoc {
  delimiter: string;
  /** A quoted delimiter (<<'EOF') turns off expansion in the body. */
  quoted: boolean;
  stripTabs: boolean;
  body: string;
  /** 1-based line of the `<<` (for bash's end-of-file warning). */
  line: number;
}

export type Token =
  | { type: 'word'; parts: Word; raw: string }
  | { type: 'op'; op: ControlOp }
  | { type: 'redir'; op: RedirOp; fd: number | null; heredoc?: HereDoc };

export interface Incomplete {
  kind: 'quote' | 'backslash' | 'heredoc' | 'subst';
  /** bash's message when input ends here (after `-bash: `). */
  message: string;
}

export interface TokenizeResult {
  tokens: Token[];
  incomplete?: Incomplete;
}

const META = ' \t\n|&;()<>';
/** Characters that end a run of ordinary ones, outside and inside double quotes. */
const SPECIAL = new Set([...' \t\n|&;()<>\\\'"$`'].map((c) => c.charCodeAt(0)));
const QUOTED_SPECIAL = new Set([...'"\\$`'].map((c) => c.charCodeAt(0)));

/** Index after the run of ordinary characters from `i` (a 1 MB word must be one step, not a million). */
function plainEnd(s: string, i: number, special: ReadonlySet<number>): number {
  while (i < s.length && !special.has(s.charCodeAt(i))) i++;
  return i;
}
const eofMatching = (c: string): Incomplete => ({ kind: c === "'" || c === '"' ? 'quote' : 'subst', message: `unexpected EOF while looking for matching \`${c}'` });

class Lexer {
  i = 0;
  tokens: Token[] = [];
  incomplete: Incomplete | undefined;
  parts: WordPart[] = [];
  wordStart = -1;
  /** Here-docs whose delimiter word is next, and those waiting for their body. */
  delimFor: HereDoc | null = null;
  pending: HereDoc[] = [];

  constructor(readonly s: string) {}

  lit(text: string, quoted: boolean): void {
    if (this.wordStart < 0) this.wordStart = this.i;
    const last = this.parts[this.parts.length - 1];
    if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
    else this.parts.push({ kind: 'lit', text, quoted });
  }

  part(p: WordPart): void {
    if (this.wordStart < 0) this.wordStart = this.i;
    this.parts.push(p);
  }

  endWord(end: number): void {
    if (this.wordStart < 0) return;
    const raw = this.s.slice(this.wordStart, end);
    if (this.delimFor) {
      const hd = this.delimFor;
      hd.delimiter = this.parts.map((p) => (p.kind === 'lit' ? p.text : rawOfPart(p))).join('');
      hd.quoted = /['"\\]/.test(raw);
      this.pending.push(hd);
      this.delimFor = null;
    }
    this.tokens.push({ type: 'word', parts: this.parts, raw });
    this.parts = [];
    this.wordStart = -1;
  }

  run(): TokenizeResult {
    const s = this.s;
    while (this.i < s.length && !this.incomplete) {
      const c = s[this.i]!;
      if (c === ' ' || c === '\t') {
        this.endWord(this.i);
        this.i++;
      } else if (c === '\n') {
        this.endWord(this.i);
        this.tokens.push({ type: 'op', op: 'newline' });
        this.i++;
        this.readHereDocs();
      } else if (c === '#' && this.wordStart < 0) {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === '\\') {
        if (this.i + 1 >= s.length) {
          this.incomplete = { kind: 'backslash', message: 'syntax error: unexpected end of file' };
          break;
        }
        if (s[this.i + 1] === '\n') this.i += 2; // line continuation
        else {
          this.lit(s[this.i + 1]!, true);
          this.i += 2;
        }
      } else if (c === "'") {
        const close = s.indexOf("'", this.i + 1);
        if (close < 0) {
          this.incomplete = eofMatching("'");
          break;
        }
        this.lit(s.slice(this.i + 1, close), true);
        this.i = close + 1;
      } else if (c === '"') {
        if (this.wordStart < 0) this.wordStart = this.i;
        this.i++;
        this.doubleQuoted();
      } else if (c === '$' || c === '`') {
        this.dollar(false);
      } else if (META.includes(c)) {
        this.operator();
      } else {
        // A run of ordinary characters in one step: a 1 MB word must stay linear and fast.
        const end = plainEnd(s, this.i + 1, SPECIAL);
        this.lit(s.slice(this.i, end), false);
        this.i = end;
      }
    }
    if (!this.incomplete) this.endWord(this.i);
    if (!this.incomplete && (this.pending.length || this.delimFor)) {
      const hd = this.pending[0] ?? this.delimFor!;
      this.incomplete = { kind: 'heredoc', message: `warning: here-document at line ${hd.line} delimited by end-of-file (wanted \`${hd.delimiter}')` };
    }
    return this.incomplete ? { tokens: this.tokens, incomplete: this.incomplete } : { tokens: this.tokens };
  }

  /** Inside "...": `$` and backquote expand; backslash escapes only $ ` " \ and newline. */
  doubleQuoted(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\' && this.i + 1 < s.length && '$`"\\\n'.includes(s[this.i + 1]!)) {
        if (s[this.i + 1] !== '\n') this.lit(s[this.i + 1]!, true);
        this.i += 2;
      } else if (c === '$' || c === '`') {
        this.dollar(true);
        if (this.incomplete) return;
      } else {
        const end = plainEnd(s, this.i + 1, QUOTED_SPECIAL);
        this.lit(s.slice(this.i, end), true);
        this.i = end;
      }
    }
    this.incomplete = eofMatching('"');
  }

  /** `$...` or a backquote at this.i. */
  dollar(quoted: boolean): void {
    const r = scanDollar(this.s, this.i, quoted);
    if ('incomplete' in r) {
      this.incomplete = r.incomplete;
      return;
    }
    if (this.wordStart < 0) this.wordStart = this.i;
    if (r.part.kind === 'lit') this.lit(r.part.text, r.part.quoted);
    else this.part(r.part);
    this.i = r.end;
  }

  operator(): void {
    const s = this.s;
    const at = (t: string) => s.startsWith(t, this.i);
    // A word of digits directly before < or > is the fd the redirection applies to.
    let fd: number | null = null;
    if ((s[this.i] === '<' || s[this.i] === '>') && this.wordStart >= 0 && this.parts.length === 1) {
      const p = this.parts[0]!;
      if (p.kind === 'lit' && !p.quoted && /^\d{1,2}$/.test(p.text) && this.s.slice(this.wordStart, this.i) === p.text) {
        fd = Number(p.text);
        this.parts = [];
        this.wordStart = -1;
      }
    }
    this.endWord(this.i);
    const REDIRS: RedirOp[] = ['<<<', '<<-', '&>>', '<<', '>>', '>|', '>&', '<&', '&>', '<>', '<', '>'];
    const CONTROLS: ControlOp[] = [';;&', ';;', ';&', '&&', '||', ';', '|', '&', '(', ')'];
    for (const op of REDIRS) {
      if (!at(op)) continue;
      const tok: Token = { type: 'redir', op, fd };
      if (op === '<<' || op === '<<-') {
        const hd: HereDoc = { delimiter: '', quoted: false, stripTabs: op === '<<-', body: '', line: lineAt(s, this.i) };
        tok.heredoc = hd;
        this.delimFor = hd;
      }
      this.tokens.push(tok);
      this.i += op.length;
      return;
    }
    for (const op of CONTROLS) {
      if (!at(op)) continue;
      this.tokens.push({ type: 'op', op });
      this.i += op.length;
      return;
    }
  }

  /** After a newline: the bodies of pending here-documents, line by line up to each delimiter. */
  readHereDocs(): void {
    const s = this.s;
    while (this.pending.length) {
      const hd = this.pending[0]!;
      let body = '';
      for (;;) {
        if (this.i >= s.length) {
          hd.body = body;
          return; // still pending: incomplete
        }
        const nl = s.indexOf('\n', this.i);
        const end = nl < 0 ? s.length : nl;
        let line = s.slice(this.i, end);
        if (hd.stripTabs) line = line.replace(/^\t+/, '');
        if (line === hd.delimiter) {
          this.i = nl < 0 ? s.length : nl + 1;
          break;
        }
        if (nl < 0) {
          // The last line typed so far (lines arrive without their newline): the delimiter
          // may still follow; if the input ends here, this line is part of the body.
          hd.body = body + line + '\n';
          this.i = s.length;
          return;
        }
        body += line + '\n';
        this.i = nl + 1;
      }
      hd.body = body;
      this.pending.shift();
    }
  }
}

const lineAt = (s: string, i: number): number => s.slice(0, i).split('\n').length;

function rawOfPart(p: WordPart): string {
  switch (p.kind) {
    case 'lit':
      return p.text;
    case 'param':
      return p.braced ? `\${${p.name}${p.op}${p.arg}}` : `$${p.name}`;
    case 'cmd':
      return `$(${p.source})`;
    case 'arith':
      return `$((${p.expr}))`;
  }
}

type DollarScan = { part: WordPart; end: number } | { incomplete: Incomplete };

/** Scans `$NAME`, `${...}`, `$(...)`, `$((...))`, `$'...'` or a backquoted command at `i`. */
export function scanDollar(s: string, i: number, quoted: boolean): DollarScan {
  if (s[i] === '`') {
    let j = i + 1;
    let src = '';
    while (j < s.length && s[j] !== '`') {
      if (s[j] === '\\' && j + 1 < s.length && '$`\\'.includes(s[j + 1]!)) {
        src += s[j + 1];
        j += 2;
      } else src += s[j++];
    }
    if (j >= s.length) return { incomplete: eofMatching('`') };
    return { part: { kind: 'cmd', source: src, quoted }, end: j + 1 };
  }
  const n = s[i + 1];
  if (n === '(') {
    if (s[i + 2] === '(') {
      const close = matchParen(s, i + 2);
      if (close >= 0 && s[close + 1] === ')') return { part: { kind: 'arith', expr: s.slice(i + 3, close), quoted }, end: close + 2 };
    }
    const close = matchParen(s, i + 1);
    if (close < 0) return { incomplete: eofMatching(')') };
    return { part: { kind: 'cmd', source: s.slice(i + 2, close), quoted }, end: close + 1 };
  }
  if (n === '{') {
    const close = matchBrace(s, i + 1);
    if (close < 0) return { incomplete: eofMatching('}') };
    const inner = s.slice(i + 2, close);
    const m = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])(.*)$/s.exec(inner);
    if (!m) return { part: { kind: 'param', name: '', op: 'bad', arg: inner, braced: true, quoted }, end: close + 1 };
    const [, hash, name, rest] = m as unknown as [string, string, string, string];
    if (hash) return { part: { kind: 'param', name, op: rest ? 'bad' : '#len', arg: rest ? inner : '', braced: true, quoted }, end: close + 1 };
    const op = /^(:?[-=+?]|##?|%%?|\/\/?|)/.exec(rest)![0];
    const arg = rest.slice(op.length);
    return { part: { kind: 'param', name, op: op || (rest ? 'bad' : ''), arg: op || !rest ? arg : inner, braced: true, quoted }, end: close + 1 };
  }
  if (n === "'" && !quoted) {
    const r = ansiC(s, i + 2);
    if (!r) return { incomplete: eofMatching("'") };
    return { part: { kind: 'lit', text: r.text, quoted: true }, end: r.end };
  }
  const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$#!@*-])/.exec(s.slice(i + 1, i + 64));
  if (!m) return { part: { kind: 'lit', text: '$', quoted }, end: i + 1 };
  let name = m[0];
  // A long name is cut by the 64-character window: take the rest of it.
  if (name.length === 63) name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1))![0];
  return { part: { kind: 'param', name, op: '', arg: '', braced: false, quoted }, end: i + 1 + name.length };
}

/** Index of the `)` closing the `(` at `open`, skipping quotes; -1 if input ends first. */
function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    const c = s[j]!;
    if (c === '\\') j++;
    else if (c === "'") {
      j = s.indexOf("'", j + 1);
      if (j < 0) return -1;
    } else if (c === '"') {
      j++;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  return -1;
}

function matchBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    const c = s[j]!;
    if (c === '\\') j++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j;
  }
  return -1;
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** `$'...'` with C escapes; `i` is just after the opening quote. */
function ansiC(s: string, i: number): { text: string; end: number } | null {
  let text = '';
  let j = i;
  while (j < s.length && s[j] !== "'") {
    if (s[j] === '\\' && j + 1 < s.length) {
      const e = s[j + 1]!;
      if (C_ESCAPES[e] !== undefined) {
        text += C_ESCAPES[e];
        j += 2;
      } else if (/[0-7]/.test(e)) {
        const m = /^[0-7]{1,3}/.exec(s.slice(j + 1))![0];
        text += String.fromCharCode(parseInt(m, 8) & 255);
        j += 1 + m.length;
      } else if (e === 'x' && /[0-9a-fA-F]/.test(s[j + 2] ?? '')) {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(j + 2))![0];
        text += String.fromCharCode(parseInt(m, 16));
        j += 2 + m.length;
      } else {
        text += '\\' + e;
        j += 2;
      }
    } else text += s[j++];
  }
  return j < s.length ? { text, end: j + 1 } : null;
}

export function tokenize(input: string): TokenizeResult {
  return new Lexer(input).run();
}

/** The text of a word with quotes removed and nothing expanded (here-doc tags, alias names). */
export const wordText = (parts: readonly WordPart[]): string => parts.map((p) => (p.kind === 'lit' ? p.text : rawOfPart(p))).join('');

/** True when no part of the word was quoted or escaped (alias names must be unquoted). */
export const isPlainWord = (parts: readonly WordPart[]): boolean => parts.every((p) => p.kind === 'lit' && !p.quoted);

/** Parses text as the inside of double quotes (a here-document body with an unquoted tag). */
export function parseHereBody(text: string): Word {
  const parts: WordPart[] = [];
  const lit = (t: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === 'lit') last.text += t;
    else parts.push({ kind: 'lit', text: t, quoted: true });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '$`\\\n'.includes(text[i + 1]!)) {
      if (text[i + 1] !== '\n') lit(text[i + 1]!);
      i += 2;
    } else if (c === '$' || c === '`') {
      const r = scanDollar(text, i, true);
      if ('incomplete' in r) {
        lit(c);
        i++;
      } else {
        if (r.part.kind === 'lit') lit(r.part.text);
        else parts.push(r.part);
        i = r.end;
      }
    } else {
      lit(c);
      i++;
    }
  }
  return parts;
}
