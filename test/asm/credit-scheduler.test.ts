// The credit scheduler's promises (reference/cli-fidelity.md §9), on random hosts and domains:
// CPU is conserved, never more than demand or cap, shares follow weights under contention, idle
// CPU goes to whoever wants it, and the tools' semantics (CPU% up to N×100, caps) hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../support/tier';
import type { SimCore } from '../../src/sim/core/types';
import { KINDS, makeCore } from './cores';

interface DomSpec {
  vcpus: number;
  online: number;
  weight: number;
  cap: number;
  demand: number;
  runnable: boolean;
}

const domArb: fc.Arbitrary<DomSpec> = fc
  .record({ vcpus: fc.integer({ min: 1, max: 8 }), online: fc.nat(8), weight: fc.constantFrom(1, 64, 256, 512, 1000, 27500, 65535), cap: fc.nat(900), demand: fc.integer({ min: 0, max: 100 }), runnable: fc.boolean() })
  .map((d) => ({ ...d, online: 1 + (d.online % d.vcpus), cap: d.cap < 300 ? 0 : d.cap - 300, demand: d.demand / 100, runnable: d.runnable || d.demand % 3 !== 0 }));

const hostArb = fc.record({ pcpus: fc.integer({ min: 1, max: 32 }), doms: fc.array(domArb, { minLength: 1, maxLength: 24 }), seed: fc.nat() });

function build(core: SimCore, pcpus: number, doms: DomSpec[], seed: number) {
  core.setSeed(seed);
  const h = core.addHost(pcpus);
  const ds = doms.map((s) => {
    const d = core.addDomain(h, s.vcpus);
    core.setDomainVcpus(d, s.online);
    core.setDomainWeight(d, s.weight);
    core.setDomainCap(d, s.cap);
    core.setDomainDemand(d, s.demand);
    core.setDomainRunnable(d, s.runnable);
    return d;
  });
  return { h, ds };
}

/** Largest limit a domain can have this tick: demand +15 % variation, ≤ 1 pCPU per vCPU, ≤ cap. */
const upper = (s: DomSpec) => Math.min(s.online * Math.min(1, s.demand * 1.15), s.cap > 0 ? s.cap / 100 : Infinity);
/** Smallest limit: demand −15 %. */
const lower = (s: DomSpec) => Math.min(s.online * s.demand * 0.85, s.cap > 0 ? s.cap / 100 : Infinity);
const EPS = 1e-9;

