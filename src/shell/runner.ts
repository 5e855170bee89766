// Runs parsed command lists: and-or chains, pipelines (each stage after the first in a copy of the
// shell, as bash forks them), ( subshells ), { groups; }, loops, if, case, [[ ]], functions, `time`.
// Every method is a generator so that a line can stop where it stands (a program takes over the
// terminal, or the line used up its slice of work) and go on later; see ./suspension.ts.
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
import { MAX_STRING } from './limits';
import { LineOutput } from './line-output';
import { MAX_COMMANDS, SLICE_COMMANDS, drainSteps, type Steps } from './suspension';
import { timedKeyword, timeReport } from './time-keyword';
import { dict, own as ownEntry, setOwn } from '../lib/own';
import type { ShellIo } from './shell-io';
import type { ShellFrame } from './types';

/** Nesting limit for $(...) inside $(...). */
const MAX_SUBST_DEPTH = 16;

export class Runner {
  depth = 0;
  constructor(readonly io: ShellIo) {}

  readonly shown = new LineOutput();
  readonly term = this.shown.write;

  /** What the line showed since the last call (it has been put on the terminal). */
  takeShown(): string {
    return this.shown.take();
  }

  get tty(): Streams {
    return { out: this.term, err: this.term, outIsTty: true };
  }

  /** The top-level list of a line: programs and session actions suspend it where they stand. */
  *list(list: readonly AndOr[]): Steps<number> {
    for (const a of list) {
      yield* this.andOr(a, this.io.frame, this.tty, true);
      this.signal = null;
      // An expansion error discards the rest of the line, as in an interactive bash.
      if (this.aborted) break;
    }
    return this.io.frame.lastExit;
  }

  /** A list inside a subshell or substitution: it runs to its end here (nothing in it suspends the line). */
  subList(list: readonly AndOr[], frame: ShellFrame, streams: Streams, input: Input = noInput()): number {
    return drainSteps(this.listIn(list, frame, streams, false, input));
  }

  /** A list inside a compound command. */
  *listIn(list: readonly AndOr[], frame: ShellFrame, streams: Streams, top: boolean, input: Input): Steps<number> {
    let code = 0;
    for (const a of list) {
      if (this.signal || this.returnCode !== null || this.aborted) break;
      code = yield* this.andOr(a, frame, streams, top, input);
    }
    return code;
  }

  /** A pending `break N` or `continue N`, unwinding enclosing loops. */
  signal: LoopSignal | null = null;
  loopDepth = 0;
  commands = 0;

  *andOr(a: AndOr, frame: ShellFrame, streams: Streams, top: boolean, input: Input = noInput()): Steps<number> {
    let code = yield* this.pipeline(a.first, frame, streams, top, input);
    for (const { op, pipeline } of a.rest) {
      if (this.signal || this.returnCode !== null || this.aborted) break;
      if ((op === '&&') !== (frame.lastExit === 0)) continue;
      code = yield* this.pipeline(pipeline, frame, streams, top, input);
    }
    return code;
  }

  *pipeline(p: Pipeline, frame: ShellFrame, streams: Streams, top: boolean, input: Input = noInput()): Steps<number> {
    const timed = timedKeyword(p);
    if (timed) {
      const startMs = this.io.sim.world.clockMs;
      yield* this.pipeline(timed.pipeline, frame, streams, top, input);
      streams.err(timeReport(this.io.sim.world.clockMs - startMs, timed.posix));
      return frame.lastExit;
    }
    let stdin = input;
    let last = 0;
    const n = p.commands.length;
    for (let idx = 0; idx < n; idx++) {
      const cmd = p.commands[idx]!;
      let piped = '';
      const pipe = (t: string) => {
        const room = MAX_STRING - piped.length;
        if (t.length <= room) piped += t;
        else {
          piped += t.slice(0, Math.max(room, 0));
          this.shown.cut += t.length - Math.max(room, 0);
        }
      };
      const stageStreams: Streams = idx === n - 1 ? streams : { out: pipe, err: streams.err, outIsTty: false };
      // Each stage of a real pipeline runs in a forked copy of the shell; the last one may take
      // the terminal (`xm list | less`).
      const stageFrame = n > 1 ? forkFrame(frame) : frame;
      last = yield* this.command(cmd, stageFrame, stdin, stageStreams, top && idx === n - 1);
      if (n > 1) {
        frame.lastExit = stageFrame.lastExit;
        // A stage is a forked shell: an expansion error ends that stage, not the line.
        this.aborted = false;
      }
      stdin = { text: piped, pos: 0 };
    }
    // break/continue in a pipeline stage end with that stage (it is a subshell).
    if (n > 1) this.signal = null;
    const code = p.negate ? (last === 0 ? 1 : 0) : last;
    frame.lastExit = code;
    return code;
  }

