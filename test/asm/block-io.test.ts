// Block I/O accounting and multipath path selection: requests are conserved through path
// verdicts, group switches, queueing and errors; an unusable path never serves; only the active
// group serves; round-robin spreads by rr_min_io; queue-length and service-time pick the paths they
// should; Little's law; with no usable path a map queues or fails as the world says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../support/tier';
import { buildEstate } from '../../src/sim/core/testing/estate';
import { Live, OP_KINDS, applyOp, type Op } from '../../src/sim/core/testing/ops';
import type { MapRouting, SimCore } from '../../src/sim/core/types';
import { KINDS, makeCore } from './cores';

const opArb: fc.Arbitrary<Op> = fc.record({ kind: fc.nat(OP_KINDS - 1), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(100000) });

/** One host, one domain with one VBD on a map with `paths` paths on their own ports, all in group 0 unless `groups` says. */
function rig(core: SimCore, routing: MapRouting, ports: Array<[number, number]>, iops = 1000, groups?: number[]) {
  core.setSeed(7);
  const h = core.addHost(8);
  const d = core.addDomain(h, 2);
  core.setDomainDemand(d, 0.2);
  const lun = core.addLun();
  const m = core.addMap(h, lun);
  const pts = ports.map(([cap, svc]) => core.addPort(cap, svc));
  const paths = pts.map((p, i) => core.addPath(m, p, groups?.[i] ?? 0));
  core.setMapRouting(m, routing);
  core.setMapActiveGroup(m, 0);
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
  it('conserves requests through random verdicts, group switches, queueing and errors; unusable paths never serve', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 80 }), fc.nat(), async (ops, seed) => {
        const core = await makeCore(kind);
        const e = buildEstate(core, { hosts: 2, domains: 8, lunsPerHost: 3, poolSize: 2, pathsPerMap: 4, seed: 1 + (seed % 1000) });
        const live = new Live(e);
        for (const op of ops) {
          const before = new Map(live.list('paths').map((p) => [p, served(core, p)]));
          const deadBefore = new Set(live.list('paths').filter((p) => !core.pathStatus(p).usable));
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
            // A tick: a path that was unusable before, and still is, served nothing.
            for (const p of deadBefore) {
              if (!live.alive('paths', p)) continue;
              if (!core.pathStatus(p).usable) expect(served(core, p)).toBe(before.get(p));
            }
          }
        }
      }),
      { numRuns: runs(15, 60) },
    );
  }, 300_000);

  it('a path the world marks unusable serves nothing from then on; the rest of its group takes the load', async () => {
    const core = await makeCore(kind);
    const r = rig(core, { selector: 'round-robin', rrMinIo: 1, queueIfNoPath: false }, [[20000, 1], [20000, 1]]);
    core.tick(1000);
    core.setPathUsable(r.paths[0]!, false);
    const [a, b] = [served(core, r.paths[0]!), served(core, r.paths[1]!)];
    core.tick(1000);
    expect(served(core, r.paths[0]!)).toBe(a);
    expect(served(core, r.paths[1]!)).toBeGreaterThan(b);
    expect(core.mapStatus(r.m)).toMatchObject({ activeGroup: 0, usablePaths: 1 });
    expect(core.drainEvents()).toEqual([]);
    const c = core.vbdCounters(r.v);
    expect(c.errors).toBe(0);
    expect(c.readReqs + c.writeReqs).toBe(c.completed);
  });

  it('only the active group serves; the world switching groups moves I/O at the next tick', async () => {
    const core = await makeCore(kind);
    const r = rig(core, { selector: 'round-robin', rrMinIo: 10, queueIfNoPath: true }, [[20000, 1], [20000, 1], [20000, 1]], 500, [0, 1, 1]);
    core.tick(1000);
    expect(served(core, r.paths[0]!)).toBeGreaterThan(0);
    expect(served(core, r.paths[1]!) + served(core, r.paths[2]!)).toBe(0);
    core.setMapActiveGroup(r.m, 1);
    const before = served(core, r.paths[0]!);
    core.tick(1000);
    expect(served(core, r.paths[0]!)).toBe(before);
    expect(served(core, r.paths[1]!)).toBeGreaterThan(0);
    expect(served(core, r.paths[2]!)).toBeGreaterThan(0);
    // A group with no usable path is no path at all: the core never fails over by itself.
    core.setPathUsable(r.paths[1]!, false);
    core.setPathUsable(r.paths[2]!, false);
    core.tick(1000);
    expect(served(core, r.paths[0]!)).toBe(before);
    expect(core.mapStatus(r.m)).toMatchObject({ activeGroup: 1, usablePaths: 0 });
    expect(core.vbdCounters(r.v).pending).toBeGreaterThan(0);
  });

  it('round-robin sends rr_min_io requests down each path in turn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(1, 7, 16, 100, 1000), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 50, max: 5000 }), async (rr, k, iops) => {
        const core = await makeCore(kind);
        const r = rig(core, { selector: 'round-robin', rrMinIo: rr, queueIfNoPath: false }, Array.from({ length: k }, () => [1e6, 0.5] as [number, number]), iops);
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
    const a = rig(ql, { selector: 'queue-length', rrMinIo: 1000, queueIfNoPath: false }, [[1e6, 0.5], [1e6, 2]], 4000);
    for (let t = 0; t < 50; t++) ql.tick(1000);
    expect(served(ql, a.paths[0]!) / served(ql, a.paths[1]!)).toBeCloseTo(4, 1);
    const st = await makeCore(kind);
    const b = rig(st, { selector: 'service-time', rrMinIo: 1000, queueIfNoPath: false }, [[3e6, 1], [1e6, 1]], 4000);
    for (let t = 0; t < 50; t++) st.tick(1000);
    expect(served(st, b.paths[0]!) / served(st, b.paths[1]!)).toBeCloseTo(3, 1);
  });

  it("latency follows the port's load (M/M/1) and in-flight is rate × latency (Little's law)", async () => {
    const core = await makeCore(kind);
    const r = rig(core, { selector: 'round-robin', rrMinIo: 1000, queueIfNoPath: false }, [[2000, 1], [2000, 1]], 1000, [0, 1]);
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
    const r = rig(core, { selector: 'round-robin', rrMinIo: 1000, queueIfNoPath: false }, [[300, 1]], 1000);
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
    ['fail', false],
    ['queue', true],
  ] as const)('no usable path, map set to %s: requests fail at once, or queue (ring-limited) and complete when a path is back', async (_, queue) => {
    const core = await makeCore(kind);
    const r = rig(core, { selector: 'round-robin', rrMinIo: 1000, queueIfNoPath: queue }, [[20000, 1], [20000, 1]], 200);
    core.tick(1000);
    core.drainEvents();
    for (const p of r.paths) core.setPathUsable(p, false);
    for (let t = 1; t <= 30; t++) {
      core.tick(1000);
      const c = core.vbdCounters(r.v);
      if (queue) expect(c.errors).toBe(0);
      else expect(c.errors).toBeGreaterThan(0);
    }
    const events = core.drainEvents();
    if (queue) {
      expect(events).toEqual([]);
      expect(core.vbdCounters(r.v).pending).toBe(32);
      expect(core.vbdCounters(r.v).ooReqs).toBeGreaterThan(0);
      expect(core.mapStatus(r.m).queued).toBe(32);
    } else {
      expect(events).toHaveLength(30);
      expect(events.every((e) => e.kind === 'io-error' && e.map === r.m && e.value > 0)).toBe(true);
    }
    // A path comes back: queued requests complete, nothing is lost.
    core.setPathUsable(r.paths[0]!, true);
    for (let t = 0; t < 25; t++) core.tick(1000);
    const c = core.vbdCounters(r.v);
    expect(c.pending).toBe(0);
    expect(c.readReqs + c.writeReqs).toBe(c.completed + c.errors);
  });

  it('the world turning queueing off (no_path_retry used up) fails what was queued, with an io-error', async () => {
    const core = await makeCore(kind);
    const r = rig(core, { selector: 'round-robin', rrMinIo: 1000, queueIfNoPath: true }, [[20000, 1]], 200);
    core.tick(1000);
    core.setPathUsable(r.paths[0]!, false);
    for (let t = 0; t < 5; t++) core.tick(1000);
    expect(core.vbdCounters(r.v)).toMatchObject({ pending: 32, errors: 0 });
    core.setMapRouting(r.m, { selector: 'round-robin', rrMinIo: 1000, queueIfNoPath: false });
    core.tick(1000);
    const c = core.vbdCounters(r.v);
    expect(c.pending).toBe(0);
    expect(c.errors).toBeGreaterThanOrEqual(32);
    expect(core.mapStatus(r.m).queued).toBe(0);
    expect(core.drainEvents().map((e) => e.kind)).toEqual(['io-error']);
  });
});
