// Export and import: a round trip restores the same world and progress; every kind of bad file
// gets one clear sentence from the parser (checked there), and the engine then changes nothing.
import { describe, expect, it } from 'vitest';
import { bootOn, freshStore, typeLines } from './helpers';
import { exportText, parseImport, toBase64, fromBase64 } from '../../../src/engine/export-import';
import { EXPORT_FORMAT_VERSION } from '../../../src/engine/export-import-schema';
import type { ProgressRecord } from '../../../src/engine/store';

const progress: ProgressRecord = { labId: '01-first-look', status: 'solved', score: 95, hintsUsed: 1, solutionShown: false, startedAt: 10, solvedAt: 20, updatedAt: 20 };

async function exported() {
  const store = freshStore();
  const engine = await bootOn(store, { snapshotEvery: 2 });
  await typeLines(engine, ['service ntpd stop', 'echo kept > /root/keep.txt', 'service atd stop', 'undo']);
  await store.putProgress(progress);
  await store.putSetting('speed', 10);
  await store.putTerminal({ attemptId: 'test', session: 't1', data: '[root@ovs01 ~]# ', savedAt: 5 });
  await new Promise((r) => setTimeout(r, 10));
  return { store, engine, text: await engine.exportData('all'), world: engine.inspect() };
}

