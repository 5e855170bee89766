// The shape of an `xm` subcommand and the error conventions of xm's main.py (reference §1.1):
// errors go to stderr as `Error: …`, then the subcommand's usage block on stdout.
import type { CommandContext, CommandOutcome } from '../../types';

export interface XmSubcommand {
  name: string;
  /** Argument string shown after `Usage: xm NAME`. */
  argstring: string;
  description: string;
  /** Options table rows: [flags, description]. */
  options?: ReadonlyArray<readonly [string, string]>;
  run(ctx: CommandContext, args: string[]): CommandOutcome;
}

/** The per-command usage block: `Usage: xm <cmd> <args>`, blank, description, options table. */
export function usageBlock(sub: XmSubcommand): string {
  let out = `Usage: xm ${sub.name} ${sub.argstring}\n\n${sub.description}\n`;
  if (sub.options?.length) {
    out += sub.options.map(([flag, desc]) => `  ${flag.padEnd(30)} ${desc.padEnd(43)}`.trimEnd()).join('\n') + '\n\n';
  }
  return out;
}

/** An xend error (fault code 2) or argument error: message, then usage, exit 1. */
export function xmError(sub: XmSubcommand, message: string): CommandOutcome {
  return { stdout: usageBlock(sub), stderr: `Error: ${message}\n`, exitCode: 1, stderrFirst: true };
}

/** `arg_check` failure: the message ends in a newline, so a blank line follows. */
export function argCountError(sub: XmSubcommand, n: number | [number, number]): CommandOutcome {
  const text = Array.isArray(n) ? `requires between ${n[0]} and ${n[1]} arguments.` : `requires ${n} argument${n === 1 ? '' : 's'}.`;
  return xmError(sub, `'xm ${sub.name}' ${text}\n`);
}

/** Invalid domain (XML-RPC fault code 3): no usage block, exit status 3. */
export function noSuchDomain(ref: string): CommandOutcome {
  return { stdout: '', stderr: `Error: Domain '${ref}' does not exist.\n`, exitCode: 3 };
}
