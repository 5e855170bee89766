// The engine's Store port over IndexedDB: journal appends, snapshots and attempts.
import { openSandboxDb, type SandboxDatabase } from './db';
import type { AttemptRecord, JournalEntry, SnapshotRecord, Store } from '../engine/store';

/** How many snapshots of an attempt are kept; older ones are pruned, the journal never is. */
const KEEP_SNAPSHOTS = 2;

export function createIdbStore(dbName?: string): Store & { close(): Promise<void> } {
  let dbp: Promise<SandboxDatabase> | undefined;
  const db = () => (dbp ??= openSandboxDb(dbName));

  return {
    async getAttempt(id) {
      return (await db()).get('attempts', id);
    },
    async putAttempt(a: AttemptRecord) {
      await (await db()).put('attempts', a);
    },
    async appendJournal(e: JournalEntry) {
      await (await db()).put('journal', e);
    },
    async readJournal(attemptId, afterSeq) {
      const range = IDBKeyRange.bound([attemptId, afterSeq + 1], [attemptId, Number.MAX_SAFE_INTEGER]);
      return (await db()).getAll('journal', range);
    },
    async putSnapshot(s: SnapshotRecord) {
      const d = await db();
      const tx = d.transaction('snapshots', 'readwrite');
      await tx.store.put(s);
      const keys = await tx.store.index('byAttempt').getAllKeys(s.attemptId);
      for (const k of keys.slice(0, Math.max(0, keys.length - KEEP_SNAPSHOTS))) await tx.store.delete(k);
      await tx.done;
    },
    async latestSnapshot(attemptId) {
      const d = await db();
      const range = IDBKeyRange.bound([attemptId, -1], [attemptId, Number.MAX_SAFE_INTEGER]);
      const cursor = await d.transaction('snapshots').store.openCursor(range, 'prev');
      return cursor?.value;
    },
    async deleteAttempt(attemptId) {
      const d = await db();
      const tx = d.transaction(['attempts', 'journal', 'snapshots'], 'readwrite');
      const range = IDBKeyRange.bound([attemptId, -1], [attemptId, Number.MAX_SAFE_INTEGER]);
      await Promise.all([tx.objectStore('attempts').delete(attemptId), tx.objectStore('journal').delete(range), tx.objectStore('snapshots').delete(range), tx.done]);
    },
    async close() {
      if (dbp) (await dbp).close();
      dbp = undefined;
    },
  };
}
