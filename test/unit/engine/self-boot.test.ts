// The sandbox worker's own boot (src/worker/self-boot.ts): it boots only when the page that spawned
// it holds the attempt's lock (Web Locks, stubbed here), and the page's request takes that boot only
// when it asks for the same one.
import { afterEach, describe, expect, it } from 'vitest';
import { startSelfBoot } from '../../../src/worker/self-boot';
import type { BootInfo } from '../../../src/engine/types';
import type { BootOptions } from '../../../src/engine';

type Held = Array<{ name: string; clientId: string }>;

function stubLocks(held: () => Held): void {
  Object.defineProperty(globalThis, 'navigator', { configurable: true, value: { locks: { query: async () => ({ held: held(), pending: [] }) } } });
}

/** Page N1 (client page-a) holds its page lock; the attempt's lock is held by `holder`. */
const attemptHeldBy = (holder: string): Held => [
  { name: 'ovm-sandbox:page:N1', clientId: 'page-a' },
  { name: 'ovm-sandbox:attempt:sandbox', clientId: holder },
];

const info = { attemptId: 'sandbox', seed: 1, scenario: 'default', hosts: ['ovs01', 'ovs02'], clockMs: 0, replayed: 0, notice: null, refusal: null, manager: true } satisfies BootInfo;

function harness() {
  const boots: BootOptions[] = [];
  const prepared: unknown[] = [];
  const boot = (opts: BootOptions) => (boots.push(opts), Promise.resolve(info));
  return { boots, prepared, boot, engine: { prepare: (o: unknown) => void prepared.push(o) } };
}

const settle = () => new Promise((r) => setTimeout(r, 60));

// Node 21+ has a navigator of its own (without Web Locks): put it back after each test.
const original = Object.getOwnPropertyDescriptor(globalThis, 'navigator');

describe('self-boot', () => {
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'navigator', original);
    else Reflect.deleteProperty(globalThis, 'navigator');
  });

  it('boots at once when the page holds the attempt, and the page’s request takes that boot', async () => {
    stubLocks(() => attemptHeldBy('page-a'));
    const h = harness();
    const posted: BootInfo[] = [];
    const self = startSelfBoot(h.engine, h.boot, 'N1', () => 123, (i) => void posted.push(i));
    await settle();
    expect(h.prepared).toEqual([{ attemptId: 'sandbox', scenario: 'default' }]);
    expect(h.boots).toEqual([{ attemptId: 'sandbox', scenario: 'default', lockedAt: 123 }]);
    expect(posted).toEqual([info]);
    expect(self.holdsClock).toBe(true);
    const taken = self.take({ attemptId: 'sandbox', scenario: 'default', readOnly: false, lockedAt: 99 });
    expect(await taken).toBe(info);
    expect(self.holdsClock).toBe(false);
    expect(self.take({ attemptId: 'sandbox', scenario: 'default' })).toBeNull();
  });

  it('only prepares when another tab holds the attempt', async () => {
    stubLocks(() => attemptHeldBy('page-b'));
    const h = harness();
    const self = startSelfBoot(h.engine, h.boot, 'N1', () => 0);
    await settle();
    expect(h.boots).toEqual([]);
    expect(self.take({ attemptId: 'sandbox', scenario: 'default', readOnly: true })).toBeNull();
  });

  it('waits for the page to get the lock, and gives up looking once the page asks', async () => {
    let held: Held = [{ name: 'ovm-sandbox:page:N1', clientId: 'page-a' }];
    stubLocks(() => held);
    const h = harness();
    startSelfBoot(h.engine, h.boot, 'N1', () => 7);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.boots).toEqual([]);
    held = [...held, { name: 'ovm-sandbox:attempt:sandbox', clientId: 'page-a' }];
    await settle();
    expect(h.boots).toEqual([{ attemptId: 'sandbox', scenario: 'default', lockedAt: 7 }]);

    const late = harness();
    held = [{ name: 'ovm-sandbox:page:N2', clientId: 'page-c' }];
    const asked = startSelfBoot(late.engine, late.boot, 'N2', () => 7);
    expect(asked.take({ attemptId: 'sandbox', scenario: 'default' })).toBeNull();
    held = [...held, { name: 'ovm-sandbox:attempt:sandbox', clientId: 'page-c' }];
    await settle();
    expect(late.boots).toEqual([]);
  });

  it('answers the page’s request only once its own boot has been posted', async () => {
    stubLocks(() => attemptHeldBy('page-a'));
    const h = harness();
    const order: string[] = [];
    let posted: () => void = () => undefined;
    const self = startSelfBoot(h.engine, h.boot, 'N1', () => 1, () => new Promise<void>((r) => (posted = () => (order.push('posted'), r()))));
    await settle();
    const answer = self.take({ attemptId: 'sandbox', scenario: 'default' })!.then(() => order.push('answered'));
    await settle();
    expect(order).toEqual([]);
    posted();
    await answer;
    expect(order).toEqual(['posted', 'answered']);
  });

  it('boots once the page it reloaded lets go of the attempt', async () => {
    let held: Held = [
      { name: 'ovm-sandbox:page:N1', clientId: 'page-new' },
      { name: 'ovm-sandbox:attempt:sandbox', clientId: 'page-old' },
    ];
    stubLocks(() => held);
    const h = harness();
    startSelfBoot(h.engine, h.boot, 'N1', () => 9);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.boots).toEqual([]);
    held = [held[0]!, { name: 'ovm-sandbox:attempt:sandbox', clientId: 'page-new' }];
    await settle();
    expect(h.boots).toEqual([{ attemptId: 'sandbox', scenario: 'default', lockedAt: 9 }]);
  });

  it('a request for another boot (a seed, read-only) is not given the worker’s own', async () => {
    stubLocks(() => attemptHeldBy('page-a'));
    const h = harness();
    const self = startSelfBoot(h.engine, h.boot, 'N1', () => 0);
    await settle();
    expect(self.take({ attemptId: 'sandbox', scenario: 'default', seed: 5 })).toBeNull();
  });
});
