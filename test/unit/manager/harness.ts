// A default world with its Manager and a real core, a shell on it, and the clock, for the Manager's tests.
import { SCENARIOS } from '../../../src/engine/scenarios';
import { withManager } from '../../../src/sim/manager/install';
import { loadCore } from '../../../src/sim/core/load-core';
import { advanceTo } from '../../../src/sim/tick';
import { createRegistry } from '../../../src/shell/registry';
import { TtySession, newSessionState } from '../../../src/tty/session';
import { plain } from '../../support/engine';
import type { Sim } from '../../../src/sim/sim';
import type { ManagerState } from '../../../src/sim/manager/types';

export interface MgrHarness {
  sim: Sim;
  m: ManagerState;
  /** Types a line on `host` (default: the first server); returns the output without echo and prompt. */
  run(line: string, host?: string): string;
  tick(seconds: number): void;
  /** Advances the clock; returns what programs on `host`'s terminal wrote meanwhile (plain). */
  tickOut(seconds: number, host?: string): string;
}

const PROMPT_AT_END = /\[root@[^\]\n]+\]# $/;

export async function mgrHarness(scenario = 'default', seed = 42): Promise<MgrHarness> {
  const world = withManager(SCENARIOS[scenario]!(seed));
  const sim: Sim = { world, core: await loadCore() };
  const registry = createRegistry();
  const sessions = new Map<string, TtySession>();
  const session = (host: string) => {
    let s = sessions.get(host);
    if (!s) {
      s = new TtySession(newSessionState(`t-${host}`, host, 200, 40), () => sim, registry, () => {});
      s.attach();
      sessions.set(host, s);
    }
    return s;
  };
  return {
    sim,
    m: world.manager!,
    run(line, host = Object.keys(world.hosts)[0]!) {
      const out = plain(session(host).input(line + '\r'));
      const echoed = line + '\n';
      return (out.startsWith(echoed) ? out.slice(echoed.length) : out).replace(PROMPT_AT_END, '');
    },
    tick(seconds) {
      for (let i = 0; i < seconds; i++) advanceTo(sim, sim.world.clockMs + 1000);
    },
    tickOut(seconds, host = Object.keys(world.hosts)[0]!) {
      let out = '';
      for (let i = 0; i < seconds; i++) {
        advanceTo(sim, sim.world.clockMs + 1000);
        out += session(host).tick();
      }
      return plain(out);
    },
  };
}
