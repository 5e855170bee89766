// Read-only numbers the core computes, as the tools show them (xm list, xentop, multipathd,
// labs). Renderers and checks read through here, never from core tables directly, so the
// core's layout can change freely. Until the core drives a figure it comes from the world.
import type { Sim } from './sim';
import type { DomainState, HostState } from './types';

export interface DomainCpu {
  /** Cumulative CPU seconds over all vCPUs (xm list Time(s), xentop CPU(sec)). */
  totalS: number;
  /** Cumulative CPU seconds per vCPU (xm vcpu-list Time(s)). */
  perVcpuS: number[];
  /** Physical CPU each vCPU ran on last (-1 when not running). */
  perVcpuPcpu: number[];
}

export interface VbdCounters {
  readReqs: number;
  writeReqs: number;
  readSectors: number;
  writeSectors: number;
  /** Out-of-space / oo requests (xentop VBD_OO). */
  ooReqs: number;
  errors: number;
  /** Mean latency of recent requests, ms. */
  latencyMs: number;
}

export interface VifCounters {
  txBytes: number;
  rxBytes: number;
  txPkts: number;
  rxPkts: number;
}

export function domainCpu(_sim: Sim, d: DomainState): DomainCpu {
  const share = d.vcpus > 0 ? d.cpuTimeS / d.vcpus : 0;
  return { totalS: d.cpuTimeS, perVcpuS: Array.from({ length: d.vcpus }, () => share), perVcpuPcpu: Array.from({ length: d.vcpus }, (_, i) => i) };
}

export function dom0Cpu(_sim: Sim, h: HostState): DomainCpu {
  const share = h.dom0Vcpus > 0 ? h.dom0CpuS / h.dom0Vcpus : 0;
  return { totalS: h.dom0CpuS, perVcpuS: Array.from({ length: h.dom0Vcpus }, () => share), perVcpuPcpu: Array.from({ length: h.dom0Vcpus }, (_, i) => i) };
}

export function vbdCounters(_sim: Sim, _d: DomainState, _vbdIndex: number): VbdCounters {
  return { readReqs: 0, writeReqs: 0, readSectors: 0, writeSectors: 0, ooReqs: 0, errors: 0, latencyMs: 0 };
}

export function vifCounters(_sim: Sim, _d: DomainState, _vifIndex: number): VifCounters {
  return { txBytes: 0, rxBytes: 0, txPkts: 0, rxPkts: 0 };
}
