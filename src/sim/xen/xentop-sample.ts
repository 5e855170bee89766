// One libxenstat sample of a host, as xentop reads it: every domain's flags, CPU seconds,
// memory, vCPUs, VIF and VBD counters (numbers through sim/stats.ts), and the node totals.
// CPU(%) is left at 0: it needs two samples, and the program keeps the previous one.
import { hms } from '../../lib/calendar';
import { wallTime } from '../clock';
import { dom0MemKiB, domainMaxMemKiB, domainMemKiB, freeMemKiB, totalMemKiB } from '../memory';
import { pcpuCount } from '../scenario/hosts';
import { dom0Cpu, domainCpu, vbdCounters, vifCounters } from '../stats';
import { activeDomains } from '../world';
import { DOM0_NAME } from './domains';
import { xenVersionString } from './hypervisor';
import { vdevNumber } from './vm-config';
import type { XentopDomain, XentopNode } from '../render/xentop';
import type { Sim } from '../sim';
import type { DomainState, HostState } from '../types';

export interface XentopSample {
  atMs: number;
  node: XentopNode;
  /** Keyed by `name/domid` so a restarted domain does not inherit its old CPU time. */
  domains: Array<XentopDomain & { key: string }>;
}

function guest(sim: Sim, d: DomainState): XentopDomain & { key: string } {
  const cpu = domainCpu(sim, d);
  return {
    key: `${d.name}/${d.domid}`,
    name: d.name,
    flags: { d: d.state === 'dying', s: d.state === 'shutdown', b: d.state === 'blocked', c: d.state === 'crashed', p: d.state === 'paused', r: d.state === 'running' },
    cpuS: cpu.totalS,
    cpuPct: 0,
    memKiB: domainMemKiB(d),
    maxMemKiB: domainMaxMemKiB(d),
    vcpus: d.vcpus,
    vcpuSecs: Array.from({ length: d.maxVcpus }, (_, i) => (i < d.vcpus ? (cpu.perVcpuS[i] ?? 0) : null)),
    nets: d.vifs.map((_, i) => {
      const c = vifCounters(sim, d, i);
      return { id: i, rxBytes: c.rxBytes, rxPkts: c.rxPkts, rxErr: 0, rxDrop: 0, txBytes: c.txBytes, txPkts: c.txPkts, txErr: 0, txDrop: 0 };
    }),
    vbds: d.disks.map((v, i) => {
      const c = vbdCounters(sim, d, i);
      return { type: v.prefix?.startsWith('tap') ? 2 : 1, dev: vdevNumber(v.vdev), oo: c.ooReqs, rd: c.readReqs, wr: c.writeReqs, rsect: c.readSectors, wsect: c.writeSectors };
    }),
    ssid: 0,
  };
}

function dom0(sim: Sim, host: HostState): XentopDomain & { key: string } {
  const cpu = dom0Cpu(sim, host);
  return {
    key: `${DOM0_NAME}/0`,
    name: DOM0_NAME,
    flags: { d: false, s: false, b: false, c: false, p: false, r: true },
    cpuS: cpu.totalS,
    cpuPct: 0,
    memKiB: dom0MemKiB(host),
    maxMemKiB: host.dom0MaxMemMiB !== undefined ? host.dom0MaxMemMiB * 1024 : null,
    vcpus: host.dom0Vcpus,
    vcpuSecs: Array.from({ length: host.dom0Vcpus }, (_, i) => cpu.perVcpuS[i] ?? 0),
    nets: [],
    vbds: [],
    ssid: 0,
  };
}

export function sampleHost(sim: Sim, hostName: string): XentopSample {
  const { world } = sim;
  const host = world.hosts[hostName]!;
  const t = wallTime(world);
  return {
    atMs: world.clockMs,
    node: {
      time: hms(t),
      version: xenVersionString(host),
      totalKiB: totalMemKiB(host),
      freeKiB: freeMemKiB(world, host),
      cpus: pcpuCount(host),
      mhz: host.cpu.mhz,
    },
    domains: [dom0(sim, host), ...activeDomains(world, hostName).map((d) => guest(sim, d))],
  };
}

/** CPU(%) of each domain from the previous sample (0.0 on the first, as xentop shows). */
export function withCpuPct(cur: XentopSample, prev: XentopSample | null): XentopSample {
  if (!prev || cur.atMs <= prev.atMs) return cur;
  const dt = (cur.atMs - prev.atMs) / 1000;
  return {
    ...cur,
    domains: cur.domains.map((d) => {
      const p = prev.domains.find((x) => x.key === d.key);
      return p ? { ...d, cpuPct: Math.max(0, ((d.cpuS - p.cpuS) / dt) * 100) } : d;
    }),
  };
}
