// Where each command lives on an Oracle Linux 6 dom0, for `type`, `which` and running a command
// by path (`/usr/sbin/xm list`), as its spec says (`dir`, `release`, `builtin`; /usr/bin when it
// names none). The same data generates /bin, /sbin, /usr/bin and /usr/sbin, so `ls` agrees with
// `which`; release-specific tools exist only in their release.
import { registerGeneratedTree } from '../sim/vfs';
import type { FsNode, HostState, Release } from '../sim/types';
import type { CommandSpec } from './types';

/** Each command's program path and release, from its spec (setInstalledCommands, when the commands load). */
const PATH_OF = new Map<string, string>();
const RELEASE_OF = new Map<string, Release>();
/** The registry's specs: what the binary directories list. */
let installed: readonly CommandSpec[] = [];

/** The commands the binary directories list and `which` finds, as their specs say (shell/registry.ts wireCommands). */
export function setInstalledCommands(specs: readonly CommandSpec[]): void {
  installed = specs;
  PATH_OF.clear();
  RELEASE_OF.clear();
  for (const s of specs) {
    PATH_OF.set(s.name, `${s.dir ?? '/usr/bin'}/${s.name}`);
    if (s.release) RELEASE_OF.set(s.name, s.release);
  }
}

/** The absolute path `which` reports for a command of the registry. */
export const commandPath = (name: string): string => PATH_OF.get(name) ?? `/usr/bin/${name}`;

/** The directories of root's PATH on dom0, in order. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:/root/bin';

/** For `/usr/sbin/xm`: the command name when the path is where that command lives. */
export function commandAtPath(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!name) return undefined;
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  const real = commandPath(name);
  const realDir = real.slice(0, real.lastIndexOf('/'));
  // /bin and /usr/bin hold the same programs for our purposes; so do /sbin and /usr/sbin.
  const same = (a: string, b: string) => a.replace(/^\/usr/, '') === b.replace(/^\/usr/, '');
  return same(dir, realDir) ? name : undefined;
}

/** Where a command is installed on a host of `release`, or null when that release has none. */
export function installedPath(name: string, release: Release): string | null {
  const only = RELEASE_OF.get(name);
  return only && only !== release ? null : commandPath(name);
}

const GENERATED_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin'] as const;
/** Files every dom0 has there besides the simulated commands (what vm.cfg files name). */
const EXTRA_FILES: Record<string, readonly string[]> = { '/usr/bin': ['pygrub', 'python'], '/usr/sbin': ['ovs-agent'] };

let dirsRegistered = false;
/**
 * Generates the binary directories from the registry's command names (once per process). Wired
 * with the world (engine/wiring.ts), before any world is built: whether they are generated decides
 * how a scenario's files under /usr/bin land, so it must never depend on the commands' loading.
 */
export function registerCommandDirs(): void {
  if (dirsRegistered) return;
  dirsRegistered = true;
  for (const dir of GENERATED_DIRS) {
    registerGeneratedTree(dir, {
      build(_world, host: HostState): FsNode {
        const children: Record<string, FsNode> = Object.create(null);
        const add = (n: string) => (children[n] = { type: 'file', mode: 0o755, mtimeMs: host.bootMs, content: '' });
        for (const { name: n, builtin } of installed) {
          if (builtin === 'only') continue;
          const p = installedPath(n, host.release);
          if (p && p.slice(0, p.lastIndexOf('/')) === dir) add(n);
        }
        for (const n of EXTRA_FILES[dir] ?? []) add(n);
        return { type: 'dir', mode: 0o755, mtimeMs: host.bootMs, children };
      },
    });
  }
}
