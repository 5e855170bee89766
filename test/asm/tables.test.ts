// The core's tables: same seed and inputs → identical bytes; a snapshot taken mid-run and loaded
// into a fresh core continues exactly like the original; bad bytes change nothing; memory never
// grows inside a tick (100,000 ticks).
import { describe, expect, it } from 'vitest';
import { loadCore } from '../../src/sim/core/load-core';
import { loadReferenceCore } from '../../src/sim/core/reference/reference-core';
import { ESTATE, SMALL, buildEstate } from '../../src/sim/core/testing/estate';
import { Live, applyOp } from '../../src/sim/core/testing/ops';
import type { SimCore } from '../../src/sim/core/types';
import { KINDS, SMALL_CAPS, makeCore, wasmMemoryBytes } from './cores';

function drive(core: SimCore, from: number, to: number, live: Live): void {
  for (let i = from; i < to; i++) applyOp(core, live, { kind: i % 4 === 0 ? (i * 7) % 30 : 0, a: (i * 31) % 997, b: (i * 17) % 991, c: (i * 131) % 99991 });
}

describe.each(KINDS)('tables (%s)', (kind) => {
  it('same seed, same inputs: identical bytes', async () => {
    const [a, b] = [await makeCore(kind), await makeCore(kind)];
    const [ea, eb] = [buildEstate(a, SMALL), buildEstate(b, SMALL)];
    drive(a, 0, 400, new Live(ea));
    drive(b, 0, 400, new Live(eb));
    a.meta.note = { x: 1 };
    b.meta.note = { x: 1 };
    expect(a.saveTables()).toEqual(b.saveTables());
    a.tick(1000);
    expect(a.saveTables()).not.toEqual(b.saveTables());
  });

  it('a snapshot loaded into a fresh core continues exactly like the original', async () => {
    const a = await makeCore(kind);
    const ea = buildEstate(a, SMALL);
    const live = new Live(ea);
    drive(a, 0, 300, live);
    a.meta.xen = { hosts: { ovs01: 1 } };
    const snap = a.saveTables();
    const b = await makeCore(kind);
    b.loadTables(snap);
    expect(b.meta).toEqual({ xen: { hosts: { ovs01: 1 } } });
    expect(b.saveTables()).toEqual(snap);
    const liveB = new Live(structuredClone(ea));
    for (const k of live.dead) liveB.dead.add(k);
    drive(a, 300, 600, live);
    drive(b, 300, 600, liveB);
    expect(b.saveTables()).toEqual(a.saveTables());
    expect(b.drainEvents()).toEqual(a.drainEvents());
  });

  it('refuses bytes that are not a snapshot of this kind of core, changing nothing', async () => {
    const a = await makeCore(kind);
    buildEstate(a, SMALL);
    a.tick(1000);
    const before = a.saveTables();
    const other = kind === 'wasm' ? loadReferenceCore(SMALL_CAPS) : await loadCore({ capacities: SMALL_CAPS });
    expect(() => a.loadTables(other.saveTables())).toThrow(/saved by the/);
    expect(() => a.loadTables(new Uint8Array([1, 2, 3]))).toThrow(/truncated|not a core snapshot/);
    expect(() => a.loadTables(before.subarray(0, before.length - 9))).toThrow();
    expect(a.saveTables()).toEqual(before);
  });

  it('reset empties the tables and meta', async () => {
    const a = await makeCore(kind);
    const fresh = a.saveTables();
    buildEstate(a, SMALL);
    a.meta.xen = {};
    a.tick(1000);
    a.reset();
    expect(a.meta).toEqual({});
    expect(a.saveTables()).toEqual(fresh);
  });
});

describe('wasm memory', () => {
  it('does not grow in 100,000 ticks of an estate with faults', async () => {
    const core = await loadCore();
    const e = buildEstate(core, { ...ESTATE, hosts: 4, domains: 100, lunsPerHost: 10 });
    const start = wasmMemoryBytes(core);
    for (let i = 0; i < 100_000; i++) {
      if (i % 5000 === 2500) for (const p of e.paths.slice(0, 40)) core.setPathUsable(p, false);
      if (i % 5000 === 4000) for (const p of e.paths.slice(0, 40)) core.setPathUsable(p, true);
      core.tick(1000);
      if (i % 1000 === 0) core.drainEvents();
    }
    expect(wasmMemoryBytes(core)).toBe(start);
    expect(core.nowMs()).toBe(100_000_000);
  }, 120_000);

  it('sizes its tables once from the capacities (the issue minimums by default)', async () => {
    const core = await loadCore();
    expect(core.capacities).toMatchObject({ hosts: 256, paths: 65536, luns: 4096 });
    expect(core.capacities.domains).toBeGreaterThanOrEqual(8192);
    expect(core.capacities.vcpus).toBeGreaterThanOrEqual(32768);
    expect(wasmMemoryBytes(core)).toBeLessThan(32 * 1024 * 1024);
  });
});
