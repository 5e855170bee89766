// Labs opened from a file or a URL: their ids, validation with the loader's messages (nothing
// stored on error), the customLabs store, and an attempt booting on one from storage alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine';
import { loadCore } from '../../../src/sim/core/load-core';
import { bundledCatalog, findLab, removeLab } from '../../../src/labs/loader';
import { CUSTOM_PREFIX, MAX_LAB_BYTES, customLabId, labNameOf } from '../../../src/labs/custom';
import { createMemoryStore } from '../../../src/engine/persistence-memory';
import { freshStore } from './helpers';
import type { Store } from '../../../src/engine/store';

const A1 = readFileSync(new URL('../../../labs/a1-dom0-orientation.yaml', import.meta.url), 'utf8');
const MINE = A1.replace(/^title: .*$/m, 'title: My own orientation');

function engineOn(store: Store) {
  return createEngine({ loadCore, store, wallNow: () => 1_700_000_000_000 });
}

/** An engine booted on the custom lab's attempt, as its lab page's worker would (nothing registered beforehand). */
async function bootLab(store: Store, id: string, seed = 3) {
  removeLab(id);
  const engine = engineOn(store);
  await engine.boot({ attemptId: `lab:${id}`, scenario: `lab:${id}`, seed });
  await engine.open('t1', 'ovs01', 80, 24);
  return engine;
}

describe('custom lab ids', () => {
  it('come from a file name or a URL’s last path segment, always prefixed', () => {
    expect(customLabId('My Lab.yaml')).toBe('custom-my-lab');
    expect(customLabId('b2-path-failure.YML')).toBe('custom-b2-path-failure');
    expect(customLabId('.yaml')).toBe('custom-lab');
    expect(labNameOf('https://example.org/labs/grow%20it.yaml?raw=1#x')).toBe('grow it.yaml');
    expect(labNameOf('C:/fakepath/mine.yaml')).toBe('mine.yaml');
    expect(labNameOf('https://example.org/labs/')).toBe('');
    expect(customLabId(labNameOf('https://example.org/labs/'))).toBe('custom-lab');
  });

  it('can never shadow a bundled lab', () => {
    expect(bundledCatalog().labs.filter((l) => l.id.startsWith(CUSTOM_PREFIX))).toEqual([]);
  });
});

