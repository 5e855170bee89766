// The Manager's tick system (registered in sim/tick.ts): its own watch over the servers, then jobs.
import type { Sim } from '../sim';
import { watchServers } from './ha';
import { jobsTick } from './jobs';
import { autoBackupTick } from './dbbackup';

export function managerTick(sim: Sim): void {
  const m = sim.world.manager;
  if (!m) return;
  watchServers(sim.world, m);
  autoBackupTick(sim.world, m);
  jobsTick(sim);
}
