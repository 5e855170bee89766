// A terminal on a default world without the engine: a TtySession over the SAN commands plus the
// shell's file and text commands, with a clock to advance. Keeps storage tests independent of
// the engine's other subsystems.
import { newSessionState, TtySession } from '../../../src/tty/session';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { advanceTo } from '../../../src/sim/tick';
import { san } from '../../../src/shell/commands/san';
import { text } from '../../../src/shell/commands/text';
import { services } from '../../../src/shell/commands/services';
import { fs } from '../../../src/shell/commands/fs';
import { net } from '../../../src/shell/commands/net';
import type { CommandSpec, Registry } from '../../../src/shell/types';
import type { Sim } from '../../../src/sim/sim';
import type { WorldState } from '../../../src/sim/types';
import { plain } from '../../support/engine';

export function registryOf(specs: readonly CommandSpec[]): Registry {
  const map = new Map(specs.map((s) => [s.name, s]));
  const names = [...map.keys()].sort();
  return { get: (n) => map.get(n), names: () => names };
}

export interface Term {
  sim: Sim;
  world: WorldState;
  /** Types a line and Enter; returns what the screen shows after the echo, without the next prompt. */
  type(line: string): string;
  advance(seconds: number): string;
  lastExit(): number;
}

const PROMPT = /\[root@[^\]\n]+\]# $/;

export function term(seed = 42, host = 'ovs01', world: WorldState = buildDefaultWorld(seed)): Term {
  const sim = { world, core: {} } as unknown as Sim;
  const registry = registryOf([...san, ...text, ...services, ...fs, ...net]);
  const state = newSessionState('t', host, 100, 24);
  const s = new TtySession(state, () => sim, registry, () => {});
  s.attach();
  return {
    sim,
    world,
    type(line) {
      const out = plain(s.input(line + '\r'));
      const body = out.startsWith(line + '\n') ? out.slice(line.length + 1) : out;
      return body.replace(PROMPT, '');
    },
    advance(seconds) {
      advanceTo(sim, world.clockMs + seconds * 1000);
      return plain(s.tick());
    },
    lastExit: () => state.frames[state.frames.length - 1]!.lastExit,
  };
}
