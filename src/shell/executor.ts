// Runs a command line: lists, and-or chains, pipelines (each stage after the first in a copy of
// the shell, as bash forks them), ( subshells ), { groups; }, for/while/until loops, if, case, [[ ]], functions (functions.ts),
// assignments and $(...) substitution. Redirections are in redirect.ts, read/break/continue in
// executor-builtins.ts, and the registry lookup (where a command's exception is caught) in invoke-command.ts.
import { ExpansionError, expandString, expandWords, setVar, type ExpandEnv } from './expand';
import { executorBuiltin, type LoopSignal } from './executor-builtins';
import { expandGlob } from './glob';
import { invokeCommand } from './invoke-command';
import { caseBody, runConditional } from './conditional';
import { enterFunction, functionBuiltin, MAX_FUNC_DEPTH } from './functions';
import { parse, type AndOr, type CaseCommand, type Command, type Conditional, type ForLoop, type IfCommand, type Pipeline, type Redirect, type SimpleCommand, type WhileLoop } from './parse';
import { applyRedirects, toStreams, type Redirected } from './redirect';
import { noInput, type Input, type Streams } from './streams';
import { tokenize } from './tokenize';
import { forkFrame } from './prompt';
import { MAX_LINE_OUTPUT, MAX_STRING } from './limits';
import { dict, own as ownEntry, setOwn } from '../lib/own';
import type { ShellIo } from './shell-io';
import type { ProgramFactory } from '../programs/program';
import type { CommandOutcome, SessionAction, ShellFrame } from './types';

// Importers take these from the executor, the shell's entry point.
export type { ShellIo } from './shell-io';
export { INTERNAL_ERROR_EXIT } from './invoke-command';
import { INTERNAL_ERROR_EXIT } from './invoke-command';

/** What running a line produced; `program` suspends the rest of the line until it exits. */
export interface LineOutcome {
  output: string;
  exitCode: number;
  program?: ProgramFactory;
  action?: SessionAction;
  /** The part of the line after a program, run when the program has exited. */
  resume?: (programExit: number) => LineOutcome;
}

/** Nesting limit for $(...) inside $(...). */
const MAX_SUBST_DEPTH = 16;
/**
 * Loop iterations and commands one command line may run: a `while true` must not hang the
 * terminal, and the limit is a count (never time) so that a replay stops at the same place.
 */
const MAX_ITERATIONS = 5_000;
const MAX_COMMANDS = 5_000;

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

/**
 * The executor's last line of defence: whatever a line does, an exception never leaves the
 * shell (a bug is reported as one line, the line ends with EX_SOFTWARE, and the prompt comes back).
 */
export function runLineSafely(io: ShellIo, line: string): LineOutcome {
  try {
    return runLine(io, line);
  } catch (e) {
    io.frame.lastExit = INTERNAL_ERROR_EXIT;
    return { output: `-bash: sandbox: internal error (${e instanceof Error ? e.message : String(e)})\n`, exitCode: INTERNAL_ERROR_EXIT };
  }
}

class Runner {
  output = '';
  depth = 0;
  constructor(readonly io: ShellIo) {}

  /** Characters of this line's output not shown (past MAX_LINE_OUTPUT) or dropped from a pipe (past MAX_STRING). */
  cut = 0;

  term = (text: string): void => {
    const room = MAX_LINE_OUTPUT - this.output.length;
    if (text.length <= room) this.output += text;
    else {
      if (room > 0) this.output += text.slice(0, room);
      this.cut += text.length - Math.max(room, 0);
    }
  };

  /** What the line showed, with one note of what was cut (a tab must never run out of memory). */
  shown(): string {
    if (!this.cut) return this.output;
    return `${this.output}${this.output.endsWith('\n') ? '' : '\n'}-bash: sandbox: output cut: ${this.cut} more characters not shown\n`;
  }

  get tty(): Streams {
    return { out: this.term, err: this.term, outIsTty: true };
  }

