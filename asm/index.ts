// The core's ABI: the export list the TypeScript wrapper (src/sim/core/wasm-core.ts) calls.
// Nothing but thin entry points; the work lives in layout/alloc/sched/multipath*/blkio/events.
import { removeVbdsOf, ioTick, vbdLatency, lunAdd, lunRemove, portAdd, unrouteMap, vbdAdd, vbdRemove, vbdRoute } from './blkio';
import { evFirst } from './events';
import {
  A_GROUP, A_INFL, A_MAP, A_OK, A_PORT, A_STAMP, A_RD, A_RS, A_WR, A_WS, B_DOM, B_DONE, B_ERR,
  B_MAP, B_OO, B_PEND, B_RD, B_RIOPS, B_RS, B_SPR, B_WIOPS, B_WR, B_WS, CAP_E, D_CAP, D_CPU, D_DEMAND, D_HOST, D_RUN, D_SHARE,
  D_VMAX, D_VON, D_VSTART, D_WEIGHT, E_AT, E_HOST, E_KIND, E_MAP, E_VAL, ENT_DOM, ENT_HOST, ENT_LUN,
  ENT_MAP, ENT_PATH, ENT_PORT, ENT_VBD, G_EV_COUNT, G_HW, G_NOW, G_SEED, G_TICK, H_BUSY, H_LIVE, H_PCPUS,
  H_UTIL, L_LIVE, L_RD, L_RS, L_WR, L_WS, M_CUR, M_DONE, M_ERR, M_HOST, M_ISSUED, M_LAT, M_LUN,
  M_NPATHS, M_QUEUE, M_QUEUED, M_RRMIN, M_SEL, P_CAP, P_LAT, P_LIVE, P_SVC, P_UTIL, gF, gI, layoutClear, layoutInit, ldF, ldI, sgF, sgI, stF, stI,
} from './layout';
import { slotPath, touch } from './multipath';
import { mapAdd, mapRemove, pathAdd, pathRemove, rrRestart } from './multipath-maps';
import { countUsable } from './multipath-route';
import { domAdd, domFold, domMove, domRemove, domSetCpuTime, hostAdd, hostRemove, schedTick, vcpuBusy, vcpuPcpu, vcpuTime } from './sched';

export { colBytes, colCount, colEntity, colOffset, rowsOf } from './layout';

/**
 * Bumped whenever an export or a table layout changes. 3: path checker, group switching,
 * failback and no_path_retry moved out to the world; the core routes by the state it is given.
 */
export const ABI_VERSION: i32 = 3;

export function abiVersion(): i32 {
  return ABI_VERSION;
}

/** Lays out the tables (the only memory growth); returns bytes in use or -1. */
export function init(h: i32, d: i32, v: i32, b: i32, p: i32, l: i32, m: i32, a: i32, e: i32): i32 {
  return layoutInit(h, d, v, b, p, l, m, a, e);
}

export function clear(): void {
  layoutClear();
}

export function setSeed(seed: f64): void {
  sgF(G_SEED, seed);
}

export function nowMs(): f64 {
  return gF(G_NOW);
}

/** One tick: the credit scheduler, then block I/O. */
export function tick(dtMs: f64): void {
  const now = gF(G_NOW) + dtMs;
  sgF(G_NOW, now);
  const t = gF(G_TICK) + 1;
  sgF(G_TICK, t);
  const seed = <u32>gF(G_SEED);
  const dtS = dtMs / 1000;
  schedTick(dtS, seed, <u32>t);
  ioTick(dtS, seed, <u32>t);
}

/** 1 when handle h of entity ent is in use. */
export function live(ent: i32, h: i32): i32 {
  if (h < 0 || h >= gI(G_HW + ent)) return 0;
  if (ent == ENT_HOST) return ldI(H_LIVE, h);
  if (ent == ENT_DOM) return ldI(D_HOST, h) >= 0 ? 1 : 0;
  if (ent == ENT_VBD) return ldI(B_DOM, h) >= 0 ? 1 : 0;
  if (ent == ENT_PORT) return ldI(P_LIVE, h);
  if (ent == ENT_LUN) return ldI(L_LIVE, h);
  if (ent == ENT_MAP) return ldI(M_HOST, h) >= 0 ? 1 : 0;
  if (ent == ENT_PATH) return ldI(A_MAP, h) >= 0 ? 1 : 0;
  return 0;
}

