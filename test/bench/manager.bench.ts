// Benchmark of the Oracle VM Manager (figures under `manager`): the Manager view of a 400-VM,
// 16-server estate built after a change (what the engine pushes to the Manager tab; budget
// ≤ 50 ms), its size, and the Manager's share of a world tick (agent reports, jobs, HA watch).
import { expect, it } from 'vitest';
import { buildDefaultWorld } from '../../src/sim/scenario/default';
import { addHost } from '../../src/sim/scenario/hosts';
import { ovmId, ovmUuid, oracleMac } from '../../src/sim/ids';
import { installManager } from '../../src/sim/manager/install';
import { buildManagerView } from '../../src/sim/manager/view';
import { submitJob } from '../../src/sim/manager/jobs';
import { managerTick } from '../../src/sim/manager/tick';
import { loadCore } from '../../src/sim/core/load-core';
import { median, recordBench } from './record';
import type { Sim } from '../../src/sim/sim';
import type { WorldState } from '../../src/sim/types';

/** 16 servers in one pool, 400 guests spread over them (as persist.bench.ts builds its estate). */
function estateWorld(seed: number): WorldState {
  const world = buildDefaultWorld(seed);
  const pool = world.pools[0]!;
  const repo = world.hosts[pool.hosts[0]!]!.mounts.find((m) => m.fsType === 'ocfs2')!;
  for (let i = 3; i <= 16; i++) {
    const name = `ovs${String(i).padStart(2, '0')}`;
    const h = addHost(world, { name, ip: `10.10.10.${10 + i}`, poolId: pool.id });
    h.mounts.push({ ...repo });
    pool.hosts.push(name);
  }
  const template = Object.values(world.domains)[0]!;
  const hosts = Object.keys(world.hosts);
  for (let i = 0; Object.keys(world.domains).length < 400; i++) {
    const name = ovmId(world.rng, 'vm');
    const host = world.hosts[hosts[i % hosts.length]!]!;
    world.domains[name] = {
      ...structuredClone(template), name, uuid: ovmUuid(name), simpleName: `sv${1000 + i}`, host: host.name, domid: host.nextDomId++,
      cfgPath: `${repo.path}/VirtualMachines/${name}/vm.cfg`, vifs: [{ ...template.vifs[0]!, mac: oracleMac(world.rng) }],
    };
  }
  installManager(world);
  return world;
}

function timed(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

it('the Manager view of a 400-VM estate', async () => {
  const world = estateWorld(42);
  const m = world.manager!;
  const sim: Sim = { world, core: await loadCore() };
  let n = 0;
  // A change, then the view the engine would push (a job submitted: the tables change).
  const viewMs = timed(() => {
    submitJob(world, m, 'edit_vm', { vm: m.vms[n++ % m.vms.length]!.id, ha: 'true' });
    buildManagerView(world, m);
  }, 60);
  const bytes = JSON.stringify(buildManagerView(world, m)).length;
  const tickMs = timed(() => {
    world.clockMs += 1000;
    managerTick(sim);
  }, 240);
  const figures = { vms: m.vms.length, servers: m.servers.length, viewAfterChangeMs: viewMs, viewBytes: bytes, managerTickMs: tickMs, budgetViewMs: 50 };
  recordBench('manager', figures);
  console.log(JSON.stringify(figures));
  expect(m.vms.length).toBe(400);
});
