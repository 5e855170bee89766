// ssh: OpenSSH 5.3 (OL6, OVM 3.x) or 4.3 (EL5, OVM 2.x) to another server of the pool. With a
// command it runs there in a non-interactive bash and the caller stays where it is (as
// `for h in ovs01 ovs02; do ssh $h …; done` needs); without one it opens a login shell there.
import { STRERROR } from '../../../sim/errno';
import { serviceState } from '../../../sim/services';
import { loginBanner } from '../../../sim/motd';
import { getHost, hostNames } from '../../../sim/world';
import { runLineToEnd } from '../../executor';
import { newFrame } from '../../prompt';
import { defineCommand, fail, type CommandContext, type CommandOutcome } from '../../types';
import { dialogue } from '../dialogue';
import { findSshTarget, type SshRequest } from './ssh-targets';

const USAGE_53 = `usage: ssh [-1246AaCfgKkMNnqsTtVvXxYy] [-b bind_address] [-c cipher_spec]
           [-D [bind_address:]port] [-e escape_char] [-F configfile]
           [-i identity_file] [-L [bind_address:]port:host:hostport]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-R [bind_address:]port:host:hostport] [-S ctl_path]
           [-W host:port] [-w local_tun[:remote_tun]]
           [user@]hostname [command]
`;
const USAGE_43 = `usage: ssh [-1246AaCfgkMNnqsTtVvXxY] [-b bind_address] [-c cipher_spec]
           [-D [bind_address:]port] [-e escape_char] [-F configfile]
           [-i identity_file] [-L [bind_address:]port:host:hostport]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-R [bind_address:]port:host:hostport] [-S ctl_path]
           [-w tunnel:tunnel] [user@]hostname [command]
`;

/** The getopt strings of the two clients (ssh.c), split into flags and options taking a value. */
const OPTS = {
  ovm34: { flags: '1246afgkMNnqsTtVvXxACKYy', withArg: 'bceiIlmopDFLORSwW' },
  ovm22: { flags: '1246afgkMNnqsTtVvXxACY', withArg: 'bceiIlmopDFLORSw' },
};

/** The authentication methods a dom0's sshd offers (UsePAM, GSSAPI on in both releases). */
const METHODS = 'publickey,gssapi-with-mic,password';

interface Parsed {
  req: SshRequest;
  quiet: boolean;
}

function parse(ctx: CommandContext): Parsed | CommandOutcome {
  const old = ctx.host.release === 'ovm22';
  const usage = old ? USAGE_43 : USAGE_53;
  const { flags, withArg } = old ? OPTS.ovm22 : OPTS.ovm34;
  let user: string | null = null;
  let host: string | null = null;
  let port = 22;
  let tty = false;
  let quiet = false;
  const args = ctx.args;
  let i = 0;
  // ssh.c parses options, takes the host, then parses options again up to the command.
  while (i < args.length) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      if (host === null && i < args.length) host = args[i++]!;
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (withArg.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return fail(`ssh: option requires an argument -- ${c}\n${usage}`, 255);
          if (c === 'l') user = v;
          else if (c === 'p') {
            const n = /^\d+$/.test(v) ? Number(v) : NaN;
            if (!(n > 0 && n < 65536)) return fail('Bad port.\n', 255);
            port = n;
          }
          break;
        }
        if (!flags.includes(c)) return fail(`ssh: illegal option -- ${c}\n${usage}`, 255);
        if (c === 't') tty = true;
        else if (c === 'T') tty = false;
        else if (c === 'q') quiet = true;
      }
      i++;
      continue;
    }
    if (host !== null) break;
    host = a;
    i++;
  }
  if (host === null) return fail(usage, 255);
  const at = host.lastIndexOf('@');
  if (at >= 0) {
    user ??= host.slice(0, at);
    host = host.slice(at + 1);
  }
  const command = i < args.length ? args.slice(i).join(' ') : null;
  return { req: { user: user ?? 'root', host, port, command, tty }, quiet };
}

