// The contract every command implements: a spec in the registry and a run function that
// returns its output as values. Commands never throw for a user's mistake.
import type { ShellRuntime } from './shell-runtime';
import type { ProgramFactory } from '../programs/program';
import type { Sim } from '../sim/sim';
import type { HostState, Release, WorldState } from '../sim/types';
import { parseCommandLine, type ArgSpec, type ParsedArgs } from './args';
import type { Command } from './ast';
import type { LocalScope } from './functions';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Something a command asks of the terminal session rather than of the world. */
export type SessionAction =
  | { kind: 'ssh'; host: string }
  | { kind: 'exit'; code: number }
  | { kind: 'clear' };

export interface CommandOutcome extends ExecResult {
  /** A full-screen or long-running program that takes over the terminal after stdout is shown. */
  program?: ProgramFactory;
  action?: SessionAction;
  /** Show stderr before stdout on the terminal (a tool that prints its error, then its usage). */
  stderrFirst?: boolean;
  /** stdout (1) and stderr (2) interleaved as written (`cat a missing b`); stdout/stderr still hold each stream whole. */
  chunks?: ReadonlyArray<readonly [1 | 2, string]>;
}

/** One shell's per-host state: what `cd`, `export` and `$?` change. */
export interface ShellFrame {
  host: string;
  cwd: string;
  env: Record<string, string>;
  aliases: Record<string, string>;
  lastExit: number;
  /** Shell variables that are not exported (`X=1` without `export`); `$X` sees both. */
  vars?: Record<string, string>;
  /** Shell functions defined in this shell (a nested `ssh` shell starts without them). */
  functions?: Record<string, Command>;
  /** $1 … inside a function call (none at the prompt). */
  positional?: string[];
  /** One scope per running function call, what `local` hid (functions.ts). */
  locals?: LocalScope[];
}

export interface CommandContext {
  sim: Sim;
  world: WorldState;
  host: HostState;
  frame: ShellFrame;
  /** argv[0] as typed (after alias expansion), then the arguments. */
  name: string;
  args: string[];
  stdin: string;
  /** Terminal size, for commands that format to the width. */
  cols: number;
  rows: number;
  /** History of this host's shell, oldest first (for `history`). */
  history: readonly string[];
  registry: Registry;
  /** True when stdout is the terminal (not a pipe or a file): `ls` prints columns and colours then. */
  stdoutTty?: boolean;
  /** `args` as `spec.args` parsed them (invokeCommand), for a command that declares them. */
  parsed?: ParsedArgs;
}

/** What `run` gets when its spec declares `args`: the command line already parsed, typed by its keys. */
export type ParsedContext<K extends string> = Omit<CommandContext, 'parsed'> & { parsed: ParsedArgs<K> };

/** The hand-written parts of a command's manual page; `man` generates the rest from the spec. */
export interface ManPage {
  section: number;
  /** The NAME line after "name - ". */
  name?: string;
  synopsis?: string[];
  description: string[];
  options?: Array<[flag: string, text: string]>;
}

export interface CommandSpec {
  name: string;
  /** One line, shown by `help`. */
  summary: string;
  /** Synopsis, shown by `help NAME` and `man`. */
  usage: string;
  /** Completions for the word being typed; `words` are the arguments before it. */
  complete?: (ctx: CompletionContext, words: string[], current: string) => string[];
  /**
   * Declared options (src/shell/args.ts): invokeCommand parses them, answers `--help` and usage
   * errors, and gives `run` the result as `ctx.parsed`; Tab completes them, the fuzzer and `man` read them.
   */
  args?: ArgSpec;
  /** Its manual page, for the tools an OVM administrator reaches for (section, NAME, synopsis, description). */
  man?: ManPage;
  /** `run` parses `ctx.args` itself (virt-install's optparse): `args` is declared for Tab, `man` and the fuzzer only. */
  selfParsing?: true;
  run(ctx: CommandContext): CommandOutcome;
  /** The directory of its program on dom0 (`which`, `type`, `ls /sbin` …); /usr/bin when absent. */
  dir?: '/bin' | '/sbin' | '/usr/sbin' | '/opt/ovs-agent-2.3/utils' | '/etc/rc.d/init.d';
  /** Installed on hosts of this release only (OVM 2.2's repos.py, OVM 3's ovs-agent-db). */
  release?: Release;
  /** A bash builtin: 'only' exists inside the shell alone (cd, export); 'and-file' is also a program (echo, test). */
  builtin?: 'only' | 'and-file';
}

export interface CompletionContext {
  world: WorldState;
  host: HostState;
  frame: ShellFrame;
}

export interface Registry {
  get(name: string): CommandSpec | undefined;
  names(): string[];
  /** The shell that runs lines with these commands (absent until a lazy registry has loaded). */
  readonly shell?: ShellRuntime;
}

export const ok = (stdout = ''): CommandOutcome => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): CommandOutcome => ({ stdout, stderr, exitCode });

/** A spec whose `run` reads `ctx.parsed`, typed by the keys of its `args`. */
type ParsingSpec<K extends string> = Omit<CommandSpec, 'args' | 'run'> & { args: ArgSpec<K>; run(ctx: ParsedContext<K>): CommandOutcome };

// A spec with `args` gets `ctx.parsed` typed by their keys; one without gets none.
export function defineCommand<K extends string>(spec: ParsingSpec<K>): CommandSpec;
export function defineCommand(spec: Omit<CommandSpec, 'args'> & { args?: undefined }): CommandSpec;
export function defineCommand(spec: CommandSpec): CommandSpec {
  const args = spec.args;
  if (!args || spec.selfParsing) return spec;
  const run = spec.run;
  // The parse lives in the spec's own `run` (not in invokeCommand) so that every caller of
  // `run` — env, xargs, find -exec, the engine's lab and class wrappers — parses the same way.
  return {
    ...spec,
    run(ctx) {
      const p = parseCommandLine(args, ctx);
      return p.ok ? run({ ...ctx, parsed: p.parsed }) : p.outcome;
    },
  };
}
