// `find` (findutils 4.4.2): starting points, then an expression of tests (-name -iname -path
// -type -empty -size -newer -mtime), operators (! -not -a -o, parentheses), options (-maxdepth
// -mindepth) and actions (-print -print0 -ls -delete -exec ... \; and +), evaluated per entry.
import { STRERROR } from '../../../sim/errno';
import { lookup, normalizePath, nodeSize } from '../../../sim/vfs';
import { blocks512, inodeOf, linkCount, unlinkEntry, walk, type WalkEntry } from '../../../sim/vfs-ops';
import { globMatch } from '../../glob';
import { Output } from '../../output';
import { defineCommand } from '../../types';
import { lsDate, modeString } from './common';
import type { CommandContext, CommandOutcome } from '../../types';

type Expr =
  | { k: 'test'; f: (e: WalkEntry) => boolean }
  | { k: 'action'; f: (e: WalkEntry) => boolean }
  | { k: 'not'; e: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr };

class Fail {
  constructor(readonly msg: string) {}
}

const TESTS_WITH_ARG = new Set(['-name', '-iname', '-path', '-wholename', '-ipath', '-type', '-size', '-newer', '-mtime', '-mmin', '-perm', '-user', '-group', '-regex', '-links', '-inum', '-maxdepth', '-mindepth']);

/** Most entries one find visits. */
const MAX_VISITS = 200_000;

export const find = defineCommand({
  name: 'find',
  summary: 'search for files in a directory hierarchy',
  usage: 'find [path...] [expression]',
  complete: (_c, _w, cur) => (cur.startsWith('-') ? [...TESTS_WITH_ARG, '-print', '-delete', '-exec', '-empty', '-ls', '-not'].filter((t) => t.startsWith(cur)) : []),
  run(ctx) {
    const args = ctx.args;
    let i = 0;
    const paths: string[] = [];
    const isExprStart = (a: string) => (a.startsWith('-') && a.length > 1) || a === '!' || a === '(';
    while (i < args.length && !isExprStart(args[i]!)) paths.push(args[i++]!);
    if (args[i] === '--') i++;
    const out = new Output();
    const st = { maxDepth: Infinity, minDepth: 0, hasAction: false, warnedOption: false, depthFirst: false };
    const pendingExec: Array<{ argv: string[]; paths: string[] }> = [];
    let expr: Expr | null;
    try {
      expr = parseExpr(ctx, args.slice(i), st, out, pendingExec);
    } catch (e) {
      if (e instanceof Fail) return { stdout: '', stderr: e.msg, exitCode: 1 };
      throw e;
    }
    const print: Expr = { k: 'action', f: (e) => (out.out(e.path + '\n'), true) };
    const full: Expr = !expr ? print : st.hasAction ? expr : { k: 'and', a: expr, b: print };
    let visits = 0;
    for (const p of paths.length ? paths : ['.']) {
      const abs = normalizePath(p, ctx.frame.cwd);
      const start = lookup(ctx.world, ctx.host, abs, '/', true);
      if (!start.ok) {
        out.err(`find: \`${p}': ${start.error === 'ENOTDIR' ? STRERROR.ENOTDIR : STRERROR.ENOENT}\n`, 1);
        continue;
      }
      walk(
        ctx.world,
        ctx.host,
        abs,
        p,
        st.maxDepth,
        (e) => {
          if (++visits > MAX_VISITS) return false;
          if (e.depth >= st.minDepth) evaluate(full, e);
          return true;
        },
        st.depthFirst,
      );
    }
    for (const ex of pendingExec) if (ex.paths.length) runExec(ctx, ex.argv.flatMap((w) => (w === '{}' ? ex.paths : [w])), out);
    return out.done();
  },
});

function evaluate(x: Expr, e: WalkEntry): boolean {
  switch (x.k) {
    case 'test':
    case 'action':
      return x.f(e);
    case 'not':
      return !evaluate(x.e, e);
    case 'and':
      return evaluate(x.a, e) && evaluate(x.b, e);
    case 'or':
      return evaluate(x.a, e) || evaluate(x.b, e);
  }
}

