// A blocking xm client (shutdown -w, migrate, save …) as a terminal program: it polls the world
// once per clock tick, like the real client's time.sleep(1) loop. xm sets SIGINT to SIG_DFL, so
// Ctrl-C kills it on the spot (the tty echoes ^C, exit 130); what xend started carries on.
import type { Sim } from '../../../sim/sim';
import type { ProgramFactory } from '../../../programs/program';

export interface PollResult {
  /** Text printed by this poll ('\n' line ends). */
  out: string;
  done: boolean;
  exitCode?: number;
  /** Printed to stderr when done (same terminal). */
  err?: string;
}

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

export function pollProgram(poll: (sim: Sim) => PollResult): ProgramFactory {
  return (host) => {
    let finished = false;
    return {
      signalsOnly: true,
      onInput(data) {
        if (finished || !data.includes('\x03')) return;
        finished = true;
        host.write('^C\r\n');
        host.exit(130);
      },
      onTick() {
        if (finished) return;
        const r = poll(host.sim);
        if (r.out) host.write(crlf(r.out));
        if (r.done) {
          finished = true;
          if (r.err) host.write(crlf(r.err));
          host.exit(r.exitCode ?? 0);
        }
      },
    };
  };
}
