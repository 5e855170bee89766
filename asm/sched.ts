// The credit scheduler (reference/cli-fidelity.md §9) as a fluid model per tick: each host's pCPU
// time is shared by weighted max-min (water-filling) among runnable domains, each limited by its
// demand (vCPUs × demand per vCPU, with seeded variation) and its cap; dom0 is an ordinary domain.
import { allocRow, allocVcpus, freeRow, freeVcpus, peekRow } from './alloc';
import {
  D_CAP, D_CPU, D_DEM, D_DEMAND, D_HOST, D_LIM, D_RUN, D_SAT, D_SHARE, D_VMAX, D_VON, D_VSTART, D_WEIGHT, ENT_DOM, ENT_HOST,
  G_HW, G_VTOP, H_ALLOC, H_BUSY, H_CHECKER, H_LAM, H_LIVE, H_PCPUS, H_POLL, H_REM, H_STATE, H_SUML, H_UTIL, H_W,
  V_BUSY, V_DEM, V_DOM, V_IDX, V_PCPU, V_TIME, addF, gI, ldF, ldI, stF, stI,
} from './layout';
import { SALT_CPU, SALT_PCPU, SALT_PCPU_MOVE, hash4, unit } from './rng';

const ST_FILLING: i32 = 0;
const ST_CHANGED: i32 = 1;
const ST_FREE: i32 = 2; // no contention: every domain gets its limit
const ST_FINAL: i32 = 3; // contended: unsaturated domains get λ × weight

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
  return h;
}

export function hostRemove(h: i32): void {
  stI(H_LIVE, h, 0);
  freeRow(ENT_HOST, h);
}

// ---- domains ----

export function domAdd(host: i32, vmax: i32): i32 {
  const d = peekRow(ENT_DOM);
  if (d < 0) return -1;
  const v = allocVcpus(d, vmax);
  if (v < 0) return -2;
  allocRow(ENT_DOM);
  stI(D_HOST, d, host);
  stI(D_VSTART, d, v);
  stI(D_VMAX, d, vmax);
  stI(D_VON, d, vmax);
  stF(D_WEIGHT, d, 256);
  stF(D_CAP, d, 0);
  stF(D_DEMAND, d, 0);
  stI(D_RUN, d, 1);
  stF(D_CPU, d, 0);
  stF(D_SHARE, d, 0);
  return d;
}

