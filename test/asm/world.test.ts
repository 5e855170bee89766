// The core driven by the world: the Xen sync mirrors hosts, dom0 and running guests into the core
// every tick; stats read CPU and VBD figures back; sched-credit, vcpu-set, pause, stop/start and
// migration done on the world show up in the numbers; same seed → same world and tables.
import { describe, expect, it } from 'vitest';
import { loadCore } from '../../src/sim/core/load-core';
import { registry } from '../../src/sim/core/sync-xen';
import { buildDefaultWorld } from '../../src/sim/scenario/default';
import { pcpuCount } from '../../src/sim/scenario/hosts';
import { deserializeWorld, serializeWorld } from '../../src/sim/snapshot';
import { dom0Cpu, domainCpu, hostCpu, vbdCounters, vifCounters } from '../../src/sim/stats';
import { advanceTo } from '../../src/sim/tick';
import type { Sim } from '../../src/sim/sim';
import type { DomainState } from '../../src/sim/types';

async function sim(seed = 42): Promise<Sim> {
  return { world: buildDefaultWorld(seed), core: await loadCore() };
}
const running = (s: Sim): DomainState[] => Object.values(s.world.domains).filter((d) => d.domid !== null).sort((a, b) => a.name.localeCompare(b.name));
const run = (s: Sim, seconds: number) => advanceTo(s, s.world.clockMs + seconds * 1000);

