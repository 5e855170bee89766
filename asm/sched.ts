// The credit scheduler (reference/cli-fidelity.md §9) as a fluid model per tick: each host's pCPU
// time is shared by weighted max-min (water-filling) among runnable domains, each limited by its
// demand (online vCPUs × demand per vCPU, ±15 % seeded variation, ≤ 1 pCPU per vCPU) and its cap;
// dom0 is an ordinary domain. Hosts are done one at a time over their own domain list (kept in
// handle order, so sums run in the same order as in the reference model).
import { allocRow, allocVcpus, freeRow, freeVcpus, peekRow } from './alloc';
import {
  D_CAP, D_CPU, D_DEM, D_DEMAND, D_HOST, D_LIM, D_NEXT, D_RUN, D_SAT, D_SHARE, D_VMAX, D_VON, D_VSTART, D_WEIGHT, ENT_DOM,
  ENT_HOST, G_HW, H_BUSY, H_CHECKER, H_FIRST, H_LIVE, H_PCPUS, H_POLL, H_UTIL, V_BUSY, V_DEM, V_PCPU, V_RND, V_TIME,
  addF, gI, ldF, ldI, stF, stI,
} from './layout';
import { domHash, hi24, pcpuPick, vcpuHash } from './rng';

// ---- hosts ----

export function hostAdd(pcpus: i32): i32 {
  const h = allocRow(ENT_HOST);
  if (h < 0) return -1;
  stI(H_LIVE, h, 1);
  stI(H_PCPUS, h, pcpus);
  stF(H_POLL, h, 5);
  stI(H_CHECKER, h, 1);
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

/** Cumulative time split evenly over the online vCPUs (offline ones start at 0). */
export function domSetCpuTime(d: i32, seconds: f64): void {
  stF(D_CPU, d, seconds);
  const start = ldI(D_VSTART, d);
  const n = ldI(D_VMAX, d);
  const on = ldI(D_VON, d);
  for (let k = 0; k < n; k++) stF(V_TIME, start + k, k < on ? seconds / <f64>on : 0);
}

// ---- the tick ----

export function schedTick(dtS: f64, seed: u32, tick: u32): void {
  const nh = gI(G_HW + ENT_HOST);
  for (let h = 0; h < nh; h++) {
    if (ldI(H_LIVE, h) == 0) continue;
    const first = ldI(H_FIRST, h);
    const pcpus = ldI(H_PCPUS, h);

    // Demand per vCPU and each domain's limit (demand, then cap in % of one pCPU).
    let rem = <f64>pcpus;
    let weights = 0.0;
    let sumLim = 0.0;
    for (let d = first; d >= 0; d = ldI(D_NEXT, d)) {
      const vs = ldI(D_VSTART, d);
      const von = ldI(D_VON, d);
      const base = ldF(D_DEMAND, d);
      let dem = 0.0;
      if (ldI(D_RUN, d) != 0 && base > 0) {
        const dh = domHash(seed, <u32>d, tick);
        for (let i = 0; i < von; i++) {
          const x = vcpuHash(dh, <u32>i);
          let vd = base * (0.85 + 0.3 * hi24(x));
          if (vd > 1) vd = 1;
          stF(V_DEM, vs + i, vd);
          stI(V_RND, vs + i, <i32>x);
          dem += vd;
        }
      } else {
        for (let i = 0; i < von; i++) stF(V_DEM, vs + i, 0);
      }
      let lim = dem;
      const cap = ldF(D_CAP, d);
      if (cap > 0) {
        const c = cap / 100;
        if (c < lim) lim = c;
      }
      stF(D_DEM, d, dem);
      stF(D_LIM, d, lim);
      sumLim += lim;
      if (lim > 0) {
        stI(D_SAT, d, 0);
        weights += ldF(D_WEIGHT, d);
      } else {
        stI(D_SAT, d, 1);
      }
    }

    // Water-filling when contended: offer λ = rem / Σw per unit of weight; domains whose limit
    // fits under λ·w take it; repeat until none does (they then get λ·w).
    let contended = sumLim > rem;
    let lam = 0.0;
    if (contended) {
      let guard = 0;
      for (let d = first; d >= 0; d = ldI(D_NEXT, d)) guard++;
      let done = false;
      while (!done && guard >= 0) {
        guard--;
        lam = rem / weights;
        if (lam < 0) lam = 0;
        let changed = false;
        for (let d = first; d >= 0; d = ldI(D_NEXT, d)) {
          if (ldI(D_SAT, d) != 0) continue;
          const lim = ldF(D_LIM, d);
          const w = ldF(D_WEIGHT, d);
          if (lim <= lam * w) {
            stI(D_SAT, d, 1);
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

    // Hand out, then split each domain's share over its vCPUs in proportion to their demand.
    let alloc = 0.0;
    for (let d = first; d >= 0; d = ldI(D_NEXT, d)) {
      let a = ldF(D_LIM, d);
      if (contended && ldI(D_SAT, d) == 0) a = lam * ldF(D_WEIGHT, d);
      stF(D_SHARE, d, a);
      addF(D_CPU, d, a * dtS);
      alloc += a;
      const vs = ldI(D_VSTART, d);
      const von = ldI(D_VON, d);
      const vmax = ldI(D_VMAX, d);
      const total = ldF(D_DEM, d);
      // Each vCPU's part of the share: its demand × (share / total demand).
      const f = total > 0 ? a / total : 0.0;
      for (let i = 0; i < von; i++) {
        const v = vs + i;
        const s = ldF(V_DEM, v) * f;
        stF(V_BUSY, v, s);
        if (s > 0) {
          stF(V_TIME, v, ldF(V_TIME, v) + s * dtS);
          const x = <u32>ldI(V_RND, v);
          const cur = ldI(V_PCPU, v);
          if (cur < 0 || cur >= pcpus || (x & 0xff) < 26) stI(V_PCPU, v, <i32>pcpuPick(x, <u32>pcpus));
        }
      }
      for (let i = von; i < vmax; i++) {
        stF(V_BUSY, vs + i, 0);
        stI(V_PCPU, vs + i, -1);
      }
    }
    stF(H_UTIL, h, pcpus > 0 ? alloc / <f64>pcpus : 0);
    addF(H_BUSY, h, alloc * dtS);
  }
}
