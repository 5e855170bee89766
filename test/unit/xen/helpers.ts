// A terminal session on a real world and core with direct access to the world, for tests of the
// Xen commands that run as programs (shutdown -w, migrate, console, xentop) or change the world
// in ways a transcript cannot set up. Built on the one test harness (test/support/harness.ts).
import { makeSim, terminal, type Terminal } from '../../support/harness';

export type XenSession = Terminal;

export async function xenSession(scenario = 'default', seed = 42, host?: string): Promise<XenSession> {
  return terminal(await makeSim({ scenario, seed }), host === undefined ? {} : { host });
}
