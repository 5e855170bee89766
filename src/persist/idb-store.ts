// The engine's Store port over IndexedDB: journal, snapshots, attempts, scrollback, progress,
// settings and custom labs; dump/load for export and import. Quota errors prune old snapshots.
import { openSandboxDb, type OpenHooks, type SandboxDatabase } from './db';
import { deleteDB } from 'idb';
import { DB_NAME, STORE_NAMES } from './schema';
import { withQuotaRetry } from './quota';
import type { AttemptRecord, JournalEntry, ProgressRecord, SnapshotRecord, Store, StoreDump, TerminalRecord } from '../engine/store';

/** Snapshots kept per attempt besides the base (seq -1); older ones are pruned, the journal never is. */
const KEEP_SNAPSHOTS = 2;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;
/** Transactions that acknowledge work wait for the disk (see appendJournal). */
const STRICT = { durability: 'strict' } as const;

export interface IdbStoreOptions extends OpenHooks {
  /** Snapshots were pruned to make room after a quota error. */
  onPruned?(count: number): void;
}

export type IdbStore = Store & {
  close(): Promise<void>;
  /** Opens the database now rather than at the first read (a failure is the first read's). */
  warm(): void;
  /** What a quota error triggers before the retry: every attempt keeps its base and newest snapshot. */
  pruneSnapshots(): Promise<number>;
};

