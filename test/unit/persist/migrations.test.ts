// Versions: world snapshots of every past schemaVersion load through the pure migrations (from
// stored fixtures); a snapshot or journal from a newer version is refused, not dropped, and the
// stored attempt is left untouched.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootOn, freshStore, typeLines } from './helpers';
import { deserializeWorld, serializeWorld, SnapshotVersionError } from '../../../src/sim/snapshot';
import { WORLD_SCHEMA_VERSION } from '../../../src/sim/world';
import { plain } from '../../support/engine';
import { createEngine } from '../../../src/engine';
import { createIdbStore } from '../../../src/persist/idb-store';
import { loadCore } from '../../../src/sim/core/load-core';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (v: number) => readFileSync(new URL(`world-v${v}.json`, FIXTURES), 'utf8');

describe('world schema versions', () => {
  it('has a stored fixture for every version up to the current one', () => {
    const have = readdirSync(FIXTURES).filter((f) => /^world-v\d+\.json$/.test(f));
    for (let v = 1; v <= WORLD_SCHEMA_VERSION; v++) expect(have).toContain(`world-v${v}.json`);
  });

  for (let v = 1; v <= WORLD_SCHEMA_VERSION; v++) {
    it(`loads a version ${v} world and arrives at version ${WORLD_SCHEMA_VERSION}`, () => {
      const text = fixture(v);
      const world = deserializeWorld(text);
      expect(world.schemaVersion).toBe(WORLD_SCHEMA_VERSION);
      // Pure: the input is not modified, and loading twice gives the same world.
      expect(fixture(v)).toBe(text);
      expect(serializeWorld(deserializeWorld(text))).toBe(serializeWorld(world));
      expect(Object.keys(world.hosts).sort()).toEqual(['ovs01', 'ovs02']);
    });
  }

  it('an attempt whose snapshot is the oldest fixture boots and runs commands', async () => {
    const store = freshStore();
    await store.putAttempt({ id: 'test', seed: 20260302, scenario: 'default', createdAt: 0, updatedAt: 0 });
    await store.putSnapshot({ attemptId: 'test', seq: -1, atMs: 0, schemaVersion: 1, world: fixture(1), sessions: '[]', core: new Uint8Array(0) });
    const engine = await bootOn(store, {}, 20260302);
    const out = (await typeLines(engine, ['xm list', 'service ntpd stop', 'hostname'])).map(plain).join('');
    expect(out).not.toMatch(/internal error/i);
    expect(JSON.parse(engine.inspect().world).schemaVersion).toBe(WORLD_SCHEMA_VERSION);
  });

  it('refuses a world from a newer version with "export first / start fresh"', () => {
    const future = JSON.stringify({ ...JSON.parse(fixture(WORLD_SCHEMA_VERSION)), schemaVersion: WORLD_SCHEMA_VERSION + 1 });
    expect(() => deserializeWorld(future)).toThrow(SnapshotVersionError);
    expect(() => deserializeWorld(future)).toThrow(/newer version of OVM Sandbox .*export it first, or start fresh/);
  });

  it('an attempt whose snapshot is from a newer version boots with a refusal and is not written', async () => {
    const store = freshStore();
    const engine = await bootOn(store, { snapshotEvery: 1 });
    await typeLines(engine, ['service ntpd stop', 'service atd stop']);
    await new Promise((r) => setTimeout(r, 10));
    const snap = (await store.latestSnapshot('test'))!;
    const world = JSON.parse(snap.world) as Record<string, unknown>;
    await store.putSnapshot({ ...snap, schemaVersion: 99, world: JSON.stringify({ ...world, schemaVersion: 99 }) });
    const before = await store.dump();

    const next = await bootOn(store);
    const info = await next.boot({ attemptId: 'test' });
    expect(info.refusal).toBe(
      `This saved state was written by a newer version of OVM Sandbox (schema 99, this build reads up to ${WORLD_SCHEMA_VERSION}): export it first, or start fresh. Nothing here is saved meanwhile.`,
    );
    await next.open('t1', 'ovs01', 80, 24);
    await typeLines(next, ['service crond stop']);
    expect(plain((await typeLines(next, ['undo']))[0]!)).toBe('undo\nundo: your work is not being saved, so there is nothing to step back to\n[root@ovs01 ~]# ');
    expect(await store.dump()).toEqual(before);
    // Export still works (it reads storage as it is); starting fresh replaces the attempt.
    expect(JSON.parse(await next.exportData('all')).snapshots.some((s: { schemaVersion: number }) => s.schemaVersion === 99)).toBe(true);
    const fresh = await next.resetAttempt();
    expect(fresh.refusal).toBeNull();
  });

  it('an attempt journaled by a newer version is refused the same way', async () => {
    const store = freshStore();
    await bootOn(store);
    const a = (await store.getAttempt('test'))!;
    await store.putAttempt({ ...a, journalVersion: 2 });
    const engine = await bootOn(store);
    const info = await engine.boot({ attemptId: 'test' });
    expect(info.refusal).toBe('This attempt was saved by a newer version of OVM Sandbox (journal 2, this build reads up to 1): export it first, or start fresh. Nothing here is saved meanwhile.');
  });

  it('a database from a newer version of the app is refused; reset everything deletes it and starts fresh', async () => {
    const name = `newer-${process.pid}`;
    await new Promise<void>((resolve) => {
      const r = indexedDB.open(name, 99);
      r.onsuccess = () => (r.result.close(), resolve());
    });
    const engine = createEngine({ loadCore, store: createIdbStore(name) });
    const info = await engine.boot({ attemptId: 'test' });
    expect(info.refusal).toBe(
      'Your saved work was written by a newer version of OVM Sandbox: open it with that version (and export it there), or reset everything to start fresh here. Nothing here is saved meanwhile.',
    );
    const fresh = await engine.resetEverything();
    expect(fresh.refusal).toBeNull();
    await engine.open('t1', 'ovs01', 80, 24);
    await typeLines(engine, ['service ntpd stop']);
    expect((await createIdbStore(name).readJournal('test', -1)).length).toBe(1);
  });
});
