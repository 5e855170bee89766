// A terminal session on a real world and core with direct access to the world, for tests of the
// Xen commands that run as programs (shutdown -w, migrate, console, xentop) or change the world
// in ways a transcript cannot set up (a host of another pool, a full target).
import { SCENARIOS } from '../../../src/engine/scenarios';
import { loadCore } from '../../../src/sim/core/load-core';
import { advanceTo } from '../../../src/sim/tick';
import { createRegistry } from '../../../src/shell/registry';
import { TtySession, newSessionState } from '../../../src/tty/session';
import { plain } from '../../support/engine';
import type { Sim } from '../../../src/sim/sim';

export interface XenSession {
  sim: Sim;
  /** Types a line and Enter; returns what the terminal shows (ANSI stripped, echo and next prompt removed). */
  run(line: string): string;
  /** Raw keys; returns the raw bytes written. */
  keys(data: string): string;
  /** Advances the clock by whole seconds, ticking running programs; returns what they wrote (plain). */
  tick(seconds: number): string;
  /** True while a program owns the terminal. */
  busy(): boolean;
}

const PROMPT_AT_END = /\[root@[^\]\n]+\]# $/;

export async function xenSession(scenario = 'default', seed = 42, host?: string): Promise<XenSession> {
  const world = SCENARIOS[scenario]!(seed);
  const sim: Sim = { world, core: await loadCore() };
  const session = new TtySession(newSessionState('t', host ?? Object.keys(world.hosts)[0]!, 200, 40), () => sim, createRegistry(), () => {});
  session.attach();
  return {
    sim,
    run(line) {
      const out = plain(session.input(line + '\r'));
      const echoed = line + '\n';
      return (out.startsWith(echoed) ? out.slice(echoed.length) : out).replace(PROMPT_AT_END, '');
    },
    keys: (data) => session.input(data),
    tick(seconds) {
      let out = '';
      for (let i = 0; i < seconds; i++) {
        advanceTo(sim, sim.world.clockMs + 1000);
        out += session.tick();
      }
      return plain(out);
    },
    busy: () => session.busy,
  };
}