/** `ssh HOST COMMAND`: the command in a fresh non-interactive bash on HOST; output and status come back. */
function runRemote(ctx: CommandContext, hostName: string, req: SshRequest, quiet: boolean): CommandOutcome {
  const frame = newFrame(hostName);
  // A non-interactive shell expands no aliases (root's aliases live in interactive profiles).
  frame.aliases = {};
  // What is piped into ssh is the remote command's standard input: a here-document of the group.
  const stdin = ctx.stdin ? (ctx.stdin.endsWith('\n') ? ctx.stdin : ctx.stdin + '\n') : '';
  const line = stdin ? `{ ${req.command}\n} <<'__SSH_STDIN__'\n${stdin}__SSH_STDIN__\n` : req.command!;
  const r = runLineToEnd({ sim: ctx.sim, registry: ctx.registry, frame, cols: ctx.cols, rows: ctx.rows, history: [] }, line);
  // bash run by sshd for a command is not a login shell: its messages say `bash:`, not `-bash:`.
  let out = r.output.replace(/^-bash: /gm, 'bash: ');
  let code = r.exitCode;
  if (r.program) {
    // A full-screen program needs the terminal of this session, which a remote command has not.
    out += 'Error opening terminal: unknown.\n';
    code = 1;
  }
  const closed = req.tty && !quiet ? `Connection to ${req.host} closed.\n` : '';
  return { stdout: out, stderr: closed, exitCode: code };
}

function login(ctx: CommandContext, hostName: string, from: string): CommandOutcome {
  return { stdout: loginBanner(ctx.world, hostName, from), stderr: '', exitCode: 0, action: { kind: 'ssh', host: hostName } };
}

/** A user without an account or key: sshd asks three times for a password, then gives up. */
function passwordRefused(req: SshRequest): CommandOutcome {
  const prompt = `${req.user}@${req.host}'s password: `;
  return dialogue((answers) => {
    if (answers.length === 0) return { ask: { prompt, secret: true } };
    if (answers[answers.length - 1] === null || answers.length >= 3) return { say: `Permission denied (${METHODS}).\n`, exitCode: 255 };
    return { say: 'Permission denied, please try again.\n', ask: { prompt, secret: true } };
    // ssh reads a password from the terminal (/dev/tty), never from its standard input.
  }, '');
}

export const ssh = defineCommand({
  name: 'ssh',
  summary: 'log in to another server of the pool, or run a command there',
  man: { section: 1, name: 'OpenSSH SSH client (remote login program)', synopsis: ['ssh [user@]hostname [command]'], description: ['ssh is a program for logging into a remote machine. Here it opens a shell on another server of the pool; exit returns.'] },
  usage: 'ssh [-l login_name] [-p port] [-t] [user@]hostname [command]',
  complete: (c, words, cur) => (words.length ? [] : hostNames(c.world).filter((n) => n.startsWith(cur))),
  run(ctx) {
    const p = parse(ctx);
    if (!('req' in p)) return p;
    const { req, quiet } = p;
    const special = findSshTarget(ctx, req);
    if (special) return special.connect(ctx, req);
    const old = ctx.host.release === 'ovm22';
    const host = getHost(ctx.world, req.host);
    if (!host) return fail(old ? `ssh: ${req.host}: Name or service not known\n` : `ssh: Could not resolve hostname ${req.host}: Name or service not known\n`, 255);
    if (host.down) return fail(`ssh: connect to host ${req.host} port ${req.port}: ${STRERROR.EHOSTUNREACH}\n`, 255);
    if (req.port !== 22 || serviceState(host, 'sshd') !== 'running') return fail(`ssh: connect to host ${req.host} port ${req.port}: ${STRERROR.ECONNREFUSED}\n`, 255);
    if (req.user !== 'root') return passwordRefused(req);
    if (req.command !== null) return runRemote(ctx, host.name, req, quiet);
    return login(ctx, host.name, ctx.host.ip);
  },
});
