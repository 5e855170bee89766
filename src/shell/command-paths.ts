// Where each command lives on an Oracle Linux 6 dom0, for `type`, `which` and running a command
// by path (`/usr/sbin/xm list`), and which ones are bash builtins. Unlisted commands are in /usr/bin.

export const BUILTINS: ReadonlySet<string> = new Set([
  'alias', 'bg', 'cd', 'echo', 'eval', 'exec', 'exit', 'export', 'false', 'fg', 'hash', 'help', 'history', 'jobs', 'kill',
  'logout', 'printf', 'pwd', 'read', 'set', 'shift', 'source', 'test', 'times', 'trap', 'true', 'type', 'ulimit', 'umask',
  'unalias', 'unset', 'wait', '.', '[', 'break', 'continue', ':',
]);

const DIRS: Record<string, readonly string[]> = {
  '/bin': ['stty', 'awk', 'basename', 'bash', 'cat', 'chmod', 'chown', 'cp', 'cut', 'date', 'df', 'dmesg', 'echo', 'egrep', 'false', 'fgrep', 'gawk', 'grep', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'more', 'mount', 'mv', 'netstat', 'nano', 'ping', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sh', 'sleep', 'sort', 'sync', 'touch', 'true', 'umount', 'uname', 'vi'],
  '/sbin': ['pidof', 'blockdev', 'chkconfig', 'fdisk', 'ifconfig', 'ip', 'kpartx', 'mkfs.ocfs2', 'mounted.ocfs2', 'multipath', 'multipathd', 'reboot', 'service', 'shutdown', 'tunefs.ocfs2', 'dmsetup', 'fsck.ocfs2', 'halt', 'poweroff', 'lsmod', 'modprobe'],
  '/usr/sbin': ['brctl', 'xentop', 'xm', 'xl', 'xend', 'ovs-agent-db', 'lsof', 'tcpdump'],
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