export function domRemove(d: i32): void {
  freeVcpus(ldI(D_VSTART, d), ldI(D_VMAX, d));
  stI(D_HOST, d, -1);
  freeRow(ENT_DOM, d);
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
  const nd = gI(G_HW + ENT_DOM);
  const nv = gI(G_VTOP);

  for (let h = 0; h < nh; h++) {
    stF(H_REM, h, <f64>ldI(H_PCPUS, h));
    stF(H_W, h, 0);
    stF(H_SUML, h, 0);
    stF(H_LAM, h, 0);
    stF(H_ALLOC, h, 0);
  }
  for (let d = 0; d < nd; d++) stF(D_DEM, d, 0);

  // Demand of each online vCPU of a runnable domain: its profile ± 15 %, at most one pCPU.
  for (let v = 0; v < nv; v++) {
    const dom = ldI(V_DOM, v);
    if (dom < 0) continue;
    const idx = ldI(V_IDX, v);
    let dem = 0.0;
    const base = ldF(D_DEMAND, dom);
    if (ldI(D_RUN, dom) != 0 && idx < ldI(D_VON, dom) && base > 0) {
      dem = base * (0.85 + 0.3 * unit(seed, <u32>dom, <u32>idx, tick, SALT_CPU));
      if (dem > 1) dem = 1;
    }
    stF(V_DEM, v, dem);
    addF(D_DEM, dom, dem);
  }

  // Limits: demand, then the cap (percent of one pCPU).
  for (let d = 0; d < nd; d++) {
    const h = ldI(D_HOST, d);
    if (h < 0) continue;
    let lim = ldF(D_DEM, d);
    const cap = ldF(D_CAP, d);
    if (cap > 0) {
      const c = cap / 100;
      if (c < lim) lim = c;
    }
    stF(D_LIM, d, lim);
    addF(H_SUML, h, lim);
    if (lim > 0) {
      stI(D_SAT, d, 0);
      addF(H_W, h, ldF(D_WEIGHT, d));
    } else {
      stI(D_SAT, d, 1);
    }
  }

  let active = 0;
  for (let h = 0; h < nh; h++) {
    if (ldI(H_LIVE, h) == 0) continue;
    if (ldF(H_SUML, h) <= ldF(H_REM, h)) {
      stI(H_STATE, h, ST_FREE);
    } else {
      stI(H_STATE, h, ST_FILLING);
      active++;
    }
  }

  // Water-filling, all contended hosts at once: each pass offers λ = rem / Σw per unit of weight,
  // saturates the domains whose limit fits under λ·w, and stops for a host when none does.
  let guard = nd + 1;
  while (active > 0 && guard > 0) {
    guard--;
    for (let h = 0; h < nh; h++) {
      if (ldI(H_LIVE, h) == 0 || ldI(H_STATE, h) != ST_FILLING) continue;
      let lam = ldF(H_REM, h) / ldF(H_W, h);
      if (lam < 0) lam = 0;
      stF(H_LAM, h, lam);
    }
    for (let d = 0; d < nd; d++) {
      const h = ldI(D_HOST, d);
      if (h < 0 || ldI(D_SAT, d) != 0) continue;
      const st = ldI(H_STATE, h);
      if (st != ST_FILLING && st != ST_CHANGED) continue;
      const lim = ldF(D_LIM, d);
      const w = ldF(D_WEIGHT, d);
      if (lim <= ldF(H_LAM, h) * w) {
        stI(D_SAT, d, 1);
        stF(H_REM, h, ldF(H_REM, h) - lim);
        stF(H_W, h, ldF(H_W, h) - w);
        stI(H_STATE, h, ST_CHANGED);
      }
    }
    active = 0;
    for (let h = 0; h < nh; h++) {
      if (ldI(H_LIVE, h) == 0) continue;
      const st = ldI(H_STATE, h);
      if (st == ST_CHANGED) {
        if (ldF(H_W, h) <= 0) {
          stI(H_STATE, h, ST_FREE);
        } else {
          stI(H_STATE, h, ST_FILLING);
          active++;
        }
      } else if (st == ST_FILLING) {
        stI(H_STATE, h, ST_FINAL);
      }
    }
  }
  for (let h = 0; h < nh; h++) if (ldI(H_LIVE, h) != 0 && ldI(H_STATE, h) == ST_FILLING) stI(H_STATE, h, ST_FINAL);

  // Hand out: saturated domains get their limit, the others λ × weight.
  for (let d = 0; d < nd; d++) {
    const h = ldI(D_HOST, d);
    if (h < 0) continue;
    let a = ldF(D_LIM, d);
    if (ldI(H_STATE, h) == ST_FINAL && ldI(D_SAT, d) == 0) a = ldF(H_LAM, h) * ldF(D_WEIGHT, d);
    stF(D_SHARE, d, a);
    addF(D_CPU, d, a * dtS);
    addF(H_ALLOC, h, a);
  }
  for (let h = 0; h < nh; h++) {
    if (ldI(H_LIVE, h) == 0) continue;
    const p = ldI(H_PCPUS, h);
    const alloc = ldF(H_ALLOC, h);
    stF(H_UTIL, h, p > 0 ? alloc / <f64>p : 0);
    addF(H_BUSY, h, alloc * dtS);
  }

  // Each vCPU gets the domain's share in proportion to its demand; it stays on its pCPU most
  // ticks and moves now and then (it is not pinned).
  for (let v = 0; v < nv; v++) {
    const dom = ldI(V_DOM, v);
    if (dom < 0) continue;
    const idx = ldI(V_IDX, v);
    const dem = ldF(V_DEM, v);
    const total = ldF(D_DEM, dom);
    let s = 0.0;
    if (dem > 0 && total > 0) s = (ldF(D_SHARE, dom) * dem) / total;
    stF(V_BUSY, v, s);
    stF(V_TIME, v, ldF(V_TIME, v) + s * dtS);
    if (idx >= ldI(D_VON, dom)) {
      stI(V_PCPU, v, -1);
    } else if (s > 0) {
      const p = ldI(H_PCPUS, ldI(D_HOST, dom));
      const cur = ldI(V_PCPU, v);
      if (cur < 0 || cur >= p || hash4(seed, <u32>dom, <u32>idx, tick, SALT_PCPU_MOVE) < 0x1999999a) {
        stI(V_PCPU, v, <i32>(hash4(seed, <u32>dom, <u32>idx, tick, SALT_PCPU) % <u32>p));
      }
    }
  }
}
