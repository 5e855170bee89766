// The one list of commands. `help`, completion, `man` and "command not found" derive from it.
// Registration is this visible block: add a family's array here, nowhere else. The engine loads
// this module (and with it every command) on demand, after the first prompt (lazy-registry.ts).
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
import { setInstalledCommands } from './command-paths';
import { registerTailFollow } from './commands/text/head-tail-wc';
import { registerSshTarget } from './commands/net/ssh-targets';
import { registerOvmCli } from './commands/manager/ovm-cli';
import { tailFollow } from '../programs/tail-follow';
import { normalizePath } from '../sim/vfs';
import { loadRe2 } from './commands/text/linear-regex';
import { shellRuntime } from './shell-runtime';
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

/**
 * What the commands hook into the layers below them: /bin, /sbin, /usr/bin and /usr/sbin list
 * the commands where `which` finds them; `tail -f` follows files with a full-screen program;
 * `ssh admin@<manager> -p 10000` reaches the Oracle VM Manager CLI. Idempotent.
 */
export function wireCommands(): void {
  setInstalledCommands(ALL);
  registerTailFollow((req) => tailFollow(req.files.map((f) => ({ path: normalizePath(f.path), display: f.name })), { headers: req.headers }));
  registerOvmCli(registerSshTarget);
}

/**
 * The registry of every command (wired on first use). `extra`: commands the engine provides
 * because they act on it, not on the world (undo, redo).
 */
export function createRegistry(specs: readonly CommandSpec[] = ALL, extra: readonly CommandSpec[] = []): Registry {
  if (specs === ALL) wireCommands();
  const map = new Map<string, CommandSpec>();
  for (const s of [...specs, ...extra]) {
    if (map.has(s.name)) throw new Error(`duplicate command ${s.name}`);
    map.set(s.name, s);
  }
  const sorted = [...map.keys()].sort();
  return { get: (n) => map.get(n), names: () => sorted, shell: shellRuntime };
}

/** What the engine loads after its first prompt: every command, with what they need loaded first (RE2). */
export async function loadRegistry(extra: readonly CommandSpec[] = []): Promise<Registry> {
  await loadRe2();
  return createRegistry(ALL, extra);
}
