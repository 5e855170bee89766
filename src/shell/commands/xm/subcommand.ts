// The shape of an `xm` subcommand and the error conventions of xm's main.py (reference §1.1):
// errors go to stderr as `Error: …`; xend faults and bad arguments add the command's usage
// block on stdout; an unknown domain (fault 3) exits 3 without usage.
import { cmdHelp } from './help';
import { optsHelp } from './opts';
import { CREATE_OPTS, MIGRATE_OPTS } from './module-opts';
import type { CommandContext, CommandOutcome } from '../../types';

export interface XmSubcommand {
  name: string;
  run(ctx: CommandContext, args: string[]): CommandOutcome;
  /** What Tab offers after the subcommand: domain names (default), files, or nothing. */
  complete?: 'domains' | 'files' | 'none';
}

/** Module help of the commands xm imports (create.py, new.py, migrate.py): `str(gopts)`. */
function moduleHelp(name: string): string | undefined {
  if (name === 'create' || name === 'new') return optsHelp(CREATE_OPTS);
  if (name === 'migrate') return optsHelp(MIGRATE_OPTS);
  return undefined;
}

/** The per-command usage block (`xm CMD -h`, and after errors). */
export function usageBlock(ctx: CommandContext, name: string): string {
  return cmdHelp(ctx.host.release, name, moduleHelp);
}

/** An xend fault (code 2) or ValueError: `Error: msg`, then the usage block; exit 1. */
export function faultError(ctx: CommandContext, name: string, message: string): CommandOutcome {
  return { stdout: usageBlock(ctx, name), stderr: `Error: ${message}\n`, exitCode: 1, stderrFirst: true };
}

/** OptionError: like a fault, then `print e.usage` (the module's use text, or just a newline). */
export function optionError(ctx: CommandContext, name: string, message: string, use = ''): CommandOutcome {
  return { stdout: usageBlock(ctx, name) + use + '\n', stderr: `Error: ${message}\n`, exitCode: 1, stderrFirst: true };
}

/** `err(msg); sys.exit(1)` without usage (create.py errors, opts.err, xm save/restore checks). */
export function plainError(message: string, exitCode = 1): CommandOutcome {
  return { stdout: '', stderr: `Error: ${message}\n`, exitCode };
}

/** Invalid domain (XML-RPC fault code 3): no usage block, exit status 3. */
export function noSuchDomain(ref: string): CommandOutcome {
  return { stdout: '', stderr: `Error: Domain '${ref}' does not exist.\n`, exitCode: 3 };
}

/** `ValueError` in xm (e.g. `xm vcpu-set dom abc`). */
export const invalidArgument = (ctx: CommandContext, name: string): CommandOutcome => faultError(ctx, name, 'Invalid argument.');

/** `arg_check`: the message ends in a newline, so a blank line follows it. Null when the count is fine. */
export function argCheck(ctx: CommandContext, name: string, args: readonly string[], lo: number, hi = -1): CommandOutcome | null {
  const n = args.filter((a) => a !== '--').length;
  if (hi === -1) {
    if (n === lo) return null;
    return faultError(ctx, name, `'xm ${name}' requires ${lo} argument${lo === 1 ? '' : 's'}.\n`);
  }
  if (n >= lo && n <= hi) return null;
  return faultError(ctx, name, `'xm ${name}' requires between ${lo} and ${hi} arguments.\n`);
}

/** getopt failure: `err(opterr); usage(cmd)`. */
export const getoptError = (ctx: CommandContext, name: string, error: string): CommandOutcome => faultError(ctx, name, error);

export const done = (stdout = ''): CommandOutcome => ({ stdout, stderr: '', exitCode: 0 });
