// Pipeline helpers: `tee` (-a), `xargs` (-n -I -t -r -0 -d; runs registry commands without a
// shell), `seq`, `basename`, `dirname`.
import { STRERROR } from '../../../sim/errno';
import { lookup, normalizePath, writeFile } from '../../../sim/vfs';
import { defineArgs } from '../../args';
import { Output } from '../../output';
import { defineCommand, ok } from '../../types';
import type { CommandContext, CommandOutcome } from '../../types';

const TEE = defineArgs({
  prog: 'tee',
  help: { usage: 'tee [OPTION]... [FILE]...', description: 'Copy standard input to each FILE, and also to standard output.' },
  options: [
    { short: 'a', long: 'append', help: 'append to the given FILEs, do not overwrite' },
    { short: 'i', long: 'ignore-interrupts', help: 'ignore interrupt signals' },
    { long: 'help' },
  ],
});

export const tee = defineCommand({
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  usage: 'tee [OPTION]... [FILE]...',
  args: TEE,
  run(ctx) {
    const a = ctx.parsed;
    const out = new Output();
    for (const f of a.operands) {
      if (f === '-' || f === '/dev/null') continue;
      const abs = normalizePath(f, ctx.frame.cwd);
      const n = lookup(ctx.world, ctx.host, abs);
      if (n.ok && n.value.type === 'dir') {
        out.err(`tee: ${f}: ${STRERROR.EISDIR}\n`, 1);
        continue;
      }
      const w = writeFile(ctx.world, ctx.host, abs, ctx.stdin, '/', a.has('append'));
      if (!w.ok) out.err(`tee: ${f}: ${w.error === 'ENOTDIR' ? STRERROR.ENOTDIR : w.error === 'EACCES' ? STRERROR.EACCES : STRERROR.ENOENT}\n`, 1);
    }
    return out.out(ctx.stdin).done();
  },
});

const XARGS = defineArgs({
  prog: 'xargs',
  help: { usage: 'xargs [-0prtx] [--interactive] [--null] [-d|--delimiter=delim]\n       [-E eof-str] [-e[eof-str]]  [--eof[=eof-str]]\n       [-L max-lines] [-l[max-lines]] [--max-lines[=max-lines]]\n       [-I replace-str] [-i[replace-str]] [--replace[=replace-str]]\n       [-n max-args] [--max-args=max-args]\n       [-s max-chars] [--max-chars=max-chars]\n       [-P max-procs]  [--max-procs=max-procs] [--show-limits]\n       [--verbose] [--exit] [--no-run-if-empty] [--arg-file=file]\n       [--version] [--help] [command [initial-arguments]]', description: '' },
  stopAtOperand: true,
  options: [
    { short: '0', long: 'null', help: 'items are separated by a null, not whitespace' },
    { short: 'd', long: 'delimiter', arg: 'required', argName: 'CHARACTER', help: 'items in input stream are separated by CHARACTER' },
    { short: 'I', key: 'replace', arg: 'required', argName: 'R', help: 'same as --replace=R' },
    { short: 'i', long: 'replace', arg: 'optional', argName: 'R', help: 'replace R in INITIAL-ARGS with names read from standard input' },
    { short: 'L', long: 'max-lines', arg: 'required', argName: 'MAX-LINES', help: 'use at most MAX-LINES nonblank input lines per command line' },
    { short: 'n', long: 'max-args', arg: 'required', argName: 'MAX-ARGS', help: 'use at most MAX-ARGS arguments per command line' },
    { short: 'r', long: 'no-run-if-empty', help: 'if there are no arguments, then do not run COMMAND' },
    { short: 't', long: 'verbose', help: 'print commands before executing them' },
    { long: 'help' },
  ],
});

/** Most commands one xargs runs. */
const MAX_RUNS = 10_000;

