// Advances a simulation on the tick grid. Each subsystem that reacts to time registers here,
// in one visible list, in the order they run each tick.
import { TICK_MS, alignToTick } from './clock';
import { accountCpu } from './xen/cpu-accounting';
import { xenTick } from './xen/xen-tick';
import { storageTick } from './storage/multipath/multipathd';
import { powerTick } from './power';
import { ocfs2Tick } from './storage/ocfs2/ocfs2-tick';
import { managerTick } from './manager/tick';
import type { Sim } from './sim';

type TickSystem = (sim: Sim, dtMs: number) => void;

const SYSTEMS: readonly TickSystem[] = [powerTick, accountCpu, xenTick, storageTick, ocfs2Tick, managerTick];

/** Runs whole ticks until the clock reaches `targetMs` (rounded down to the grid). Returns ticks run. */
export function advanceTo(sim: Sim, targetMs: number): number {
  const target = alignToTick(targetMs);
  let n = 0;
  while (sim.world.clockMs < target) {
    sim.world.clockMs += TICK_MS;
    for (const system of SYSTEMS) system(sim, TICK_MS);
    n++;
  }
  return n;
}
