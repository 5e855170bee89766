// The figures xend reports for a domain (xm list, uptime, sched-credit, vcpu-list), computed
// from the world and the core's numbers (sim/stats.ts) — dom0 and guests alike.
import { domainMemKiB } from '../memory';
import { dom0Cpu, domainCpu } from '../stats';
import { stateString, type XmListRow } from '../render/xm-list';
import { DOM0_NAME } from './domains';
import type { Sim } from '../sim';
import type { DomainState, HostState } from '../types';

export function dom0ListRow(sim: Sim, host: HostState): XmListRow {
  return { name: DOM0_NAME, domid: 0, memMiB: host.dom0MemMiB, vcpus: host.dom0Vcpus, state: 'r-----', cpuTimeS: dom0Cpu(sim, host).totalS };
}

export function guestListRow(sim: Sim, d: DomainState): XmListRow {
  const active = d.domid !== null && d.host !== null;
  return {
    name: d.name,
    domid: active ? d.domid : null,
    memMiB: Math.floor(domainMemKiB(d) / 1024),
    vcpus: active ? d.vcpus : d.maxVcpus,
    state: active ? stateString(d.state) : '------',
    cpuTimeS: active ? domainCpu(sim, d).totalS : 0,
  };
}

/** Power state name as xend's --state filter matches it. */
export function powerState(d: DomainState | null): string {
  if (!d) return 'running';
  if (d.domid === null || d.host === null) return 'halted';
  if (d.state === 'paused') return 'paused';
  if (d.state === 'shutdown' || d.state === 'dying') return 'shutdown';
  if (d.state === 'crashed') return 'crashed';
  return 'running';
}
