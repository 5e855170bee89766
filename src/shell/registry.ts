// The one list of commands. `help`, completion, `man` and "command not found" derive from it.
// Registration is this visible block: add a family's array here, nowhere else.
import { fs } from './commands/fs';
import { lab } from './commands/lab';
import { meta } from './commands/meta';
import { net } from './commands/net';
import { ocfs2 } from './commands/ocfs2';
import { mounts } from './commands/mount';
import { dfCommands } from './commands/df';
import { agent } from './commands/agent';
import { repos } from './commands/repos';
import { dom0Tools } from './commands/dom0-tools';
import { registerCommandDirs } from './command-paths';
import { pkg } from './commands/pkg';
import { programs } from './commands/programs';
import { san } from './commands/san';
import { services } from './commands/services';
import { sys } from './commands/sys';
import { text } from './commands/text';
import { xm } from './commands/xm';
import { manager } from './commands/manager/ovmm';
import type { CommandSpec, Registry } from './types';

const ALL: readonly CommandSpec[] = [...meta, ...fs, ...sys, ...services, ...programs, ...pkg, ...net, ...text, ...xm, ...lab, ...san, ...ocfs2, ...mounts, ...dfCommands, ...agent, ...repos, ...manager, ...dom0Tools];

// /bin, /sbin, /usr/bin and /usr/sbin list the commands where `which` finds them.
registerCommandDirs(ALL.map((s) => s.name));

/** `extra`: commands the engine provides because they act on it, not on the world (undo, redo). */
export function createRegistry(specs: readonly CommandSpec[] = ALL, extra: readonly CommandSpec[] = []): Registry {
  const map = new Map<string, CommandSpec>();
  for (const s of [...specs, ...extra]) {
    if (map.has(s.name)) throw new Error(`duplicate command ${s.name}`);
    map.set(s.name, s);
  }
  const sorted = [...map.keys()].sort();
  return { get: (n) => map.get(n), names: () => sorted };
}
