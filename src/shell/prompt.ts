// The bash prompt of an Oracle VM Server: `[root@HOST DIR]# `, DIR being `~` in root's home.
import { dict } from '../lib/own';
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
    // A login shell's environment on OL6, in the order `env` prints it.
    env: dict({
      HOSTNAME: host,
      TERM: 'xterm',
      SHELL: '/bin/bash',
      HISTSIZE: '1000',
      USER: 'root',
      MAIL: '/var/spool/mail/root',
      PATH: '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:/root/bin',
      PWD: HOME,
      LANG: 'en_US.UTF-8',
      SHLVL: '1',
      HOME,
      LOGNAME: 'root',
      G_BROKEN_FILENAMES: '1',
    }),
    // root's aliases on Oracle Linux 6 (/etc/profile.d/colorls.sh and which2.sh).
    aliases: dict({ 'l.': 'ls -d .* --color=auto', ll: 'ls -l --color=auto', ls: 'ls --color=auto', which: 'alias | /usr/bin/which --tty-only --read-alias --show-dot --show-tilde' }),
    lastExit: 0,
  };
}

/**
 * The same frame with its name-keyed tables as null-prototype objects (lib/own.ts): frames read
 * back from a snapshot are plain JSON objects, where `__proto__` or `constructor` would not be names.
 */
export function ownFrame(f: ShellFrame): ShellFrame {
  f.env = dict(f.env);
  f.aliases = dict(f.aliases);
  if (f.vars) f.vars = dict(f.vars);
  if (f.functions) f.functions = dict(f.functions);
  if (f.locals) f.locals = f.locals.map((s) => dict(s));
  return f;
}

/** A copy of the shell for a subshell, pipeline stage, substitution or script. */
export function forkFrame(f: ShellFrame): ShellFrame {
  return { ...f, env: dict(f.env), aliases: dict(f.aliases), ...(f.vars && { vars: dict(f.vars) }), ...(f.functions && { functions: dict(f.functions) }) };
}
