// A boot prepared before it is asked for (src/engine/prepared-boot.ts): it gives the same world as
// an unprepared boot, takes the attempt record read early only when that read came after the
// page's lock, and never builds on a record another tab wrote meanwhile.
import { describe, expect, it } from 'vitest';
import { freshStore } from './helpers';
import { createEngine, type EngineDeps } from '../../../src/engine';
import { loadCore } from '../../../src/sim/core/load-core';
import { JOURNAL_VERSION, type Store } from '../../../src/engine/store';

const WALL = 1_700_000_000_000;

/** An engine whose seeds come from `seeds` in turn and whose shared clock reads `now.value`. */
function engineOn(store: Store, seeds: number[], now: { value: number }, extra: Partial<EngineDeps> = {}) {
  return createEngine({ loadCore, store, wallNow: () => WALL, newSeed: () => seeds.shift() ?? 1, sharedNow: () => now.value, ...extra });
}

describe('prepared boot', () => {
  it('boots the world a plain boot of the same seed builds, and saves it the same way', async () => {
    const now = { value: 100 };
    const prepared = engineOn(freshStore(), [4242], now);
    prepared.prepare({ attemptId: 'sandbox', scenario: 'default' });
    const info = await prepared.boot({ attemptId: 'sandbox', scenario: 'default', lockedAt: 50 });
    expect(info.seed).toBe(4242);
    await prepared.open('t1', 'ovs01', 80, 24);

    const plainStore = freshStore();
    const plainBoot = engineOn(plainStore, [], now);
    await plainBoot.boot({ attemptId: 'sandbox', scenario: 'default', seed: 4242 });
    await plainBoot.open('t1', 'ovs01', 80, 24);
    expect(prepared.inspect()).toEqual(plainBoot.inspect());

    // A reload rebuilds it from what the prepared boot wrote.
    const reloaded = engineOn(plainStore, [], now);
    await reloaded.boot({ attemptId: 'sandbox', scenario: 'default' });
    await reloaded.open('t1', 'ovs01', 80, 24);
    expect(reloaded.inspect()).toEqual(plainBoot.inspect());
  });

  it('reads the attempt again when the early read came before the lock, and resumes what another tab saved meanwhile', async () => {
    const store = freshStore();
    const now = { value: 100 };
    const engine = engineOn(store, [4242], now);
    engine.prepare({ attemptId: 'sandbox', scenario: 'default' });
    // Another tab creates the attempt (seed 777) after the early read, then lets go of the lock.
    const other = engineOn(store, [777], now);
    await other.boot({ attemptId: 'sandbox', scenario: 'default' });
    await other.open('t1', 'ovs01', 80, 24);
    await other.input('t1', 'service ntpd stop\r');
    const saved = other.inspect();

    const info = await engine.boot({ attemptId: 'sandbox', scenario: 'default', lockedAt: 150 });
    expect(info.seed).toBe(777);
    expect(engine.inspect()).toEqual(saved);
    expect(await store.getAttempt('sandbox')).toEqual({ id: 'sandbox', seed: 777, scenario: 'default', createdAt: WALL, updatedAt: WALL, journalVersion: JOURNAL_VERSION });
  });

  it('takes the early read when it came after the lock', async () => {
    const store = freshStore();
    const reads: string[] = [];
    const counting: Store = { ...store, getAttempt: (id) => (reads.push(id), store.getAttempt(id)) };
    const now = { value: 100 };
    const engine = engineOn(counting, [4242], now);
    engine.prepare({ attemptId: 'sandbox', scenario: 'default' });
    await engine.boot({ attemptId: 'sandbox', scenario: 'default', lockedAt: 100 });
    expect(reads).toEqual(['sandbox']);
  });

  it('a read-only boot of an attempt nobody saved shows the prepared world and writes nothing', async () => {
    const store = freshStore();
    const now = { value: 100 };
    const engine = engineOn(store, [4242], now);
    engine.prepare({ attemptId: 'sandbox', scenario: 'default' });
    const info = await engine.boot({ attemptId: 'sandbox', scenario: 'default', readOnly: true });
    expect(info.seed).toBe(4242);
    expect(info.refusal).toBe('This attempt is open in another tab, which saves it; this tab only shows it.');
    expect(await store.getAttempt('sandbox')).toBeUndefined();
  });

  it('a boot of another attempt takes only the prepared core', async () => {
    const store = freshStore();
    const now = { value: 100 };
    const engine = engineOn(store, [4242, 99], now);
    engine.prepare({ attemptId: 'sandbox', scenario: 'default' });
    const info = await engine.boot({ attemptId: 'other', scenario: 'ovm22', lockedAt: 0 });
    expect({ seed: info.seed, scenario: info.scenario, hosts: info.hosts }).toEqual({ seed: 99, scenario: 'ovm22', hosts: ['ovs01', 'ovs02'] });
    expect(await store.getAttempt('sandbox')).toBeUndefined();
  });
});
