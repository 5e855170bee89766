// Where each command lives on an Oracle Linux 6 dom0, for `type`, `which` and running a command
// by path (`/usr/sbin/xm list`), and which ones are bash builtins. Unlisted commands are in /usr/bin.
// The same table generates /bin, /sbin, /usr/bin and /usr/sbin, so `ls` agrees with `which`;
// release-specific tools exist only in their release.
import { registerGeneratedTree } from '../sim/vfs';
import type { FsNode, HostState, Release } from '../sim/types';

export const BUILTINS: ReadonlySet<string> = new Set([
  'alias', 'bg', 'cd', 'echo', 'eval', 'exec', 'exit', 'export', 'false', 'fg', 'hash', 'help', 'history', 'jobs', 'kill',
  'logout', 'printf', 'pwd', 'read', 'set', 'shift', 'source', 'test', 'times', 'trap', 'true', 'type', 'ulimit', 'umask',
  'unalias', 'unset', 'wait', '.', '[', 'break', 'continue', ':',
]);

const DIRS: Record<string, readonly string[]> = {
  '/bin': ['stty', 'awk', 'basename', 'bash', 'cat', 'chmod', 'chown', 'cp', 'cut', 'date', 'df', 'dmesg', 'echo', 'egrep', 'false', 'fgrep', 'gawk', 'grep', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'more', 'mount', 'mv', 'netstat', 'nano', 'ping', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sh', 'sleep', 'sort', 'sync', 'touch', 'true', 'umount', 'uname', 'vi'],
  '/sbin': ['pidof', 'blockdev', 'chkconfig', 'fdisk', 'ifconfig', 'ip', 'kpartx', 'mkfs.ocfs2', 'mounted.ocfs2', 'multipath', 'multipathd', 'reboot', 'service', 'shutdown', 'tunefs.ocfs2', 'dmsetup', 'fsck.ocfs2', 'halt', 'poweroff', 'lsmod', 'modprobe'],
  '/usr/sbin': ['brctl', 'xentop', 'xm', 'xl', 'xend', 'ovs-agent-db', 'lsof', 'tcpdump', 'virt-install'],
  '/opt/ovs-agent-2.3/utils': ['repos.py', 'do_rpc.py'],
  '/etc/rc.d/init.d': ['naviagent'],
};

const PATH_OF = new Map<string, string>();
for (const [dir, names] of Object.entries(DIRS)) for (const n of names) PATH_OF.set(n, `${dir}/${n}`);

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

/** Tools of one release only (OVM 2.2's repos.py, do_rpc.py and virt-install, OVM 3's ovs-agent-db …). */
const RELEASE_ONLY: Record<string, Release> = {
  'repos.py': 'ovm22',
  'do_rpc.py': 'ovm22',
  'system-config-securitylevel': 'ovm22',
  'virt-install': 'ovm22',
  'ovs-agent-db': 'ovm34',
  xl: 'ovm34',
};

/** Where a command is installed on a host of `release`, or null when that release has none. */
export function installedPath(name: string, release: Release): string | null {
  const only = RELEASE_ONLY[name];
  return only && only !== release ? null : commandPath(name);
}

/** Programs of the shell's builtins that also exist as files (coreutils, procps). */
const BUILTIN_FILES = new Set(['echo', 'false', 'kill', 'printf', 'pwd', 'test', 'true', '[']);
const GENERATED_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin'] as const;
/** Files every dom0 has there besides the simulated commands (what vm.cfg files name). */
const EXTRA_FILES: Record<string, readonly string[]> = { '/usr/bin': ['pygrub', 'python'], '/usr/sbin': ['ovs-agent'] };

let dirsRegistered = false;
/** The registry's command names, set when the commands load (the directories exist before that). */
let installed: readonly string[] = [];

/** The commands the binary directories list: the registry's names (shell/registry.ts wireCommands). */
export function setInstalledCommands(names: readonly string[]): void {
  installed = names;
}

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
        for (const n of installed) {
          if (BUILTINS.has(n) && !BUILTIN_FILES.has(n)) continue;
          const p = installedPath(n, host.release);
          if (p && p.slice(0, p.lastIndexOf('/')) === dir) add(n);
        }
        for (const n of EXTRA_FILES[dir] ?? []) add(n);
        return { type: 'dir', mode: 0o755, mtimeMs: host.bootMs, children };
      },
    });
  }
}
