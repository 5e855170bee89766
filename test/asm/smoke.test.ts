import { describe, expect, it } from 'vitest';
import { loadCore } from '../../src/sim/core/load-core';
import { loadReferenceCore } from '../../src/sim/core/reference/reference-core';
import { SMALL, ESTATE, buildEstate } from '../../src/sim/core/testing/estate';
import { differences, observe } from '../../src/sim/core/testing/observe';

describe('smoke', () => {
  it('small estate: wasm equals reference over 300 ticks', async () => {
    const w = await loadCore();
    const r = loadReferenceCore();
    const ew = buildEstate(w, SMALL);
    const er = buildEstate(r, SMALL);
    expect(ew).toEqual(er);
    for (let t = 0; t < 300; t++) {
      w.tick(1000);
      r.tick(1000);
      const d = differences(observe(w, ew), observe(r, er));
      expect(d, `tick ${t}`).toEqual([]);
    }
  });
  it('estate wasm equals reference', async () => {
    const w = await loadCore();
    const r = loadReferenceCore();
    const ew = buildEstate(w, ESTATE);
    const er = buildEstate(r, ESTATE);
    for (let t = 0; t < 50; t++) {
      w.tick(1000);
      r.tick(1000);
    }
    expect(differences(observe(w, ew), observe(r, er))).toEqual([]);
  });
});
