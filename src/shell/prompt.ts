// The bash prompt of an Oracle VM Server: `[root@HOST DIR]# `, DIR being `~` in root's home.
import type { ShellFrame } from './types';

export const HOME = '/root';

export function promptFor(frame: ShellFrame): string {
  const dir = frame.cwd === HOME ? '~' : frame.cwd === '/' ? '/' : frame.cwd.slice(frame.cwd.lastIndexOf('/') + 1);
  return `[root@${frame.host} ${dir}]# `;
}

export function newFrame(host: string): ShellFrame {
  return {
    host,
    cwd: HOME,
    env: { HOME, USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', HOSTNAME: host, PATH: '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:/root/bin', TERM: 'xterm' },
    // root's aliases on Oracle Linux 6 (/etc/profile.d/colorls.sh and which2.sh).
    aliases: { 'l.': 'ls -d .* --color=auto', ll: 'ls -l --color=auto', ls: 'ls --color=auto', which: 'alias | /usr/bin/which --tty-only --read-alias --show-dot --show-tilde' },
    lastExit: 0,
  };
}
