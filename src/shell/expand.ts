// Word expansion in bash's order: braces, tilde, parameters ($X ${X:-d} ${#X} ${X%pat} …),
// command substitution and arithmetic, field splitting of unquoted results, pathname expansion
// (through the env's glob, against the VFS), quote removal. Errors (bad substitution) throw
// ExpansionError, which the executor reports like bash and which stops that command only.
import { evalArith } from './arith';
import { escapeGlob, globSource, hasGlob } from './glob';
import { parseHereBody, tokenize, type Word, type WordPart } from './tokenize';
import { dict, own, setOwn } from '../lib/own';
import { MAX_STRING, xrealloc } from './limits';
import type { ShellFrame } from './types';

/** The pid bash reports for $$: fixed per host shell, as the world is deterministic. */
export const SHELL_PID = 4242;
export const BASH_VERSION = '4.1.2(1)-release';

export class ExpansionError {
  constructor(readonly message: string) {}
}

export interface ExpandEnv {
  frame: ShellFrame;
  /** Runs `$(...)`: returns its stdout; its stderr reaches the terminal through the env. */
  substitute(source: string): string;
  /** Pathname expansion; null when nothing matches. */
  glob(pattern: string): string[] | null;
}

interface Chunk {
  text: string;
  quoted: boolean;
}
type Field = Chunk[];

/** Most words one brace expression may produce. */
const MAX_BRACE_WORDS = 10_000;

/** A shell variable's value (shell variables first, then the environment), or undefined if unset. */
export function getVar(frame: ShellFrame, name: string): string | undefined {
  switch (name) {
    case '?':
      return String(frame.lastExit);
    case '$':
      return String(SHELL_PID);
    case '#':
      return String(frame.positional?.length ?? 0);
    case '0':
      return '-bash';
    case '-':
      return 'himBH';
    case '@':
    case '*':
      return (frame.positional ?? []).join(' ');
    case '!':
      return undefined;
    case 'PWD':
      return frame.cwd;
    case 'UID':
    case 'EUID':
      return '0';
    case 'BASH_VERSION':
      return BASH_VERSION;
    case 'BASH':
      return '/bin/bash';
    case 'SHLVL':
      return own(frame.env, 'SHLVL') ?? '1';
    default:
      if (/^[1-9]\d*$/.test(name)) return frame.positional?.[Number(name) - 1];
      return own(frame.vars, name) ?? own(frame.env, name);
  }
}

/** Sets a variable as bash does: an exported one stays in the environment. */
export function setVar(frame: ShellFrame, name: string, value: string): void {
  if (Object.hasOwn(frame.env, name)) setOwn(frame.env, name, value);
  else setOwn((frame.vars ??= dict()), name, value);
}

/** Expands the words of a command line into arguments (splitting and globbing). */
export function expandWords(words: readonly Word[], env: ExpandEnv): string[] {
  const out: string[] = [];
  for (const w of words) for (const b of braceExpand(w)) out.push(...expandFields(b, env, true));
  return out;
}

/** One word to one string: no splitting, no globbing (assignments, here-strings, case words). */
export function expandString(word: Word, env: ExpandEnv): string {
  return fieldsOf(word, env, false)
    .map((f) => f.map((c) => c.text).join(''))
    .join(' ');
}

/** A pattern operand (`[[ x == PAT ]]`, case): no splitting, quoted parts match literally. */
export function expandPattern(word: Word, env: ExpandEnv): string {
  return fieldsOf(word, env, false, true)
    .map((f) => f.map((c) => (c.quoted ? escapeGlob(c.text) : c.text)).join(''))
    .join(' ');
}

