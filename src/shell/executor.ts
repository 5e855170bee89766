// Runs a command line: lists, and-or chains, pipelines (each stage after the first in a copy of
// the shell, as bash forks them), ( subshells ), { groups; }, for/while/until loops and if,
// assignments, redirections through an fd table (> >> < 2> 2>&1 &> << <<< to the VFS and
// /dev/null), $(...) substitution, the builtins that need the executor (read, break, continue),
// and the registry lookup. The one place where a command's thrown exception (a bug) is caught.
import { FS_ERROR_TEXT, lookup, normalizePath, readFile, writeFile } from '../sim/vfs';
import { commandAtPath } from './command-paths';
import { ExpansionError, expandHereDoc, expandString, expandTarget, expandWords, setVar, type ExpandEnv } from './expand';
import { expandGlob } from './glob';
import { parse, type AndOr, type Command, type ForLoop, type IfCommand, type Pipeline, type Redirect, type SimpleCommand, type WhileLoop } from './parse';
import { tokenize } from './tokenize';
import type { Sim } from '../sim/sim';
import type { ProgramFactory } from '../tty/program';
import type { CommandOutcome, Registry, SessionAction, ShellFrame } from './types';

export interface ShellIo {
  sim: Sim;
  registry: Registry;
  frame: ShellFrame;
  cols: number;
  rows: number;
  history: readonly string[];
}

/** What running a line produced; `program` suspends the rest of the line until it exits. */
export interface LineOutcome {
  output: string;
  exitCode: number;
  program?: ProgramFactory;
  action?: SessionAction;
  /** The part of the line after a program, run when the program has exited. */
  resume?: (programExit: number) => LineOutcome;
}

export const INTERNAL_ERROR_EXIT = 70;
/** Nesting limit for $(...) inside $(...). */
const MAX_SUBST_DEPTH = 16;
/**
 * Loop iterations and commands one command line may run: a `while true` must not hang the
 * terminal, and the limit is a count (never time) so that a replay stops at the same place.
 */
const MAX_ITERATIONS = 5_000;
const MAX_COMMANDS = 5_000;

/** Standard input as a stream: `read` takes a line, other commands see what is left. */
interface Input {
  text: string;
  pos: number;
}
const noInput = (): Input => ({ text: '', pos: 0 });

/** Where a stream's bytes go. */
type Writer = (text: string) => void;
interface Streams {
  out: Writer;
  err: Writer;
  /** True when `out` is the terminal itself. */
  outIsTty: boolean;
}

/** One command's file descriptors after its redirections. */
type Sink = { kind: 'stream'; write: Writer; tty: boolean } | { kind: 'null' } | { kind: 'file'; abs: string } | { kind: 'closed' };

interface StepResult {
  exitCode: number;
  program?: ProgramFactory;
  action?: SessionAction;
}

export function runLine(io: ShellIo, line: string): LineOutcome {
  const runner = new Runner(io);
  let text = line;
  const t0 = tokenize(text);
  if (t0.incomplete?.kind === 'backslash') text += '\\'; // at end of input a lone backslash is literal
  const tokens = t0.incomplete?.kind === 'backslash' ? tokenize(text) : t0;
  if (tokens.incomplete) {
    if (tokens.incomplete.kind !== 'heredoc') {
      runner.term(`-bash: ${tokens.incomplete.message}\n-bash: syntax error: unexpected end of file\n`);
      return { output: runner.output, exitCode: (io.frame.lastExit = 2) };
    }
    runner.term(`-bash: ${tokens.incomplete.message}\n`);
  }
  const parsed = parse(tokens.tokens, { aliases: io.frame.aliases });
  if (!parsed.ok) {
    runner.term(`-bash: ${parsed.error}\n`);
    return { output: runner.output, exitCode: (io.frame.lastExit = 2) };
  }
  return runner.list(parsed.list, 0);
}

class Runner {
  output = '';
  depth = 0;
  constructor(readonly io: ShellIo) {}

  term = (text: string): void => {
    this.output += text;
  };

