// Files that pass the schema but would break the attempt they replace: each is restored in a
// scratch engine first and refused with one sentence, and the stored work stays exactly as it
// was. A stored attempt that cannot be restored is set aside (never deleted) and starts afresh.
import { describe, expect, it } from 'vitest';
import { bootOn, freshStore, typeLines } from './helpers';
import { createEngine } from '../../../src/engine';
import { loadCore } from '../../../src/sim/core/load-core';

type Doc = { journal: Array<Record<string, unknown>>; snapshots: Array<Record<string, unknown>> };

async function exported() {
  const store = freshStore();
  const engine = await bootOn(store);
  await typeLines(engine, ['touch /root/mine', 'service ntpd stop']);
  return { store, engine, text: await engine.exportData('all') };
}

/** The export with `edit` applied to its parsed document. */
function edited(text: string, edit: (doc: Doc) => void): string {
  const doc = JSON.parse(text) as Doc;
  edit(doc);
  return JSON.stringify(doc);
}

const lastEntry = (doc: Doc) => doc.journal[doc.journal.length - 1]!;
const baseSnapshot = (doc: Doc) => doc.snapshots.find((s) => s.seq === -1)!;

const CASES: Array<[string, (doc: Doc) => void, string]> = [
  ['a journal entry a million years ahead', (d) => (lastEntry(d).atMs = 1e15), 'One saved command could not be replayed and was skipped (`service ntpd stop`); everything else is restored.'],
  ['an entry on a server named __proto__', (d) => (lastEntry(d).host = '__proto__'), 'One saved command could not be replayed and was skipped (`service ntpd stop`); everything else is restored.'],
];

describe('import is proven by a scratch restore before anything is replaced', () => {
  for (const [name, edit, why] of CASES) {
    it(`refuses ${name}, and nothing stored or live changes`, async () => {
      const { store, engine, text } = await exported();
      const before = await store.dump();
      const live = engine.inspect();
      const r = await engine.importData(edited(text, edit));
      expect(r).toEqual({ ok: false, error: `Attempt "test" in this file does not restore cleanly: ${why} Nothing was imported.` });
      expect(await store.dump()).toEqual(before);
      expect(engine.inspect()).toEqual(live);
    });
  }

  it('refuses a world reduced to its schema version', async () => {
    const { store, engine, text } = await exported();
    const before = await store.dump();
    const r = await engine.importData(edited(text, (d) => (d.snapshots = [{ ...baseSnapshot(d), world: '{"schemaVersion":1}' }])));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/^Attempt "test" in this file (cannot be restored|does not restore cleanly): .+ Nothing was imported\.$/);
    expect(await store.dump()).toEqual(before);
  });

  it('refuses a world whose hosts are null', async () => {
    const { store, engine, text } = await exported();
    const before = await store.dump();
    const r = await engine.importData(
      edited(text, (d) => {
        const snap = baseSnapshot(d);
        d.snapshots = [{ ...snap, world: JSON.stringify({ ...JSON.parse(snap.world as string), hosts: null }) }];
      }),
    );
    expect(r.ok).toBe(false);
    expect(await store.dump()).toEqual(before);
  });

  it('still accepts its own export', async () => {
    const { engine, text } = await exported();
    const r = await engine.importData(text);
    expect(r.ok && r.summary).toBe('Imported 1 attempt (2 commands recorded).');
  });
});

describe('a stored attempt that cannot be restored', () => {
  it('is set aside, not deleted, and the attempt starts afresh with saving on', async () => {
    const store = freshStore();
    const live = await bootOn(store);
    await typeLines(live, ['touch /root/mine']);
    // Damaged in storage: every snapshot's world loses its hosts.
    for (const s of (await store.dump('test')).snapshots) await store.putSnapshot({ ...s, world: JSON.stringify({ ...JSON.parse(s.world), hosts: null }) });
    const engine = createEngine({ loadCore, store, wallNow: () => 1234 });
    const info = await engine.boot({ attemptId: 'test', seed: 42 });
    expect(info.refusal).toBeNull();
    expect(info.notice).toMatch(/^Your saved work here could not be restored \(.+\)\. It was set aside, not deleted \(Export everything includes it\), and this attempt starts afresh\.$/);
    const aside = await store.dump('test~set-aside-1234');
    expect(aside.journal.map((e) => e.record)).toEqual([{ kind: 'resize', cols: 80, rows: 24 }, { kind: 'exec', line: 'touch /root/mine' }].slice(-aside.journal.length));
    // Saving goes on for the fresh attempt.
    await engine.open('t1', 'ovs01', 80, 24);
    await typeLines(engine, ['touch /root/new']);
    expect((await store.readJournal('test', -1)).map((e) => e.record).filter((r) => r.kind === 'exec')).toEqual([{ kind: 'exec', line: 'touch /root/new' }]);
  });
});
