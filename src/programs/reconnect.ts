// What the first terminal of a host shows while that host reboots: the login is gone, typing
// does nothing, and when the host is up again a new login starts (its "Last login" banner).
// Started by the tty session when it sees its host go down.
import { wallTime } from '../sim/clock';
import type { Program, ProgramFactory } from './program';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** sshd's banner: `Last login: Tue Mar  3 09:12:44 2026 from 10.10.10.1`. */
export function lastLoginLine(d: Date, from: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `Last login: ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()} from ${from}`;
}

export function reconnectProgram(hostName: string): ProgramFactory {
  return (host) => {
    const world = host.sim.world;
    const lastLogin = wallTime(world);
    host.write(`\x1b[2m[${hostName} is rebooting: a new login opens when it is up again]\x1b[0m\r\n`);
    let done = false;
    const program: Program = {
      onInput() {
        // Nothing is listening while the host is down.
      },
      onTick() {
        if (done || world.hosts[hostName]?.down) return;
        done = true;
        host.write(`${lastLoginLine(lastLogin, '10.10.10.1')}\r\n`);
        host.exit(0);
      },
    };
    return program;
  };
}
