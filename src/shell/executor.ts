// Runs a parsed command list: and-or chains, pipelines, redirections to the VFS, aliases, and
// the registry lookup. The one place where a command's thrown exception (a bug) is caught.
import { lookup, normalizePath, writeFile, FS_ERROR_TEXT, readFile } from '../sim/vfs';
import { expandWord } from './expand';
import { parse, type AndOr, type Pipeline, type SimpleCommand } from './parse';
import { tokenize, wordText } from './tokenize';
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

export function runLine(io: ShellIo, line: string): LineOutcome {
  const tokens = tokenize(line);
  if (!tokens.ok) return { output: `-bash: ${tokens.error}\n`, exitCode: (io.frame.lastExit = 2) };
  const parsed = parse(tokens.tokens);
  if (!parsed.ok) return { output: `-bash: ${parsed.error}\n`, exitCode: (io.frame.lastExit = 2) };
  return runList(io, parsed.list, 0, '');
}

function runList(io: ShellIo, list: readonly AndOr[], from: number, outputSoFar: string): LineOutcome {
  let output = outputSoFar;
  for (let i = from; i < list.length; i++) {
    const r = runAndOr(io, list[i]!);
    output += r.output;
    if (r.program || r.action) {
      const rest = i + 1 < list.length ? (code: number) => ((io.frame.lastExit = code), runList(io, list, i + 1, '')) : undefined;
      return { ...r, output, ...(rest && { resume: rest }) };
    }
  }
  return { output, exitCode: io.frame.lastExit };
}

function runAndOr(io: ShellIo, andOr: AndOr): LineOutcome {
  let r = runPipeline(io, andOr.first);
  let output = r.output;
  for (const { op, pipeline } of andOr.rest) {
    if (r.program || r.action) break;
    if ((op === '&&') !== (io.frame.lastExit === 0)) continue;
    r = runPipeline(io, pipeline);
    output += r.output;
  }
  return { ...r, output };
}

function runPipeline(io: ShellIo, pipeline: Pipeline): LineOutcome {
  let stdin = '';
  let output = '';
  let last: CommandOutcome = { stdout: '', stderr: '', exitCode: 0 };
  pipeline.forEach((cmd, idx) => {
    const isLast = idx === pipeline.length - 1;
    const r = runSimple(io, cmd, stdin);
    last = r.outcome;
    if (!isLast) {
      // Only the last stage may take over the terminal or act on the session.
      delete last.program;
      delete last.action;
      output += r.terminal;
      stdin = r.pipeOut;
    } else output += last.stderrFirst ? r.terminal + r.pipeOut : r.pipeOut + r.terminal;
  });
  io.frame.lastExit = last.exitCode;
  return { output, exitCode: last.exitCode, ...(last.program && { program: last.program }), ...(last.action && { action: last.action }) };
}

interface SimpleRun {
  outcome: CommandOutcome;
  /** What reaches the terminal now (stderr, and stdout when not piped or redirected). */
  terminal: string;
  /** stdout for the next pipeline stage. */
  pipeOut: string;
}

function runSimple(io: ShellIo, cmd: SimpleCommand, stdin: string): SimpleRun {
  const { world } = io.sim;
  const host = world.hosts[io.frame.host]!;
  const argv = cmd.words.flatMap((w) => expandWord(w, io.frame).map((f) => f.text));
  const aliased = argv.length && io.frame.aliases[argv[0]!] !== undefined ? expandAlias(io, argv) : argv;

  let input = stdin;
  let outTarget: { path: string; append: boolean } | 'null' | null = null;
  let errTarget: { path: string; append: boolean } | 'null' | 'stdout' | null = null;
  for (const r of cmd.redirects) {
    const target = r.target ? expandWord(r.target, io.frame)[0]?.text ?? '' : '';
    if (r.op === '<') {
      const content = readFile(world, host, target, io.frame.cwd);
      if (!content.ok) return errorRun(`-bash: ${target}: ${FS_ERROR_TEXT[content.error]}\n`);
      input = content.value;
    } else if (r.op === '<<') {
      input = '';
    } else if (r.op === '2>&1') errTarget = 'stdout';
    else {
      const dest = target === '/dev/null' ? 'null' : { path: target, append: r.op.endsWith('>>') };
      if (r.op === '2>' || r.op === '2>>') errTarget = dest;
      else if (r.op === '&>' || r.op === '>&') outTarget = errTarget = dest;
      else outTarget = dest;
    }
  }

  let outcome: CommandOutcome;
  if (!aliased.length) outcome = { stdout: '', stderr: '', exitCode: 0 };
  else {
    const [name, ...args] = aliased as [string, ...string[]];
    const spec = io.registry.get(name);
    if (!spec) outcome = { stdout: '', stderr: `-bash: ${name}: command not found\n`, exitCode: 127 };
    else {
      try {
        outcome = spec.run({ sim: io.sim, world, host, frame: io.frame, name, args, stdin: input, cols: io.cols, rows: io.rows, history: io.history, registry: io.registry });
      } catch (e) {
        // A thrown exception is a bug in the simulator, never the user's fault: report, don't die.
        outcome = { stdout: '', stderr: `sandbox: internal error in ${name} (${e instanceof Error ? e.message : String(e)})\n`, exitCode: INTERNAL_ERROR_EXIT };
      }
    }
  }

  let stdout = outcome.stdout;
  let stderr = outcome.stderr;
  if (errTarget === 'stdout') {
    stdout += stderr;
    stderr = '';
  } else if (errTarget === 'null') stderr = '';
  else if (errTarget) {
    const w = writeTo(io, errTarget.path, stderr, errTarget.append);
    stderr = w;
  }
  let redirectError = '';
  if (outTarget === 'null') stdout = '';
  else if (outTarget) {
    redirectError = writeTo(io, outTarget.path, stdout, outTarget.append);
    stdout = '';
  }
  return { outcome, terminal: stderr + redirectError, pipeOut: stdout };
}

function errorRun(text: string): SimpleRun {
  return { outcome: { stdout: '', stderr: text, exitCode: 1 }, terminal: text, pipeOut: '' };
}

/** Writes redirected output into the VFS; returns bash's error line if it cannot. */
function writeTo(io: ShellIo, path: string, text: string, append: boolean): string {
  const host = io.sim.world.hosts[io.frame.host]!;
  const abs = normalizePath(path, io.frame.cwd);
  const existing = lookup(io.sim.world, host, abs);
  if (existing.ok && existing.value.type === 'dir') return `-bash: ${path}: Is a directory\n`;
  const r = writeFile(io.sim.world, host, abs, text, '/', append);
  return r.ok ? '' : `-bash: ${path}: ${FS_ERROR_TEXT[r.error]}\n`;
}

function expandAlias(io: ShellIo, argv: string[]): string[] {
  const tokens = tokenize(io.frame.aliases[argv[0]!]!);
  if (!tokens.ok) return argv;
  const words = tokens.tokens.flatMap((t) => (t.type === 'word' ? [wordText(t.segments)] : []));
  return [...words, ...argv.slice(1)];
}
