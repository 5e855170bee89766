// Lose and regain a path under load: the repository's guests keep doing I/O through the
// surviving paths, no request errors or goes missing, and the checker notices at its interval.
import { describe, expect, test } from 'vitest';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { advanceTo } from '../../../src/sim/tick';
import { loadCore } from '../../../src/sim/core/load-core';
import { loadReferenceCore } from '../../../src/sim/core/reference/reference-core';
import { syncXen, vbdHandle } from '../../../src/sim/core/sync-xen';
import { corePathHandle } from '../../../src/sim/storage/multipath/core-sync';
import { setCable } from '../../../src/sim/storage/san/faults';
import { hostSan } from '../../../src/sim/storage/san/san';
import { findPath } from '../../../src/sim/storage/multipath/maps';
import type { Sim } from '../../../src/sim/sim';
import type { SimCore } from '../../../src/sim/core/types';

function step(sim: Sim, seconds: number): void {
  for (let i = 0; i < seconds; i++) {
    advanceTo(sim, sim.world.clockMs + 1000);
    syncXen(sim);
    sim.core.tick(1000);
  }
}

function totals(sim: Sim) {
  let issued = 0, completed = 0, pending = 0, errors = 0;
  for (const d of Object.values(sim.world.domains)) {
    if (d.host !== 'ovs01' || d.domid === null) continue;
    d.disks.forEach((_, i) => {
      const c = sim.core.vbdCounters(vbdHandle(sim, d, i));
      issued += c.readReqs + c.writeReqs;
      completed += c.completed;
      pending += c.pending;
      errors += c.errors;
    });
  }
  return { issued, completed, pending, errors };
}

async function scenario(core: SimCore) {
  const world = buildDefaultWorld(42);
  const sim: Sim = { world, core };
  step(sim, 3);
  const repo = hostSan(world, 'ovs01')!.maps.find((m) => m.wwid === world.san!.hosts.ovs01!.maps[1]!.wwid)!;
  const sdf = corePathHandle(sim, 'ovs01', repo.wwid, 'sdf');
  const sdl = corePathHandle(sim, 'ovs01', repo.wwid, 'sdl');
  expect(sdf).toBeGreaterThanOrEqual(0);
  const before = totals(sim);
  expect(before.issued).toBeGreaterThan(0);
  const sdfBefore = core.pathCounters(sdf);
  // Pull host5's cable: sdf (the optimized path through host5) dies, sdl carries on.
  setCable(world, 'ovs01', 5, false);
  step(sim, 1);
  const deadAt = core.pathCounters(sdf);
  const sdlAt = core.pathCounters(sdl);
  step(sim, 30);
  const during = totals(sim);
  expect(during.errors).toBe(0);
  expect(during.issued).toBeGreaterThan(before.issued);
  expect(during.completed + during.pending).toBe(during.issued);
  // Nothing went down the dead path after the kernel failed it; the survivor took the load.
  const sdfDead = core.pathCounters(sdf);
  expect(sdfDead.reads + sdfDead.writes).toBe(deadAt.reads + deadAt.writes);
  expect(core.pathCounters(sdl).reads + core.pathCounters(sdl).writes).toBeGreaterThan(sdlAt.reads + sdlAt.writes);
  expect(findPath(repo, 'sdf')!.chk).toBe('faulty');
  // Plug it back: the checker reinstates it and failback (immediate) uses it again.
  setCable(world, 'ovs01', 5, true);
  step(sim, 30);
  const after = totals(sim);
  expect(after.errors).toBe(0);
  expect(after.completed + after.pending).toBe(after.issued);
  expect(findPath(repo, 'sdf')!.dm).toBe('active');
  // The event feed: host5's cable carried two paths (one per SP) of each of the three maps; each fails once
  // when I/O or the checker meets it, and comes back once.
  const [a, b, c] = ['3600601602b102800089e0c3e4e3d43a4', '3600601602b10280002d61f3699caf148', '3600601602b1028004156db4860badf66'];
  expect(world.events.filter((e) => e.kind.startsWith('path.')).map((e) => `${e.kind} ${e.text}`)).toEqual([
    `path.failed ovs01: path sdb of ${a} failed, 3 active paths`,
    `path.failed ovs01: path sdf of ${b} failed, 3 active paths`,
    `path.failed ovs01: path sde of ${a} failed, 2 active paths`,
    `path.failed ovs01: path sdc of ${b} failed, 2 active paths`,
    `path.failed ovs01: path sdd of ${c} failed, 3 active paths`,
    `path.failed ovs01: path sdg of ${c} failed, 2 active paths`,
    `path.reinstated ovs01: path sdb of ${a} reinstated, 3 active paths`,
    `path.reinstated ovs01: path sde of ${a} reinstated, 4 active paths`,
    `path.reinstated ovs01: path sdf of ${b} reinstated, 3 active paths`,
    `path.reinstated ovs01: path sdc of ${b} reinstated, 4 active paths`,
    `path.reinstated ovs01: path sdd of ${c} reinstated, 3 active paths`,
    `path.reinstated ovs01: path sdg of ${c} reinstated, 4 active paths`,
  ]);
  const sdfBack = core.pathCounters(sdf);
  expect(sdfBack.reads + sdfBack.writes).toBeGreaterThan(sdfDead.reads + sdfDead.writes);
  expect(sdfBefore.reads + sdfBefore.writes).toBeGreaterThan(0);
}

describe('path failure under I/O', () => {
  test('reference core: no request lost or errored', async () => {
    await scenario(loadReferenceCore());
  });
  test('wasm core: no request lost or errored', async () => {
    await scenario(await loadCore());
  });
});