  /** Runs the top-level list from `from`; stops at a program or session action and offers the rest. */
  list(list: readonly AndOr[], from: number): LineOutcome {
    for (let i = from; i < list.length; i++) {
      const r = this.andOr(list[i]!, this.io.frame, this.tty, true);
      this.signal = null;
      // An expansion error discards the rest of the line, as in an interactive bash.
      if (this.aborted) break;
      if (r.program || r.action) {
        const output = this.shown();
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
    return { output: this.shown(), exitCode: this.io.frame.lastExit };
  }

  /** A list inside a subshell or substitution: programs and session actions do not escape it. */
  subList(list: readonly AndOr[], frame: ShellFrame, streams: Streams, input: Input = noInput()): number {
    return this.listIn(list, frame, streams, false, input).exitCode;
  }

  /** A list inside a compound command; at the top level a program or session action ends it. */
  listIn(list: readonly AndOr[], frame: ShellFrame, streams: Streams, top: boolean, input: Input): StepResult {
    let r: StepResult = { exitCode: 0 };
    for (const a of list) {
      if (this.signal || this.returnCode !== null || this.aborted) break;
      r = this.andOr(a, frame, streams, top, input);
      if (r.program || r.action) return r;
    }
    return r;
  }

  /** A pending `break N` or `continue N`, unwinding enclosing loops. */
  signal: LoopSignal | null = null;
  loopDepth = 0;
  iterations = 0;
  commands = 0;

  andOr(a: AndOr, frame: ShellFrame, streams: Streams, top: boolean, input: Input = noInput()): StepResult {
    let r = this.pipeline(a.first, frame, streams, top, input);
    for (const { op, pipeline } of a.rest) {
      if (r.program || r.action || this.signal || this.returnCode !== null || this.aborted) break;
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
      const pipe = (t: string) => {
        const room = MAX_STRING - piped.length;
        if (t.length <= room) piped += t;
        else {
          piped += t.slice(0, Math.max(room, 0));
          this.cut += t.length - Math.max(room, 0);
        }
      };
      const stageStreams: Streams = isLast ? streams : { out: pipe, err: streams.err, outIsTty: false };
      // Each stage of a real pipeline runs in a forked copy of the shell.
      const stageFrame = n > 1 ? forkFrame(frame) : frame;
      const r = this.command(cmd, stageFrame, stdin, stageStreams, top && n === 1);
      if (n > 1) {
        frame.lastExit = stageFrame.lastExit;
        // A stage is a forked shell: an expansion error ends that stage, not the line.
        this.aborted = false;
      }
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
    try {
      return this.compoundOrSimple(cmd, frame, stdin, streams, top);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      return this.expansionFailed(e, frame, streams);
    }
  }

  /** bash's message for an expansion error; the rest of the line is discarded (see `aborted`). */
  expansionFailed(e: ExpansionError, frame: ShellFrame, streams: Streams): StepResult {
    streams.err(`-bash: ${e.message}\n`);
    this.aborted = true;
    return this.finish(frame, 1);
  }

  /** Set by an expansion error ($((1/0)), ${X:?}, a bad substitution) until the forked shell or line it ends has unwound. */
  aborted = false;

  compoundOrSimple(cmd: Command, frame: ShellFrame, stdin: Input, streams: Streams, top: boolean): StepResult {
    if (cmd.kind === 'simple') return this.simple(cmd, frame, stdin, streams, top);
    if (cmd.kind === 'funcdef') {
      setOwn((frame.functions ??= dict()), cmd.name, cmd.body);
      return this.finish(frame, 0);
    }
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
        this.aborted = false;
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
      case 'cond':
        return this.finish(frame, this.runCond(cmd, frame, inner));
      case 'case':
        return this.settle(frame, this.runCase(cmd, frame, inner, top, input));
    }
  }

  settle(frame: ShellFrame, r: StepResult): StepResult {
    frame.lastExit = r.exitCode;
    return r;
  }

  runIf(cmd: IfCommand, frame: ShellFrame, streams: Streams, top: boolean, input: Input): StepResult {
    for (const c of cmd.clauses) {
      const cond = this.listIn(c.cond, frame, streams, top, input);
      if (cond.program || cond.action || this.signal || this.returnCode !== null || this.aborted) return cond;
      if (cond.exitCode === 0) return this.listIn(c.body, frame, streams, top, input);
    }
    return cmd.otherwise ? this.listIn(cmd.otherwise, frame, streams, top, input) : { exitCode: 0 };
  }

  /** After one pass of a loop body: true when the loop must stop (break, budget, program). */
  loopStep(r: StepResult, streams: Streams): boolean {
    if (r.program || r.action || this.returnCode !== null || this.aborted) return true;
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
      return this.expansionFailed(e, frame, streams);
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
        if (this.returnCode !== null || this.aborted) break;
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

  /** The first clause with a matching pattern runs; 0 when none matches. */
  runCase(cmd: CaseCommand, frame: ShellFrame, streams: Streams, top: boolean, input: Input): StepResult {
    const body = caseBody(cmd, this.expandEnv(frame, streams), streams.err);
    if (typeof body === 'number') return { exitCode: body };
    let r: StepResult = { exitCode: 0 };
    for (const list of body) {
      r = this.listIn(list, frame, streams, top, input);
      if (r.program || r.action || this.signal || this.returnCode !== null || this.aborted) break;
    }
    return r;
  }

  runCond(cmd: Conditional, frame: ShellFrame, streams: Streams): number {
    if (++this.commands > MAX_COMMANDS) return this.overBudget(streams);
    const { world } = this.io.sim;
    return runConditional(cmd.expr, { env: this.expandEnv(frame, streams), files: { world, host: world.hosts[frame.host]!, frame } }, streams.err);
  }

  overBudget(streams: Streams): number {
    if (this.commands === MAX_COMMANDS + 1) streams.err(`-bash: sandbox: stopped after ${MAX_COMMANDS} commands on one line\n`);
    this.signal = { kind: 'break', levels: 1_000 };
    return 1;
  }

  finish(frame: ShellFrame, code: number): StepResult {
    frame.lastExit = code;
    return { exitCode: code };
  }

  simple(cmd: SimpleCommand, frame: ShellFrame, stdin: Input, streams: Streams, top = false): StepResult {
    if (++this.commands > MAX_COMMANDS) return this.finish(frame, this.overBudget(streams));
    const { world } = this.io.sim;
    const env = this.expandEnv(frame, streams);
    this.substExit = null;
    let argv: string[];
    let assigns: Array<[string, string]>;
    try {
      argv = expandWords(cmd.words, env);
      assigns = cmd.assigns.map((a) => [a.name, expandString(a.value, env)]);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      return this.expansionFailed(e, frame, streams);
    }
    const fds = this.redirect(cmd.redirects, frame, streams);
    if (!fds.ok) return this.finish(frame, 1);
    const own: Input = fds.stdin !== undefined ? { text: fds.stdin, pos: 0 } : stdin;
    let input = own.text.slice(own.pos);

    const fn = argv.length ? ownEntry(frame.functions, argv[0]!) : undefined;
    if (fn) return this.callFunction(argv, fn, frame, own, toStreams(fds.table, this.io), top);
    if (argv[0] === 'local' || argv[0] === 'return') {
      const r = functionBuiltin(argv, frame);
      toStreams(fds.table, this.io).err(r.stderr);
      if (r.code !== undefined) this.returnCode = r.code;
      return this.finish(frame, r.exitCode);
    }
    if (argv[0] === 'read' || argv[0] === 'break' || argv[0] === 'continue') {
      const r = executorBuiltin(argv, frame, own, this);
      const out = toStreams(fds.table, this.io);
      out.err(r.stderr);
      return this.finish(frame, r.exitCode);
    }

    if (!argv.length) {
      for (const [k, v] of assigns) setVar(frame, k, v);
      return this.finish(frame, this.substExit ?? 0);
    }

    // Assignments before a command are its environment only.
    const saved = assigns.map(([k]) => [k, ownEntry(frame.env, k)] as const);
    for (const [k, v] of assigns) setOwn(frame.env, k, v);
    let outcome: CommandOutcome;
    try {
      outcome = invokeCommand(this.io, argv, frame, input, fds.table[1]!.kind === 'stream' && (fds.table[1] as { tty: boolean }).tty);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete frame.env[k];
        else setOwn(frame.env, k, v);
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

  /** Set by `return` until the function call it ends has unwound to. */
  returnCode: number | null = null;
  funcDepth = 0;

  /** Runs a shell function in this shell: its own $1…, `local` scope and loop nesting. */
  callFunction(argv: string[], body: Command, frame: ShellFrame, input: Input, streams: Streams, top: boolean): StepResult {
    if (this.funcDepth >= MAX_FUNC_DEPTH) return this.finish(frame, this.tooDeep(argv[0]!, streams));
    const restore = enterFunction(frame, argv.slice(1));
    const loopDepth = this.loopDepth;
    this.loopDepth = 0;
    this.funcDepth++;
    let r: StepResult;
    try {
      r = this.command(body, frame, input, streams, top);
    } catch (e) {
      // The JS stack ran out before the depth limit (deep compound bodies): end the line the same way.
      if (!(e instanceof RangeError)) throw e;
      r = { exitCode: this.tooDeep(argv[0]!, streams) };
    } finally {
      this.funcDepth--;
      this.loopDepth = loopDepth;
      restore();
    }
    const code = this.returnCode ?? r.exitCode;
    this.returnCode = null;
    // A program (vi) or session action (ssh) started at the top level takes over the terminal.
    return { ...r, ...this.finish(frame, code) };
  }

  /** Recursion too deep: bash's FUNCNEST message, and the rest of the line is abandoned. */
  tooDeep(name: string, streams: Streams): number {
    streams.err(`-bash: ${name}: maximum function nesting level exceeded (${MAX_FUNC_DEPTH})\n`);
    this.signal = { kind: 'break', levels: 1_000 };
    return 1;
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
          this.aborted = false;
        }
        return captured;
      },
    };
  }

  /** A command's redirections, their targets expanded in its frame (see redirect.ts). */
  redirect(redirects: readonly Redirect[], frame: ShellFrame, streams: Streams): Redirected {
    return applyRedirects(redirects, frame, streams, this.io.sim, this.expandEnv(frame, streams), this.term);
  }
}


