// The IndexedDB store over fake-indexeddb: journal order, snapshot pruning (the base is kept),
// undo marks, scrollback, dump/load and reset everything.
import { describe, expect, it } from 'vitest';
import { freshStore } from './fresh-store';
import type { JournalEntry, SnapshotRecord } from '../../../src/engine/store';

const entry = (seq: number, attemptId = 'a'): JournalEntry => ({ attemptId, seq, atMs: seq * 1000, session: 't1', host: 'ovs01', record: { kind: 'exec', line: `echo ${seq}` } });
const snap = (seq: number, attemptId = 'a'): SnapshotRecord => ({ attemptId, seq, atMs: 0, schemaVersion: 1, world: `{"seq":${seq}}`, sessions: '[]', core: new Uint8Array([seq & 255, 1, 2]) });

describe('idb store', () => {
  it('reads the journal after a seq, in order, per attempt', async () => {
    const store = freshStore();
    for (const s of [2, 0, 1, 10, 3]) await store.appendJournal(entry(s));
    await store.appendJournal(entry(0, 'b'));
    expect((await store.readJournal('a', 0)).map((e) => e.seq)).toEqual([1, 2, 3, 10]);
    expect((await store.readJournal('b', -1)).map((e) => e.seq)).toEqual([0]);
  });

  it('writes a new attempt with its base snapshot, both or neither', async () => {
    const store = freshStore();
    const record = { id: 'a', seed: 1, scenario: 'default', createdAt: 1, updatedAt: 1 };
    await store.createAttempt(record, snap(-1));
    expect(await store.getAttempt('a')).toEqual(record);
    expect(await store.latestSnapshot('a')).toEqual(snap(-1));
    // A base snapshot the store refuses (no key) takes the record down with it.
    const broken = { ...snap(-1, 'b'), attemptId: undefined } as unknown as SnapshotRecord;
    await expect(store.createAttempt({ ...record, id: 'b' }, broken)).rejects.toThrow();
    expect(await store.getAttempt('b')).toBeUndefined();
  });

  it('keeps the base snapshot and the two newest; finds the newest before a seq', async () => {
    const store = freshStore();
    await store.putAttempt({ id: 'a', seed: 1, scenario: 'default', createdAt: 1, updatedAt: 1 });
    for (const s of [-1, 5, 10, 15, 20]) await store.putSnapshot(snap(s));
    const dump = await store.dump('a');
    expect(dump.snapshots.map((s) => s.seq)).toEqual([-1, 15, 20]);
    expect((await store.latestSnapshot('a'))?.seq).toBe(20);
    expect((await store.latestSnapshot('a', 20))?.seq).toBe(15);
    expect((await store.latestSnapshot('a', 15))?.seq).toBe(-1);
    expect((await store.latestSnapshot('a'))?.core).toEqual(new Uint8Array([20, 1, 2]));
    expect(await store.latestSnapshot('other')).toBeUndefined();
  });

  it('marks entries undone and drops the snapshots that contain them, atomically', async () => {
    const store = freshStore();
    await store.putAttempt({ id: 'a', seed: 1, scenario: 'default', createdAt: 1, updatedAt: 1 });
    for (let s = 0; s < 6; s++) await store.appendJournal(entry(s));
    for (const s of [-1, 1, 4]) await store.putSnapshot(snap(s));
    await store.setUndone('a', [2, 3], true);
    expect((await store.readJournal('a', -1)).map((e) => [e.seq, !!e.undone])).toEqual([
      [0, false],
      [1, false],
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
    expect((await store.dump('a')).snapshots.map((s) => s.seq)).toEqual([-1, 1]);
    await store.setUndone('a', [2, 3], false);
    expect((await store.readJournal('a', -1)).some((e) => 'undone' in e)).toBe(false);
  });

  it('keeps scrollback, progress and settings; deleting an attempt takes its scrollback too', async () => {
    const store = freshStore();
    await store.putAttempt({ id: 'a', seed: 1, scenario: 'default', createdAt: 1, updatedAt: 1 });
    await store.putTerminal({ attemptId: 'a', session: 't1', data: 'hello\r\n# ', savedAt: 5 });
    await store.putTerminal({ attemptId: 'b', session: 't1', data: 'other', savedAt: 5 });
    await store.putProgress({ labId: 'lab1', status: 'solved', score: 90, hintsUsed: 1, solutionShown: false, startedAt: 1, solvedAt: 2, updatedAt: 2 });
    await store.putSetting('theme', { dark: true });
    expect((await store.getTerminal('a', 't1'))?.data).toBe('hello\r\n# ');
    expect(await store.getSetting('theme')).toEqual({ dark: true });
    expect((await store.listProgress()).map((p) => p.labId)).toEqual(['lab1']);
    await store.deleteAttempt('a');
    expect(await store.getTerminal('a', 't1')).toBeUndefined();
    expect(await store.getTerminal('b', 't1')).toBeDefined();
    expect(await store.getProgress('lab1')).toBeDefined();
  });

  it('dumps everything and loads it back; a loaded attempt replaces the stored one', async () => {
    const store = freshStore();
    await store.putAttempt({ id: 'a', seed: 1, scenario: 'default', createdAt: 1, updatedAt: 1 });
    for (let s = 0; s < 3; s++) await store.appendJournal(entry(s));
    await store.putSnapshot(snap(-1));
    await store.putSetting('k', 7);
    const dump = await store.dump();

    const other = freshStore();
    await other.putAttempt({ id: 'a', seed: 99, scenario: 'default', createdAt: 1, updatedAt: 1 });
    for (let s = 0; s < 8; s++) await other.appendJournal(entry(s));
    await other.putAttempt({ id: 'keep', seed: 5, scenario: 'default', createdAt: 1, updatedAt: 1 });
    await other.load(dump);
    expect((await other.getAttempt('a'))?.seed).toBe(1);
    expect((await other.readJournal('a', -1)).length).toBe(3);
    expect(await other.getAttempt('keep')).toBeDefined();
    expect(await other.getSetting('k')).toBe(7);
    expect((await other.dump('a')).snapshots).toEqual(dump.snapshots);
  });

  it('reset everything empties every store', async () => {
    const store = freshStore();
    await store.putAttempt({ id: 'a', seed: 1, scenario: 'default', createdAt: 1, updatedAt: 1 });
    await store.appendJournal(entry(0));
    await store.putSetting('k', 1);
    await store.clearAll();
    expect(await store.dump()).toEqual({ attempts: [], journal: [], snapshots: [], terminal: [], progress: [], settings: [], customLabs: [] });
  });

  it('under quota pressure keeps each attempt\'s base and newest snapshot, and every journal entry', async () => {
    const store = freshStore();
    for (const a of ['a', 'b']) {
      await store.putAttempt({ id: a, seed: 1, scenario: 'default', createdAt: 1, updatedAt: 1 });
      for (const s of [-1, 3, 6]) await store.putSnapshot(snap(s, a));
      for (let s = 0; s < 7; s++) await store.appendJournal(entry(s, a));
    }
    expect(await store.pruneSnapshots()).toBe(2);
    for (const a of ['a', 'b']) {
      const d = await store.dump(a);
      expect(d.snapshots.map((s) => s.seq)).toEqual([-1, 6]);
      expect(d.journal.length).toBe(7);
    }
  });

  it('keeps custom labs', async () => {
    const store = freshStore();
    await store.putCustomLab({ id: 'my-lab', yaml: 'title: Mine\n', updatedAt: 3 });
    await store.putCustomLab({ id: 'other', yaml: 'title: Other\n', updatedAt: 4 });
    await store.deleteCustomLab('other');
    expect(await store.listCustomLabs()).toEqual([{ id: 'my-lab', yaml: 'title: Mine\n', updatedAt: 3 }]);
  });
});
