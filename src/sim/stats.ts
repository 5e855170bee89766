// Read-only numbers the core computes, as the tools show them (xm list, xentop, multipathd,
// labs). Renderers and checks read through here, never from core tables directly, so the
// core's layout can change freely. Each accessor first mirrors the domain/host into the core
// (cheap when nothing changed), so figures are right even before the first tick. Without a core
// (a test harness passing none) the figures come from the world.
import { syncDomain, syncHost, vbdHandle } from './core/sync-xen';
import type { CoreVbdCounters, Handle, HostCpu, SimCore } from './core/types';
import type { Sim } from './sim';
import type { DomainState, HostState } from './types';

export interface DomainCpu {
  /** Cumulative CPU seconds over all vCPUs (xm list Time(s), xentop CPU(sec)). */
  totalS: number;
  /** Cumulative CPU seconds per vCPU, one entry per possible vCPU (maxvcpus); offline ones keep their time. */
  perVcpuS: number[];
  /** Physical CPU each vCPU ran on last (-1 when offline or never run). */
  perVcpuPcpu: number[];
  /** Fraction of the last tick each vCPU ran (0..1): a vCPU that ran is the one `xm vcpu-list` may show `r`. */
  perVcpuBusy: number[];
  /** CPU% over the last tick, summed over vCPUs (up to 100 × vCPUs). xentop computes its own from CPU(sec) deltas. */
  lastTickPct: number;
}

export interface VbdCounters {
  readReqs: number;
  writeReqs: number;
  readSectors: number;
  writeSectors: number;
  /** Requests refused while the ring was full (xentop VBD_OO). */
  ooReqs: number;
  /** Requests failed with an I/O error (no usable path). */
  errors: number;
  /** Mean latency of recent requests, ms. */
  latencyMs: number;
  /** Accepted and waiting (a queueing multipath map with no path). */
  pending: number;
}

export interface VifCounters {
  txBytes: number;
  rxBytes: number;
  txPkts: number;
  rxPkts: number;
}

const hasCore = (core: SimCore | null | undefined): core is SimCore => !!core && typeof (core as Partial<SimCore>).tick === 'function';

function cpuOf(core: SimCore, h: Handle): DomainCpu {
  const v = core.domainVcpus(h);
  return { totalS: core.domainCpuS(h), perVcpuS: v.timeS, perVcpuPcpu: v.pcpu, perVcpuBusy: v.busy, lastTickPct: core.domainShare(h) * 100 };
}

function worldCpu(totalS: number, vcpus: number, online: number): DomainCpu {
  const share = online > 0 ? totalS / online : 0;
  return {
    totalS,
    perVcpuS: Array.from({ length: vcpus }, (_, i) => (i < online ? share : 0)),
    perVcpuPcpu: Array.from({ length: vcpus }, (_, i) => (i < online ? i : -1)),
    perVcpuBusy: Array.from({ length: vcpus }, () => 0),
    lastTickPct: 0,
  };
}

export function domainCpu(sim: Sim, d: DomainState): DomainCpu {
  const vmax = Math.max(1, d.maxVcpus, d.vcpus);
  if (!hasCore(sim.core)) return worldCpu(d.cpuTimeS, vmax, d.vcpus);
  const h = syncDomain(sim, d);
  if (h < 0) return worldCpu(d.cpuTimeS, vmax, 0);
  return cpuOf(sim.core, h);
}

export function dom0Cpu(sim: Sim, h: HostState): DomainCpu {
  if (!hasCore(sim.core)) return worldCpu(h.dom0CpuS, h.dom0Vcpus, h.dom0Vcpus);
  return cpuOf(sim.core, syncHost(sim, h).dom0);
}

/** A host's pCPU count, utilisation over the last tick and cumulative busy time (dom0 included). */
export function hostCpu(sim: Sim, h: HostState): HostCpu {
  if (!hasCore(sim.core)) return { pcpus: h.cpu.sockets * h.cpu.coresPerSocket * h.cpu.threadsPerCore, utilisation: 0, busyS: 0 };
  return sim.core.hostCpu(syncHost(sim, h).h);
}

const ZERO_VBD: VbdCounters = { readReqs: 0, writeReqs: 0, readSectors: 0, writeSectors: 0, ooReqs: 0, errors: 0, latencyMs: 0, pending: 0 };

/** Counters of a running domain's disk `vbdIndex` (its `disks` order); zeros when not running. */
export function vbdCounters(sim: Sim, d: DomainState, vbdIndex: number): VbdCounters {
  if (!hasCore(sim.core)) return { ...ZERO_VBD };
  const v = vbdHandle(sim, d, vbdIndex);
  if (v < 0) return { ...ZERO_VBD };
  const c: CoreVbdCounters = sim.core.vbdCounters(v);
  return { readReqs: c.readReqs, writeReqs: c.writeReqs, readSectors: c.readSectors, writeSectors: c.writeSectors, ooReqs: c.ooReqs, errors: c.errors, latencyMs: c.latencyMs, pending: c.pending };
}

/**
 * Network counters of a running domain's VIF. Traffic follows the CPU the core gave the guest
 * (netfront work needs CPU): bytes ∝ cumulative CPU seconds, with a per-guest rate drawn from
 * its name, split over its VIFs with the first one busiest.
 */
export function vifCounters(sim: Sim, d: DomainState, vifIndex: number): VifCounters {
  const n = d.vifs.length;
  if (d.domid === null || d.host === null || vifIndex < 0 || vifIndex >= n) return { txBytes: 0, rxBytes: 0, txPkts: 0, rxPkts: 0 };
  const cpuS = domainCpu(sim, d).totalS;
  let norm = 0;
  for (let i = 0; i < n; i++) norm += 1 / (i + 1);
  const part = 1 / (vifIndex + 1) / norm;
  const rate = 5_000 + (nameHash(d.name) % 55_000);
  const rxBytes = Math.floor(cpuS * rate * part);
  const txBytes = Math.floor(cpuS * rate * 0.6 * part);
  return { rxBytes, txBytes, rxPkts: Math.floor(rxBytes / 850), txPkts: Math.floor(txBytes / 620) };
}

function nameHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