describe('opening a custom lab', () => {
  it('stores a valid lab as custom-<name>, lists it, and boots it from storage', async () => {
    const store = freshStore();
    const catalogEngine = engineOn(store);
    expect(await catalogEngine.openCustomLab('mine.yaml', MINE)).toEqual({ ok: true, id: 'custom-mine', title: 'My own orientation', replaced: false });
    expect(await store.listCustomLabs()).toEqual([{ id: 'custom-mine', yaml: MINE, updatedAt: 1_700_000_000_000, source: 'mine.yaml' }]);
    const catalog = await catalogEngine.labCatalog();
    expect(catalog.custom).toEqual([{ id: 'custom-mine', source: 'mine.yaml', updatedAt: 1_700_000_000_000, card: expect.objectContaining({ id: 'custom-mine', title: 'My own orientation', module: 'A' }), errors: [] }]);
    expect(catalog.labs.some((l) => l.id === 'custom-mine')).toBe(false);

    const engine = await bootLab(store, 'custom-mine');
    const view = engine.labView()!;
    expect([view.id, view.title, view.status]).toEqual(['custom-mine', 'My own orientation', 'in-progress']);
    expect(findLab('custom-mine')?.file).toBe('mine.yaml');
  });

  it('keeps progress, hints and the attempt across a reload, and reset starts it again', async () => {
    const store = freshStore();
    await engineOn(store).openCustomLab('mine.yaml', MINE);
    const engine = await bootLab(store, 'custom-mine');
    const first = engine.labView()!.objectives[0]!.id;
    expect((await engine.labCommand('hint', [first])).exitCode).toBe(0);
    await engine.input('t1', 'xm list\r');
    expect((await store.getProgress('custom-mine'))?.hintsUsed).toBe(1);

    const again = await bootLab(store, 'custom-mine', 99);
    expect(again.labView()!.seed).toBe(3);
    expect(again.labView()!.hintsUsed).toBe(1);
    expect(again.inspect().world).toBe(engine.inspect().world);

    const reset = await again.resetAttempt(3);
    expect(reset.replayed).toBe(0);
    expect(again.labView()!.hintsUsed).toBe(0);
    expect(again.labView()!.title).toBe('My own orientation');
  });

  it('refuses a broken file with the loader’s messages and stores nothing', async () => {
    const store = freshStore();
    const engine = engineOn(store);
    const broken = MINE.replace(/^level: beginner$/m, 'level: expert').replace(/^minutes: \d+$/m, 'minutes: soon');
    expect(await engine.openCustomLab('broken.yaml', broken)).toEqual({
      ok: false,
      errors: ['broken.yaml: level: expected one of beginner, intermediate, advanced', 'broken.yaml: minutes: expected integer'],
    });
    expect(await engine.openCustomLab('https://example.org/x/bad.yaml', 'title: [\n')).toEqual({
      ok: false,
      errors: ['https://example.org/x/bad.yaml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    });
    expect(await engine.openCustomLab('base.yaml', MINE.replace('base: pool-34', 'base: pool-99'))).toEqual({
      ok: false,
      errors: ['base.yaml: scenario.base: no scenario “pool-99” in this version'],
    });
    expect(await engine.openCustomLab('big.yaml', MINE + '#'.repeat(MAX_LAB_BYTES))).toEqual({
      ok: false,
      errors: ['big.yaml: larger than 256 kB; a lab file is much smaller'],
    });
    expect(await store.listCustomLabs()).toEqual([]);
    expect((await engine.labCatalog()).custom).toEqual([]);
  });

  it('replaces a lab of the same id; a changed file starts its attempt afresh', async () => {
    const store = freshStore();
    const catalog = engineOn(store);
    await catalog.openCustomLab('mine.yaml', MINE);
    await bootLab(store, 'custom-mine');
    expect(await store.getAttempt('lab:custom-mine')).toBeDefined();
    expect(await catalog.openCustomLab('https://example.org/mine.yaml', MINE)).toMatchObject({ ok: true, replaced: true });
    expect(await store.getAttempt('lab:custom-mine')).toBeDefined();
    const edited = MINE.replace('title: My own orientation', 'title: Edited');
    expect(await catalog.openCustomLab('Mine.YAML', edited)).toEqual({ ok: true, id: 'custom-mine', title: 'Edited', replaced: true });
    expect(await store.getAttempt('lab:custom-mine')).toBeUndefined();
    expect((await store.listCustomLabs()).map((r) => [r.id, r.source])).toEqual([['custom-mine', 'Mine.YAML']]);
    expect((await bootLab(store, 'custom-mine')).labView()!.title).toBe('Edited');
  });

  it('removes a lab with its attempt; its page then has no lab', async () => {
    const store = freshStore();
    const catalog = engineOn(store);
    await catalog.openCustomLab('mine.yaml', MINE);
    await bootLab(store, 'custom-mine');
    await catalog.removeCustomLab('custom-mine');
    expect(await store.listCustomLabs()).toEqual([]);
    expect(await store.getAttempt('lab:custom-mine')).toBeUndefined();
    expect(findLab('custom-mine')).toBeUndefined();
    expect((await bootLab(store, 'custom-mine')).labView()).toBeNull();
  });

  it('validates stored labs again: an imported bad or unprefixed one is listed with its errors and never boots', async () => {
    const store = createMemoryStore();
    await store.putCustomLab({ id: 'a1-dom0-orientation', yaml: MINE, updatedAt: 1 });
    await store.putCustomLab({ id: 'custom-bad', yaml: 'title: 1\n', updatedAt: 2, source: 'bad.yaml' });
    const { custom } = await engineOn(store).labCatalog();
    expect(custom).toEqual([
      { id: 'a1-dom0-orientation', source: 'a1-dom0-orientation.yaml', updatedAt: 1, card: null, errors: ['a1-dom0-orientation.yaml: a lab opened from a file needs an id starting with “custom-”'] },
      { id: 'custom-bad', source: 'bad.yaml', updatedAt: 2, card: null, errors: expect.arrayContaining(['bad.yaml: title: expected string']) },
    ]);
    expect((await bootLab(store, 'custom-bad')).labView()).toBeNull();
    // The bundled lab of that id is untouched.
    expect(findLab('a1-dom0-orientation')?.doc.title).toBe('Orientation on dom0');
  });

  it('says so when there is no storage to keep a lab in', async () => {
    const engine = createEngine({ loadCore });
    expect(await engine.openCustomLab('mine.yaml', MINE)).toEqual({ ok: false, errors: ["mine.yaml: this browser's storage is not available, so the lab cannot be kept"] });
  });
});