describe('the core under the world', () => {
  it('before any tick, figures are the world’s; afterwards guests and dom0 accumulate CPU time per vCPU', async () => {
    const s = await sim();
    const [d] = running(s);
    const t0 = d!.cpuTimeS;
    expect(domainCpu(s, d!).totalS).toBe(t0);
    const c0 = domainCpu(s, d!);
    expect(c0.perVcpuS.reduce((a, b) => a + b, 0)).toBeCloseTo(t0, 6);
    run(s, 60);
    const c = domainCpu(s, d!);
    expect(c.totalS).toBeGreaterThan(t0);
    expect(d!.cpuTimeS).toBe(c.totalS);
    const gained = c.totalS - t0;
    expect(gained).toBeLessThanOrEqual(60 * d!.vcpus * Math.min(1, d!.workload.cpuDemand * 1.15) + 1e-6);
    expect(gained).toBeGreaterThanOrEqual(60 * d!.vcpus * d!.workload.cpuDemand * 0.85 - 1e-6);
    expect(c.perVcpuS.reduce((a, b) => a + b, 0) - c0.perVcpuS.reduce((a, b) => a + b, 0)).toBeCloseTo(gained, 6);
    expect(c.perVcpuPcpu.every((p) => p >= 0 && p < pcpuCount(s.world.hosts[d!.host!]!))).toBe(true);
    const host = s.world.hosts[d!.host!]!;
    const dom0 = dom0Cpu(s, host);
    expect(dom0.perVcpuS).toHaveLength(host.dom0Vcpus);
    expect(host.dom0CpuS).toBe(dom0.totalS);
    expect(dom0.lastTickPct).toBeGreaterThan(10);
    expect(hostCpu(s, host).utilisation).toBeGreaterThan(0);
  });

  it('a busy 4-vCPU guest shows close to 400 %; a cap of 150 holds it at 150 %', async () => {
    const s = await sim();
    const d = running(s).find((x) => x.vcpus === 4) ?? running(s)[0]!;
    d.vcpus = d.maxVcpus = 4;
    d.workload.cpuDemand = 1;
    run(s, 5);
    expect(domainCpu(s, d).lastTickPct).toBeGreaterThanOrEqual(340);
    expect(domainCpu(s, d).lastTickPct).toBeLessThanOrEqual(400);
    d.cap = 150;
    const before = domainCpu(s, d).totalS;
    run(s, 10);
    expect(domainCpu(s, d).lastTickPct).toBeCloseTo(150, 6);
    expect(domainCpu(s, d).totalS - before).toBeCloseTo(15, 6);
  });

  it('weights decide shares when the host is contended (xm sched-credit -w)', async () => {
    const s = await sim();
    const host = s.world.hosts.ovs01!;
    host.cpu = { ...host.cpu, sockets: 1, coresPerSocket: 2, threadsPerCore: 1 };
    const guests = running(s).filter((d) => d.host === 'ovs01');
    for (const d of guests) {
      d.workload.cpuDemand = 1;
      d.vcpus = d.maxVcpus = 4;
      d.weight = 256;
    }
    guests[0]!.weight = 768;
    run(s, 3);
    const [a, b] = guests.map((d) => domainCpu(s, d).lastTickPct);
    const dom0 = dom0Cpu(s, host).lastTickPct;
    expect(a! + b! + dom0).toBeCloseTo(200, 6);
    expect(a! / b!).toBeCloseTo(3, 6);
  });

  it('vcpu-set, pause, shutdown and restart reach the core', async () => {
    const s = await sim();
    const d = running(s).find((x) => x.maxVcpus >= 2)!;
    run(s, 2);
    d.vcpus = 1;
    run(s, 3);
    const c = domainCpu(s, d);
    expect(c.perVcpuPcpu.slice(1).every((p) => p === -1)).toBe(true);
    expect(c.perVcpuBusy.slice(1).every((b) => b === 0)).toBe(true);
    d.state = 'paused';
    const paused = domainCpu(s, d).totalS;
    run(s, 10);
    expect(domainCpu(s, d).totalS).toBe(paused);
    const io = vbdCounters(s, d, 0);
    run(s, 3);
    // A paused guest issues nothing (its latency figure follows its map, shared with others).
    expect({ ...vbdCounters(s, d, 0), latencyMs: 0 }).toEqual({ ...io, latencyMs: 0 });
    d.state = 'blocked';
    run(s, 3);
    expect(domainCpu(s, d).totalS).toBeGreaterThan(paused);
    expect(vbdCounters(s, d, 0).readReqs).toBeGreaterThan(io.readReqs);
    // Shut down: gone from the core; started again with a new id: counters start from the world.
    const beforeStop = vbdCounters(s, d, 0);
    const host = d.host!;
    d.domid = null;
    d.host = null;
    d.state = 'halted';
    run(s, 1);
    expect(registry(s.core).domains[d.name]).toBeUndefined();
    d.host = host;
    d.domid = 99;
    d.state = 'blocked';
    d.cpuTimeS = 0;
    run(s, 2);
    expect(domainCpu(s, d).totalS).toBeGreaterThan(0);
    expect(domainCpu(s, d).totalS).toBeLessThan(2 * d.vcpus);
    expect(vbdCounters(s, d, 0).readReqs).toBeGreaterThan(0);
    expect(vbdCounters(s, d, 0).readReqs).toBeLessThan(beforeStop.readReqs);
  });

  it('migration moves the guest: its time goes on, on the other host’s pCPUs', async () => {
    const s = await sim();
    const d = running(s).find((x) => x.host === 'ovs01')!;
    run(s, 5);
    const before = domainCpu(s, d).totalS;
    d.host = 'ovs02';
    d.domid = s.world.hosts.ovs02!.nextDomId++;
    run(s, 5);
    expect(domainCpu(s, d).totalS).toBeGreaterThan(before);
    const onTarget = Object.values(s.world.domains).filter((x) => x.host === 'ovs02' && x.domid !== null).length;
    expect(Object.values(registry(s.core).domains).filter((e) => e.host === 'ovs02')).toHaveLength(onTarget);
  });

  it('VBD and VIF counters grow with the guest’s workload; xentop figures are consistent', async () => {
    const s = await sim();
    const d = running(s)[0]!;
    run(s, 30);
    const v = vbdCounters(s, d, 0);
    const expected = 30 * (d.workload.readIops + d.workload.writeIops);
    expect(v.readReqs + v.writeReqs).toBeGreaterThan(expected * 0.8 * 0.99);
    expect(v.readReqs + v.writeReqs).toBeLessThan(expected * 1.2 * 1.01);
    expect(v.readSectors).toBe(v.readReqs * d.workload.sectorsPerRequest);
    expect(v.errors).toBe(0);
    expect(vbdCounters(s, d, 5)).toEqual({ readReqs: 0, writeReqs: 0, readSectors: 0, writeSectors: 0, ooReqs: 0, errors: 0, latencyMs: 0, pending: 0 });
    const n1 = vifCounters(s, d, 0);
    run(s, 10);
    const n2 = vifCounters(s, d, 0);
    expect(n2.rxBytes).toBeGreaterThan(n1.rxBytes);
    expect(n2.txPkts).toBeGreaterThanOrEqual(n1.txPkts);
  });

  it('the world drives the reference model just the same (figures agree to 1e-9)', async () => {
    const a = await sim(11);
    const b: Sim = { world: buildDefaultWorld(11), core: await loadCore({ kind: 'reference' }) };
    run(a, 90);
    run(b, 90);
    for (const d of running(a)) {
      const e = b.world.domains[d.name]!;
      const [x, y] = [domainCpu(a, d), domainCpu(b, e)];
      expect(y.totalS).toBeCloseTo(x.totalS, 6);
      y.perVcpuS.forEach((t, i) => expect(Math.abs(t - x.perVcpuS[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, t)));
      expect(y.perVcpuPcpu).toEqual(x.perVcpuPcpu);
      expect(vbdCounters(b, e, 0)).toEqual(vbdCounters(a, d, 0));
    }
    for (const h of Object.values(a.world.hosts)) expect(dom0Cpu(b, b.world.hosts[h.name]!).totalS).toBeCloseTo(dom0Cpu(a, h).totalS, 6);
  });

  it('same seed, same ticks: identical world and core bytes; a snapshot of both continues identically', async () => {
    const [a, b] = [await sim(7), await sim(7)];
    run(a, 120);
    run(b, 120);
    expect(serializeWorld(a.world)).toBe(serializeWorld(b.world));
    expect(a.core.saveTables()).toEqual(b.core.saveTables());
    const c: Sim = { world: deserializeWorld(serializeWorld(a.world)), core: await loadCore() };
    c.core.loadTables(a.core.saveTables());
    run(a, 300);
    run(c, 300);
    expect(serializeWorld(c.world)).toBe(serializeWorld(a.world));
    expect(c.core.saveTables()).toEqual(a.core.saveTables());
  });
});
