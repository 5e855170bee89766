// bash's `test` and `[` builtins: file tests (-e -f -d -L -s -r -w -x …), string tests (-z -n =
// != < >), integer comparisons (-eq -ne -lt -le -gt -ge), ! -a -o and parentheses, with bash's
// error messages (exit 2) for malformed expressions.
import { lookup, nodeSize } from '../../sim/vfs';
import { own } from '../../lib/own';
import { defineCommand, type CommandContext, type CommandOutcome, type CommandSpec } from '../types';

class TestError {
  constructor(readonly msg: string) {}
}

const UNARY = new Set(['-e', '-a', '-f', '-d', '-L', '-h', '-s', '-r', '-w', '-x', '-b', '-c', '-p', '-S', '-g', '-u', '-k', '-O', '-G', '-N', '-t', '-z', '-n', '-o', '-v']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** The file's world, host and shell, for the file tests (`test`, `[` and `[[`). */
export type FileTestContext = Pick<CommandContext, 'world' | 'host' | 'frame'>;

export function fileTest(ctx: FileTestContext, op: string, path: string): boolean {
  if (op === '-t') return false;
  if (op === '-v') return own(ctx.frame.env, path) !== undefined || own(ctx.frame.vars, path) !== undefined;
  if (op === '-o') return false;
  const noFollow = op === '-L' || op === '-h';
  const n = lookup(ctx.world, ctx.host, path, ctx.frame.cwd, noFollow);
  if (!n.ok || path === '') return false;
  const node = n.value;
  switch (op) {
    case '-e':
    case '-a':
      return true;
    case '-f':
      return node.type === 'file';
    case '-d':
      return node.type === 'dir';
    case '-L':
    case '-h':
      return node.type === 'link';
    case '-s':
      return nodeSize(node) > 0;
    case '-r':
    case '-w':
    case '-O':
    case '-G':
      return true; // root
    case '-x':
      return node.type === 'dir' || (node.type === 'file' && (node.mode & 0o111) !== 0);
    case '-b':
      return path.startsWith('/dev/') && /\/(sd|dm-|xvd|loop)/.test(path);
    case '-k':
      return node.type !== 'link' && (node.mode & 0o1000) !== 0;
    case '-u':
      return node.type !== 'link' && (node.mode & 0o4000) !== 0;
    case '-g':
      return node.type !== 'link' && (node.mode & 0o2000) !== 0;
    default:
      return false;
  }
}

function integer(s: string): number {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return Number(t);
}

function binary(ctx: CommandContext, a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return integer(a) === integer(b);
    case '-ne':
      return integer(a) !== integer(b);
    case '-lt':
      return integer(a) < integer(b);
    case '-le':
      return integer(a) <= integer(b);
    case '-gt':
      return integer(a) > integer(b);
    case '-ge':
      return integer(a) >= integer(b);
    default:
      return fileCompare(ctx, op, a, b);
  }
}

/** -ef, -nt, -ot between two paths. */
export function fileCompare(ctx: FileTestContext, op: string, a: string, b: string): boolean {
  const x = lookup(ctx.world, ctx.host, a, ctx.frame.cwd);
  const y = lookup(ctx.world, ctx.host, b, ctx.frame.cwd);
  if (op === '-ef') return x.ok && y.ok && x.value === y.value;
  if (op === '-nt') return x.ok && (!y.ok || x.value.mtimeMs > y.value.mtimeMs);
  return y.ok && (!x.ok || x.value.mtimeMs < y.value.mtimeMs);
}

/** Deepest ( ) nesting `test` evaluates. */
const MAX_PARENS = 500;

/** POSIX rules by argument count, then a recursive parser for -a/-o/!/( ) with more. */
function evaluate(ctx: CommandContext, args: string[]): boolean {
  const n = args.length;
  if (n === 0) return false;
  if (n === 1) return args[0] !== '';
  if (n === 2) {
    if (args[0] === '!') return args[1] === '';
    if (UNARY.has(args[0]!)) return args[0] === '-z' ? args[1] === '' : args[0] === '-n' ? args[1] !== '' : fileTest(ctx, args[0]!, args[1]!);
    throw new TestError(`${args[0]}: unary operator expected`);
  }
  if (n === 3) {
    if (BINARY.has(args[1]!)) return binary(ctx, args[0]!, args[1]!, args[2]!);
    if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
    if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
    if (args[0] === '!') return !evaluate(ctx, args.slice(1));
    if (args[0] === '(' && args[2] === ')') return args[1] !== '';
    throw new TestError(`${args[1]}: binary operator expected`);
  }
  if (n === 4 && args[0] === '!') return !evaluate(ctx, args.slice(1));
  if (n === 4 && args[0] === '(' && args[3] === ')') return evaluate(ctx, args.slice(1, 3));
  let i = 0;
  let depth = 0;
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (args[i] === '-a') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (args[i] === '!') {
      i++;
      return !not();
    }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(') {
      // A nesting no real test needs: refused before it can exhaust the stack.
      if (++depth > MAX_PARENS) throw new TestError('too many arguments');
      i++;
      const v = or();
      if (args[i] !== ')') throw new TestError("`)' expected");
      i++;
      return v;
    }
    if (BINARY.has(args[i + 1] ?? '') && i + 2 < args.length) {
      i += 3;
      return binary(ctx, a, args[i - 2]!, args[i - 1]!);
    }
    if (UNARY.has(a) && i + 1 < args.length) {
      i += 2;
      const v = args[i - 1]!;
      return a === '-z' ? v === '' : a === '-n' ? v !== '' : fileTest(ctx, a, v);
    }
    i++;
    return a !== '';
  };
  const v = or();
  if (i < args.length) throw new TestError('too many arguments');
  return v;
}

function runTest(ctx: CommandContext, bracket: boolean): CommandOutcome {
  const name = bracket ? '[' : 'test';
  let args = ctx.args;
  if (bracket) {
    if (args[args.length - 1] !== ']') return { stdout: '', stderr: "-bash: [: missing `]'\n", exitCode: 2 };
    args = args.slice(0, -1);
  }
  try {
    return { stdout: '', stderr: '', exitCode: evaluate(ctx, args) ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { stdout: '', stderr: `-bash: ${name}: ${e.msg}\n`, exitCode: 2 };
    throw e;
  }
}

export const testCommands: readonly CommandSpec[] = [
  defineCommand({ name: 'test', builtin: 'and-file', summary: 'evaluate a conditional expression', usage: 'test [expr]', run: (ctx) => runTest(ctx, false) }),
  defineCommand({ name: '[', builtin: 'and-file', summary: 'evaluate a conditional expression (test)', usage: '[ expr ]', run: (ctx) => runTest(ctx, true) }),
];
