// The tick system that feeds domains' CPU time: mirrors the world's hosts and domains into the
// core (sim/core/sync-xen.ts), ticks the core (credit scheduler, block I/O with path selection) and
// copies the cumulative CPU times back into the world. Without a core (test harnesses that pass
// none) guests simply consume their demand, scaled down when their host is oversubscribed.
import { syncXen, writeBackCpu } from '../core/sync-xen';
import { pcpuCount } from '../scenario/hosts';
import type { Sim } from '../sim';

export function accountCpu(sim: Sim, dtMs: number): void {
  if (sim.core && typeof sim.core.tick === 'function') {
    syncXen(sim);
    sim.core.tick(dtMs);
    writeBackCpu(sim);
    return;
  }
  const { world } = sim;
  const dt = dtMs / 1000;
  for (const host of Object.values(world.hosts)) {
    const guests = Object.values(world.domains).filter((d) => d.host === host.name && d.domid !== null && (d.state === 'running' || d.state === 'blocked'));
    const demand = guests.reduce((n, d) => n + d.vcpus * d.workload.cpuDemand, 0);
    const scale = Math.min(1, pcpuCount(host) / (demand + 0.3 || 1));
    for (const d of guests) d.cpuTimeS += d.vcpus * d.workload.cpuDemand * scale * dt;
    host.dom0CpuS += 0.3 * scale * dt;
  }
}
