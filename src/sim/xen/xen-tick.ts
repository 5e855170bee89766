// xend's work that takes time, advanced once per tick (listed in sim/tick.ts): guests finishing
// a requested shutdown or reboot, Windows guests rebooting on a blue screen, live migrations completing.
import { completeShutdown } from './domains';
import { finishMigration } from './migrate';
import { windowsBootTick } from './windows-boot';
import { domainCpu } from '../stats';
import type { Sim } from '../sim';

export function xenTick(sim: Sim, dtMs: number): void {
  const { world } = sim;
  for (const d of Object.values(world.domains)) {
    const x = d.xen;
    if (!x || d.host === null || d.domid === null) continue;
    if (x.pending) {
      // A paused guest cannot act on the request until it runs again.
      if (d.state === 'paused') x.pending.atMs += dtMs;
      else if (x.pending.atMs <= world.clockMs) completeShutdown(world, d);
    } else if (d.hvm && !x.migration) windowsBootTick(world, d);
    if (x.migration && d.host !== null && x.migration.endMs <= world.clockMs) {
      // The guest arrives with a new domid: carry its CPU time over from the core.
      d.cpuTimeS = domainCpu(sim, d).totalS;
      finishMigration(world, d);
    }
  }
}