describe('export / import', () => {
  it('export → reset everything → import gives back the same world, progress and scrollback', async () => {
    const { engine, text, world, store } = await exported();
    const before = await store.dump();
    await engine.resetEverything();
    expect(await store.listProgress()).toEqual([]);
    expect(engine.inspect().world).not.toBe(world.world);
    const r = await engine.importData(text);
    expect(r.ok && r.summary).toBe('Imported 1 attempt (4 commands recorded) and progress in 1 lab.');
    expect(engine.inspect()).toEqual({ ...world, sessions: expect.any(String) });
    expect(JSON.parse(engine.inspect().sessions)).toEqual(JSON.parse(world.sessions));
    expect(await store.listProgress()).toEqual([progress]);
    expect(await store.getSetting('speed')).toBe(10);
    expect(await engine.loadTerminal('t1')).toBe('[root@ovs01 ~]# ');
    expect(await store.dump()).toEqual(before);
  });

  it('exports one attempt alone, and it imports into another browser', async () => {
    const { engine, world } = await exported();
    const text = await engine.exportData('attempt');
    const doc = JSON.parse(text) as { scope: string; attempts: unknown[]; progress: unknown[] };
    expect([doc.scope, doc.attempts.length, doc.progress.length]).toEqual(['attempt', 1, 0]);
    const elsewhere = await bootOn(freshStore());
    const r = await elsewhere.importData(text);
    expect(r.ok).toBe(true);
    expect(elsewhere.inspect().world).toBe(world.world);
  });

  it('round-trips the core tables through base64', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 300]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
    expect(toBase64(new Uint8Array([104, 105]))).toBe('aGk=');
  });

  describe('refuses a bad file with a clear message and changes nothing', () => {
    const good = JSON.parse(exportText({ attempts: [{ id: 'a', seed: 1, scenario: 'default', createdAt: 0, updatedAt: 0 }], journal: [], snapshots: [], terminal: [], progress: [], settings: [], customLabs: [] }, 'all', 0)) as Record<string, unknown>;
    const variant = (patch: (d: Record<string, unknown>) => void) => {
      const d = structuredClone(good);
      patch(d);
      return JSON.stringify(d);
    };
    const futureWorld = JSON.stringify({ schemaVersion: 999, hosts: {} });
    const cases: Array<[string, string, string]> = [
      ['truncated', JSON.stringify(good).slice(0, 60), 'This file is not valid JSON; it may be truncated or not an export ('],
      ['not JSON at all', 'hello', 'This file is not valid JSON; it may be truncated or not an export ('],
      ['the wrong kind', JSON.stringify({ kind: 'something-else', formatVersion: 1 }), 'This is not an OVM Sandbox export (its kind is "something-else"). Nothing was imported.'],
      ['a list', '[1, 2]', 'This is not an OVM Sandbox export. Nothing was imported.'],
      ['a future format', variant((d) => (d.formatVersion = EXPORT_FORMAT_VERSION + 1)), `This export was written by a newer version of OVM Sandbox (format ${EXPORT_FORMAT_VERSION + 1}; this version reads up to ${EXPORT_FORMAT_VERSION}). Open it with the newer version, or start fresh here. Nothing was imported.`],
      ['wrong types', variant((d) => ((d.attempts as Array<Record<string, unknown>>)[0]!.seed = 'one')), 'This export is damaged: /attempts/0/seed must be integer. Nothing was imported.'],
      ['a missing list', variant((d) => delete d.journal), "This export is damaged: the file must have required property 'journal'. Nothing was imported."],
      ['a bad journal record', variant((d) => (d.journal = [{ attemptId: 'a', seq: 0, atMs: 0, session: 't1', host: 'ovs01', record: { kind: 'exec' } }])), "This export is damaged: /journal/0/record must have required property 'line'. Nothing was imported."],
      ['an entry of an unknown attempt', variant((d) => (d.journal = [{ attemptId: 'zz', seq: 0, atMs: 0, session: 't1', host: 'ovs01', record: { kind: 'eof' } }])), 'This export is damaged: /journal/0 belongs to attempt "zz", which is not in the file. Nothing was imported.'],
      ['a future journal', variant((d) => ((d.attempts as Array<Record<string, unknown>>)[0]!.journalVersion = 7)), 'Attempt "a" was saved by a newer version of OVM Sandbox (journal 7; this version reads up to 1). Open it with the newer version, or start fresh here. Nothing was imported.'],
      ['a future world', variant((d) => (d.snapshots = [{ attemptId: 'a', seq: -1, atMs: 0, schemaVersion: 999, world: futureWorld, sessions: '[]', core: '' }])), 'This export holds a world saved by a newer version of OVM Sandbox (schema 999; this version reads up to 1). Open it with the newer version, or start fresh here. Nothing was imported.'],
      ['an unreadable world', variant((d) => (d.snapshots = [{ attemptId: 'a', seq: -1, atMs: 0, schemaVersion: 1, world: '{"hosts":', sessions: '[]', core: '' }])), 'This export is damaged: /snapshots/0/world cannot be read ('],
      ['200 MB', ' '.repeat(200 * 1024 * 1024), 'This file is 200.0 MB; an OVM Sandbox export is at most 64.0 MB. Nothing was imported.'],
    ];
    // Every refusal is the pure parser's: test each there, and one end to end (stores and world untouched).
    const expectRefusal = (error: string, message: string) => {
      if (message.endsWith('(')) expect(error.startsWith(message) && error.endsWith('). Nothing was imported.')).toBe(true);
      else expect(error).toBe(message);
    };
    for (const [name, text, message] of cases) {
      it(name, () => {
        const r = parseImport(text);
        expect(r.ok).toBe(false);
        expectRefusal(r.ok ? '' : r.error, message);
      });
    }
    it('end to end: the engine refuses it and the stores and the world stay exactly as they were', async () => {
      const store = freshStore();
      const engine = await bootOn(store);
      const [, text, message] = cases.find(([name]) => name === 'wrong types')!;
      const before = await store.dump();
      const worldBefore = engine.inspect();
      const r = await engine.importData(text);
      expect(r.ok).toBe(false);
      expectRefusal(r.ok ? '' : r.error, message);
      expect(await store.dump()).toEqual(before);
      expect(engine.inspect()).toEqual(worldBefore);
    });
  });

  it('parses its own export', async () => {
    const { text } = await exported();
    const r = parseImport(text);
    expect(r.ok).toBe(true);
  });
});
