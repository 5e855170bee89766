// The journal with fake-indexeddb (issue 2 item 8, issue 7): durability before output, reload =
// snapshot + journal replay, the `changed` flag, snapshot cadence and fallbacks.
import { describe, expect, it } from 'vitest';
import { bootOn, domainState, freshStore, guests, serviceState, typeLines } from './helpers';
import { createEngine } from '../../../src/engine';
import { loadCore } from '../../../src/sim/core/load-core';
import { plain } from '../../support/engine';
import { StorageFullError } from '../../../src/persist/quota';
import type { JournalEntry, Store } from '../../../src/engine/store';
import type { EngineEvent } from '../../../src/engine/types';

describe('journal', () => {
  it('writes a command to the journal before its output is returned', async () => {
    const store = freshStore();
    const order: string[] = [];
    const slow: Store = {
      ...store,
      async appendJournal(batch: JournalEntry | readonly JournalEntry[]) {
        await new Promise((r) => setTimeout(r, 15));
        await store.appendJournal(batch);
        for (const e of [batch].flat()) order.push(`journal ${e.record.kind === 'exec' ? e.record.line : e.record.kind}`);
      },
    };
    const engine = await bootOn(slow);
    const out = await engine.input('t1', 'service ntpd stop\r').then((o) => (order.push('output'), o));
    expect(plain(out)).toBe('service ntpd stop\nShutting down ntpd:                                        [  OK  ]\n[root@ovs01 ~]# ');
    expect(order).toEqual(['journal service ntpd stop', 'output']);
    expect((await store.readJournal('test', -1)).map((e) => e.record)).toEqual([{ kind: 'exec', line: 'service ntpd stop' }]);
  });

  it('restores the world, the sessions and the history after a reload', async () => {
    const store = freshStore();
    const live = await bootOn(store);
    const [first] = guests(live);
    await typeLines(live, [`xm pause ${first}`, 'service ntpd stop', 'echo hello > /root/note.txt', 'ssh ovs02', 'xm list']);
    const before = live.inspect();
    expect(domainState(live, first!)).toBe('paused');

    const reloaded = await bootOn(store);
    expect(reloaded.inspect()).toEqual(before);
    expect(serviceState(reloaded, 'ovs01', 'ntpd')).toBe('stopped');
    // Still logged in to ovs02, where ↑ recalls the last command, as bash does.
    expect(plain(await reloaded.input('t1', '\x1b[A'))).toBe('[root@ovs02 ~]# xm list');
  });

  it('marks each entry state-changing or not by the world digest before and after', async () => {
    const store = freshStore();
    const engine = await bootOn(store);
    const [first] = guests(engine);
    await typeLines(engine, ['hostname', `xm pause ${first}`, 'echo hi', 'echo hi > /root/a', 'echo $HOME', 'history', 'service ntpd stop', 'service ntpd status']);
    const flags = (await store.readJournal('test', -1)).map((e) => [e.record.kind === 'exec' ? e.record.line : e.record.kind, e.changed]);
    expect(flags).toEqual([
      ['hostname', false],
      [`xm pause ${first}`, true],
      ['echo hi', false],
      ['echo hi > /root/a', true],
      ['echo $HOME', false],
      ['history', false],
      ['service ntpd stop', true],
      ['service ntpd status', false],
    ]);
  });

  it('writes a base snapshot at the start and one every N entries; a reload uses the newest', async () => {
    const store = freshStore();
    const engine = await bootOn(store, { snapshotEvery: 3 });
    expect((await store.latestSnapshot('test'))?.seq).toBe(-1);
    await typeLines(engine, ['echo 1 > /root/1', 'echo 2 > /root/2', 'echo 3 > /root/3', 'echo 4 > /root/4']);
    await new Promise((r) => setTimeout(r, 10)); // snapshots are written in the background
    expect((await store.latestSnapshot('test'))?.seq).toBe(2);
    expect((await store.latestSnapshot('test', 0))?.seq).toBe(-1);
    const before = engine.inspect();
    const reloaded = await bootOn(store, { snapshotEvery: 3 });
    expect(reloaded.inspect()).toEqual(before);
  });

  it('snapshots after minutes of simulated time, so that a reload keeps the clock', async () => {
    const store = freshStore();
    const engine = await bootOn(store, { snapshotEveryMs: 60_000 });
    engine.setSpeed(60);
    for (let i = 0; i < 8; i++) engine.pump(250); // 8 × 250 ms × 60 = 120 s of simulated time
    await new Promise((r) => setTimeout(r, 10));
    const clock = engine.status().clockMs;
    expect(clock).toBe(120_000);
    const reloaded = await bootOn(store);
    expect(reloaded.status().clockMs).toBe(120_000);
  });

  it('falls back to the base snapshot and the journal when the newest snapshot is unreadable', async () => {
    const store = freshStore();
    const engine = await bootOn(store, { snapshotEvery: 2 });
    await typeLines(engine, ['service ntpd stop', 'service crond stop', 'service atd stop']);
    await new Promise((r) => setTimeout(r, 10));
    const snap = (await store.latestSnapshot('test'))!;
    await store.putSnapshot({ ...snap, world: '{"schemaVersion": 1, "hosts": ' });
    const before = engine.inspect();
    const reloaded = await bootOn(store, { snapshotEvery: 2 });
    expect(reloaded.inspect()).toEqual(before);
  });

  it('a write refused for lack of space is said in the terminal and as a notice; the terminal stays usable', async () => {
    const store = freshStore();
    let full = false;
    const failing: Store = {
      ...store,
      async appendJournal(e: JournalEntry | readonly JournalEntry[]) {
        if (full) throw new StorageFullError(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
        await store.appendJournal(e);
      },
    };
    const engine = await bootOn(failing);
    const events: EngineEvent[] = [];
    engine.subscribe((e) => events.push(e));
    full = true;
    const text = 'Browser storage is full: this command is not saved. Export your work (Save ▸ Export) and free some space.';
    expect(plain(await engine.input('t1', 'service ntpd stop\r'))).toBe(
      `service ntpd stop\nShutting down ntpd:                                        [  OK  ]\n[root@ovs01 ~]# \n[OVM Sandbox: ${text}]\n[root@ovs01 ~]# `,
    );
    expect(events.filter((e) => e.type === 'notice')).toEqual([{ type: 'notice', level: 'error', text }]);
    full = false;
    expect(plain(await engine.input('t1', 'hostname\r'))).toBe('hostname\novs01.example.com\n[root@ovs01 ~]# ');
  });

  it('a read-only boot (another tab owns the attempt) shows the saved state and writes nothing', async () => {
    const store = freshStore();
    const owner = await bootOn(store);
    await typeLines(owner, ['service ntpd stop']);
    const before = await store.dump();
    const viewer = createEngine({ loadCore, store });
    const info = await viewer.boot({ attemptId: 'test', readOnly: true });
    expect(info.refusal).toBe('This attempt is open in another tab, which saves it; this tab only shows it.');
    expect(info.notice).toBeNull();
    expect(viewer.inspect().world).toBe(owner.inspect().world);
    await viewer.open('t1', 'ovs01', 132, 40);
    await typeLines(viewer, ['service atd stop']);
    expect(await store.dump()).toEqual(before);
    // A new attempt is not created by a viewer either.
    await viewer.boot({ attemptId: 'other', readOnly: true });
    expect(await store.getAttempt('other')).toBeUndefined();
  });
});
