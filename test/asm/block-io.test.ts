// Block I/O accounting and multipath path selection: requests are conserved through faults,
// queueing and errors; a failed path never serves; round-robin spreads by rr_min_io;
// queue-length and service-time pick the paths they should; Little's law; no_path_retry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../support/tier';
import { buildEstate } from '../../src/sim/core/testing/estate';
import { Live, OP_KINDS, applyOp, type Op } from '../../src/sim/core/testing/ops';
import type { MapPolicy, SimCore } from '../../src/sim/core/types';
import { KINDS, makeCore } from './cores';

const opArb: fc.Arbitrary<Op> = fc.record({ kind: fc.nat(OP_KINDS - 1), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(100000) });

/** One host, one domain with one VBD on a map with `paths` paths on their own ports. */
function rig(core: SimCore, policy: MapPolicy, ports: Array<[number, number]>, iops = 1000) {
  core.setSeed(7);
  const h = core.addHost(8);
  const d = core.addDomain(h, 2);
  core.setDomainDemand(d, 0.2);
  const lun = core.addLun();
  const m = core.addMap(h, lun);
  const pts = ports.map(([cap, svc]) => core.addPort(cap, svc));
  const paths = pts.map((p, i) => core.addPath(m, p, 50, i));
  core.setMapPolicy(m, policy);
  const v = core.addVbd(d);
  core.setVbdWorkload(v, iops * 0.7, iops * 0.3, 16);
  core.routeVbd(v, m);
  return { h, d, m, v, lun, pts, paths };
}

const served = (core: SimCore, p: number) => {
  const c = core.pathCounters(p);
  return c.reads + c.writes;
};

