// What the first terminal of a host shows while that host reboots: the login is gone, typing
// does nothing, and when the host is up again a new login starts (its "Last login" banner).
// Started by the tty session when it sees its host go down.
import { wallTime } from '../sim/clock';
import { loginBanner } from '../sim/motd';
import type { Program, ProgramFactory } from './program';

// Where the login banner's first line used to live; the Manager host's login still imports it here.
export { lastLoginLine } from '../sim/motd';

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
        // The previous login is the one the reboot ended.
        host.write(loginBanner(world, hostName, undefined, wallTime(world).getTime() - lastLogin.getTime()).replace(/\n/g, '\r\n'));
        host.exit(0);
      },
    };
    return program;
  };
}
