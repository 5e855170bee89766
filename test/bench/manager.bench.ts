// Benchmark of the Oracle VM Manager (figures under `manager`): the Manager view of the 400-VM,
// 16-server estate built after a change (what the engine pushes to the Manager tab; the page's
// figure is manager-page.bench.js), its size, and the Manager's share of a world tick.
import { expect, it } from 'vitest';
import { buildEstateWorld } from '../../src/sim/scenario/estate';
import { installManager } from '../../src/sim/manager/install';
import { buildManagerView } from '../../src/sim/manager/view';
import { submitJob } from '../../src/sim/manager/jobs';
import { managerTick } from '../../src/sim/manager/tick';
import { loadCore } from '../../src/sim/core/load-core';
import { median, recordBench } from './record';
import type { Sim } from '../../src/sim/sim';
import type { WorldState } from '../../src/sim/types';

/** 16 servers in one pool, 400 guests spread over them: the estate of `#/sandbox/estate`. */
function estateWorld(seed: number): WorldState {
  const world = buildEstateWorld(seed);
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