export const xargs = defineCommand({
  name: 'xargs',
  summary: 'build and execute command lines from standard input',
  usage: 'xargs [OPTION]... COMMAND [INITIAL-ARGS]...',
  args: XARGS,
  run(ctx) {
    const a = ctx.parsed;
    const [cmd = 'echo', ...initial] = a.operands;
    const replace = a.has('replace') ? (a.value('replace') ?? '{}') : undefined;
    const maxArgsText = a.value('max-args');
    if (maxArgsText !== undefined && !/^\d+$/.test(maxArgsText)) return { stdout: '', stderr: `xargs: invalid number for -n option\n`, exitCode: 1 };
    const maxArgs = maxArgsText !== undefined ? Math.max(1, Number(maxArgsText)) : Infinity;
    let items: string[];
    const delim = a.has('null') ? '\0' : a.value('delimiter');
    if (delim !== undefined) items = ctx.stdin.split(delim === '\\n' ? '\n' : delim).filter((x, i, arr) => !(i === arr.length - 1 && x === ''));
    else if (replace !== undefined || a.has('max-lines')) items = ctx.stdin.split('\n').map((l) => l.trim()).filter(Boolean);
    else {
      const parsed = splitItems(ctx.stdin);
      if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
      items = parsed;
    }
    const spec = ctx.registry.get(cmd.slice(cmd.lastIndexOf('/') + 1));
    const out = new Output();
    const runs: string[][] = [];
    if (replace !== undefined) for (const it of items) runs.push(initial.map((w) => w.split(replace).join(it)));
    else if (!items.length) {
      if (!a.has('no-run-if-empty')) runs.push(initial);
    } else {
      const per = a.has('max-lines') ? Math.max(1, Number(a.value('max-lines')) || 1) : maxArgs;
      for (let i = 0; i < items.length && runs.length < MAX_RUNS; i += per === Infinity ? items.length : per) runs.push([...initial, ...items.slice(i, per === Infinity ? undefined : i + per)]);
    }
    let status = 0;
    for (const args of runs) {
      if (a.has('verbose')) out.err([cmd, ...args].join(' ') + '\n');
      if (!spec) {
        out.err(`xargs: ${cmd}: ${STRERROR.ENOENT}\n`);
        return out.done(127);
      }
      const r = runChild(ctx, cmd, args);
      if (r.chunks) for (const [fd, t] of r.chunks) fd === 1 ? out.out(t) : out.err(t);
      else out.out(r.stdout).err(r.stderr);
      if (r.exitCode === 255) {
        out.err(`xargs: ${cmd}: exited with status 255; aborting\n`);
        return out.done(124);
      }
      if (r.exitCode !== 0) status = 123;
    }
    return out.done(status);
  },
});

function runChild(ctx: CommandContext, name: string, args: string[]): CommandOutcome {
  const spec = ctx.registry.get(name.slice(name.lastIndexOf('/') + 1))!;
  try {
    return spec.run({ ...ctx, name, args, stdin: '', stdoutTty: false });
  } catch (e) {
    return { stdout: '', stderr: `sandbox: internal error in ${name} (${e instanceof Error ? e.message : String(e)})\n`, exitCode: 70 };
  }
}

/** xargs' default input parsing: blanks and newlines separate; quotes and backslashes group. */
function splitItems(s: string): string[] | string {
  const items: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (has) items.push(cur);
      cur = '';
      has = false;
    } else if (c === "'" || c === '"') {
      const close = s.indexOf(c, i + 1);
      const nl = s.indexOf('\n', i + 1);
      if (close < 0 || (nl >= 0 && nl < close)) return `xargs: unmatched ${c === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option\n`;
      cur += s.slice(i + 1, close);
      has = true;
      i = close;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) items.push(cur);
  return items;
}

/** Most numbers `seq` prints here (the real one has no limit; we must stay responsive). */
const SEQ_MAX = 100_000;