function parseExpr(ctx: CommandContext, toks: string[], st: { maxDepth: number; minDepth: number; hasAction: boolean; warnedOption: boolean; depthFirst: boolean }, out: Output, pendingExec: Array<{ argv: string[]; paths: string[] }>): Expr | null {
  let i = 0;
  let sawTest: string | null = null;
  const need = (name: string): string => {
    const v = toks[i++];
    if (v === undefined) throw new Fail(`find: missing argument to \`${name}'\n`);
    return v;
  };
  const primary = (): Expr | null => {
    if (i >= toks.length) throw new Fail("find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n");
    const t = toks[i++]!;
    if (t === '(') {
      const e = orExpr();
      if (toks[i] !== ')') throw new Fail("find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n");
      i++;
      return e;
    }
    if (t === '!' || t === '-not') {
      const e = primary();
      if (!e) throw new Fail(`find: invalid expression; you have used a binary operator '${t}' with nothing before it.\n`);
      return { k: 'not', e };
    }
    const test = (f: (e: WalkEntry) => boolean): Expr => {
      sawTest ??= t;
      return { k: 'test', f };
    };
    switch (t) {
      case '-maxdepth':
      case '-mindepth': {
        const v = need(t);
        if (!/^\d+$/.test(v)) throw new Fail(`find: Expected a positive decimal integer argument to ${t}, but got \`${v}'\n`);
        if (sawTest && !st.warnedOption) {
          st.warnedOption = true;
          out.err(`find: warning: you have specified the ${t} option after a non-option argument ${sawTest}, but options are not positional (${t} affects tests specified before it as well as those specified after it).  Please specify options before other arguments.\n\n`);
        }
        if (t === '-maxdepth') st.maxDepth = Number(v);
        else st.minDepth = Number(v);
        return null;
      }
      case '-name':
      case '-iname': {
        const pat = need(t);
        return test((e) => globMatch(pat, baseOf(e.path), t === '-iname'));
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const pat = need(t);
        return test((e) => globMatch(pat, e.path, t === '-ipath'));
      }
      case '-type': {
        const v = need(t);
        if (!/^[bcdpflsD]$/.test(v)) throw new Fail(`find: Unknown argument to -type: ${v}\n`);
        return test((e) => (v === 'd' ? e.node.type === 'dir' : v === 'f' ? e.node.type === 'file' : v === 'l' ? e.node.type === 'link' : false));
      }
      case '-empty':
        return test((e) => (e.node.type === 'dir' ? Object.keys(e.node.children).length === 0 : e.node.type === 'file' && nodeSize(e.node) === 0));
      case '-size': {
        const v = need(t);
        const m = /^([+-]?)(\d+)([bcwkMG]?)$/.exec(v);
        if (!m) throw new Fail(`find: Invalid argument \`${v}' to -size\n`);
        const unit = { b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824, '': 512 }[m[3] as 'b'];
        const n = Number(m[2]);
        return test((e) => {
          const size = Math.ceil(nodeSize(e.node) / unit);
          return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
        });
      }
      case '-mtime':
      case '-mmin': {
        const v = need(t);
        const m = /^([+-]?)(\d+)$/.exec(v);
        if (!m) throw new Fail(`find: invalid argument \`${v}' to \`${t}'\n`);
        const unitMs = t === '-mtime' ? 86_400_000 : 60_000;
        const n = Number(m[2]);
        return test((e) => {
          const age = Math.floor((ctx.world.clockMs - e.node.mtimeMs) / unitMs);
          return m[1] === '+' ? age > n : m[1] === '-' ? age < n : age === n;
        });
      }
      case '-newer': {
        const ref = need(t);
        const r = lookup(ctx.world, ctx.host, ref, ctx.frame.cwd);
        if (!r.ok) throw new Fail(`find: \`${ref}': ${STRERROR.ENOENT}\n`);
        const when = r.value.mtimeMs;
        return test((e) => e.node.mtimeMs > when);
      }
      case '-true':
        return test(() => true);
      case '-false':
        return test(() => false);
      case '-print':
        st.hasAction = true;
        return { k: 'action', f: (e) => (out.out(e.path + '\n'), true) };
      case '-print0':
        st.hasAction = true;
        return { k: 'action', f: (e) => (out.out(e.path + '\0'), true) };
      case '-ls':
        st.hasAction = true;
        return { k: 'action', f: (e) => (out.out(lsLine(ctx, e)), true) };
      case '-depth':
        st.depthFirst = true;
        return null;
      case '-delete':
        st.hasAction = true;
        st.depthFirst = true;
        // -delete implies -depth: children are gone before their directory is tried.
        return {
          k: 'action',
          f: (e) => {
            if (e.node.type === 'dir' && Object.keys(e.node.children).length) {
              out.err(`find: cannot delete \`${e.path}': ${STRERROR.ENOTEMPTY}\n`, 1);
              return false;
            }
            return unlinkEntry(ctx.world, ctx.host, e.abs);
          },
        };
      case '-exec':
      case '-ok': {
        const argv: string[] = [];
        while (i < toks.length && toks[i] !== ';' && !(toks[i] === '+' && toks[i - 1] === '{}')) argv.push(toks[i++]!);
        if (i >= toks.length || !argv.length) throw new Fail(`find: missing argument to \`${t}'\n`);
        const batch = toks[i] === '+';
        i++;
        st.hasAction = true;
        if (batch) {
          const slot = { argv, paths: [] as string[] };
          pendingExec.push(slot);
          return { k: 'action', f: (e) => (slot.paths.push(e.path), true) };
        }
        return { k: 'action', f: (e) => runExec(ctx, argv.map((w) => w.replaceAll('{}', e.path)), out) === 0 };
      }
      default:
        if (t.startsWith('-') && t.length > 1) throw new Fail(`find: unknown predicate \`${t}'\n`);
        throw new Fail(`find: paths must precede expression: ${t}\nUsage: find [-H] [-L] [-P] [-Olevel] [-D help|tree|search|stat|rates|opt|exec] [path...] [expression]\n`);
    }
  };
  const andExpr = (): Expr | null => {
    let left = primary();
    while (i < toks.length && toks[i] !== ')' && toks[i] !== '-o' && toks[i] !== '-or' && toks[i] !== ',') {
      if (toks[i] === '-a' || toks[i] === '-and') i++;
      const right = primary();
      left = !left ? right : !right ? left : { k: 'and', a: left, b: right };
    }
    return left;
  };
  const orExpr = (): Expr | null => {
    let left = andExpr();
    while (toks[i] === '-o' || toks[i] === '-or') {
      i++;
      const right = andExpr();
      if (!left || !right) throw new Fail("find: invalid expression; you have used a binary operator '-o' with nothing before it.\n");
      left = { k: 'or', a: left, b: right };
    }
    return left;
  };
  if (!toks.length) return null;
  const e = orExpr();
  if (i < toks.length) throw new Fail(toks[i] === ')' ? "find: invalid expression; you have too many ')'\n" : `find: paths must precede expression: ${toks[i]}\n`);
  return e;
}

