// The shell's entry point: parses a command line and runs it (runner.ts), either for a terminal
// (the line stops where a program takes over or a slice of work ends, and is resumed with the
// program's exit status) or to its end (a script, `ssh HOST CMD`, `time`'s old command form).
import { parse } from './parse';
import { tokenize } from './tokenize';
import { Runner } from './runner';
import { killedBySignal, type Steps } from './suspension';
import { INTERNAL_ERROR_EXIT } from './invoke-command';
import { sleepProgram } from '../programs/sleep';
import { TICK_MS } from '../sim/clock';
import type { ShellIo } from './shell-io';
import type { ProgramFactory } from '../programs/program';
import type { SessionAction } from './types';

// Importers take this from the executor, the shell's entry point.
export type { ShellIo } from './shell-io';

/** What running a line produced; `program` suspends the rest of the line until it exits. */
export interface LineOutcome {
  output: string;
  exitCode: number;
  program?: ProgramFactory;
  action?: SessionAction;
  /** The rest of the line, run when the program has exited (with its status) or after the action. */
  resume?: (programExit: number) => LineOutcome;
}

/** The line parsed and ready to run, or what bash says about its syntax. */
function start(io: ShellIo, line: string): { runner: Runner; steps: Steps<number> } | LineOutcome {
  const runner = new Runner(io);
  let text = line;
  const t0 = tokenize(text);
  if (t0.incomplete?.kind === 'backslash') text += '\\'; // at end of input a lone backslash is literal
  const tokens = t0.incomplete?.kind === 'backslash' ? tokenize(text) : t0;
  if (tokens.incomplete) {
    if (tokens.incomplete.kind !== 'heredoc') {
      return { output: `-bash: ${tokens.incomplete.message}\n-bash: syntax error: unexpected end of file\n`, exitCode: (io.frame.lastExit = 2) };
    }
    runner.term(`-bash: ${tokens.incomplete.message}\n`);
  }
  const parsed = parse(tokens.tokens, { aliases: io.frame.aliases });
  if (!parsed.ok) return { output: runner.takeShown() + `-bash: ${parsed.error}\n`, exitCode: (io.frame.lastExit = 2) };
  return { runner, steps: runner.list(parsed.list) };
}

/** Runs a line for a terminal: it stops at the first program, session action or end of a slice. */
export function runLine(io: ShellIo, line: string): LineOutcome {
  const s = start(io, line);
  return 'steps' in s ? drive(s.runner, s.steps) : s;
}

function drive(runner: Runner, steps: Steps<number>, resumeWith?: number): LineOutcome {
  const r = resumeWith === undefined ? steps.next() : steps.next(resumeWith);
  const output = runner.takeShown();
  if (r.done) return { output, exitCode: r.value };
  const frame = runner.io.frame;
  const s = r.value;
  const resume = (code: number): LineOutcome => {
    if (!killedBySignal(code)) return drive(runner, steps, code);
    // A program killed by Ctrl-C (or Ctrl-\) takes the rest of the line with it, loops included.
    steps.return(code);
    frame.lastExit = code;
    return { output: runner.takeShown(), exitCode: code };
  };
  if (s.kind === 'program') return { output, exitCode: frame.lastExit, program: s.program, resume };
  // The rest of the slice is a sleep until the next clock tick: Ctrl-C ends it (and the line) there.
  if (s.kind === 'slice') return { output, exitCode: frame.lastExit, program: sleepProgram(TICK_MS), resume };
  if (s.action.kind === 'exit') {
    // `exit` ends the shell: nothing after it on the line runs.
    steps.return(s.exitCode);
    return { output, exitCode: s.exitCode, action: s.action };
  }
  return { output, exitCode: s.exitCode, action: s.action, resume };
}

/**
 * The executor's last line of defence: whatever a line does, an exception never leaves the
 * shell (a bug is reported as one line, the line ends with EX_SOFTWARE, and the prompt comes back).
 */
export function runLineSafely(io: ShellIo, line: string): LineOutcome {
  return guarded(io, () => runLine(io, line));
}

function guarded(io: ShellIo, run: () => LineOutcome): LineOutcome {
  try {
    const r = run();
    const resume = r.resume;
    return resume ? { ...r, resume: (code) => guarded(io, () => resume(code)) } : r;
  } catch (e) {
    io.frame.lastExit = INTERNAL_ERROR_EXIT;
    return { output: `-bash: sandbox: internal error (${e instanceof Error ? e.message : String(e)})\n`, exitCode: INTERNAL_ERROR_EXIT };
  }
}

/** What a line run to its end printed; `program` is the first program it could not run without a terminal. */
export interface BatchOutcome {
  output: string;
  exitCode: number;
  program?: ProgramFactory;
}

/**
 * Runs a line with no terminal (a script, a remote command): a slice of work goes straight on,
 * `exit` ends it, other session actions are passed over, and at the first program it stops
 * (a program needs the terminal it has not).
 */
export function runLineToEnd(io: ShellIo, line: string): BatchOutcome {
  const s = start(io, line);
  if (!('steps' in s)) return s;
  let output = '';
  let r = s.steps.next();
  for (;;) {
    output += s.runner.takeShown();
    if (r.done) return { output, exitCode: r.value };
    const step = r.value;
    if (step.kind === 'program') {
      s.steps.return(1);
      return { output: output + s.runner.takeShown(), exitCode: io.frame.lastExit, program: step.program };
    }
    if (step.kind === 'action' && step.action.kind === 'exit') {
      s.steps.return(step.exitCode);
      return { output: output + s.runner.takeShown(), exitCode: (io.frame.lastExit = step.exitCode) };
    }
    r = s.steps.next(step.kind === 'action' ? step.exitCode : 0);
  }
}
