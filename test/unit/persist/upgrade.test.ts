// The IndexedDB upgrade ladder: a database from every past version opens at the current one
// with its data intact; blocked / blocking between tabs of different versions.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSandboxDb } from '../../../src/persist/db';
import { DB_VERSION, STORE_NAMES } from '../../../src/persist/schema';
import { createIdbStore } from '../../../src/persist/idb-store';

let n = 0;
const dbName = () => `upgrade-${process.pid}-${++n}`;

/** What each past version held, written through that version's own rungs of the ladder. */
async function seedVersion(name: string, version: number): Promise<void> {
  const db = await openSandboxDb(name, {}, version);
  await db.put('attempts', { id: 'a', seed: 7, scenario: 'default', createdAt: 1, updatedAt: 2 });
  await db.put('journal', { attemptId: 'a', seq: 0, atMs: 0, session: 't1', host: 'ovs01', record: { kind: 'exec', line: 'xm list' } });
  await db.put('snapshots', { attemptId: 'a', seq: -1, atMs: 0, schemaVersion: 1, world: '{}', sessions: '[]', core: new Uint8Array([1]) });
  await db.put('settings', 'dark', 'theme');
  if (version >= 2) await db.put('progress', { labId: 'l1', status: 'in-progress', score: null, hintsUsed: 0, solutionShown: false, startedAt: 1, solvedAt: null, updatedAt: 1 });
  db.close();
}

describe('upgrade ladder', () => {
  for (let from = 1; from <= DB_VERSION; from++) {
    it(`opens a version ${from} database at version ${DB_VERSION} with its data`, async () => {
      const name = dbName();
      await seedVersion(name, from);
      const db = await openSandboxDb(name);
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
      db.close();
      const store = createIdbStore(name);
      expect(await store.getAttempt('a')).toEqual({ id: 'a', seed: 7, scenario: 'default', createdAt: 1, updatedAt: 2 });
      expect((await store.readJournal('a', -1)).map((e) => e.record)).toEqual([{ kind: 'exec', line: 'xm list' }]);
      expect((await store.latestSnapshot('a'))?.core).toEqual(new Uint8Array([1]));
      expect(await store.getSetting('theme')).toBe('dark');
      expect((await store.listProgress()).length).toBe(from >= 2 ? 1 : 0);
      await store.close();
    });
  }

  it('an older connection steps aside when a newer version opens (blocking), and says so', async () => {
    const name = dbName();
    let blocking = 0;
    const old = await openSandboxDb(name, { onBlocking: () => blocking++ }, 1);
    const db = await openSandboxDb(name);
    expect(blocking).toBe(1);
    expect(db.version).toBe(DB_VERSION);
    db.close();
    old.close();
  });

  it('an upgrade waits for a connection that does not close, and reports it (blocked)', async () => {
    const name = dbName();
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(name, 1);
      r.onsuccess = () => resolve(r.result);
    });
    let blocked = 0;
    const opening = openSandboxDb(name, { onBlocked: () => blocked++ });
    await new Promise((r) => setTimeout(r, 20));
    expect(blocked).toBe(1);
    raw.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });
});