/** Rows of `ent` that reference handle h as host (domains, maps) or LUN (maps): removal guard. */
export function users(ent: i32, h: i32): i32 {
  let n = 0;
  if (ent == ENT_HOST) {
    const nd = gI(G_HW + ENT_DOM);
    for (let d = 0; d < nd; d++) if (ldI(D_HOST, d) == h) n++;
    const nm = gI(G_HW + ENT_MAP);
    for (let m = 0; m < nm; m++) if (ldI(M_HOST, m) == h) n++;
  } else if (ent == ENT_LUN) {
    const nm = gI(G_HW + ENT_MAP);
    for (let m = 0; m < nm; m++) if (ldI(M_HOST, m) >= 0 && ldI(M_LUN, m) == h) n++;
  }
  return n;
}

// ---- hosts ----
export { hostAdd, hostRemove };
export function hostSetPcpus(h: i32, pcpus: i32): void {
  stI(H_PCPUS, h, pcpus);
}
export function hostGet(h: i32, f: i32): f64 {
  if (f == 0) return <f64>ldI(H_PCPUS, h);
  if (f == 1) return ldF(H_UTIL, h);
  return ldF(H_BUSY, h);
}

// ---- domains ----
export { domAdd, domMove, domSetCpuTime };
export function domRemoveAll(d: i32): void {
  removeVbdsOf(d);
  domRemove(d);
}
export function domSet(d: i32, online: i32, weight: f64, cap: f64, demand: f64, run: i32): void {
  if (online != ldI(D_VON, d)) domFold(<u32>gF(G_SEED), d);
  stI(D_VON, d, online);
  stF(D_WEIGHT, d, weight);
  stF(D_CAP, d, cap);
  stF(D_DEMAND, d, demand);
  stI(D_RUN, d, run);
}
export function domGet(d: i32, f: i32): f64 {
  if (f == 0) return <f64>ldI(D_HOST, d);
  if (f == 1) return <f64>ldI(D_VON, d);
  if (f == 2) return ldF(D_WEIGHT, d);
  if (f == 3) return ldF(D_CAP, d);
  if (f == 4) return ldF(D_DEMAND, d);
  if (f == 5) return <f64>ldI(D_RUN, d);
  if (f == 6) return ldF(D_CPU, d);
  if (f == 7) return ldF(D_SHARE, d);
  if (f == 8) return <f64>ldI(D_VMAX, d);
  return <f64>ldI(D_VSTART, d);
}
export function vcpuGet(d: i32, i: i32, f: i32): f64 {
  const seed = <u32>gF(G_SEED);
  if (f == 0) return vcpuTime(seed, d, i);
  if (f == 1) return <f64>vcpuPcpu(seed, d, i);
  return vcpuBusy(seed, d, i);
}

// ---- VBDs ----
export { vbdAdd, vbdRemove, vbdRoute };
export function vbdSetWorkload(v: i32, r: f64, w: f64, spr: f64): void {
  stF(B_RIOPS, v, r);
  stF(B_WIOPS, v, w);
  stF(B_SPR, v, spr);
}
export function vbdGet(v: i32, f: i32): f64 {
  if (f == 0) return ldF(B_RD, v);
  if (f == 1) return ldF(B_WR, v);
  if (f == 2) return ldF(B_RS, v);
  if (f == 3) return ldF(B_WS, v);
  if (f == 4) return ldF(B_OO, v);
  if (f == 5) return ldF(B_DONE, v);
  if (f == 6) return ldF(B_PEND, v);
  if (f == 7) return ldF(B_ERR, v);
  if (f == 8) return vbdLatency(v);
  if (f == 9) return <f64>ldI(B_MAP, v);
  return <f64>ldI(B_DOM, v);
}

// ---- ports and LUNs ----
export { portAdd, lunAdd, lunRemove };
export function portSet(p: i32, cap: f64, svc: f64): void {
  stF(P_CAP, p, cap);
  stF(P_SVC, p, svc);
}
export function portGet(p: i32, f: i32): f64 {
  if (f == 0) return ldF(P_UTIL, p);
  if (f == 1) return ldF(P_LAT, p);
  if (f == 2) return ldF(P_CAP, p);
  return ldF(P_SVC, p);
}
export function lunGet(l: i32, f: i32): f64 {
  if (f == 0) return ldF(L_RD, l);
  if (f == 1) return ldF(L_WR, l);
  if (f == 2) return ldF(L_RS, l);
  return ldF(L_WS, l);
}

