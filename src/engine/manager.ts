// The engine's side of the Oracle VM Manager tab: the Manager view (plain JSON, built from the
// Manager's database, never from the world's reality) and the push of a new view when it changed.
import { buildManagerView, type ManagerView } from '../sim/manager/view';
import type { Sim } from '../sim/sim';
import type { EngineEvent } from './types';

export type { ManagerView } from '../sim/manager/view';

export function createManagerHost() {
  let lastRev = -1;
  let lastSim: Sim | null = null;

  return {
    /** The view now, or null when the world has no Manager. */
    view(sim: Sim | null): ManagerView | null {
      const m = sim?.world.manager;
      return sim && m ? buildManagerView(sim.world, m) : null;
    },

    /** Pushes a `manager` event when the database changed (or the world was replaced) since the last push. */
    changed(sim: Sim | null, emit: (e: EngineEvent) => void): void {
      const m = sim?.world.manager;
      if (!sim || !m || (m.rev === lastRev && sim === lastSim)) return;
      lastRev = m.rev;
      lastSim = sim;
      emit({ type: 'manager', view: buildManagerView(sim.world, m) });
    },
  };
}
