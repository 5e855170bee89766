// Shell functions: entering and leaving a call (positional parameters and `local` scopes, restored
// after), and the `local` and `return` builtins. Definitions live in the frame (ShellFrame.functions).
import type { BuiltinResult } from './executor-builtins';
import { dict, own, setOwn } from '../lib/own';
import type { ShellFrame } from './types';

/** Deepest function nesting, as bash with FUNCNEST=100: recursion can neither hang the terminal nor overflow the JS stack. */
export const MAX_FUNC_DEPTH = 100;

/** Sets $1… $# $@ for a call and opens its `local` scope; the returned function restores both. */
export function enterFunction(frame: ShellFrame, args: string[]): () => void {
  const positional = frame.positional;
  frame.positional = args;
  const scope: LocalScope = dict();
  (frame.locals ??= []).push(scope);
  return () => {
    frame.positional = positional;
    frame.locals?.pop();
    if (frame.locals?.length === 0) delete frame.locals;
    for (const [name, saved] of Object.entries(scope)) {
      if (saved.vars === undefined) delete frame.vars?.[name];
      else setOwn((frame.vars ??= dict()), name, saved.vars);
      if (saved.env === undefined) delete frame.env[name];
      else setOwn(frame.env, name, saved.env);
    }
  };
}

/** The values `local` hid, by name, to put back when the function returns. */
export type LocalScope = Record<string, { vars?: string; env?: string }>;

/** Runs `local` or `return` (argv[0]); `code` is set when `return` ends the function. */
export function functionBuiltin(argv: string[], frame: ShellFrame): BuiltinResult & { code?: number } {
  return argv[0] === 'local' ? localBuiltin(argv.slice(1), frame) : returnBuiltin(argv.slice(1), frame);
}

/** local NAME[=VALUE] …: the variable belongs to the running function. */
export function localBuiltin(args: string[], frame: ShellFrame): BuiltinResult {
  const scope = frame.locals?.[frame.locals.length - 1];
  if (!scope) return { stderr: '-bash: local: can only be used in a function\n', exitCode: 1 };
  let stderr = '';
  for (const a of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
    if (!m) {
      stderr += `-bash: local: \`${a}': not a valid identifier\n`;
      continue;
    }
    const name = m[1]!;
    if (!Object.hasOwn(scope, name)) {
      const saved: LocalScope[string] = {};
      const v = own(frame.vars, name);
      const e = own(frame.env, name);
      if (v !== undefined) saved.vars = v;
      if (e !== undefined) saved.env = e;
      setOwn(scope, name, saved);
    }
    delete frame.env[name];
    if (m[2] !== undefined) setOwn((frame.vars ??= dict()), name, m[2]);
    else if (frame.vars) delete frame.vars[name];
  }
  return { stderr, exitCode: stderr ? 1 : 0 };
}

/** return [N]: the status to return with (N, else $?), or an error when not in a function. */
export function returnBuiltin(args: string[], frame: ShellFrame): BuiltinResult & { code?: number } {
  if (!frame.locals?.length) return { stderr: "-bash: return: can only `return' from a function or sourced script\n", exitCode: 2 };
  const a = args[0];
  if (a === undefined) return { stderr: '', exitCode: frame.lastExit, code: frame.lastExit };
  if (!/^[-+]?\d+$/.test(a)) return { stderr: `-bash: return: ${a}: numeric argument required\n`, exitCode: 2, code: 2 };
  const code = ((Number(a) % 256) + 256) % 256;
  return { stderr: '', exitCode: code, code };
}