  get tty(): Streams {
    return { out: this.term, err: this.term, outIsTty: true };
  }

  /** Runs the top-level list from `from`; stops at a program or session action and offers the rest. */
  list(list: readonly AndOr[], from: number): LineOutcome {
    for (let i = from; i < list.length; i++) {
      const r = this.andOr(list[i]!, this.io.frame, this.tty, true);
      this.signal = null;
      if (r.program || r.action) {
        const output = this.output;
        const rest =
          i + 1 < list.length
            ? (code: number) => {
                this.io.frame.lastExit = code;
                const next = new Runner(this.io);
                return next.list(list, i + 1);
              }
            : undefined;
        return { output, exitCode: r.exitCode, ...(r.program && { program: r.program }), ...(r.action && { action: r.action }), ...(rest && { resume: rest }) };
      }
    }
    return { output: this.output, exitCode: this.io.frame.lastExit };
  }

  /** A list inside a subshell or substitution: programs and session actions do not escape it. */
  subList(list: readonly AndOr[], frame: ShellFrame, streams: Streams, input: Input = noInput()): number {
    return this.listIn(list, frame, streams, false, input).exitCode;
  }

  /** A list inside a compound command; at the top level a program or session action ends it. */
  listIn(list: readonly AndOr[], frame: ShellFrame, streams: Streams, top: boolean, input: Input): StepResult {
    let r: StepResult = { exitCode: 0 };
    for (const a of list) {
      if (this.signal) break;
      r = this.andOr(a, frame, streams, top, input);
      if (r.program || r.action) return r;
    }
    return r;
  }

  /** A pending `break N` or `continue N`, unwinding enclosing loops. */
  signal: { kind: 'break' | 'continue'; levels: number } | null = null;
  loopDepth = 0;
  iterations = 0;
  commands = 0;

  andOr(a: AndOr, frame: ShellFrame, streams: Streams, top: boolean, input: Input = noInput()): StepResult {
    let r = this.pipeline(a.first, frame, streams, top, input);
    for (const { op, pipeline } of a.rest) {
      if (r.program || r.action || this.signal) break;
      if ((op === '&&') !== (frame.lastExit === 0)) continue;
      r = this.pipeline(pipeline, frame, streams, top, input);
    }
    return r;
  }

  pipeline(p: Pipeline, frame: ShellFrame, streams: Streams, top: boolean, input: Input = noInput()): StepResult {
    let stdin = input;
    let last: StepResult = { exitCode: 0 };
    const n = p.commands.length;
    p.commands.forEach((cmd, idx) => {
      const isLast = idx === n - 1;
      let piped = '';
      const stageStreams: Streams = isLast ? streams : { out: (t) => (piped += t), err: streams.err, outIsTty: false };
      // Each stage of a real pipeline runs in a forked copy of the shell.
      const stageFrame = n > 1 ? forkFrame(frame) : frame;
      const r = this.command(cmd, stageFrame, stdin, stageStreams, top && n === 1);
      if (n > 1) frame.lastExit = stageFrame.lastExit;
      last = isLast && top && n === 1 ? r : { exitCode: r.exitCode, ...(isLast && top && r.program && { program: r.program }) };
      stdin = { text: piped, pos: 0 };
    });
    // break/continue in a pipeline stage end with that stage (it is a subshell).
    if (n > 1) this.signal = null;
    const code = p.negate ? (last.exitCode === 0 ? 1 : 0) : last.exitCode;
    frame.lastExit = code;
    return { ...last, exitCode: code };
  }

