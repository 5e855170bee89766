// `ssh admin@<manager> -p 10000`: the Oracle VM 3.x Manager CLI as a terminal program — the
// password prompt, the `OVM> ` prompt, one CLI command per line (src/sim/manager/cli.ts), and a
// wait for the job of an action before its Status is printed, as the real CLI does.
import { STRERROR } from '../../../sim/errno';
import { CLI_PORT, CLI_PROMPT, MANAGER_ADMIN_PASSWORD, jobBlock, runCli } from '../../../sim/manager/cli';
import { fail, type CommandContext, type CommandOutcome } from '../../types';
import type { Program, ProgramFactory } from '../../../programs/program';
import type { SshRequest, SshTarget } from '../net/ssh-targets';
import { managerHostTarget } from './manager-host';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** The Manager's names a server can reach it by. */
function isManager(ctx: CommandContext, host: string): boolean {
  const m = ctx.world.manager;
  return !!m && (host === m.hostname || host === m.ip || host.startsWith(`${m.hostname}.`));
}

function cliProgram(req: SshRequest): ProgramFactory {
  return (host) => {
    type State = { kind: 'password'; tries: number } | { kind: 'prompt' } | { kind: 'wait'; command: string; jobId: string } | { kind: 'done' };
    let state: State = { kind: 'password', tries: 0 };
    let line = '';
    const passwordPrompt = `${req.user}@${req.host}'s password: `;
    const world = () => host.sim.world;

    const finish = (code: number, text = '') => {
      host.write(crlf(text));
      state = { kind: 'done' };
      host.exit(code);
    };

    /** Runs a CLI line; prints its block and the next prompt, or starts waiting for its job. */
    const run = (text: string, oneShot: boolean) => {
      const m = world().manager;
      if (!m) return finish(255, `Connection to ${req.host} closed by remote host.\n`);
      const r = runCli(world(), m, text);
      if (r.kind === 'exit') return finish(0, `Connection to ${req.host} closed.\n`);
      if (r.kind === 'wait') {
        state = { kind: 'wait', command: r.command, jobId: r.jobId };
        waitTick(oneShot);
        return;
      }
      host.write(crlf(r.text));
      if (oneShot) return finish(0);
      host.write(CLI_PROMPT);
    };

    /** The job the CLI waits for: when it has ended, its block and the prompt. */
    const waitTick = (oneShot = req.command !== null) => {
      if (state.kind !== 'wait') return;
      const job = world().manager?.jobs.find((j) => j.id === (state as { jobId: string }).jobId);
      if (job && job.status !== 'Success' && job.status !== 'Failure') return;
      const text = job ? jobBlock(world(), state.command, job) : '';
      state = { kind: 'prompt' };
      host.write(crlf(text));
      if (oneShot) return finish(0);
      host.write(CLI_PROMPT);
    };

    const enter = () => {
      const text = line;
      line = '';
      if (state.kind === 'password') {
        host.write('\r\n');
        if (req.user === 'admin' && text === MANAGER_ADMIN_PASSWORD) {
          state = { kind: 'prompt' };
          if (req.command !== null) return run(req.command, true);
          host.write(CLI_PROMPT);
          return;
        }
        state.tries++;
        if (state.tries >= 3) return finish(255, 'Permission denied (publickey,password).\n');
        host.write(`Permission denied, please try again.\r\n${passwordPrompt}`);
        return;
      }
      if (state.kind === 'prompt') {
        host.write('\r\n');
        run(text, false);
      }
    };

    host.write(passwordPrompt);
    const program: Program = {
      onInput(data) {
        for (const ch of data) {
          if (state.kind === 'done') return;
          if (state.kind === 'wait') {
            // The CLI is busy with the job; only Ctrl-C gives the prompt back (the job goes on).
            if (ch === '\x03') {
              state = { kind: 'prompt' };
              host.write(`^C\r\n${CLI_PROMPT}`);
            }
            continue;
          }
          if (ch === '\r' || ch === '\n') enter();
          else if (ch === '\x03') {
            line = '';
            if (state.kind === 'password') return finish(130, '^C\n');
            host.write(`^C\r\n${CLI_PROMPT}`);
          } else if (ch === '\x04') {
            if (!line && state.kind === 'prompt') return finish(0, `\nConnection to ${req.host} closed.\n`);
          } else if (ch === '\x7f' || ch === '\b') {
            if (line) {
              line = line.slice(0, -1);
              if (state.kind === 'prompt') host.write('\b \b');
            }
          } else if (ch >= ' ') {
            line += ch;
            if (state.kind === 'prompt') host.write(ch);
          }
        }
      },
      onTick() {
        if (state.kind === 'wait') waitTick();
      },
    };
    return program;
  };
}

/** The ssh target of the Manager's CLI (registered by engine/wiring.ts). */
export const ovmCliTarget: SshTarget = {
  matches: (ctx, req) => req.port === CLI_PORT && isManager(ctx, req.host) && ctx.world.manager?.release === '3.4',
  connect(ctx, req): CommandOutcome {
    if (ctx.world.manager && !ctx.world.manager.up) return fail(`ssh: connect to host ${req.host} port ${req.port}: ${STRERROR.ECONNREFUSED}\n`, 255);
    return { stdout: '', stderr: '', exitCode: 0, program: cliProgram(req) };
  },
};

let registered = false;
/** Adds the CLI and the Manager's host to ssh's targets once (wiring may run several times in one process). */
export function registerOvmCli(register: (t: SshTarget) => void): void {
  if (registered) return;
  registered = true;
  register(ovmCliTarget);
  register(managerHostTarget);
}
