// The credit scheduler (reference/cli-fidelity.md §9) as a fluid model per tick: each host's pCPU
// time is shared by weighted max-min (water-filling) among runnable domains, each limited by its
// demand (online vCPUs × demand per vCPU, ±15 % seeded variation, ≤ 1 pCPU per vCPU) and its cap;
// dom0 is an ordinary domain. Hosts are done one at a time over their own domain list (kept in
// handle order, so sums run in the same order as in the reference model). Per-vCPU figures are
// derived (see below), so a tick costs O(domains).
import { allocRow, allocVcpus, freeRow, freeVcpus, peekRow } from './alloc';
import {
  D_CAP, D_CPU, D_CPU0, D_DEM, D_DEMAND, D_HOST, D_LASTRUN, D_NEXT, D_Q, D_Q0, D_RUN, D_SHARE, D_VMAX, D_VON,
  D_VSTART, D_WEIGHT, ENT_DOM, ENT_HOST, G_HW, H_BUSY, H_FIRST, H_LIVE, H_PCPUS, H_UTIL, S_LIM, S_SAT, S_WT, V_BASE,
  addF, gI, ldF, ldI, stF, stI,
} from './layout';
import { domFixedHash, domHash, hi24, pcpuPick, vcpuHash } from './rng';

// ---- hosts ----

export function hostAdd(pcpus: i32): i32 {
  const h = allocRow(ENT_HOST);
  if (h < 0) return -1;
  stI(H_LIVE, h, 1);
  stI(H_PCPUS, h, pcpus);
  stF(H_UTIL, h, 0);
  stF(H_BUSY, h, 0);
  stI(H_FIRST, h, -1);
  return h;
}

export function hostRemove(h: i32): void {
  stI(H_LIVE, h, 0);
  freeRow(ENT_HOST, h);
}

// ---- the per-host domain lists ----

function link(d: i32, h: i32): void {
  stI(D_HOST, d, h);
  let prev = -1;
  let cur = ldI(H_FIRST, h);
  while (cur >= 0 && cur < d) {
    prev = cur;
    cur = ldI(D_NEXT, cur);
  }
  stI(D_NEXT, d, cur);
  if (prev < 0) stI(H_FIRST, h, d);
  else stI(D_NEXT, prev, d);
}

function unlink(d: i32): void {
  const h = ldI(D_HOST, d);
  let prev = -1;
  let cur = ldI(H_FIRST, h);
  while (cur >= 0 && cur != d) {
    prev = cur;
    cur = ldI(D_NEXT, cur);
  }
  const next = ldI(D_NEXT, d);
  if (prev < 0) stI(H_FIRST, h, next);
  else stI(D_NEXT, prev, next);
}

// ---- domains ----

export function domAdd(host: i32, vmax: i32): i32 {
  const d = peekRow(ENT_DOM);
  if (d < 0) return -1;
  const v = allocVcpus(d, vmax);
  if (v < 0) return -2;
  allocRow(ENT_DOM);
  stI(D_VSTART, d, v);
  stI(D_VMAX, d, vmax);
  stI(D_VON, d, vmax);
  stF(D_WEIGHT, d, 256);
  stF(D_CAP, d, 0);
  stF(D_DEMAND, d, 0);
  stI(D_RUN, d, 1);
  stF(D_CPU, d, 0);
  stF(D_SHARE, d, 0);
  stF(D_CPU0, d, 0);
  stF(D_Q, d, 0);
  stF(D_Q0, d, 0);
  stF(D_LASTRUN, d, 0);
  stF(D_DEM, d, 0);
  link(d, host);
  return d;
}

export function domRemove(d: i32): void {
  unlink(d);
  freeVcpus(ldI(D_VSTART, d), ldI(D_VMAX, d));
  stI(D_HOST, d, -1);
  freeRow(ENT_DOM, d);
}

export function domMove(d: i32, host: i32): void {
  if (ldI(D_HOST, d) == host) return;
  unlink(d);
  link(d, host);
}

// ---- vCPUs: derived from per-domain accumulators, never touched in a tick ----
//
// vCPU i of n online gets s_i = x + δ_i·(x − x²) of the domain's share a, with x = a/n and a
// fixed skew δ_i (Σδ = 0, |δ| ≤ 0.6, from the seed): the split sums to a and no vCPU exceeds one
// pCPU. Its time since the last fold is then A/n + δ_i·(A/n − Q/n²) with A = Σ a·dt, Q = Σ a²·dt,
// so a tick only updates A and Q per domain. A change of online vCPUs folds the times into V_BASE.

const SKEW: f64 = 0.6;

@inline function vcpuRaw(fh: u32, k: i32): f64 {
  return hi24(vcpuHash(fh, <u32>k)) * 2 - 1;
}

/** δ_i of vCPU i among n online ones. */
export function vcpuSkew(seed: u32, d: i32, i: i32, n: i32): f64 {
  if (n <= 1) return 0;
  const fh = domFixedHash(seed, <u32>d);
  let sum = 0.0;
  for (let k = 0; k < n; k++) sum += vcpuRaw(fh, k);
  const mean = sum / <f64>n;
  let m = 0.0;
  for (let k = 0; k < n; k++) {
    const dev = Math.abs(vcpuRaw(fh, k) - mean);
    if (dev > m) m = dev;
  }
  if (m <= 0) return 0;
  return (SKEW * (vcpuRaw(fh, i) - mean)) / m;
}