/** A regex operand (`[[ x =~ RE ]]`): quoted parts match literally. */
export function expandRegex(word: Word, env: ExpandEnv): string {
  return fieldsOf(word, env, false, true)
    .map((f) => f.map((c) => (c.quoted ? c.text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&') : c.text)).join(''))
    .join(' ');
}

/** A redirection target: expanded, and globbed when that gives exactly one name. */
export function expandTarget(word: Word, env: ExpandEnv): { ok: true; path: string } | { ok: false; error: string } {
  const words = braceExpand(word).flatMap((b) => expandFields(b, env, true));
  if (words.length !== 1) return { ok: false, error: 'ambiguous redirect' };
  return { ok: true, path: words[0]! };
}

/** A here-document body: expanded as inside double quotes unless its tag was quoted. */
export function expandHereDoc(body: string, quoted: boolean, env: ExpandEnv): string {
  if (quoted) return body;
  return fieldsOf(parseHereBody(body), env, false)
    .map((f) => f.map((c) => c.text).join(''))
    .join('');
}

function expandFields(word: Word, env: ExpandEnv, glob: boolean): string[] {
  const out: string[] = [];
  for (const field of fieldsOf(word, env, true)) {
    const text = field.map((c) => c.text).join('');
    if (glob && field.some((c) => !c.quoted && hasGlob(c.text))) {
      const pattern = field.map((c) => (c.quoted ? escapeGlob(c.text) : c.text)).join('');
      const matches = env.glob(pattern);
      if (matches) {
        out.push(...matches);
        continue;
      }
      // No match: the word stays as typed, minus the backslashes that quoted pattern characters.
      out.push(field.map((c) => (c.quoted ? c.text : c.text.replace(/\\(.)/g, '$1'))).join(''));
      continue;
    }
    out.push(text);
  }
  return out;
}

/** Expands parts into fields of quoted/unquoted chunks; `split` splits unquoted expansion results; `pattern` keeps unsplit unquoted results unquoted. */
function fieldsOf(word: Word, env: ExpandEnv, split: boolean, pattern = false): Field[] {
  const fields: Field[] = [];
  let cur: Field | null = null;
  let size = 0;
  const add = (text: string, quoted: boolean) => {
    // A word past the machine's memory (x=$x$x forty times): bash's allocation fails.
    if ((size += text.length) > MAX_STRING) throw new ExpansionError(xrealloc(size));
    (cur ??= []).push({ text, quoted });
  };
  const flush = () => {
    if (cur) fields.push(cur);
    cur = null;
  };
  word.forEach((part, idx) => {
    if (part.kind === 'lit') {
      add(idx === 0 && !part.quoted ? tilde(part.text, env.frame) : part.text, part.quoted);
      return;
    }
    if (part.kind === 'param' && part.name === '@' && part.op === '' && part.quoted) {
      // "$@": one field per positional parameter, joined to the text around it at the ends.
      (env.frame.positional ?? []).forEach((arg, k) => {
        if (k > 0) flush();
        add(arg, true);
      });
      return;
    }
    const value = partValue(part, env);
    if (part.quoted || !split) {
      if (!(part.kind === 'param' && part.name === '@')) add(value, part.quoted || !pattern);
      return;
    }
    if (!value) return;
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, k) => {
      if (k > 0) flush();
      if (piece) add(piece, false);
    });
  });
  flush();
  return fields;
}

function tilde(text: string, frame: ShellFrame): string {
  if (!text.startsWith('~')) return text;
  const m = /^~([^/]*)(.*)$/s.exec(text)!;
  const [, user, rest] = m as unknown as [string, string, string];
  const home = user === '' ? (getVar(frame, 'HOME') ?? '/root') : user === 'root' ? '/root' : user === '+' ? frame.cwd : user === '-' ? getVar(frame, 'OLDPWD') : undefined;
  return home === undefined ? text : home + rest;
}

/**
 * Deepest nesting of expansions inside expansions (`${x:-${x:-…}}`, `$((1+$((…))))`): past it
 * the word fails with bash's recursion message instead of exhausting the JS stack.
 */
export const MAX_EXPANSION_DEPTH = 200;
let expansionDepth = 0;

function partValue(part: Exclude<WordPart, { kind: 'lit' }>, env: ExpandEnv): string {
  if (expansionDepth >= MAX_EXPANSION_DEPTH) throw new ExpansionError(`${part.kind === 'param' ? part.name : rawPart(part)}: expression recursion level exceeded`);
  expansionDepth++;
  try {
    return partValueInner(part, env);
  } catch (e) {
    // A JS string limit (${x//a/$x} on a long x) is the same failed allocation.
    if (e instanceof RangeError) throw new ExpansionError(xrealloc(MAX_STRING));
    throw e;
  } finally {
    expansionDepth--;
  }
}

const rawPart = (part: Exclude<WordPart, { kind: 'lit' | 'param' }>): string => (part.kind === 'cmd' ? `$(${part.source})` : `$((${part.expr}))`).slice(0, 40);

function partValueInner(part: Exclude<WordPart, { kind: 'lit' }>, env: ExpandEnv): string {
  if (part.kind === 'cmd') return env.substitute(part.source).replace(/\n+$/, '');
  if (part.kind === 'arith') {
    // Inside $(( )) parameters and substitutions expand as between double quotes, then it is evaluated.
    const r = evalArith(expandString(parseHereBody(part.expr), env), (n) => getVar(env.frame, n) ?? '');
    if (!r.ok) throw new ExpansionError(r.error);
    return String(r.value);
  }
  return paramValue(part, env);
}

function paramValue(p: Extract<WordPart, { kind: 'param' }>, env: ExpandEnv): string {
  const { frame } = env;
  const raw = `\${${p.op === 'bad' ? p.arg : p.op === '#len' ? '#' + p.name : p.name + p.op + p.arg}}`;
  if (p.op === 'bad' || !p.name) throw new ExpansionError(`${raw}: bad substitution`);
  const value = getVar(frame, p.name);
  const arg = () => expandRaw(p.arg, env);
  switch (p.op) {
    case '':
      return value ?? '';
    case '#len':
      return String((value ?? '').length);
    case '-':
    case ':-':
      return value === undefined || (p.op === ':-' && value === '') ? arg() : value;
    case '=':
    case ':=': {
      if (value !== undefined && !(p.op === ':=' && value === '')) return value;
      const v = arg();
      if (!/^[A-Za-z_]/.test(p.name)) throw new ExpansionError(`$${p.name}: cannot assign in this way`);
      setVar(frame, p.name, v);
      return v;
    }
    case '+':
    case ':+':
      return value === undefined || (p.op === ':+' && value === '') ? '' : arg();
    case '?':
    case ':?':
      if (value === undefined || (p.op === ':?' && value === '')) throw new ExpansionError(`${p.name}: ${p.arg ? arg() : 'parameter null or not set'}`);
      return value;
    case '#':
    case '##':
    case '%':
    case '%%':
      return trimPattern(value ?? '', p.op, patternOf(p.arg, env));
    case '/':
    case '//': {
      const slash = findUnescaped(p.arg, '/');
      const pat = patternOf(slash < 0 ? p.arg : p.arg.slice(0, slash), env);
      const rep = slash < 0 ? '' : expandRaw(p.arg.slice(slash + 1), env);
      if (!pat) return value ?? '';
      const re = new RegExp(globSource(pat), p.op === '//' ? 'g' : '');
      return (value ?? '').replace(re, () => rep);
    }
    default:
      throw new ExpansionError(`${raw}: bad substitution`);
  }
}

function findUnescaped(s: string, c: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === c) return i;
  }
  return -1;
}

