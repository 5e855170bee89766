// A terminal on a default world without the engine or a core: the SAN commands plus the shell's
// file, text, service and network commands, with a clock to advance. Keeps storage tests
// independent of the engine's other subsystems. Built on the one test harness (test/support).
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { san } from '../../../src/shell/commands/san';
import { text } from '../../../src/shell/commands/text';
import { services } from '../../../src/shell/commands/services';
import { fs } from '../../../src/shell/commands/fs';
import { net } from '../../../src/shell/commands/net';
import { makeSimSync, registryOf, terminal } from '../../support/harness';
import type { Sim } from '../../../src/sim/sim';
import type { WorldState } from '../../../src/sim/types';

export { registryOf } from '../../support/harness';

export interface Term {
  sim: Sim;
  world: WorldState;
  /** Types a line and Enter; returns what the screen shows after the echo, without the next prompt. */
  type(line: string): string;
  advance(seconds: number): string;
  lastExit(): number;
}

export function term(seed = 42, host = 'ovs01', world: WorldState = buildDefaultWorld(seed)): Term {
  const sim = makeSimSync({ world, core: 'none' });
  const registry = registryOf([...san, ...text, ...services, ...fs, ...net]);
  const t = terminal(sim, { host, cols: 100, rows: 24, registry });
  return {
    sim,
    world,
    type: t.run,
    advance: t.advance,
    lastExit: t.lastExit,
  };
}
