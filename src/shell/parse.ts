// Builds the command tree from tokens: lists of and-or chains of pipelines of commands — simple
// ones with assignments and redirections, ( subshells ), { groups; }, for/while/until loops and
// if/elif/else, case, [[ conditionals ]] (conditional.ts), function definitions; the tree is in ast.ts.
// Aliases are expanded here, on tokens, as bash does. Syntax errors carry bash's wording; input
// that stops where more must follow (`ls |`, `a &&`, an open `(`, a `for` without its `done`) is
// `incomplete`, so the terminal asks for another line.
import type { AndOr, Assignment, CaseCommand, Command, IfCommand, Pipeline, Redirect, SimpleCommand } from './ast';
import { CondIncomplete, CondSyntaxError, parseConditional } from './conditional';
import { own } from '../lib/own';
import { isPlainWord, tokenize, type Token, type Word } from './tokenize';

export type * from './ast';

export type ParseResult = { ok: true; list: AndOr[] } | { ok: false; error: string; incomplete?: boolean };

export interface ParseOptions {
  aliases?: Record<string, string>;
}

const NONE: ReadonlySet<string> = new Set();
const THEN = new Set(['then']);
const IF_BODY_END = new Set(['elif', 'else', 'fi']);
const FI = new Set(['fi']);
const DO = new Set(['do']);
const DONE = new Set(['done']);
const ESAC = new Set(['esac']);

class Incomplete {}
class ShellSyntaxError {
  constructor(readonly message: string) {}
}

const tokenText = (t: Token | undefined): string => {
  if (!t) return 'newline';
  if (t.type === 'word') return t.raw;
  if (t.type === 'op') return t.op === 'newline' ? 'newline' : t.op;
  return (t.fd ?? '') + t.op;
};

/** Words that close a compound command: a syntax error where a command should start. */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}', 'esac']);

/** Words that start a compound command (a function's body must be one). */
const COMPOUND_STARTS = new Set(['{', 'if', 'while', 'until', 'for', 'case', '[[']);

/**
 * Deepest nesting of compound commands ({ } ( ) if while for case, function bodies). bash's
 * parser stack ends near a few thousand with `syntax error near unexpected token`; ours ends
 * earlier, with the same words, before the JS stack (parser, then executor) can run out.
 */
export const MAX_NESTING = 200;

/** Bounds alias expansion: an alias may use others, but not loop. */
const MAX_ALIAS_EXPANSIONS = 100;