  *command(cmd: Command, frame: ShellFrame, stdin: Input, streams: Streams, top = false): Steps<number> {
    try {
      return yield* this.compoundOrSimple(cmd, frame, stdin, streams, top);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      return this.expansionFailed(e, frame, streams);
    }
  }

  /** bash's message for an expansion error; the rest of the line is discarded (see `aborted`). */
  expansionFailed(e: ExpansionError, frame: ShellFrame, streams: Streams): number {
    streams.err(`-bash: ${e.message}\n`);
    this.aborted = true;
    return this.finish(frame, 1);
  }

  /** Set by an expansion error ($((1/0)), ${X:?}, a bad substitution) until the forked shell or line it ends has unwound. */
  aborted = false;

  *compoundOrSimple(cmd: Command, frame: ShellFrame, stdin: Input, streams: Streams, top: boolean): Steps<number> {
    if (cmd.kind === 'simple') return yield* this.simple(cmd, frame, stdin, streams, top);
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
        return this.finish(frame, yield* this.listIn(cmd.list, frame, inner, top, input));
      case 'if':
        return this.finish(frame, yield* this.runIf(cmd, frame, inner, top, input));
      case 'for':
        return this.finish(frame, yield* this.runFor(cmd, frame, inner, top, input));
      case 'while':
        return this.finish(frame, yield* this.runWhile(cmd, frame, inner, top, input));
      case 'cond':
        return this.finish(frame, yield* this.runCond(cmd, frame, inner, top));
      case 'case':
        return this.finish(frame, yield* this.runCase(cmd, frame, inner, top, input));
    }
  }

  *runIf(cmd: IfCommand, frame: ShellFrame, streams: Streams, top: boolean, input: Input): Steps<number> {
    for (const c of cmd.clauses) {
      const cond = yield* this.listIn(c.cond, frame, streams, top, input);
      if (this.signal || this.returnCode !== null || this.aborted) return cond;
      if (cond === 0) return yield* this.listIn(c.body, frame, streams, top, input);
    }
    return cmd.otherwise ? yield* this.listIn(cmd.otherwise, frame, streams, top, input) : 0;
  }

  /** After one pass of a loop body: true when the loop must stop (break, return, an error). */
  loopStep(): boolean {
    if (this.returnCode !== null || this.aborted) return true;
    if (!this.signal) return false;
    const { kind, levels } = this.signal;
    if (levels > 1) {
      this.signal = { kind, levels: levels - 1 };
      return true;
    }
    this.signal = null;
    return kind === 'break';
  }

  *runFor(cmd: ForLoop, frame: ShellFrame, streams: Streams, top: boolean, input: Input): Steps<number> {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(cmd.name)) {
      streams.err(`-bash: \`${cmd.name}': not a valid identifier\n`);
      return 1;
    }
    let items: string[];
    try {
      items = cmd.words ? expandWords(cmd.words, this.expandEnv(frame, streams)) : [];
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      return this.expansionFailed(e, frame, streams);
    }
    let code = 0;
    this.loopDepth++;
    try {
      for (const item of items) {
        setVar(frame, cmd.name, item);
        code = yield* this.listIn(cmd.body, frame, streams, top, input);
        if (this.loopStep()) break;
      }
    } finally {
      this.loopDepth--;
    }
    return code;
  }

  *runWhile(cmd: WhileLoop, frame: ShellFrame, streams: Streams, top: boolean, input: Input): Steps<number> {
    let code = 0;
    this.loopDepth++;
    try {
      for (;;) {
        const cond = yield* this.listIn(cmd.cond, frame, streams, top, input);
        if (this.returnCode !== null || this.aborted) break;
        if (this.signal) {
          if (this.loopStep()) break;
          continue;
        }
        if ((cond === 0) === cmd.until) break;
        code = yield* this.listIn(cmd.body, frame, streams, top, input);
        if (this.loopStep()) break;
      }
    } finally {
      this.loopDepth--;
    }
    return code;
  }

  /** The first clause with a matching pattern runs; 0 when none matches. */
  *runCase(cmd: CaseCommand, frame: ShellFrame, streams: Streams, top: boolean, input: Input): Steps<number> {
    const body = caseBody(cmd, this.expandEnv(frame, streams), streams.err);
    if (typeof body === 'number') return body;
    let code = 0;
    for (const list of body) {
      code = yield* this.listIn(list, frame, streams, top, input);
      if (this.signal || this.returnCode !== null || this.aborted) break;
    }
    return code;
  }

  *runCond(cmd: Conditional, frame: ShellFrame, streams: Streams, top: boolean): Steps<number> {
    if (!(yield* this.countCommand(streams, top))) return 1;
    const { world } = this.io.sim;
    return runConditional(cmd.expr, { env: this.expandEnv(frame, streams), files: { world, host: world.hosts[frame.host]!, frame } }, streams.err);
  }

  /**
   * Counts one command against the line's budget. A line that may suspend waits for the next
   * clock tick after each slice of work (so Ctrl-C can stop it); where it cannot (a subshell,
   * $(...), an early pipeline stage) one slice is all it gets; the whole line has MAX_COMMANDS.
   * The budget is a count, never time, so that a replay stops at the same place.
   */
  *countCommand(streams: Streams, top: boolean): Steps<boolean> {
    this.commands++;
    this.sinceYield++;
    if (this.stopped || this.commands > MAX_COMMANDS || (!top && this.sinceYield > SLICE_COMMANDS)) {
      if (!this.stopped) streams.err(`-bash: sandbox: stopped after ${this.commands - 1} commands on one line\n`);
      this.stopped = true;
      this.signal = { kind: 'break', levels: 1_000 };
      return false;
    }
    if (top && this.sinceYield >= SLICE_COMMANDS) {
      this.sinceYield = 0;
      yield { kind: 'slice' };
    }
    return true;
  }

  /** Commands run since the line last stopped for a program or a clock tick. */
  sinceYield = 0;
  /** The budget ran out: every command left on the line is skipped. */
  stopped = false;

  finish(frame: ShellFrame, code: number): number {
    frame.lastExit = code;
    return code;
  }

  *simple(cmd: SimpleCommand, frame: ShellFrame, stdin: Input, streams: Streams, top = false): Steps<number> {
    if (!(yield* this.countCommand(streams, top))) return this.finish(frame, 1);
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

    const fn = argv.length ? ownEntry(frame.functions, argv[0]!) : undefined;
    if (fn) return yield* this.callFunction(argv, fn, frame, own, toStreams(fds.table, this.io), top);
    if (argv[0] === 'local' || argv[0] === 'return') {
      const r = functionBuiltin(argv, frame);
      toStreams(fds.table, this.io).err(r.stderr);
      if (r.code !== undefined) this.returnCode = r.code;
      return this.finish(frame, r.exitCode);
    }
    if (argv[0] === 'read' || argv[0] === 'break' || argv[0] === 'continue') {
      const r = executorBuiltin(argv, frame, own, this);
      toStreams(fds.table, this.io).err(r.stderr);
      return this.finish(frame, r.exitCode);
    }

    if (!argv.length) {
      for (const [k, v] of assigns) setVar(frame, k, v);
      return this.finish(frame, this.substExit ?? 0);
    }

    // Assignments before a command are its environment only.
    const saved = assigns.map(([k]) => [k, ownEntry(frame.env, k)] as const);
    for (const [k, v] of assigns) setOwn(frame.env, k, v);
    let outcome;
    try {
      outcome = invokeCommand(this.io, argv, frame, own.text.slice(own.pos), fds.table[1]!.kind === 'stream' && (fds.table[1] as { tty: boolean }).tty);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete frame.env[k];
        else setOwn(frame.env, k, v);
      }
    }
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
    // A program or session action started where the line may stop takes the terminal; the line
    // goes on with its exit status. Elsewhere (a pipeline stage, $(...), a subshell) it has none.
    if (top && outcome.program) {
      const code: number = yield { kind: 'program', program: outcome.program };
      this.sinceYield = 0;
      return this.finish(frame, code);
    }
    // A session action (ssh, exit, clear) acts on the line's own shell, never on a forked stage.
    if (top && outcome.action && frame === this.io.frame) return this.finish(frame, yield { kind: 'action', action: outcome.action, exitCode: outcome.exitCode });
    return outcome.exitCode;
  }

  /** Set by `return` until the function call it ends has unwound to. */
  returnCode: number | null = null;
  funcDepth = 0;

  /** Runs a shell function in this shell: its own $1…, `local` scope and loop nesting. */
  *callFunction(argv: string[], body: Command, frame: ShellFrame, input: Input, streams: Streams, top: boolean): Steps<number> {
    if (this.funcDepth >= MAX_FUNC_DEPTH) return this.finish(frame, this.tooDeep(argv[0]!, streams));
    const restore = enterFunction(frame, argv.slice(1));
    const loopDepth = this.loopDepth;
    this.loopDepth = 0;
    this.funcDepth++;
    let code: number;
    try {
      code = yield* this.command(body, frame, input, streams, top);
    } catch (e) {
      // The JS stack ran out before the depth limit (deep compound bodies): end the line the same way.
      if (!(e instanceof RangeError)) throw e;
      code = this.tooDeep(argv[0]!, streams);
    } finally {
      this.funcDepth--;
      this.loopDepth = loopDepth;
      restore();
    }
    code = this.returnCode ?? code;
    this.returnCode = null;
    return this.finish(frame, code);
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