export function vcpuTime(seed: u32, d: i32, i: i32): f64 {
  const base = ldF(V_BASE, ldI(D_VSTART, d) + i);
  const n = ldI(D_VON, d);
  if (i >= n) return base;
  const nf = <f64>n;
  const a1 = (ldF(D_CPU, d) - ldF(D_CPU0, d)) / nf;
  const q = (ldF(D_Q, d) - ldF(D_Q0, d)) / (nf * nf);
  return base + a1 + vcpuSkew(seed, d, i, n) * (a1 - q);
}

/** Fraction of the last tick vCPU i ran. */
export function vcpuBusy(seed: u32, d: i32, i: i32): f64 {
  const n = ldI(D_VON, d);
  if (i >= n) return 0;
  const x = ldF(D_SHARE, d) / <f64>n;
  return x + vcpuSkew(seed, d, i, n) * (x - x * x);
}

/** The pCPU vCPU i ran on last: it stays put for 8–39 ticks, then moves (it is not pinned). */
export function vcpuPcpu(seed: u32, d: i32, i: i32): i32 {
  if (i >= ldI(D_VON, d)) return -1;
  const last = ldF(D_LASTRUN, d);
  const p = ldI(H_PCPUS, ldI(D_HOST, d));
  if (last <= 0 || p <= 0) return -1;
  const x = vcpuHash(domFixedHash(seed, <u32>d) ^ 0x85ebca6b, <u32>i);
  const period = 8 + (x & 31);
  const phase = (x >>> 5) & 1023;
  const epoch = (<u32>last + phase) / period;
  return <i32>pcpuPick(x, epoch, <u32>p);
}

/** Writes each online vCPU's time into V_BASE and restarts the accumulators (before vcpu-set). */
export function domFold(seed: u32, d: i32): void {
  const vs = ldI(D_VSTART, d);
  const n = ldI(D_VON, d);
  for (let i = 0; i < n; i++) stF(V_BASE, vs + i, vcpuTime(seed, d, i));
  stF(D_CPU0, d, ldF(D_CPU, d));
  stF(D_Q0, d, ldF(D_Q, d));
}

/** Cumulative time split evenly over the online vCPUs (offline ones start at 0). */
export function domSetCpuTime(d: i32, seconds: f64): void {
  stF(D_CPU, d, seconds);
  stF(D_CPU0, d, seconds);
  stF(D_Q0, d, ldF(D_Q, d));
  const start = ldI(D_VSTART, d);
  const n = ldI(D_VMAX, d);
  const on = ldI(D_VON, d);
  for (let k = 0; k < n; k++) stF(V_BASE, start + k, k < on ? seconds / <f64>on : 0);
}

// ---- the tick ----

export function schedTick(dtS: f64, seed: u32, tick: u32): void {
  const nh = gI(G_HW + ENT_HOST);
  for (let h = 0; h < nh; h++) {
    if (ldI(H_LIVE, h) == 0) continue;
    const first = ldI(H_FIRST, h);
    const pcpus = ldI(H_PCPUS, h);

    // Demand (online vCPUs × per-vCPU demand ±15 %, at most one pCPU each) and the limit (cap),
    // gathered into contiguous scratch for the water-filling passes.
    let rem = <f64>pcpus;
    let weights = 0.0;
    let sumLim = 0.0;
    let n = 0;
    for (let d = first; d >= 0; d = ldI(D_NEXT, d)) {
      const base = ldF(D_DEMAND, d);
      let dem = 0.0;
      if (ldI(D_RUN, d) != 0 && base > 0) {
        let per = base * (0.85 + 0.3 * hi24(domHash(seed, <u32>d, tick)));
        if (per > 1) per = 1;
        dem = per * <f64>ldI(D_VON, d);
      }
      let lim = dem;
      const cap = ldF(D_CAP, d);
      if (cap > 0) {
        const c = cap / 100;
        if (c < lim) lim = c;
      }
      const w = ldF(D_WEIGHT, d);
      stF(D_DEM, d, dem);
      stF(S_LIM, n, lim);
      stF(S_WT, n, w);
      sumLim += lim;
      if (lim > 0) {
        stI(S_SAT, n, 0);
        weights += w;
      } else {
        stI(S_SAT, n, 1);
      }
      n++;
    }

    // Water-filling when contended: offer λ = rem / Σw per unit of weight; domains whose limit
    // fits under λ·w take it; repeat until none does (they then get λ·w).
    let contended = sumLim > rem;
    let lam = 0.0;
    if (contended) {
      let guard = n;
      let done = false;
      while (!done && guard >= 0) {
        guard--;
        lam = rem / weights;
        if (lam < 0) lam = 0;
        let changed = false;
        for (let j = 0; j < n; j++) {
          if (ldI(S_SAT, j) != 0) continue;
          const lim = ldF(S_LIM, j);
          const w = ldF(S_WT, j);
          if (lim <= lam * w) {
            stI(S_SAT, j, 1);
            rem -= lim;
            weights -= w;
            changed = true;
          }
        }
        if (!changed) done = true;
        else if (weights <= 0) {
          done = true;
          contended = false;
        }
      }
      if (!done) contended = false;
    }

    // Hand out; vCPUs follow through A (D_CPU) and Q.
    let alloc = 0.0;
    let j = 0;
    for (let d = first; d >= 0; d = ldI(D_NEXT, d)) {
      let a = ldF(S_LIM, j);
      if (contended && ldI(S_SAT, j) == 0) a = lam * ldF(S_WT, j);
      j++;
      stF(D_SHARE, d, a);
      if (a > 0) {
        addF(D_CPU, d, a * dtS);
        addF(D_Q, d, a * a * dtS);
        stF(D_LASTRUN, d, <f64>tick);
        alloc += a;
      }
    }
    stF(H_UTIL, h, pcpus > 0 ? alloc / <f64>pcpus : 0);
    addF(H_BUSY, h, alloc * dtS);
  }
}