// ---- maps ----
export { mapAdd };
export function mapRemoveAll(m: i32): void {
  unrouteMap(m);
  mapRemove(m);
}
/** Selector, rr_min_io, and whether I/O queues (1) or fails (0) when no path is usable. */
export function mapSetRouting(m: i32, sel: i32, rrmin: i32, queue: i32): void {
  stI(M_SEL, m, sel);
  stI(M_RRMIN, m, rrmin);
  stI(M_QUEUE, m, queue);
}
/** The group the world sends I/O to (-1 none); round-robin starts over in it. */
export function mapSetGroup(m: i32, g: i32): void {
  if (ldI(M_CUR, m) == g) return;
  stI(M_CUR, m, g);
  rrRestart(m);
  touch();
}
export function mapGet(m: i32, f: i32): f64 {
  if (f == 0) return <f64>ldI(M_SEL, m);
  if (f == 1) return <f64>ldI(M_RRMIN, m);
  if (f == 2) return <f64>ldI(M_QUEUE, m);
  if (f == 3) return <f64>ldI(M_CUR, m);
  if (f == 4) return <f64>ldI(M_NPATHS, m);
  if (f == 5) return ldF(M_QUEUED, m);
  if (f == 6) return <f64>countUsable(m);
  if (f == 7) return ldF(M_ISSUED, m);
  if (f == 8) return ldF(M_DONE, m);
  if (f == 9) return ldF(M_ERR, m);
  if (f == 10) return ldF(M_LAT, m);
  if (f == 11) return <f64>ldI(M_HOST, m);
  return <f64>ldI(M_LUN, m);
}
export function mapPath(m: i32, s: i32): i32 {
  return slotPath(m, s);
}

// ---- paths ----
export { pathAdd, pathRemove };
/** The world's verdict: dm active and reachable (1) or not (0). */
export function pathSetUsable(p: i32, ok: i32): void {
  if (ldI(A_OK, p) == ok) return;
  stI(A_OK, p, ok);
  touch();
}
export function pathGet(p: i32, f: i32): f64 {
  if (f == 0) return <f64>ldI(A_OK, p);
  if (f == 1) return <f64>ldI(A_GROUP, p);
  if (f == 2) return ldF(A_RD, p);
  if (f == 3) return ldF(A_WR, p);
  if (f == 4) return ldF(A_RS, p);
  if (f == 5) return ldF(A_WS, p);
  if (f == 6) return ldF(A_STAMP, p) == gF(G_TICK) ? ldF(A_INFL, p) : 0;
  if (f == 7) return ldF(P_LAT, ldI(A_PORT, p));
  return <f64>ldI(A_MAP, p);
}

// ---- events ----
export function evStart(): i32 {
  return evFirst();
}
export function evCount(): i32 {
  return gI(G_EV_COUNT);
}
export function evCap(): i32 {
  return CAP_E;
}
export function evClear(): void {
  sgI(G_EV_COUNT, 0);
}
export function evGet(i: i32, f: i32): f64 {
  if (f == 0) return ldF(E_AT, i);
  if (f == 1) return <f64>ldI(E_KIND, i);
  if (f == 2) return <f64>ldI(E_HOST, i);
  if (f == 3) return <f64>ldI(E_MAP, i);
  return ldF(E_VAL, i);
}

/** Tick count (for tests). */
export function ticks(): f64 {
  return gF(G_TICK);
}

/** Runs only some phases of a tick (bit 0 scheduler, 1 block I/O): for profiling. */
export function tickPhases(dtMs: f64, mask: i32): void {
  const now = gF(G_NOW) + dtMs;
  sgF(G_NOW, now);
  const t = gF(G_TICK) + 1;
  sgF(G_TICK, t);
  const seed = <u32>gF(G_SEED);
  const dtS = dtMs / 1000;
  if (mask & 1) schedTick(dtS, seed, <u32>t);
  if (mask & 2) ioTick(dtS, seed, <u32>t);
}
