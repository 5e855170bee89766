// CPU time accounting per tick. Until the credit scheduler core drives it, each running guest
// consumes its demand, scaled down when the host's pCPUs are oversubscribed.
import { pcpuCount } from '../scenario/hosts';
import type { Sim } from '../sim';

export function accountCpu(sim: Sim, dtMs: number): void {
  const { world } = sim;
  const dt = dtMs / 1000;
  for (const host of Object.values(world.hosts)) {
    const guests = Object.values(world.domains).filter((d) => d.host === host.name && d.domid !== null && d.state !== 'paused');
    const demand = guests.reduce((n, d) => n + d.vcpus * d.workload.cpuDemand, 0);
    const dom0Demand = 0.3;
    const scale = Math.min(1, pcpuCount(host) / (demand + dom0Demand || 1));
    for (const d of guests) d.cpuTimeS += d.vcpus * d.workload.cpuDemand * scale * dt;
    host.dom0CpuS += dom0Demand * scale * dt;
  }
}