describe.each(KINDS)('block I/O and multipath (%s)', (kind) => {
  it('conserves requests through random faults, queueing and errors; failed paths never serve', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 80 }), fc.nat(), async (ops, seed) => {
        const core = await makeCore(kind);
        const e = buildEstate(core, { hosts: 2, domains: 8, lunsPerHost: 3, poolSize: 2, pathsPerMap: 4, seed: 1 + (seed % 1000) });
        const live = new Live(e);
        for (const op of ops) {
          const before = new Map(live.list('paths').map((p) => [p, served(core, p)]));
          const deadBefore = new Set(live.list('paths').filter((p) => core.pathStatus(p).dm === 'failed' && core.pathStatus(p).link === 'down'));
          applyOp(core, live, op);
          for (const v of live.list('vbds')) {
            const c = core.vbdCounters(v);
            expect(c.readReqs + c.writeReqs).toBe(c.completed + c.pending + c.errors);
            expect(c.readSectors % 1).toBe(0);
          }
          for (const m of live.list('maps')) {
            const c = core.mapCounters(m);
            expect(c.issued).toBe(c.completed + c.queued + c.errors);
          }
          if (op.kind % OP_KINDS === 0) {
            // A tick: a path that was down and failed before, and still is, served nothing.
            for (const p of deadBefore) {
              if (!live.alive('paths', p)) continue;
              const s = core.pathStatus(p);
              if (s.dm === 'failed' && s.link === 'down') expect(served(core, p)).toBe(before.get(p));
            }
          }
        }
      }),
      { numRuns: runs(15, 60) },
    );
  }, 300_000);

  it('a path whose link goes down is failed by the kernel on its next I/O and serves nothing from then on', async () => {
    const core = await makeCore(kind);
    const r = rig(core, { grouping: 'multibus', selector: 'round-robin', rrMinIo: 1, failback: 'immediate', noPathRetry: 'fail' }, [[20000, 1], [20000, 1]]);
    core.tick(1000);
    core.drainEvents();
    core.setPathLink(r.paths[0]!, 'down');
    const before = served(core, r.paths[0]!);
    core.tick(1000);
    expect(core.pathStatus(r.paths[0]!).dm).toBe('failed');
    expect(served(core, r.paths[0]!)).toBe(before);
    expect(core.drainEvents().map((e) => [e.kind, e.path, e.value])).toEqual([['path-failed', r.paths[0], 0]]);
    const c = core.vbdCounters(r.v);
    expect(c.errors).toBe(0);
    expect(c.readReqs + c.writeReqs).toBe(c.completed);
  });

  it('round-robin sends rr_min_io requests down each path in turn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(1, 7, 16, 100, 1000), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 50, max: 5000 }), async (rr, k, iops) => {
        const core = await makeCore(kind);
        const r = rig(core, { grouping: 'multibus', selector: 'round-robin', rrMinIo: rr, failback: 'manual', noPathRetry: 'fail' }, Array.from({ length: k }, () => [1e6, 0.5] as [number, number]), iops);
        for (let t = 0; t < 30; t++) {
          core.tick(1000);
          const counts = r.paths.map((p) => served(core, p));
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(rr);
        }
      }),
      { numRuns: runs(10, 40) },
    );
  });

  it('queue-length favours the faster path (∝ 1/latency); service-time weighs in throughput (∝ capacity/latency)', async () => {
    const ql = await makeCore(kind);
    const a = rig(ql, { grouping: 'multibus', selector: 'queue-length', rrMinIo: 1000, failback: 'manual', noPathRetry: 'fail' }, [[1e6, 0.5], [1e6, 2]], 4000);
    for (let t = 0; t < 50; t++) ql.tick(1000);
    expect(served(ql, a.paths[0]!) / served(ql, a.paths[1]!)).toBeCloseTo(4, 1);
    const st = await makeCore(kind);
    const b = rig(st, { grouping: 'multibus', selector: 'service-time', rrMinIo: 1000, failback: 'manual', noPathRetry: 'fail' }, [[3e6, 1], [1e6, 1]], 4000);
    for (let t = 0; t < 50; t++) st.tick(1000);
    expect(served(st, b.paths[0]!) / served(st, b.paths[1]!)).toBeCloseTo(3, 1);
  });

  it("latency follows the port's load (M/M/1) and in-flight is rate × latency (Little's law)", async () => {
    const core = await makeCore(kind);
    const r = rig(core, { grouping: 'failover', selector: 'round-robin', rrMinIo: 1000, failback: 'manual', noPathRetry: 'fail' }, [[2000, 1], [2000, 1]], 1000);
    core.tick(1000);
    const port = core.portStatus(r.pts[0]!);
    expect(port.latencyMs).toBeCloseTo(1 / (1 - port.utilisation), 9);
    const pc = core.pathCounters(r.paths[0]!);
    const before = served(core, r.paths[0]!);
    core.tick(1000);
    const rate = served(core, r.paths[0]!) - before;
    const now = core.pathCounters(r.paths[0]!);
    expect(now.inFlight).toBeCloseTo((rate * now.latencyMs) / 1000, 9);
    expect(pc.inFlight).toBeGreaterThan(0);
    expect(core.vbdCounters(r.v).latencyMs).toBeCloseTo(now.latencyMs, 9);
    expect(core.pathCounters(r.paths[1]!).inFlight).toBe(0);
  });

  it('a saturated port serves its capacity; the rest is not issued (closed loop)', async () => {
    const core = await makeCore(kind);
    const r = rig(core, { grouping: 'failover', selector: 'round-robin', rrMinIo: 1000, failback: 'manual', noPathRetry: 'fail' }, [[300, 1]], 1000);
    for (let t = 0; t < 10; t++) core.tick(1000);
    const c = core.vbdCounters(r.v);
    expect(c.readReqs + c.writeReqs).toBeLessThanOrEqual(3000);
    expect(c.readReqs + c.writeReqs).toBeGreaterThanOrEqual(2990);
    expect(core.portStatus(r.pts[0]!).utilisation).toBeGreaterThan(2);
    expect(core.vbdCounters(r.v).latencyMs).toBeCloseTo(20, 9);
    const l = core.lunCounters(r.lun);
    expect(l.reads + l.writes).toBe(c.readReqs + c.writeReqs);
  });

  it.each([
    ['fail', 0],
    ['queue', 30],
    [3, 15],
  ] as const)('no_path_retry %s: the last path gone, requests queue for the retries then fail', async (npr, queuedS) => {
    const core = await makeCore(kind);
    const r = rig(core, { grouping: 'failover', selector: 'round-robin', rrMinIo: 1000, failback: 'immediate', noPathRetry: npr }, [[20000, 1], [20000, 1]], 200);
    core.setHostPollingInterval(r.h, 5);
    core.tick(1000);
    core.drainEvents();
    for (const p of r.paths) core.setPathLink(p, 'down');
    let firstError = -1;
    for (let t = 1; t <= 30; t++) {
      core.tick(1000);
      const c = core.vbdCounters(r.v);
      if (c.errors > 0 && firstError < 0) firstError = t;
      if (firstError < 0) expect(c.pending).toBe(Math.min(32, c.pending));
    }
    const kinds = core.drainEvents().map((e) => e.kind);
    if (npr === 'fail') expect(firstError).toBe(1);
    if (npr === 'queue') {
      expect(firstError).toBe(-1);
      expect(core.vbdCounters(r.v).pending).toBe(32);
      expect(core.vbdCounters(r.v).ooReqs).toBeGreaterThan(0);
      expect(core.mapStatus(r.m).queued).toBe(32);
    }
    if (npr === 3) {
      // Recovery for 3 × polling_interval (15 s) from when the last path was lost (tick 1), then errors.
      expect(kinds.filter((k) => k !== 'io-error' && k !== 'path-failed' && k !== 'group-switch')).toEqual(['queue-recovery', 'queue-disabled']);
      expect(firstError).toBe(1 + queuedS);
    }
    // A path comes back: queued requests complete, nothing is lost.
    core.setPathLink(r.paths[0]!, 'up');
    for (let t = 0; t < 25; t++) core.tick(1000);
    const c = core.vbdCounters(r.v);
    expect(c.pending).toBe(0);
    expect(c.readReqs + c.writeReqs).toBe(c.completed + c.errors);
    expect(core.mapStatus(r.m).mode).toBe('normal');
  });

  it('the checker interval doubles while a path is stable, up to 4 × polling_interval, and resets on a change', async () => {
    const core = await makeCore(kind);
    const r = rig(core, { grouping: 'failover', selector: 'round-robin', rrMinIo: 1000, failback: 'manual', noPathRetry: 'fail' }, [[20000, 1]], 0);
    const seen: number[] = [];
    for (let t = 0; t < 60; t++) {
      core.tick(1000);
      seen.push(core.pathStatus(r.paths[0]!).checkIntervalS);
    }
    expect([...new Set(seen)]).toEqual([10, 20]);
    core.setPathLink(r.paths[0]!, 'down');
    for (let t = 0; t < 20; t++) core.tick(1000);
    expect(core.pathStatus(r.paths[0]!)).toMatchObject({ checker: 'faulty', dm: 'failed', checkIntervalS: 5 });
  });
});