describe.each(KINDS)('credit scheduler (%s)', (kind) => {
  it('conserves CPU and respects demand, caps and vCPUs', async () => {
    await fc.assert(
      fc.asyncProperty(hostArb, fc.integer({ min: 1, max: 30 }), async ({ pcpus, doms, seed }, ticks) => {
        const core = await makeCore(kind);
        const { h, ds } = build(core, pcpus, doms, seed);
        for (let t = 0; t < ticks; t++) {
          const before = ds.map((d) => core.domainCpuS(d));
          const busyBefore = core.hostCpu(h).busyS;
          core.tick(1000);
          let sum = 0;
          ds.forEach((d, i) => {
            const s = doms[i]!;
            const share = core.domainShare(d);
            sum += share;
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(upper(s) + EPS);
            if (!s.runnable) expect(share).toBe(0);
            expect(core.domainCpuS(d) - before[i]!).toBeCloseTo(share, 9);
            const v = core.domainVcpus(d);
            const vsum = v.busy.reduce((a, b) => a + b, 0);
            expect(Math.abs(vsum - share)).toBeLessThanOrEqual(EPS * Math.max(1, share));
            v.busy.forEach((b, k) => {
              expect(b).toBeLessThanOrEqual(1 + EPS);
              if (k >= s.online) {
                expect(b).toBe(0);
                expect(v.pcpu[k]).toBe(-1);
              } else if (b > 0) {
                expect(v.pcpu[k]).toBeGreaterThanOrEqual(0);
                expect(v.pcpu[k]).toBeLessThan(pcpus);
              }
            });
          });
          expect(sum).toBeLessThanOrEqual(pcpus * (1 + EPS));
          expect(core.hostCpu(h).busyS - busyBefore).toBeCloseTo(sum, 9);
          expect(core.hostCpu(h).utilisation).toBeCloseTo(sum / pcpus, 12);
          // Work-conserving: with idle pCPU left, every runnable domain got at least its smallest limit.
          if (sum < pcpus - 1e-6) ds.forEach((d, i) => doms[i]!.runnable && expect(core.domainShare(d)).toBeGreaterThanOrEqual(lower(doms[i]!) - EPS));
        }
      }),
      { numRuns: runs(30, 150) },
    );
  }, 120_000);

  it('under contention, shares follow weights (weighted max-min)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 16 }), fc.array(fc.record({ vcpus: fc.integer({ min: 1, max: 8 }), weight: fc.constantFrom(64, 128, 256, 512, 1024, 27500) }), { minLength: 2, maxLength: 16 }), fc.nat(), async (pcpus, specs, seed) => {
        const doms = specs.map((s) => ({ vcpus: s.vcpus, online: s.vcpus, weight: s.weight, cap: 0, demand: 1, runnable: true }));
        fc.pre(doms.reduce((a, d) => a + d.vcpus * 0.85, 0) > pcpus * 1.05);
        const core = await makeCore(kind);
        const { ds } = build(core, pcpus, doms, seed);
        core.tick(1000);
        const shares = ds.map((d) => core.domainShare(d));
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(pcpus, 9);
        // Domains held below their smallest possible limit were limited by their weight: equal share per weight.
        const ratios = shares.map((s, i) => ({ r: s / doms[i]!.weight, held: s < lower(doms[i]!) - 1e-9 }));
        const held = ratios.filter((x) => x.held).map((x) => x.r);
        const lambda = Math.max(...held);
        for (const r of held) expect(r).toBeCloseTo(lambda, 9);
        // Nobody got more per unit of weight than the weight-limited ones.
        for (const x of ratios) expect(x.r).toBeLessThanOrEqual(lambda * (1 + 1e-9));
      }),
      { numRuns: runs(30, 150) },
    );
  }, 120_000);

  it('a busy 4-vCPU guest shows up to 400 % on an idle host; a cap of 150 holds it at 150 %', async () => {
    const core = await makeCore(kind);
    const h = core.addHost(16);
    const busy = core.addDomain(h, 4);
    core.setDomainDemand(busy, 1);
    const capped = core.addDomain(h, 4);
    core.setDomainDemand(capped, 1);
    core.setDomainCap(capped, 150);
    for (let t = 0; t < 20; t++) {
      core.tick(1000);
      expect(core.domainShare(busy) * 100).toBeGreaterThanOrEqual(340);
      expect(core.domainShare(busy) * 100).toBeLessThanOrEqual(400);
      expect(core.domainShare(capped) * 100).toBeCloseTo(150, 9);
    }
    expect(core.domainCpuS(busy)).toBeGreaterThan(68);
    expect(core.domainCpuS(capped)).toBeCloseTo(30, 9);
  });

  it('twice the weight gets twice the CPU when contended, and idle CPU still goes to whoever wants it', async () => {
    const core = await makeCore(kind);
    const h = core.addHost(2);
    const [a, b] = [core.addDomain(h, 4), core.addDomain(h, 4)];
    for (const d of [a, b]) core.setDomainDemand(d, 1);
    core.setDomainWeight(a, 512);
    core.tick(1000);
    expect(core.domainShare(a)).toBeCloseTo(4 / 3, 9);
    expect(core.domainShare(b)).toBeCloseTo(2 / 3, 9);
    core.setDomainRunnable(b, false);
    core.tick(1000);
    expect(core.domainShare(a)).toBeCloseTo(2, 9);
    expect(core.domainShare(b)).toBe(0);
  });
});