class Parser {
  i = 0;
  aliasBudget = MAX_ALIAS_EXPANSIONS;
  constructor(
    public tokens: Token[],
    readonly aliases: Record<string, string>,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  isOp(op: string): boolean {
    const t = this.tokens[this.i];
    return t?.type === 'op' && t.op === op;
  }
  unexpected(): never {
    if (this.i >= this.tokens.length) throw new Incomplete();
    throw new ShellSyntaxError(`syntax error near unexpected token \`${tokenText(this.tokens[this.i])}'`);
  }
  skipNewlines(): void {
    while (this.isOp('newline')) this.i++;
  }

  /** The reserved word at the current token, if it stands alone and unquoted. */
  reserved(): string | null {
    const t = this.peek();
    return t?.type === 'word' && isPlainWord(t.parts) ? t.raw : null;
  }

  /** A list up to a closing `)` (subshells), one of the reserved words `ends`, or the end of input. */
  list(inSubshell: boolean, ends: ReadonlySet<string> = NONE): AndOr[] {
    const out: AndOr[] = [];
    this.skipNewlines();
    while (this.i < this.tokens.length) {
      if (inSubshell && this.isOp(')')) break;
      if (this.caseEnd()) break; // a case clause ends (elsewhere the caller reports it)
      const word = this.reserved();
      if (word !== null && ends.has(word)) break;
      if (word !== null && CLOSERS.has(word)) this.unexpected();
      out.push(this.andOr());
      const t = this.peek();
      if (!t) break;
      // A compound command may be followed directly by the word that closes the one around it (`{ { a; } }`, `fi fi`).
      const closer = this.reserved();
      if (closer !== null && ends.has(closer)) break;
      if (t.type === 'op' && (t.op === ';' || t.op === '&' || t.op === 'newline')) {
        this.i++;
        this.skipNewlines();
        continue;
      }
      if (inSubshell && t.type === 'op' && t.op === ')') break;
      if (this.caseEnd()) break;
      this.unexpected();
    }
    return out;
  }

  /** A list that must end with one of `ends` (consumed and returned); input ending first is incomplete. */
  listUntil(ends: ReadonlySet<string>): { list: AndOr[]; end: string } {
    const list = this.list(false, ends);
    const end = this.reserved();
    if (end === null || !ends.has(end)) {
      if (this.i >= this.tokens.length) throw new Incomplete();
      this.unexpected();
    }
    if (!list.length) this.unexpected();
    this.i++;
    return { list, end };
  }

  /** `word` must be next (after optional newlines), else incomplete or a syntax error. */
  expectWord(word: string): void {
    this.skipNewlines();
    if (this.i >= this.tokens.length) throw new Incomplete();
    if (this.reserved() !== word) this.unexpected();
    this.i++;
  }

  redirectsAfter(): Redirect[] {
    const redirects: Redirect[] = [];
    while (this.peek()?.type === 'redir') redirects.push(this.redirect());
    if (this.peek()?.type === 'word' && !CLOSERS.has(this.reserved() ?? '')) this.unexpected();
    return redirects;
  }

  compound(word: string): Command {
    this.i++;
    if (word === '{') {
      const { list } = this.listUntil(new Set(['}']));
      return { kind: 'group', list, redirects: this.redirectsAfter() };
    }
    if (word === 'if') {
      const clauses: IfCommand['clauses'] = [];
      let otherwise: AndOr[] | null = null;
      let cond = this.listUntil(THEN).list;
      for (;;) {
        const body = this.listUntil(IF_BODY_END);
        clauses.push({ cond, body: body.list });
        if (body.end === 'fi') break;
        if (body.end === 'else') {
          otherwise = this.listUntil(FI).list;
          break;
        }
        cond = this.listUntil(THEN).list;
      }
      return { kind: 'if', clauses, otherwise, redirects: this.redirectsAfter() };
    }
    if (word === 'while' || word === 'until') {
      const cond = this.listUntil(DO).list;
      const body = this.listUntil(DONE).list;
      return { kind: 'while', until: word === 'until', cond, body, redirects: this.redirectsAfter() };
    }
    // for NAME [in WORDS] ; do LIST done
    const nameTok = this.peek();
    if (!nameTok) throw new Incomplete();
    if (nameTok.type !== 'word') this.unexpected();
    // An invalid name (`for 1 in ...`) is refused when the loop runs, as bash does.
    const name = (nameTok as Extract<Token, { type: 'word' }>).raw;
    this.i++;
    let words: Word[] | null = null;
    this.skipNewlines();
    if (this.reserved() === 'in') {
      this.i++;
      words = [];
      while (this.peek()?.type === 'word') words.push((this.tokens[this.i++] as Extract<Token, { type: 'word' }>).parts);
    }
    const sep = this.peek();
    if (sep?.type === 'op' && (sep.op === ';' || sep.op === 'newline')) this.i++;
    else if (!sep) throw new Incomplete();
    this.expectWord('do');
    const body = this.listUntil(DONE).list;
    return { kind: 'for', name, words, body, redirects: this.redirectsAfter() };
  }

  andOr(): AndOr {
    const result: AndOr = { first: this.pipeline(), rest: [] };
    for (;;) {
      const t = this.peek();
      if (t?.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.i++;
      this.skipNewlines();
      if (this.i >= this.tokens.length) throw new Incomplete();
      result.rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return result;
  }

  pipeline(): Pipeline {
    let negate = false;
    const t = this.peek();
    if (t?.type === 'word' && t.raw === '!') {
      negate = true;
      this.i++;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      if (this.i >= this.tokens.length) throw new Incomplete();
      commands.push(this.command());
    }
    return { negate, commands };
  }

  depth = 0;

  command(): Command {
    if (++this.depth > MAX_NESTING) this.nestedTooDeeply();
    try {
      return this.commandInner();
    } finally {
      this.depth--;
    }
  }

  nestedTooDeeply(): never {
    throw new ShellSyntaxError(`syntax error near unexpected token \`${tokenText(this.tokens[this.i])}'`);
  }

  commandInner(): Command {
    if (this.isOp('(')) {
      this.i++;
      const list = this.list(true);
      if (this.i >= this.tokens.length) throw new Incomplete();
      if (!list.length) this.unexpected();
      this.i++; // ')'
      return { kind: 'subshell', list, redirects: this.redirectsAfter() };
    }
    this.expandAlias(new Set());
    const word = this.reserved();
    if (word === '[[') return this.conditional();
    if (word === 'case') return this.caseCommand();
    if (word === 'function' || (word !== null && !CLOSERS.has(word) && this.opAt(this.i + 1, '(') && this.opAt(this.i + 2, ')'))) return this.functionDef(word === 'function');
    if (word === '{' || word === 'if' || word === 'while' || word === 'until' || word === 'for') return this.compound(word);
    const cmd: SimpleCommand = { kind: 'simple', assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.type === 'word') {
        const assign = cmd.words.length ? null : asAssignment(t.parts);
        if (assign) cmd.assigns.push(assign);
        else cmd.words.push(t.parts);
        this.i++;
      } else if (t.type === 'redir') cmd.redirects.push(this.redirect());
      else if (t.op === '(' && cmd.words.length) {
        this.unexpected();
      } else break;
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length) this.unexpected();
    return cmd;
  }

  /** The `;;`, `;&` or `;;&` ending a case clause, if it is next. */
  caseEnd(): ';;' | ';&' | ';;&' | null {
    const t = this.peek();
    return t?.type === 'op' && (t.op === ';;' || t.op === ';&' || t.op === ';;&') ? t.op : null;
  }

  opAt(i: number, op: string): boolean {
    const t = this.tokens[i];
    return t?.type === 'op' && t.op === op;
  }

  /** `NAME () COMPOUND`, `function NAME COMPOUND` or `function NAME () COMPOUND`. */
  functionDef(keyword: boolean): Command {
    if (keyword) {
      this.i++;
      const t = this.peek();
      if (!t) throw new Incomplete();
      if (t.type !== 'word') this.unexpected();
    }
    const name = (this.tokens[this.i] as Extract<Token, { type: 'word' }>).raw;
    this.i++;
    if (this.isOp('(')) {
      this.i++;
      if (!this.isOp(')')) this.unexpected();
      this.i++;
    }
    this.skipNewlines();
    if (this.i >= this.tokens.length) throw new Incomplete();
    const start = this.reserved();
    if (!this.isOp('(') && !(start !== null && COMPOUND_STARTS.has(start))) this.unexpected();
    return { kind: 'funcdef', name, body: this.command() };
  }

  /** case WORD in [(]PAT[|PAT]) LIST ;; … esac */
  caseCommand(): Command {
    this.i++;
    const wordTok = this.peek();
    if (!wordTok) throw new Incomplete();
    if (wordTok.type !== 'word') this.unexpected();
    const word = (wordTok as Extract<Token, { type: 'word' }>).parts;
    this.i++;
    this.expectWord('in');
    const clauses: CaseCommand['clauses'] = [];
    for (;;) {
      this.skipNewlines();
      if (this.i >= this.tokens.length) throw new Incomplete();
      if (this.reserved() === 'esac') break;
      if (this.isOp('(')) this.i++;
      const patterns: Word[] = [];
      for (;;) {
        const t = this.peek();
        if (!t) throw new Incomplete();
        if (t.type !== 'word') this.unexpected();
        patterns.push((t as Extract<Token, { type: 'word' }>).parts);
        this.i++;
        if (this.isOp('|')) {
          this.i++;
          continue;
        }
        if (this.isOp(')')) break;
        this.unexpected();
      }
      this.i++;
      const body = this.list(false, ESAC);
      const end = this.caseEnd();
      clauses.push({ patterns, body, end: end ?? ';;' });
      if (end) {
        this.i++;
        continue;
      }
      if (this.i >= this.tokens.length) throw new Incomplete();
      if (this.reserved() !== 'esac') this.unexpected();
    }
    this.i++;
    return { kind: 'case', word, clauses, redirects: this.redirectsAfter() };
  }

  conditional(): Command {
    try {
      const { expr, end } = parseConditional(this.tokens, this.i + 1);
      this.i = end;
      return { kind: 'cond', expr, redirects: this.redirectsAfter() };
    } catch (e) {
      if (e instanceof CondIncomplete) throw new Incomplete();
      if (e instanceof CondSyntaxError) throw new ShellSyntaxError(e.message);
      throw e;
    }
  }

  redirect(): Redirect {
    const t = this.tokens[this.i] as Extract<Token, { type: 'redir' }>;
    this.i++;
    const target = this.peek();
    if (target?.type !== 'word') {
      if (!target) throw new ShellSyntaxError('syntax error near unexpected token `newline\'');
      this.unexpected();
    }
    this.i++;
    return { op: t.op, fd: t.fd, target: target.parts, raw: target.raw, ...(t.heredoc && { heredoc: t.heredoc }) };
  }

  /** Replaces an alias in command position by its tokens; a value ending in a blank aliases the next word too. */
  expandAlias(seen: Set<string>): void {
    const t = this.peek();
    if (t?.type !== 'word' || !isPlainWord(t.parts)) return;
    const name = t.raw;
    const value = own(this.aliases, name);
    if (value === undefined || seen.has(name) || this.aliasBudget-- <= 0) return;
    const sub = tokenize(value).tokens.filter((x) => !(x.type === 'op' && x.op === 'newline'));
    this.tokens = [...this.tokens.slice(0, this.i), ...sub, ...this.tokens.slice(this.i + 1)];
    const next = new Set(seen).add(name);
    this.expandAlias(next);
    if (/[ \t]$/.test(value)) {
      const save = this.i;
      this.i += sub.length;
      this.expandAlias(next);
      this.i = save;
    }
  }
}

function asAssignment(parts: Word): Assignment | null {
  const first = parts[0];
  if (!first || first.kind !== 'lit' || first.quoted) return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!m) return null;
  const rest = first.text.slice(m[0].length);
  const value: Word = rest ? [{ ...first, text: rest }, ...parts.slice(1)] : parts.slice(1);
  return { name: m[1]!, value };
}

export function parse(tokens: readonly Token[], opts: ParseOptions = {}): ParseResult {
  const p = new Parser([...tokens], opts.aliases ?? {});
  try {
    const list = p.list(false);
    if (p.i < p.tokens.length) p.unexpected();
    return { ok: true, list };
  } catch (e) {
    if (e instanceof Incomplete) return { ok: false, incomplete: true, error: 'syntax error: unexpected end of file' };
    if (e instanceof ShellSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}

/** What the terminal needs to know about typed text: run it, ask for more, or report an error. */
export type LineStatus = { kind: 'complete' } | { kind: 'more' } | { kind: 'error'; message: string };

/** Whether `text` (possibly several lines) is a complete command line. */
export function lineStatus(text: string, aliases: Record<string, string> = {}): LineStatus {
  const t = tokenize(text);
  if (t.incomplete) return { kind: 'more' };
  const p = parse(t.tokens, { aliases });
  if (!p.ok) return p.incomplete ? { kind: 'more' } : { kind: 'error', message: p.error };
  return { kind: 'complete' };
}
