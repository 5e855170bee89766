// The builtins that act on the executor's own state rather than the world: `read` (consumes a
// line of the shell's stdin stream), and `break` / `continue` (unwind the enclosing loops).
import { setVar } from './expand';
import type { Input } from './streams';
import type { ShellFrame } from './types';

/** A pending `break N` or `continue N`, unwinding enclosing loops. */
export type LoopSignal = { kind: 'break' | 'continue'; levels: number };

/** The executor's loop state these builtins read and set. */
export interface LoopState {
  signal: LoopSignal | null;
  loopDepth: number;
}

export interface BuiltinResult {
  stderr: string;
  exitCode: number;
}

/** Runs `read`, `break` or `continue` (argv[0]). */
export function executorBuiltin(argv: string[], frame: ShellFrame, input: Input, loops: LoopState): BuiltinResult {
  const [name, ...args] = argv as [string, ...string[]];
  if (name === 'break' || name === 'continue') return loopControl(name, args, loops);
  return read(args, frame, input);
}

function loopControl(name: 'break' | 'continue', args: string[], loops: LoopState): BuiltinResult {
  if (args[0] !== undefined && !/^\d+$/.test(args[0])) return { stderr: `-bash: ${name}: ${args[0]}: numeric argument required\n`, exitCode: 128 };
  const n = args[0] === undefined ? 1 : Number(args[0]);
  if (n < 1) return { stderr: `-bash: ${name}: ${args[0]}: loop count out of range\n`, exitCode: 1 };
  if (loops.loopDepth === 0) return { stderr: `-bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`, exitCode: 0 };
  // `break 5` inside two loops breaks both, as bash does.
  loops.signal = { kind: name, levels: Math.min(n, loops.loopDepth) };
  return { stderr: '', exitCode: 0 };
}

/** read [-r] [-p prompt] [name ...]: one line of `input`, split on blanks into the names. */
function read(args: string[], frame: ShellFrame, input: Input): BuiltinResult {
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
  // A last line without a newline is still read, but read fails, as in bash.
  return { stderr: '', exitCode: nl < 0 ? 1 : 0 };
}