export function createIdbStore(dbName?: string, opts: IdbStoreOptions = {}): IdbStore {
  let dbp: Promise<SandboxDatabase> | undefined;
  const db = () =>
    (dbp ??= openSandboxDb(dbName, {
      onBlocked: opts.onBlocked,
      onBlocking: () => {
        dbp = undefined;
        opts.onBlocking?.();
      },
    }));
  const all = (id: string) => IDBKeyRange.bound([id, -1], [id, MAX_SEQ]);

  /** Under quota pressure: every attempt keeps only its base and its newest snapshot. */
  async function pruneSnapshots(): Promise<number> {
    const d = await db();
    const tx = d.transaction('snapshots', 'readwrite');
    const keys = await tx.store.getAllKeys();
    const newest = new Map<string, number>();
    for (const [a, s] of keys) newest.set(a, Math.max(newest.get(a) ?? -1, s));
    let n = 0;
    for (const [a, s] of keys) {
      if (s !== -1 && s !== newest.get(a)) {
        await tx.store.delete([a, s]);
        n++;
      }
    }
    await tx.done;
    return n;
  }
  const guarded = <T>(write: () => Promise<T>) => withQuotaRetry(write, pruneSnapshots, opts.onPruned);

  return {
    warm() {
      db().catch(() => undefined);
    },

    async getAttempt(id) {
      return (await db()).get('attempts', id);
    },
    async putAttempt(a: AttemptRecord) {
      await guarded(async () => {
        const tx = (await db()).transaction('attempts', 'readwrite', STRICT);
        await Promise.all([tx.store.put(a), tx.done]);
      });
    },
    async createAttempt(a: AttemptRecord, base: SnapshotRecord) {
      await guarded(async () => {
        const tx = (await db()).transaction(['attempts', 'snapshots'], 'readwrite', STRICT);
        const done = tx.done;
        done.catch(() => undefined); // awaited below; an abort is the put's own error
        const puts: Array<Promise<unknown>> = [];
        try {
          puts.push(tx.objectStore('attempts').put(a));
          puts.push(tx.objectStore('snapshots').put(base));
        } catch (e) {
          // A record refused as it is put (a bad key) would not abort the transaction by itself.
          for (const p of puts) p.catch(() => undefined);
          tx.abort();
          throw e;
        }
        await Promise.all([...puts, done]);
      });
    },
    async appendJournal(e: JournalEntry | readonly JournalEntry[]) {
      const entries = Array.isArray(e) ? (e as readonly JournalEntry[]) : [e as JournalEntry];
      if (!entries.length) return;
      // 'strict': the commit waits for the disk, so an acknowledged command survives a crash or a
      // power cut (Chromium's default, 'relaxed', may lose the last commits).
      await guarded(async () => {
        const tx = (await db()).transaction('journal', 'readwrite', STRICT);
        await Promise.all([...entries.map((x) => tx.store.put(x)), tx.done]);
      });
    },
    async readJournal(attemptId, afterSeq) {
      const range = IDBKeyRange.bound([attemptId, afterSeq + 1], [attemptId, MAX_SEQ]);
      return (await db()).getAll('journal', range);
    },
    async putSnapshot(s: SnapshotRecord) {
      await guarded(async () => {
        const tx = (await db()).transaction('snapshots', 'readwrite');
        await tx.store.put(s);
        const keys = (await tx.store.getAllKeys(all(s.attemptId))).filter(([, seq]) => seq !== -1);
        for (const k of keys.slice(0, Math.max(0, keys.length - KEEP_SNAPSHOTS))) await tx.store.delete(k);
        await tx.done;
      });
    },
    async latestSnapshot(attemptId, beforeSeq = MAX_SEQ + 1) {
      const range = IDBKeyRange.bound([attemptId, -1], [attemptId, Math.min(beforeSeq, MAX_SEQ)], false, beforeSeq <= MAX_SEQ);
      const cursor = await (await db()).transaction('snapshots').store.openCursor(range, 'prev');
      return cursor?.value;
    },
    async setUndone(attemptId, seqs, undone) {
      if (!seqs.length) return;
      await guarded(async () => {
        const tx = (await db()).transaction(['journal', 'snapshots'], 'readwrite', STRICT);
        const journal = tx.objectStore('journal');
        for (const seq of seqs) {
          const e = await journal.get([attemptId, seq]);
          if (!e) continue;
          if (undone) e.undone = true;
          else delete e.undone;
          await journal.put(e);
        }
        // Snapshots taken after the first affected entry contain (or lack) its effect: stale now.
        await tx.objectStore('snapshots').delete(IDBKeyRange.bound([attemptId, Math.max(0, Math.min(...seqs))], [attemptId, MAX_SEQ]));
        await tx.done;
      });
    },
    async markFailed(attemptId, seq) {
      await guarded(async () => {
        const tx = (await db()).transaction(['journal', 'snapshots'], 'readwrite', STRICT);
        const journal = tx.objectStore('journal');
        const e = await journal.get([attemptId, seq]);
        if (e) await journal.put({ ...e, failed: true });
        // Snapshots taken after it may hold its half-done effect: a rebuild goes around them.
        await tx.objectStore('snapshots').delete(IDBKeyRange.bound([attemptId, Math.max(0, seq)], [attemptId, MAX_SEQ]));
        await tx.done;
      });
    },
    async deleteAttempt(attemptId) {
      const tx = (await db()).transaction(['attempts', 'journal', 'snapshots', 'terminal'], 'readwrite');
      const terminalKeys = await tx.objectStore('terminal').index('byAttempt').getAllKeys(attemptId);
      await Promise.all([
        tx.objectStore('attempts').delete(attemptId),
        tx.objectStore('journal').delete(all(attemptId)),
        tx.objectStore('snapshots').delete(all(attemptId)),
        ...terminalKeys.map((k) => tx.objectStore('terminal').delete(k)),
        tx.done,
      ]);
    },
    async putTerminal(t: TerminalRecord) {
      await guarded(async () => void (await (await db()).put('terminal', t)));
    },
    async getTerminal(attemptId, session) {
      return (await db()).get('terminal', [attemptId, session]);
    },
    async getProgress(labId) {
      return (await db()).get('progress', labId);
    },
    async putProgress(p: ProgressRecord) {
      await guarded(async () => void (await (await db()).put('progress', p)));
    },
    async listProgress() {
      return (await db()).getAll('progress');
    },
    async getSetting(key) {
      return (await db()).get('settings', key);
    },
    async putSetting(key, value) {
      await guarded(async () => void (await (await db()).put('settings', value, key)));
    },
    async dump(attemptId?: string): Promise<StoreDump> {
      const d = await db();
      const tx = d.transaction([...STORE_NAMES], 'readonly');
      if (attemptId !== undefined) {
        const attempt = await tx.objectStore('attempts').get(attemptId);
        const out: StoreDump = {
          attempts: attempt ? [attempt] : [],
          journal: attempt ? await tx.objectStore('journal').getAll(all(attemptId)) : [],
          snapshots: attempt ? await tx.objectStore('snapshots').getAll(all(attemptId)) : [],
          terminal: attempt ? await tx.objectStore('terminal').index('byAttempt').getAll(attemptId) : [],
          progress: [],
          settings: [],
          customLabs: [],
        };
        await tx.done;
        return out;
      }
      const settingKeys = await tx.objectStore('settings').getAllKeys();
      const settingValues = await tx.objectStore('settings').getAll();
      const out: StoreDump = {
        attempts: await tx.objectStore('attempts').getAll(),
        journal: await tx.objectStore('journal').getAll(),
        snapshots: await tx.objectStore('snapshots').getAll(),
        terminal: await tx.objectStore('terminal').getAll(),
        progress: await tx.objectStore('progress').getAll(),
        settings: settingKeys.map((key, i) => ({ key, value: settingValues[i] })),
        customLabs: await tx.objectStore('customLabs').getAll(),
      };
      await tx.done;
      return out;
    },
    async load(dump: StoreDump) {
      await guarded(async () => {
        const tx = (await db()).transaction([...STORE_NAMES], 'readwrite');
        const journal = tx.objectStore('journal');
        const snapshots = tx.objectStore('snapshots');
        const terminal = tx.objectStore('terminal');
        for (const a of dump.attempts) {
          // An imported attempt replaces the stored one of the same id, never mixes with it.
          await journal.delete(all(a.id));
          await snapshots.delete(all(a.id));
          for (const k of await terminal.index('byAttempt').getAllKeys(a.id)) await terminal.delete(k);
          await tx.objectStore('attempts').put(a);
        }
        for (const e of dump.journal) await journal.put(e);
        for (const s of dump.snapshots) await snapshots.put(s);
        for (const t of dump.terminal) await terminal.put(t);
        for (const p of dump.progress) await tx.objectStore('progress').put(p);
        for (const s of dump.settings) await tx.objectStore('settings').put(s.value, s.key);
        for (const c of dump.customLabs) await tx.objectStore('customLabs').put(c);
        await tx.done;
      });
    },
    async listCustomLabs() {
      return (await db()).getAll('customLabs');
    },
    async putCustomLab(c) {
      await guarded(async () => void (await (await db()).put('customLabs', c)));
    },
    async deleteCustomLab(id) {
      await (await db()).delete('customLabs', id);
    },
    async clearAll() {
      let d: SandboxDatabase;
      try {
        d = await db();
      } catch (e) {
        // Written by a newer version (VersionError): "start fresh" deletes it and starts over.
        dbp = undefined;
        if ((e as { name?: string } | null)?.name !== 'VersionError') throw e;
        await deleteDB(dbName ?? DB_NAME);
        return;
      }
      const tx = d.transaction([...STORE_NAMES], 'readwrite');
      await Promise.all([...STORE_NAMES.map((n) => tx.objectStore(n).clear()), tx.done]);
    },
    async close() {
      if (dbp) (await dbp).close();
      dbp = undefined;
    },
    pruneSnapshots,
  };
}
