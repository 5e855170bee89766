// The `[[ … ]]` conditional command: its parser (on the tokenizer's tokens, up to `]]`) and its
// evaluator (unary file/string tests, == != with patterns, < >, arithmetic -eq…, =~ ERE, ! && || ( ));
// and the pattern matching that picks a `case` clause.
import { evalArith } from './arith';
import { fileCompare, fileTest, type FileTestContext } from './commands/test-expr';
import { compileRegex } from './commands/text/regex';
import type { AndOr, CaseCommand } from './ast';
import { ExpansionError, expandPattern, expandRegex, expandString, getVar, setVar, type ExpandEnv } from './expand';
import { globMatch } from './glob';
import { isPlainWord, type Token, type Word } from './tokenize';

export type CondExpr =
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { kind: 'not'; expr: CondExpr }
  | { kind: 'unary'; op: string; arg: Word }
  | { kind: 'binary'; op: string; left: Word; right: Word }
  | { kind: 'word'; word: Word };

export const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v']);
const BINARY = new Set(['=', '==', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export class CondSyntaxError {
  constructor(readonly message: string) {}
}
export class CondIncomplete {}

const text = (t: Token | undefined): string => (!t ? 'newline' : t.type === 'word' ? t.raw : t.type === 'op' ? (t.op === 'newline' ? 'newline' : t.op) : t.op);

/** Deepest nesting of ( and ! inside [[ ]]. */
const MAX_COND_NESTING = 256;

/** Parses from `start` (just after `[[`) to the matching `]]`; returns the expression and the index after `]]`. */
export function parseConditional(tokens: readonly Token[], start: number): { expr: CondExpr; end: number } {
  let i = start;
  const skip = () => {
    while (tokens[i]?.type === 'op' && (tokens[i] as { op: string }).op === 'newline') i++;
  };
  const peek = (): Token | undefined => {
    skip();
    if (i >= tokens.length) throw new CondIncomplete();
    return tokens[i];
  };
  const isWord = (t: Token | undefined, raw: string) => t?.type === 'word' && t.raw === raw && isPlainWord(t.parts);
  const isOp = (t: Token | undefined, op: string) => t?.type === 'op' && t.op === op;
  const isClose = (t: Token | undefined) => isWord(t, ']]');
  const fail = (msg: string): never => {
    throw new CondSyntaxError(msg);
  };
  // ( and ! nest by recursion: past the parser's depth the token is refused, as bash's parser does when its stack is full.
  let depth = 0;
  const deeper = (t: Token | undefined) => {
    if (++depth > MAX_COND_NESTING) fail(`syntax error near unexpected token \`${text(t)}'`);
  };

  const or = (): CondExpr => {
    let left = and();
    while (isOp(peek(), '||')) {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): CondExpr => {
    let left = not();
    while (isOp(peek(), '&&')) {
      i++;
      left = { kind: 'and', left, right: not() };
    }
    return left;
  };
  const not = (): CondExpr => {
    if (isWord(peek(), '!')) {
      deeper(tokens[i]);
      i++;
      return { kind: 'not', expr: not() };
    }
    return primary();
  };
  const primary = (): CondExpr => {
    const t = peek()!;
    if (isOp(t, '(')) {
      deeper(t);
      i++;
      const e = or();
      const c = peek();
      if (!isOp(c, ')')) fail(`unexpected token \`${text(c)}', expected \`)'`);
      i++;
      return e;
    }
    if (t.type !== 'word' || isClose(t)) fail(`syntax error near unexpected token \`${text(t)}'`);
    const w = t as Extract<Token, { type: 'word' }>;
    i++;
    if (isPlainWord(w.parts) && COND_UNARY.has(w.raw)) {
      const arg = peek();
      if (arg?.type === 'word' && !isClose(arg)) {
        i++;
        return { kind: 'unary', op: w.raw, arg: arg.parts };
      }
      if (!(arg?.type === 'word' && BINARY.has(arg.raw))) fail(`unexpected argument \`${text(arg)}' to conditional unary operator`);
    }
    const next = peek();
    if (isClose(next) || isOp(next, '&&') || isOp(next, '||') || isOp(next, ')')) return { kind: 'word', word: w.parts };
    let op: string | null = null;
    if (next?.type === 'word' && isPlainWord(next.parts) && BINARY.has(next.raw)) op = next.raw;
    else if (next?.type === 'redir' && (next.op === '<' || next.op === '>') && next.fd === null) op = next.op;
    if (op === null) fail('conditional binary operator expected');
    i++;
    if (op === '=~') return { kind: 'binary', op, left: w.parts, right: regexWord() };
    const r = peek();
    if (r?.type !== 'word' || isClose(r)) fail(`unexpected argument \`${text(r)}' to conditional binary operator`);
    i++;
    return { kind: 'binary', op: op!, left: w.parts, right: (r as Extract<Token, { type: 'word' }>).parts };
  };
  /** The right side of =~: `(`, `)` and `|` are part of the regex, so tokens are joined up to `]]`, && or ||. */
  const regexWord = (): Word => {
    const out: Word = [];
    let depth = 0;
    for (;;) {
      const t = peek();
      if (!t) throw new CondIncomplete();
      if (depth === 0 && (isClose(t) || isOp(t, '&&') || isOp(t, '||') || isOp(t, ')'))) break;
      if (t.type === 'word') out.push(...t.parts);
      else if (t.type === 'op') {
        if (t.op === '(') depth++;
        if (t.op === ')') depth--;
        if (t.op === ';' || t.op === '&' || t.op.startsWith(';;') || t.op === ';&') fail(`syntax error near unexpected token \`${t.op}'`);
        out.push({ kind: 'lit', text: t.op, quoted: false });
      } else out.push({ kind: 'lit', text: t.op, quoted: false });
      i++;
    }
    if (!out.length) fail(`unexpected argument \`${text(tokens[i])}' to conditional binary operator`);
    return out;
  };

  if (isClose(peek())) fail("syntax error near unexpected token `]]'");
  const expr = or();
  const end = peek();
  if (!isClose(end)) fail(`syntax error in conditional expression: unexpected token \`${text(end)}'`);
  return { expr, end: i + 1 };
}

/** What evaluating needs from the shell: expansions of an operand and the file tests. */
export interface CondEnv {
  /** An operand expanded without splitting or globbing. */
  string(word: Word): string;
  /** A pattern operand: quoted parts escaped so they match literally. */
  pattern(word: Word): string;
  /** A regex operand: quoted parts escaped for ERE. */
  regex(word: Word): string;
  globMatch(pattern: string, value: string): boolean;
  /** ERE match: the match groups, null for no match, or a string for a bad regex. */
  regexMatch(re: string, value: string): string[] | null | 'error';
  fileTest(op: string, arg: string): boolean;
  fileCompare(op: string, a: string, b: string): boolean;
  /** Arithmetic value of an operand, or throws CondRuntimeError. */
  arith(expr: string): number;
  setRematch(groups: string[]): void;
}

export class CondRuntimeError {
  constructor(readonly message: string) {}
}

/** True or false; a bad regex or arithmetic error throws CondRuntimeError (status 2 / 1). */
export function evalConditional(e: CondExpr, env: CondEnv): boolean {
  switch (e.kind) {
    case 'and':
      return evalConditional(e.left, env) && evalConditional(e.right, env);
    case 'or':
      return evalConditional(e.left, env) || evalConditional(e.right, env);
    case 'not':
      return !evalConditional(e.expr, env);
    case 'word':
      return env.string(e.word) !== '';
    case 'unary': {
      const v = env.string(e.arg);
      if (e.op === '-z') return v === '';
      if (e.op === '-n') return v !== '';
      return env.fileTest(e.op, v);
    }
    case 'binary': {
      const a = env.string(e.left);
      switch (e.op) {
        case '=':
        case '==':
          return env.globMatch(env.pattern(e.right), a);
        case '!=':
          return !env.globMatch(env.pattern(e.right), a);
        case '<':
          return a < env.string(e.right);
        case '>':
          return a > env.string(e.right);
        case '=~': {
          const m = env.regexMatch(env.regex(e.right), a);
          if (m === 'error') throw new CondRuntimeError('regex');
          env.setRematch(m ?? []);
          return m !== null;
        }
        case '-nt':
        case '-ot':
        case '-ef':
          return env.fileCompare(e.op, a, env.string(e.right));
        default: {
          const x = env.arith(a);
          const y = env.arith(env.string(e.right));
          const cmp = { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[e.op as '-eq'];
          return cmp;
        }
      }
    }
  }
}

/** Runs a parsed `[[ … ]]`: 0 true, 1 false, 2 for a bad regex; an arithmetic error is reported, status 1. */
export function runConditional(expr: CondExpr, deps: CondDeps, err: (text: string) => void): number {
  const { env, files } = deps;
  const cenv: CondEnv = {
    string: (w) => expandString(w, env),
    pattern: (w) => expandPattern(w, env),
    regex: (w) => expandRegex(w, env),
    globMatch: (p, v) => globMatch(p, v),
    regexMatch: (re, v) => {
      const r = compileRegex(re, true);
      if (typeof r === 'string') return 'error';
      const m = r.exec(v);
      return m ? m.map((g) => g ?? '') : null;
    },
    fileTest: (op, p) => fileTest(files, op, p),
    fileCompare: (op, a, b) => fileCompare(files, op, a, b),
    arith: (s) => {
      const r = evalArith(s, (n) => getVar(env.frame, n) ?? '');
      if (!r.ok) throw new CondRuntimeError(`-bash: [[: ${r.error}\n`);
      return r.value;
    },
    // Arrays are not simulated: $BASH_REMATCH is the whole match.
    setRematch: (groups) => setVar(env.frame, 'BASH_REMATCH', groups[0] ?? ''),
  };
  try {
    return evalConditional(expr, cenv) ? 0 : 1;
  } catch (e) {
    if (e instanceof ExpansionError) {
      err(`-bash: ${e.message}\n`);
      return 1;
    }
    if (!(e instanceof CondRuntimeError)) throw e;
    if (e.message === 'regex') return 2;
    err(e.message);
    return 1;
  }
}

export interface CondDeps {
  env: ExpandEnv;
  files: FileTestContext;
}

/**
 * The bodies a `case` runs, in order: the first clause whose pattern matches the word, then on
 * through `;&` (next body) and `;;&` (next matching clause). A number: no body ran (1 after an expansion error).
 */
export function caseBody(cmd: CaseCommand, env: ExpandEnv, err: (text: string) => void): AndOr[][] | number {
  try {
    const word = expandString(cmd.word, env);
    const bodies: AndOr[][] = [];
    let fall = false;
    for (const c of cmd.clauses) {
      if (!fall && !c.patterns.some((p) => globMatch(expandPattern(p, env), word))) continue;
      bodies.push(c.body);
      if (c.end === ';;') break;
      fall = c.end === ';&';
    }
    return bodies.length ? bodies : 0;
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    err(`-bash: ${e.message}\n`);
    return 1;
  }
}