  command(cmd: Command, frame: ShellFrame, stdin: Input, streams: Streams, top = false): StepResult {
    if (cmd.kind === 'simple') return this.simple(cmd, frame, stdin, streams);
    const target = cmd.kind === 'subshell' ? forkFrame(frame) : frame;
    const fds = this.redirect(cmd.redirects, target, streams);
    if (!fds.ok) return this.finish(frame, 1);
    const inner = toStreams(fds.table, this.io);
    const input = fds.stdin !== undefined ? { text: fds.stdin, pos: 0 } : stdin;
    switch (cmd.kind) {
      case 'subshell': {
        const outer = { signal: this.signal, loopDepth: this.loopDepth };
        this.loopDepth = 0;
        const code = this.subList(cmd.list, target, inner, input);
        Object.assign(this, outer);
        return this.finish(frame, code);
      }
      case 'group':
        return this.settle(frame, this.listIn(cmd.list, frame, inner, top, input));
      case 'if':
        return this.settle(frame, this.runIf(cmd, frame, inner, top, input));
      case 'for':
        return this.settle(frame, this.runFor(cmd, frame, inner, top, input));
      case 'while':
        return this.settle(frame, this.runWhile(cmd, frame, inner, top, input));
    }
  }

  settle(frame: ShellFrame, r: StepResult): StepResult {
    frame.lastExit = r.exitCode;
    return r;
  }

  runIf(cmd: IfCommand, frame: ShellFrame, streams: Streams, top: boolean, input: Input): StepResult {
    for (const c of cmd.clauses) {
      const cond = this.listIn(c.cond, frame, streams, top, input);
      if (cond.program || cond.action || this.signal) return cond;
      if (cond.exitCode === 0) return this.listIn(c.body, frame, streams, top, input);
    }
    return cmd.otherwise ? this.listIn(cmd.otherwise, frame, streams, top, input) : { exitCode: 0 };
  }

  /** After one pass of a loop body: true when the loop must stop (break, budget, program). */
  loopStep(r: StepResult, streams: Streams): boolean {
    if (r.program || r.action) return true;
    if (++this.iterations > MAX_ITERATIONS) {
      streams.err(`-bash: sandbox: loop stopped after ${MAX_ITERATIONS} iterations\n`);
      this.signal = { kind: 'break', levels: 1_000 };
      return true;
    }
    if (!this.signal) return false;
    const { kind, levels } = this.signal;
    if (levels > 1) {
      this.signal = { kind, levels: levels - 1 };
      return true;
    }
    this.signal = null;
    return kind === 'break';
  }