/** Expands the raw text after an operator in `${X:-text}`: quotes and expansions, no splitting. */
function expandRaw(raw: string, env: ExpandEnv): string {
  const words = tokenize(raw).tokens.flatMap((t) => (t.type === 'word' ? [t.parts] : []));
  return words.map((w) => expandString(w, env)).join(' ');
}

/** A pattern operand: quoted parts match literally. */
function patternOf(raw: string, env: ExpandEnv): string {
  const words = tokenize(raw).tokens.flatMap((t) => (t.type === 'word' ? [t.parts] : []));
  return words
    .map((w) =>
      fieldsOf(w, env, false)
        .map((f) => f.map((c) => (c.quoted ? escapeGlob(c.text) : c.text)).join(''))
        .join(' '),
    )
    .join(' ');
}

function trimPattern(value: string, op: string, pattern: string): string {
  const src = globSource(pattern);
  if (op === '#' || op === '##') {
    // Shortest or longest matching prefix.
    const re = new RegExp(`^(?:${src})$`);
    const lengths = [...Array(value.length + 1).keys()];
    const order = op === '#' ? lengths : lengths.reverse();
    for (const n of order) if (re.test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const re = new RegExp(`^(?:${src})$`);
  const starts = [...Array(value.length + 1).keys()];
  const order = op === '%' ? starts.reverse() : starts;
  for (const n of order) if (re.test(value.slice(n))) return value.slice(0, n);
  return value;
}

/** Brace expansion `{a,b}` `{1..5}` `{a..e}` on the unquoted text of a word. */
export function braceExpand(word: Word, budget = { n: MAX_BRACE_WORDS }): Word[] {
  for (let pi = 0; pi < word.length; pi++) {
    const part = word[pi]!;
    if (part.kind !== 'lit' || part.quoted) continue;
    const found = findBrace(part.text);
    if (!found) continue;
    const { open, close, alternatives } = found;
    const before = part.text.slice(0, open);
    const after = part.text.slice(close + 1);
    const out: Word[] = [];
    for (const alt of alternatives) {
      if (--budget.n < 0) return [word];
      const w: Word = [...word.slice(0, pi), { kind: 'lit', text: before + alt, quoted: false }, ...(after ? [{ kind: 'lit' as const, text: after, quoted: false }] : []), ...word.slice(pi + 1)];
      out.push(...braceExpand(w, budget));
    }
    return out;
  }
  return [word];
}

function findBrace(text: string): { open: number; close: number; alternatives: string[] } | null {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    if (open > 0 && text[open - 1] === '$') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = open; j < text.length; j++) {
      const c = text[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === ',' && depth === 1) commas.push(j);
      else if (c === '}' && --depth === 0) {
        const inner = text.slice(open + 1, j);
        if (commas.length) {
          const alts: string[] = [];
          let from = open + 1;
          for (const k of [...commas, j]) {
            alts.push(text.slice(from, k));
            from = k + 1;
          }
          return { open, close: j, alternatives: alts };
        }
        const seq = sequence(inner);
        if (seq) return { open, close: j, alternatives: seq };
        break;
      }
    }
  }
  return null;
}

function sequence(inner: string): string[] | null {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (!m) return null;
  const [, a, b, stepText] = m as unknown as [string, string, string, string | undefined];
  const numeric = /\d/.test(a);
  if (numeric !== /\d/.test(b)) return null;
  const from = numeric ? Number(a) : a.charCodeAt(0);
  const to = numeric ? Number(b) : b.charCodeAt(0);
  const step = Math.max(1, Math.abs(Number(stepText ?? 1)) || 1);
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0;
  const out: string[] = [];
  const dir = from <= to ? 1 : -1;
  for (let v = from; dir > 0 ? v <= to : v >= to; v += dir * step) {
    if (out.length >= MAX_BRACE_WORDS) break;
    out.push(numeric ? (width ? (v < 0 ? '-' + String(-v).padStart(width - 1, '0') : String(v).padStart(width, '0')) : String(v)) : String.fromCharCode(v));
  }
  return out;
}
