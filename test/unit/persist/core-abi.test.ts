// Saved attempts from a build whose core had other tables (an ABI bump, e.g. 2 → 3 when path state
// moved out of the core): their snapshots' core bytes cannot be loaded, so the attempt is rebuilt
// from its journal, quietly, and ends in the same world as before the upgrade.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine';
import { loadCore } from '../../../src/sim/core/load-core';
import { bootOn, freshStore, typeLines } from './helpers';

/** The same snapshot as an older core wrote it: another column count (what an ABI bump changes). */
function olderLayout(core: Uint8Array): Uint8Array {
  const out = new Uint8Array(core);
  const view = new DataView(out.buffer);
  // Header: magic, format, kind, 9 capacities, then the meta string (length + UTF-16), then the column count.
  const metaLen = view.getUint32(12 * 4, true);
  const at = 13 * 4 + metaLen * 2;
  view.setUint32(at, view.getUint32(at, true) - 3, true);
  return out;
}

describe('a saved attempt from a core with another table layout', () => {
  it('is rebuilt from the journal without a notice, to the same world', async () => {
    const store = freshStore();
    const live = await bootOn(store, { snapshotEvery: 2 });
    await typeLines(live, ['touch /root/a', 'service ntpd stop', 'touch /root/b', 'multipath -ll']);
    const snaps = (await store.dump()).snapshots.filter((s) => s.attemptId === 'test');
    expect(snaps.length).toBeGreaterThan(1);
    // Every snapshot of the attempt, the base included, as the older build wrote it.
    for (const s of snaps) await store.putSnapshot({ ...s, core: olderLayout(s.core) });
    const probe = await loadCore();
    expect(() => probe.loadTables(olderLayout(probe.saveTables()))).toThrow(/column layout differs/);

    const engine = createEngine({ loadCore, store, wallNow: () => 1_700_000_000_000 });
    const info = await engine.boot({ attemptId: 'test' });
    expect(info.refusal).toBeNull();
    expect(info.notice).toBeNull();
    expect(engine.inspect().world).toBe(live.inspect().world);
  });
});
