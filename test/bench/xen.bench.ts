// Benchmark of the Xen commands (issue 4, "shell" figures, recorded under `xen`): `xm list` on a
// host running 500 domains, and `xentop -b -i 1` on a host of an estate (16 hosts x 32 guests)
// and on the 500-domain host — median ms of a command typed through a terminal session, the
// core ticking the domains first so the numbers are real. Budget: ≤ 5 ms median each.
import { expect, it } from 'vitest';
import { loadCore } from '../../src/sim/core/load-core';
import { addHost } from '../../src/sim/scenario/hosts';
import { ovmId, ovmUuid, oracleMac } from '../../src/sim/ids';
import { advanceTo } from '../../src/sim/tick';
import { emptyWorld } from '../../src/sim/world';
import { createRegistry } from '../../src/shell/registry';
import { newSessionState, TtySession } from '../../src/tty/session';
import { median, recordBench } from './record';
import type { DomainState, WorldState } from '../../src/sim/types';
import type { Sim } from '../../src/sim/sim';

function world(hosts: number, guestsPerHost: number): WorldState {
  const w = emptyWorld(11);
  const names = Array.from({ length: hosts }, (_, i) => `ovs${String(i + 1).padStart(2, '0')}`);
  w.pools.push({ id: 'p', name: 'pool1', hosts: names, masterHost: names[0]! });
  for (const [i, name] of names.entries()) {
    const h = addHost(w, { name, ip: `10.10.${10 + (i >> 8)}.${(i % 250) + 11}`, poolId: 'p', memoryMiB: 2 * 1024 * 1024, cpu: { sockets: 4, coresPerSocket: 16, threadsPerCore: 2 } });
    for (let g = 0; g < guestsPerHost; g++) {
      const id = ovmId(w.rng, 'vm');
      const d: DomainState = {
        name: id,
        uuid: ovmUuid(id),
        simpleName: `vm${i}-${g}`,
        host: h.name,
        domid: h.nextDomId++,
        state: 'blocked',
        memoryMiB: 2048,
        maxMemMiB: 2048,
        vcpus: 2,
        maxVcpus: 2,
        weight: 27500,
        cap: 0,
        hvm: g % 2 === 0,
        osType: 'Oracle Linux 7',
        cfgPath: `/OVS/Repositories/r/VirtualMachines/${id}/vm.cfg`,
        startedAtMs: -86_400_000,
        cpuTimeS: 1000 + g,
        workload: { cpuDemand: 0.05 + (g % 10) / 100, readIops: 10, writeIops: 5, sectorsPerRequest: 16 },
        disks: [{ kind: 'file', path: `/OVS/Repositories/r/VirtualDisks/${id}.img`, vdev: 'xvda', mode: 'w', cdrom: false }],
        vifs: [{ mac: oracleMac(w.rng), bridge: 'xenbr0' }],
        production: false,
      };
      w.domains[id] = d;
    }
  }
  return w;
}

async function timeCommand(w: WorldState, host: string, line: string, runs = 60): Promise<{ ms: number; bytes: number }> {
  const sim: Sim = { world: w, core: await loadCore() };
  for (let i = 0; i < 5; i++) advanceTo(sim, sim.world.clockMs + 1000);
  const session = new TtySession(newSessionState('b', host, 250, 50), () => sim, createRegistry(), () => {});
  session.attach();
  // Warm the JIT as a user's first few commands do.
  for (let i = 0; i < 20; i++) session.input(line + '\r');
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = session.input(line + '\r').length;
    times.push(performance.now() - t0);
  }
  return { ms: median(times), bytes };
}

const round = (x: number) => Number(x.toPrecision(4));

it('xen: xm list with 500 domains; xentop -b -i 1 on the estate', async () => {
  const big = world(1, 500);
  const list = await timeCommand(big, 'ovs01', 'xm list');
  expect(list.bytes).toBeGreaterThan(500 * 80);
  const top500 = await timeCommand(big, 'ovs01', 'xentop -b -i 1');

  const estate = world(16, 32);
  const topEstate = await timeCommand(estate, 'ovs01', 'xentop -b -i 1');
  const listEstate = await timeCommand(estate, 'ovs01', 'xm list');

  const figures = {
    xmList500DomainsMs: round(list.ms),
    xentopBatch500DomainsMs: round(top500.ms),
    estate: { hosts: 16, guestsPerHost: 32, xentopBatchMs: round(topEstate.ms), xmListMs: round(listEstate.ms) },
    budgetMs: 5,
  };
  recordBench('xen', figures);
  console.log(JSON.stringify(figures));
});
