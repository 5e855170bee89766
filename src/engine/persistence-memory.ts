// An in-memory Store with the same semantics as the IndexedDB one (values are copied in and out),
// for an engine started without storage: tests, transcripts, a browser without IndexedDB.
// Undo works the same over it; nothing survives the page.
import type { JournalEntry, SnapshotRecord, Store, StoreDump } from './store';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const copySnap = (s: SnapshotRecord): SnapshotRecord => ({ ...copy({ ...s, core: [] }), core: new Uint8Array(s.core) });
const KEEP_SNAPSHOTS = 2;

export function createMemoryStore(): Store {
  const d: StoreDump = { attempts: [], journal: [], snapshots: [], terminal: [], progress: [], settings: [], customLabs: [] };
  const byKey = <T>(list: T[], match: (x: T) => boolean, value: T) => {
    const i = list.findIndex(match);
    if (i >= 0) list[i] = value;
    else list.push(value);
  };
  const sortJournal = () => d.journal.sort((a, b) => (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : a.seq - b.seq));

  return {
    async getAttempt(id) {
      const a = d.attempts.find((x) => x.id === id);
      return a && copy(a);
    },
    async putAttempt(a) {
      byKey(d.attempts, (x) => x.id === a.id, copy(a));
    },
    async createAttempt(a, base) {
      await this.putAttempt(a);
      await this.putSnapshot(base);
    },
    async appendJournal(e: JournalEntry | readonly JournalEntry[]) {
      const batch = Array.isArray(e) ? (e as readonly JournalEntry[]) : [e as JournalEntry];
      if (!batch.length) return;
      // One pass over what is kept and one sort per call, however long the batch (a loaded dump).
      const key = (x: JournalEntry) => `${x.seq}\n${x.attemptId}`;
      const at = new Map(d.journal.map((x, i) => [key(x), i]));
      for (const x of batch) {
        const i = at.get(key(x));
        if (i === undefined) at.set(key(x), d.journal.push(copy(x)) - 1);
        else d.journal[i] = copy(x);
      }
      sortJournal();
    },
    async readJournal(attemptId, afterSeq) {
      return d.journal.filter((e) => e.attemptId === attemptId && e.seq > afterSeq).map(copy);
    },
    async putSnapshot(s) {
      byKey(d.snapshots, (x) => x.attemptId === s.attemptId && x.seq === s.seq, copySnap(s));
      const mine = d.snapshots.filter((x) => x.attemptId === s.attemptId && x.seq !== -1).sort((a, b) => a.seq - b.seq);
      const drop = new Set(mine.slice(0, Math.max(0, mine.length - KEEP_SNAPSHOTS)));
      d.snapshots = d.snapshots.filter((x) => !drop.has(x));
    },
    async latestSnapshot(attemptId, beforeSeq = Infinity) {
      const best = d.snapshots.filter((x) => x.attemptId === attemptId && x.seq < beforeSeq).sort((a, b) => b.seq - a.seq)[0];
      return best && copySnap(best);
    },
    async setUndone(attemptId, seqs, undone) {
      if (!seqs.length) return;
      for (const e of d.journal) {
        if (e.attemptId !== attemptId || !seqs.includes(e.seq)) continue;
        if (undone) e.undone = true;
        else delete e.undone;
      }
      const from = Math.max(0, Math.min(...seqs));
      d.snapshots = d.snapshots.filter((x) => x.attemptId !== attemptId || x.seq < from);
    },
    async markFailed(attemptId, seq) {
      for (const e of d.journal) if (e.attemptId === attemptId && e.seq === seq) e.failed = true;
      d.snapshots = d.snapshots.filter((x) => x.attemptId !== attemptId || x.seq < Math.max(0, seq));
    },
    async deleteAttempt(attemptId) {
      d.attempts = d.attempts.filter((x) => x.id !== attemptId);
      d.journal = d.journal.filter((x) => x.attemptId !== attemptId);
      d.snapshots = d.snapshots.filter((x) => x.attemptId !== attemptId);
      d.terminal = d.terminal.filter((x) => x.attemptId !== attemptId);
    },
    async putTerminal(t) {
      byKey(d.terminal, (x) => x.attemptId === t.attemptId && x.session === t.session, copy(t));
    },
    async getTerminal(attemptId, session) {
      const t = d.terminal.find((x) => x.attemptId === attemptId && x.session === session);
      return t && copy(t);
    },
    async getProgress(labId) {
      const p = d.progress.find((x) => x.labId === labId);
      return p && copy(p);
    },
    async putProgress(p) {
      byKey(d.progress, (x) => x.labId === p.labId, copy(p));
    },
    async listProgress() {
      return copy(d.progress);
    },
    async getSetting(key) {
      const s = d.settings.find((x) => x.key === key);
      return s && copy(s.value);
    },
    async putSetting(key, value) {
      byKey(d.settings, (x) => x.key === key, { key, value: copy(value) });
    },
    async dump(attemptId) {
      if (attemptId === undefined) return { ...copy({ ...d, snapshots: [] }), snapshots: d.snapshots.map(copySnap) };
      const has = d.attempts.some((a) => a.id === attemptId);
      const mine = <T extends { attemptId: string }>(xs: T[]) => (has ? xs.filter((x) => x.attemptId === attemptId) : []);
      return {
        attempts: copy(d.attempts.filter((a) => a.id === attemptId)),
        journal: copy(mine(d.journal)),
        snapshots: mine(d.snapshots).map(copySnap),
        terminal: copy(mine(d.terminal)),
        progress: [],
        settings: [],
        customLabs: [],
      };
    },
    async load(dump) {
      for (const a of dump.attempts) await this.deleteAttempt(a.id);
      for (const a of dump.attempts) await this.putAttempt(a);
      await this.appendJournal(dump.journal);
      for (const s of dump.snapshots) byKey(d.snapshots, (x) => x.attemptId === s.attemptId && x.seq === s.seq, copySnap(s));
      for (const t of dump.terminal) await this.putTerminal(t);
      for (const p of dump.progress) await this.putProgress(p);
      for (const s of dump.settings) await this.putSetting(s.key, s.value);
      for (const c of dump.customLabs) byKey(d.customLabs, (x) => x.id === c.id, copy(c));
    },
    async listCustomLabs() {
      return copy(d.customLabs);
    },
    async putCustomLab(c) {
      byKey(d.customLabs, (x) => x.id === c.id, copy(c));
    },
    async deleteCustomLab(id) {
      d.customLabs = d.customLabs.filter((x) => x.id !== id);
    },
    async clearAll() {
      for (const k of Object.keys(d) as Array<keyof StoreDump>) d[k] = [];
    },
  };
}