export const seq = defineCommand({
  name: 'seq',
  summary: 'print a sequence of numbers',
  usage: 'seq [OPTION]... [FIRST [INCREMENT]] LAST',
  run(ctx) {
    let sep = '\n';
    let width = false;
    let fmt: string | undefined;
    const nums: string[] = [];
    for (let i = 0; i < ctx.args.length; i++) {
      const x = ctx.args[i]!;
      if (x === '-w' || x === '--equal-width') width = true;
      else if (x === '-s' || x === '-f') {
        const v = ctx.args[++i];
        if (v === undefined) return { stdout: '', stderr: `seq: option requires an argument -- '${x[1]}'\nTry \`seq --help' for more information.\n`, exitCode: 1 };
        if (x === '-s') sep = v;
        else fmt = v;
      } else if (/^-[^0-9.]/.test(x)) return { stdout: '', stderr: `seq: invalid option -- '${x[1]}'\nTry \`seq --help' for more information.\n`, exitCode: 1 };
      else nums.push(x);
    }
    if (!nums.length) return { stdout: '', stderr: "seq: missing operand\nTry `seq --help' for more information.\n", exitCode: 1 };
    if (nums.length > 3) return { stdout: '', stderr: `seq: extra operand \`${nums[3]}'\nTry \`seq --help' for more information.\n`, exitCode: 1 };
    for (const n of nums) if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n)) return { stdout: '', stderr: `seq: invalid floating point argument: ${n}\nTry \`seq --help' for more information.\n`, exitCode: 1 };
    const [first, inc, last] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : [Number(nums[0]), Number(nums[1]), Number(nums[2])];
    if (inc === 0) return { stdout: '', stderr: `seq: invalid Zero increment value: \`${nums[1]}'\nTry \`seq --help' for more information.\n`, exitCode: 1 };
    const decimals = Math.max(...nums.map((n) => (n.includes('.') ? n.length - n.indexOf('.') - 1 : 0)));
    const values: string[] = [];
    for (let k = 0; values.length < SEQ_MAX; k++) {
      const v = first + k * inc;
      if (inc > 0 ? v > last + 1e-12 : v < last - 1e-12) break;
      values.push(fmt ? fmt.replace(/%[-+ 0#]*\d*(?:\.\d+)?[gfe]/, () => String(v)) : v.toFixed(decimals));
    }
    const w = Math.max(...values.map((v) => v.replace('-', '').length));
    const shown = width ? values.map((v) => (v.startsWith('-') ? '-' + v.slice(1).padStart(w, '0') : v.padStart(w, '0'))) : values;
    return ok(shown.length ? shown.join(sep) + '\n' : '');
  },
});

export const basename = defineCommand({
  name: 'basename',
  dir: '/bin',
  summary: 'strip directory and suffix from filenames',
  usage: 'basename NAME [SUFFIX]',
  run(ctx) {
    const [name, suffix, extra] = ctx.args;
    if (name === undefined) return { stdout: '', stderr: "basename: missing operand\nTry `basename --help' for more information.\n", exitCode: 1 };
    if (extra !== undefined) return { stdout: '', stderr: `basename: extra operand \`${extra}'\nTry \`basename --help' for more information.\n`, exitCode: 1 };
    const stripped = name.replace(/\/+$/, '');
    let base = stripped === '' ? (name ? '/' : '') : stripped.slice(stripped.lastIndexOf('/') + 1);
    if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
    return ok(base + '\n');
  },
});

export const dirname = defineCommand({
  name: 'dirname',
  summary: 'strip last component from file name',
  usage: 'dirname NAME',
  run(ctx) {
    const [name, extra] = ctx.args;
    if (name === undefined) return { stdout: '', stderr: "dirname: missing operand\nTry `dirname --help' for more information.\n", exitCode: 1 };
    if (extra !== undefined) return { stdout: '', stderr: `dirname: extra operand \`${extra}'\nTry \`dirname --help' for more information.\n`, exitCode: 1 };
    const s = name.replace(/\/+$/, '');
    if (!s) return ok(name.startsWith('/') ? '/\n' : '.\n');
    const i = s.lastIndexOf('/');
    if (i < 0) return ok('.\n');
    return ok((s.slice(0, i).replace(/\/+$/, '') || '/') + '\n');
  },
});