  runFor(cmd: ForLoop, frame: ShellFrame, streams: Streams, top: boolean, input: Input): StepResult {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(cmd.name)) {
      streams.err(`-bash: \`${cmd.name}': not a valid identifier\n`);
      return { exitCode: 1 };
    }
    let items: string[];
    try {
      items = cmd.words ? expandWords(cmd.words, this.expandEnv(frame, streams)) : [];
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      streams.err(`-bash: ${e.message}\n`);
      return { exitCode: 1 };
    }
    let r: StepResult = { exitCode: 0 };
    this.loopDepth++;
    try {
      for (const item of items) {
        setVar(frame, cmd.name, item);
        r = this.listIn(cmd.body, frame, streams, top, input);
        if (this.loopStep(r, streams)) break;
      }
    } finally {
      this.loopDepth--;
    }
    return r.program || r.action ? r : { exitCode: items.length ? r.exitCode : 0 };
  }

  runWhile(cmd: WhileLoop, frame: ShellFrame, streams: Streams, top: boolean, input: Input): StepResult {
    let r: StepResult = { exitCode: 0 };
    this.loopDepth++;
    try {
      for (;;) {
        const cond = this.listIn(cmd.cond, frame, streams, top, input);
        if (cond.program || cond.action) return cond;
        if (this.signal) {
          if (this.loopStep(cond, streams)) break;
          continue;
        }
        if ((cond.exitCode === 0) === cmd.until) break;
        r = this.listIn(cmd.body, frame, streams, top, input);
        if (this.loopStep(r, streams)) break;
      }
    } finally {
      this.loopDepth--;
    }
    return r.program || r.action ? r : { exitCode: r.exitCode };
  }

  finish(frame: ShellFrame, code: number): StepResult {
    frame.lastExit = code;
    return { exitCode: code };
  }

  simple(cmd: SimpleCommand, frame: ShellFrame, stdin: Input, streams: Streams): StepResult {
    if (++this.commands > MAX_COMMANDS) {
      if (this.commands === MAX_COMMANDS + 1) streams.err(`-bash: sandbox: stopped after ${MAX_COMMANDS} commands on one line\n`);
      this.signal = { kind: 'break', levels: 1_000 };
      return this.finish(frame, 1);
    }
    const { world } = this.io.sim;
    const host = world.hosts[frame.host]!;
    const env = this.expandEnv(frame, streams);
    this.substExit = null;
    let argv: string[];
    let assigns: Array<[string, string]>;
    try {
      argv = expandWords(cmd.words, env);
      assigns = cmd.assigns.map((a) => [a.name, expandString(a.value, env)]);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      streams.err(`-bash: ${e.message}\n`);
      return this.finish(frame, 1);
    }
    const fds = this.redirect(cmd.redirects, frame, streams);
    if (!fds.ok) return this.finish(frame, 1);
    const own: Input = fds.stdin !== undefined ? { text: fds.stdin, pos: 0 } : stdin;
    let input = own.text.slice(own.pos);

    if (argv[0] === 'read' || argv[0] === 'break' || argv[0] === 'continue') {
      const r = this.executorBuiltin(argv, frame, own);
      const out = toStreams(fds.table, this.io);
      out.err(r.stderr);
      return this.finish(frame, r.exitCode);
    }

    if (!argv.length) {
      for (const [k, v] of assigns) setVar(frame, k, v);
      return this.finish(frame, this.substExit ?? 0);
    }

    // Assignments before a command are its environment only.
    const saved = assigns.map(([k]) => [k, frame.env[k]] as const);
    for (const [k, v] of assigns) frame.env[k] = v;
    let outcome: CommandOutcome;
    try {
      outcome = this.invoke(argv, frame, input, fds.table[1]!.kind === 'stream' && (fds.table[1] as { tty: boolean }).tty);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete frame.env[k];
        else frame.env[k] = v;
      }
    }
    input = '';
    const out = toStreams(fds.table, this.io);
    if (outcome.chunks) for (const [fd, text] of outcome.chunks) (fd === 1 ? out.out : out.err)(text);
    else if (outcome.stderrFirst) {
      out.err(outcome.stderr);
      out.out(outcome.stdout);
    } else {
      out.out(outcome.stdout);
      out.err(outcome.stderr);
    }
    frame.lastExit = outcome.exitCode;
    return { exitCode: outcome.exitCode, ...(outcome.program && { program: outcome.program }), ...(outcome.action && { action: outcome.action }) };
  }

  /** Builtins that act on the executor's state: `read` (a line of stdin), `break`, `continue`. */
  executorBuiltin(argv: string[], frame: ShellFrame, input: Input): { stderr: string; exitCode: number } {
    const [name, ...args] = argv as [string, ...string[]];
    if (name === 'break' || name === 'continue') {
      if (args[0] !== undefined && !/^\d+$/.test(args[0])) return { stderr: `-bash: ${name}: ${args[0]}: numeric argument required\n`, exitCode: 128 };
      const n = args[0] === undefined ? 1 : Number(args[0]);
      if (n < 1) return { stderr: `-bash: ${name}: ${args[0]}: loop count out of range\n`, exitCode: 1 };
      if (this.loopDepth === 0) return { stderr: `-bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`, exitCode: 0 };
      this.signal = { kind: name, levels: Math.min(n, this.loopDepth) };
      return { stderr: '', exitCode: 0 };
    }
    // read [-r] [-p prompt] [name ...]
    let raw = false;
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-r') raw = true;
      else if (a === '-p' || a === '-t' || a === '-n' || a === '-d' || a === '-u') i++;
      else if (a.startsWith('-') && a !== '-') return { stderr: `-bash: read: ${a.slice(0, 2)}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n`, exitCode: 2 };
      else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) return { stderr: `-bash: read: \`${a}': not a valid identifier\n`, exitCode: 1 };
      else names.push(a);
    }
    if (input.pos >= input.text.length) {
      for (const n of names.length ? names : ['REPLY']) setVar(frame, n, '');
      return { stderr: '', exitCode: 1 };
    }
    const nl = input.text.indexOf('\n', input.pos);
    let line = input.text.slice(input.pos, nl < 0 ? undefined : nl);
    input.pos = nl < 0 ? input.text.length : nl + 1;
    if (!raw) line = line.replace(/\\(.)/g, '$1');
    if (!names.length) {
      setVar(frame, 'REPLY', line);
      return { stderr: '', exitCode: 0 };
    }
    // Split on blanks; the last name takes the rest of the line.
    let rest = line.replace(/^[ \t]+/, '');
    names.forEach((n, i) => {
      if (i === names.length - 1) {
        setVar(frame, n, rest.replace(/[ \t]+$/, ''));
        return;
      }
      const m = /^([^ \t]*)[ \t]*/.exec(rest)!;
      setVar(frame, n, m[1]!);
      rest = rest.slice(m[0].length);
    });
    return { stderr: '', exitCode: nl < 0 ? 1 : 0 };
  }

  invoke(argv: string[], frame: ShellFrame, stdin: string, stdoutTty: boolean): CommandOutcome {
    const { io } = this;
    const world = io.sim.world;
    const host = world.hosts[frame.host]!;
    let [name, ...args] = argv as [string, ...string[]];
    if (name.includes('/')) {
      const known = commandAtPath(normalizePath(name, frame.cwd));
      const node = lookup(world, host, name, frame.cwd);
      if (known && io.registry.get(known)) name = known;
      else if (node.ok) return { stdout: '', stderr: `-bash: ${name}: ${node.value.type === 'dir' ? 'is a directory' : 'Permission denied'}\n`, exitCode: 126 };
      else return { stdout: '', stderr: `-bash: ${name}: No such file or directory\n`, exitCode: 127 };
    }
    const spec = io.registry.get(name);
    if (!spec) return { stdout: '', stderr: `-bash: ${name}: command not found\n`, exitCode: 127 };
    try {
      return spec.run({ sim: io.sim, world, host, frame, name, args, stdin, cols: io.cols, rows: io.rows, history: io.history, registry: io.registry, stdoutTty });
    } catch (e) {
      // A thrown exception is a bug in the simulator, never the user's fault: report, don't die.
      return { stdout: '', stderr: `sandbox: internal error in ${name} (${e instanceof Error ? e.message : String(e)})\n`, exitCode: INTERNAL_ERROR_EXIT };
    }
  }

  /** Exit status of the last $(...) of the current command (for `X=$(false)`). */
  substExit: number | null = null;

  expandEnv(frame: ShellFrame, streams: Streams): ExpandEnv {
    const { world } = this.io.sim;
    return {
      frame,
      glob: (pattern) => expandGlob(world, world.hosts[frame.host]!, frame.cwd, pattern),
      substitute: (source) => {
        if (this.depth >= MAX_SUBST_DEPTH) {
          streams.err('-bash: command substitution: nested too deeply\n');
          return '';
        }
        const t = tokenize(source);
        const p = parse(t.tokens, { aliases: frame.aliases });
        if (t.incomplete || !p.ok) {
          streams.err(`-bash: command substitution: line 1: ${t.incomplete?.message ?? (p.ok ? '' : p.error)}\n`);
          this.substExit = 2;
          return '';
        }
        let captured = '';
        const sub = forkFrame(frame);
        this.depth++;
        try {
          this.substExit = this.subList(p.list, sub, { out: (x) => (captured += x), err: streams.err, outIsTty: false });
        } finally {
          this.depth--;
        }
        return captured;
      },
    };
  }

  /** Applies redirections in order to fds 0-2 (and up to 9); opens (creates, truncates) files now, as bash does. */
  redirect(redirects: readonly Redirect[], frame: ShellFrame, streams: Streams): { ok: true; table: Sink[]; stdin?: string } | { ok: false } {
    const table: Sink[] = [{ kind: 'null' }, { kind: 'stream', write: streams.out, tty: streams.outIsTty }, { kind: 'stream', write: streams.err, tty: false }];
    let stdin: string | undefined;
    const world = this.io.sim.world;
    const host = world.hosts[frame.host]!;
    const env = this.expandEnv(frame, streams);
    const fail = (msg: string) => {
      streams.err(`-bash: ${msg}\n`);
      return { ok: false as const };
    };
    for (const r of redirects) {
      if (r.op === '<<' || r.op === '<<-') {
        stdin = expandHereDoc(r.heredoc?.body ?? '', r.heredoc?.quoted ?? true, env);
        continue;
      }
      let target: string;
      try {
        if (r.op === '<<<') {
          stdin = expandString(r.target, env) + '\n';
          continue;
        }
        const t = expandTarget(r.target, env);
        if (!t.ok) return fail(`${r.raw}: ${t.error}`);
        target = t.path;
      } catch (e) {
        if (!(e instanceof ExpansionError)) throw e;
        return fail(e.message);
      }
      const fd = r.fd ?? (r.op === '<' || r.op === '<&' || r.op === '<>' ? 0 : 1);
      if ((r.op === '>&' || r.op === '<&') && /^\d+$|^-$/.test(target)) {
        if (target === '-') table[fd] = { kind: 'closed' };
        else {
          const src = table[Number(target)];
          if (!src || src.kind === 'closed') return fail(`${target}: Bad file descriptor`);
          table[fd] = src;
        }
        continue;
      }
      if (r.op === '<' || r.op === '<&' || r.op === '<>') {
        if (target === '/dev/null' || target === '/dev/zero') {
          if (fd === 0) stdin = '';
          continue;
        }
        const content = readFile(world, host, target, frame.cwd);
        if (!content.ok && content.error !== 'EISDIR') return fail(`${target}: ${FS_ERROR_TEXT[content.error]}`);
        if (fd === 0) stdin = content.ok ? content.value : '';
        continue;
      }
      // Output: > >> >| &> &>> >&file
      const both = r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === null);
      const append = r.op === '>>' || r.op === '&>>';
      const sink = this.openOut(target, append, frame, table);
      if ('error' in sink) return fail(sink.error);
      if (both) table[1] = table[2] = sink;
      else table[fd] = sink;
    }
    return stdin === undefined ? { ok: true, table } : { ok: true, table, stdin };
  }

  openOut(target: string, append: boolean, frame: ShellFrame, table: Sink[]): Sink | { error: string } {
    if (target === '/dev/null') return { kind: 'null' };
    if (target === '/dev/stdout') return table[1]!;
    if (target === '/dev/stderr') return table[2]!;
    if (target === '/dev/tty') return { kind: 'stream', write: this.term, tty: true };
    const world = this.io.sim.world;
    const host = world.hosts[frame.host]!;
    const abs = normalizePath(target, frame.cwd);
    const existing = lookup(world, host, abs);
    if (existing.ok && existing.value.type === 'dir') return { error: `${target}: Is a directory` };
    if (!target) return { error: `: No such file or directory` };
    const w = append && existing.ok ? ({ ok: true } as const) : writeFile(world, host, abs, '', '/', append);
    if (!w.ok) return { error: `${target}: ${FS_ERROR_TEXT[w.error]}` };
    return { kind: 'file', abs };
  }
}

function toStreams(table: Sink[], io: ShellIo): Streams {
  const writer = (s: Sink | undefined): Writer => {
    if (!s || s.kind === 'null' || s.kind === 'closed') return () => {};
    if (s.kind === 'stream') return s.write;
    return (text) => {
      if (!text) return;
      const world = io.sim.world;
      // The file was opened (created or truncated) before the command ran; writes append.
      writeFile(world, world.hosts[io.frame.host]!, s.abs, text, '/', true);
    };
  };
  const one = table[1];
  return { out: writer(one), err: writer(table[2]), outIsTty: one?.kind === 'stream' && one.tty };
}

/** A copy of the shell for a subshell, pipeline stage or substitution. */
function forkFrame(f: ShellFrame): ShellFrame {
  return { ...f, env: { ...f.env }, aliases: { ...f.aliases }, ...(f.vars && { vars: { ...f.vars } }) };
}
