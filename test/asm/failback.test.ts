// Failover to the next path group and failback by policy (reference/cli-fidelity.md §4.5): the
// preferred (prio 50) group loses its path, I/O moves to the prio 10 group; the checker notices
// the path back and the map returns at once (immediate), never by itself (manual), when the
// first path of the group is back (followover), or N seconds later (failback N).
import { describe, expect, it } from 'vitest';
import type { Failback, SimCore } from '../../src/sim/core/types';
import { KINDS, makeCore } from './cores';

async function alua(kind: (typeof KINDS)[number], failback: Failback) {
  const core: SimCore = await makeCore(kind);
  core.setSeed(3);
  const h = core.addHost(8);
  core.setHostPollingInterval(h, 5);
  const d = core.addDomain(h, 1);
  core.setDomainDemand(d, 0.1);
  const lun = core.addLun();
  const m = core.addMap(h, lun);
  const [spa, spb] = [core.addPort(20000, 0.5), core.addPort(20000, 0.5)];
  const optimized = [core.addPath(m, spa, 50, 0), core.addPath(m, spa, 50, 0)];
  const other = [core.addPath(m, spb, 10, 1), core.addPath(m, spb, 10, 1)];
  core.setMapPolicy(m, { grouping: 'group_by_prio', selector: 'round-robin', rrMinIo: 100, failback, noPathRetry: 'queue' });
  const v = core.addVbd(d);
  core.setVbdWorkload(v, 300, 100, 8);
  core.routeVbd(v, m);
  return { core, h, m, optimized, other, v };
}

/** Ticks until `pred` holds (at most `max` ticks); returns the ticks it took. */
function until(core: SimCore, pred: () => boolean, max = 120): number {
  for (let t = 1; t <= max; t++) {
    core.tick(1000);
    if (pred()) return t;
  }
  return -1;
}

describe.each(KINDS)('failover and failback (%s)', (kind) => {
  it('groups by prio, highest first; I/O fails over when the active group has no path left', async () => {
    const r = await alua(kind, 'immediate');
    const { core, m } = r;
    expect(core.mapGroups(m).map((g) => [g.priority, g.state, g.paths])).toEqual([
      [50, 'active', r.optimized],
      [10, 'enabled', r.other],
    ]);
    core.tick(1000);
    core.drainEvents();
    for (const p of r.optimized) core.setPathLink(p, 'down');
    core.tick(1000);
    expect(core.mapStatus(m).currentGroup).toBe(1);
    expect(core.drainEvents().map((e) => [e.kind, e.reason ?? e.value])).toEqual([
      ['path-failed', 0],
      ['path-failed', 0],
      ['group-switch', 'failover'],
    ]);
    expect(core.mapGroups(m).map((g) => g.state)).toEqual(['disabled', 'active']);
    const c = core.vbdCounters(r.v);
    expect(c.errors + c.pending).toBe(0);
  });

  it.each([
    ['immediate', 0],
    ['followover', 0],
    [12, 12],
  ] as const)('failback %s: back on the preferred group %s s after the checker reinstates the path', async (policy, delay) => {
    const r = await alua(kind, policy);
    const { core, m } = r;
    core.tick(1000);
    for (const p of r.optimized) core.setPathLink(p, 'down');
    core.tick(1000);
    expect(core.mapStatus(m).currentGroup).toBe(1);
    core.setPathLink(r.optimized[0]!, 'up');
    const reinstated = until(core, () => core.pathStatus(r.optimized[0]!).dm === 'active');
    expect(reinstated).toBeGreaterThan(0);
    expect(core.mapStatus(m).currentGroup).toBe(delay === 0 ? 0 : 1);
    if (delay > 0) {
      expect(core.mapStatus(m).failbackSecondsLeft).toBe(delay);
      expect(until(core, () => core.mapStatus(m).currentGroup === 0)).toBe(delay);
    }
    expect(core.drainEvents().filter((e) => e.kind === 'group-switch').map((e) => e.reason)).toEqual(['failover', 'failback']);
  });

  it('failback manual: stays on the other group until the operator switches', async () => {
    const r = await alua(kind, 'manual');
    const { core, m } = r;
    core.tick(1000);
    for (const p of r.optimized) core.setPathLink(p, 'down');
    core.tick(1000);
    for (const p of r.optimized) core.setPathLink(p, 'up');
    for (let t = 0; t < 100; t++) core.tick(1000);
    expect(r.optimized.map((p) => core.pathStatus(p).dm)).toEqual(['active', 'active']);
    expect(core.mapStatus(m).currentGroup).toBe(1);
    core.switchGroup(m, 0);
    expect(core.mapStatus(m).currentGroup).toBe(0);
    expect(core.drainEvents().filter((e) => e.kind === 'group-switch').map((e) => e.reason)).toEqual(['failover', 'operator']);
  });

  it('followover: a second path of an already active group coming back does not move I/O', async () => {
    const r = await alua(kind, 'followover');
    const { core, m } = r;
    core.tick(1000);
    core.setPathLink(r.optimized[0]!, 'down');
    core.tick(1000);
    expect(core.mapStatus(m).currentGroup).toBe(0);
    core.switchGroup(m, 1);
    core.setPathLink(r.optimized[0]!, 'up');
    until(core, () => core.pathStatus(r.optimized[0]!).dm === 'active');
    expect(core.mapStatus(m).currentGroup).toBe(1);
  });

  it('nothing is checked, reinstated or failed back while multipathd is stopped', async () => {
    const r = await alua(kind, 'immediate');
    const { core, m, h } = r;
    core.tick(1000);
    for (const p of r.optimized) core.setPathLink(p, 'down');
    core.tick(1000);
    core.setHostChecker(h, false);
    for (const p of r.optimized) core.setPathLink(p, 'up');
    for (let t = 0; t < 60; t++) core.tick(1000);
    expect(core.mapStatus(m).currentGroup).toBe(1);
    expect(core.pathStatus(r.optimized[0]!).dm).toBe('failed');
    core.setHostChecker(h, true);
    core.tick(1000);
    expect(core.pathStatus(r.optimized[0]!).dm).toBe('active');
    expect(core.mapStatus(m).currentGroup).toBe(0);
  });
});