const baseOf = (p: string): string => (p === '/' ? '/' : p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1) || p);

/** `-exec`: runs a command of the registry directly (no shell), its output into find's. */
function runExec(ctx: CommandContext, argv: string[], out: Output): number {
  const [name, ...args] = argv as [string, ...string[]];
  const spec = ctx.registry.get(name.slice(name.lastIndexOf('/') + 1));
  if (!spec) {
    out.err(`find: \`${name}': ${STRERROR.ENOENT}\n`, 1);
    return 1;
  }
  let r: CommandOutcome;
  try {
    r = spec.run({ ...ctx, name, args, stdin: '', stdoutTty: false });
  } catch (e) {
    r = { stdout: '', stderr: `sandbox: internal error in ${name} (${e instanceof Error ? e.message : String(e)})\n`, exitCode: 70 };
  }
  if (r.chunks) for (const [fd, t] of r.chunks) fd === 1 ? out.out(t) : out.err(t);
  else out.out(r.stdout).err(r.stderr);
  return r.exitCode;
}

/** `-ls`: inode, 1K blocks, mode, links, owner, group, size, date, name. */
function lsLine(ctx: CommandContext, e: WalkEntry): string {
  const size = nodeSize(e.node);
  const link = e.node.type === 'link' ? ` -> ${e.node.target}` : '';
  return `${String(inodeOf(e.abs)).padStart(7)} ${String(blocks512(e.node) / 2).padStart(4)} ${modeString(e.node)} ${String(linkCount(e.node)).padStart(3)} root     root     ${String(size).padStart(8)} ${lsDate(ctx, e.node.mtimeMs)} ${e.path}${link}\n`;
}
