// Runs one command by name: a path (/bin/ls) maps to its registry name, the registry finds
// the spec, and this is the one place where a command's thrown exception (a bug) is caught.
import { STRERROR } from '../sim/errno';
import { lookup, normalizePath } from '../sim/vfs';
import { commandAtPath } from './command-paths';
import type { ShellIo } from './shell-io';
import type { CommandOutcome, ShellFrame } from './types';

/** Exit status of a command that threw: EX_SOFTWARE, an internal software error. */
export const INTERNAL_ERROR_EXIT = 70;

export function invokeCommand(io: ShellIo, argv: string[], frame: ShellFrame, stdin: string, stdoutTty: boolean): CommandOutcome {
  const world = io.sim.world;
  const host = world.hosts[frame.host]!;
  const [first, ...args] = argv as [string, ...string[]];
  let name = first;
  if (name.includes('/')) {
    const known = commandAtPath(normalizePath(name, frame.cwd));
    const node = lookup(world, host, name, frame.cwd);
    if (known && io.registry.get(known)) name = known;
    else if (node.ok) return { stdout: '', stderr: `-bash: ${name}: ${node.value.type === 'dir' ? 'is a directory' : STRERROR.EACCES}\n`, exitCode: 126 };
    else return { stdout: '', stderr: `-bash: ${name}: ${STRERROR.ENOENT}\n`, exitCode: 127 };
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
