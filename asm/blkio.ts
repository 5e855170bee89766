// Block I/O accounting per tick: each VBD's requests (workload profile × seeded variation × the
// share of CPU its domain got) go through its host's multipath map to paths; array ports serve
// up to their capacity (closed loop: what they cannot serve is not issued) with M/M/1 latency
// (Little's law gives in-flight). With no usable path in the active group a map queues (when the
// world says it queues: queue_if_no_path, or no_path_retry N still retrying; ring-limited per VBD,
// the rest counts as VBD_OO) or fails everything.
// Invariant per VBD: accepted (RD+WR) = completed + pending + errors.
import { allocRow, freeRow } from './alloc';
import { EV_IO_ERROR, emit } from './events';
import {
  A_INFL, A_PORT, A_STAMP, A_RD, A_RS, A_WR, A_WS, A_X, B_CARRYR, B_CARRYW, B_DOM, B_DONE, B_ERR, B_MAP, B_OO, B_PEND,
  B_RD, B_RIOPS, B_RS, B_SPR, B_WANTR, B_WANTW, B_WIOPS, B_WR, B_WS, D_DEM, D_HOST, D_RUN, D_SHARE, ENT_LUN, ENT_MAP, ENT_PORT,
  ENT_VBD, G_HW, B_NEXTM, M_FIRSTB, S_FIX, L_LIVE, L_RD, L_RS, L_WR, L_WS, M_ACC, M_CUMP, M_CUMW, M_DONE, M_DRAIN, M_ERR, M_FLAG, M_HOST,
  M_ELIGN, M_ISSUED, M_LAT, M_LUN, M_NEWACC, M_PENDT, M_QUEUE, M_QUEUED, M_TR, M_TW, M_WANTR, M_WANTS, M_WANTW,
  P_CAP, P_DEM, P_LAT, P_LIVE, P_PHI, P_SVC, P_UTIL, addF, gI, ldF, ldI, stF, stI,
} from './layout';
import { slotPath } from './multipath';
import { usablePaths } from './multipath-route';
import { dispatch, eligSlot } from './multipath-select';
import { vbdUnit } from './rng';

const OUT_SERVE: i32 = 0;
const OUT_QUEUE: i32 = 1;
const OUT_FAIL: i32 = 2;
/** No I/O for the map this tick (nothing wanted, nothing queued): it is not evaluated at all. */
const OUT_IDLE: i32 = 3;
/** Everything the map's VBDs wanted was served and nothing was queued: their pass-1 counts stand. */
const OUT_FULL: i32 = 4;
/** blkif ring: requests a VBD can have outstanding while its map queues. */
const RING: f64 = 32;
/** Latency of an unrouted (local) VBD, ms. */
const LOCAL_LAT: f64 = 0.3;
/** Utilisation used in the latency formula is capped here (M/M/1 blows up at 1). */
const RHO_MAX: f64 = 0.95;

// ---- VBDs, ports, LUNs ----

export function vbdAdd(dom: i32): i32 {
  const v = allocRow(ENT_VBD);
  if (v < 0) return -1;
  stI(B_DOM, v, dom);
  stI(B_MAP, v, -1);
  stI(B_NEXTM, v, -1);
  stF(B_RIOPS, v, 0);
  stF(B_WIOPS, v, 0);
  stF(B_SPR, v, 8);
  stF(B_CARRYR, v, 0);
  stF(B_CARRYW, v, 0);
  stF(B_RD, v, 0);
  stF(B_WR, v, 0);
  stF(B_RS, v, 0);
  stF(B_WS, v, 0);
  stF(B_OO, v, 0);
  stF(B_DONE, v, 0);
  stF(B_PEND, v, 0);
  stF(B_ERR, v, 0);
  return v;
}

/** Fails the requests a VBD has queued in its map (it is re-routed or removed). */
function failPending(v: i32): void {
  const m = ldI(B_MAP, v);
  const pend = ldF(B_PEND, v);
  if (m < 0 || pend <= 0) return;
  stF(M_QUEUED, m, ldF(M_QUEUED, m) - pend);
  stF(M_ERR, m, ldF(M_ERR, m) + pend);
  stF(B_ERR, v, ldF(B_ERR, v) + pend);
  stF(B_PEND, v, 0);
}

/** Adds v to map m's VBD list (kept in handle order). */
function linkMap(v: i32, m: i32): void {
  let prev = -1;
  let cur = ldI(M_FIRSTB, m);
  while (cur >= 0 && cur < v) {
    prev = cur;
    cur = ldI(B_NEXTM, cur);
  }
  stI(B_NEXTM, v, cur);
  if (prev < 0) stI(M_FIRSTB, m, v);
  else stI(B_NEXTM, prev, v);
}

function unlinkMap(v: i32): void {
  const m = ldI(B_MAP, v);
  if (m < 0) return;
  let prev = -1;
  let cur = ldI(M_FIRSTB, m);
  while (cur >= 0 && cur != v) {
    prev = cur;
    cur = ldI(B_NEXTM, cur);
  }
  const next = ldI(B_NEXTM, v);
  if (prev < 0) stI(M_FIRSTB, m, next);
  else stI(B_NEXTM, prev, next);
}

/** Sends a VBD through another map; requests it had queued in the old one fail. */
export function vbdRoute(v: i32, m: i32): void {
  failPending(v);
  unlinkMap(v);
  stI(B_MAP, v, m);
  if (m >= 0) linkMap(v, m);
}

export function vbdRemove(v: i32): void {
  failPending(v);
  unlinkMap(v);
  stI(B_MAP, v, -1);
  stI(B_DOM, v, -1);
  freeRow(ENT_VBD, v);
}

/** Unroutes every VBD of map m; requests they had queued fail (the map is gone). */
export function unrouteMap(m: i32): void {
  let v = ldI(M_FIRSTB, m);
  while (v >= 0) {
    const next = ldI(B_NEXTM, v);
    failPending(v);
    stI(B_MAP, v, -1);
    v = next;
  }
  stI(M_FIRSTB, m, -1);
}

/** Removes every VBD of domain d. */
export function removeVbdsOf(d: i32): void {
  const nb = gI(G_HW + ENT_VBD);
  for (let v = 0; v < nb; v++) if (ldI(B_DOM, v) == d) vbdRemove(v);
}

export function portAdd(cap: f64, svc: f64): i32 {
  const p = allocRow(ENT_PORT);
  if (p < 0) return -1;
  stI(P_LIVE, p, 1);
  stF(P_CAP, p, cap);
  stF(P_SVC, p, svc);
  stF(P_DEM, p, 0);
  stF(P_UTIL, p, 0);
  stF(P_LAT, p, svc);
  return p;
}

export function lunAdd(): i32 {
  const l = allocRow(ENT_LUN);
  if (l < 0) return -1;
  stI(L_LIVE, l, 1);
  stF(L_RD, l, 0);
  stF(L_WR, l, 0);
  stF(L_RS, l, 0);
  stF(L_WS, l, 0);
  return l;
}

export function lunRemove(l: i32): void {
  stI(L_LIVE, l, 0);
  freeRow(ENT_LUN, l);
}

// ---- the tick ----

/** Latency a VBD saw last: its map's, or a local disk's. */
export function vbdLatency(v: i32): f64 {
  const m = ldI(B_MAP, v);
  if (m >= 0) return ldF(M_LAT, m);
  return ldF(B_RD, v) + ldF(B_WR, v) > 0 ? LOCAL_LAT : 0;
}

/** Takes back what pass 1 counted for a VBD as if all it wanted had been accepted and completed. */
@inline function unCount(v: i32, wr: f64, ww: f64, spr: f64): void {
  addF(B_RD, v, -wr);
  addF(B_WR, v, -ww);
  addF(B_RS, v, -(wr * spr));
  addF(B_WS, v, -(ww * spr));
  addF(B_DONE, v, -(wr + ww));
}

@inline function count(v: i32, ar: f64, aw: f64, spr: f64): void {
  addF(B_RD, v, ar);
  addF(B_WR, v, aw);
  addF(B_RS, v, ar * spr);
  addF(B_WS, v, aw * spr);
}

export function ioTick(dtS: f64, seed: u32, tick: u32): void {
  const nb = gI(G_HW + ENT_VBD);
  const nm = gI(G_HW + ENT_MAP);
  const np = gI(G_HW + ENT_PORT);

  // 1. What each VBD wants to issue this tick. It is counted at once as accepted and completed
  //    (what happens in the usual case, and always for a local disk); pass 5 corrects the rest.
  for (let v = 0; v < nb; v++) {
    const dom = ldI(B_DOM, v);
    if (dom < 0) continue;
    let nr = 0.0;
    let nw = 0.0;
    if (ldI(D_RUN, dom) != 0) {
      const dem = ldF(D_DEM, dom);
      const scale = dem > 0 ? ldF(D_SHARE, dom) / dem : 1.0;
      const f = 0.8 + 0.4 * vbdUnit(seed, <u32>v, tick);
      const xr = ldF(B_RIOPS, v) * dtS * f * scale + ldF(B_CARRYR, v);
      nr = Math.floor(xr);
      stF(B_CARRYR, v, xr - nr);
      const xw = ldF(B_WIOPS, v) * dtS * f * scale + ldF(B_CARRYW, v);
      nw = Math.floor(xw);
      stF(B_CARRYW, v, xw - nw);
    }
    stF(B_WANTR, v, nr);
    stF(B_WANTW, v, nw);
    const n = nr + nw;
    if (n > 0) {
      const spr = ldF(B_SPR, v);
      count(v, nr, nw, spr);
      addF(B_DONE, v, n);
      const m = ldI(B_MAP, v);
      if (m >= 0) {
        addF(M_WANTR, m, nr);
        addF(M_WANTW, m, nw);
        addF(M_WANTS, m, n * spr);
      }
    }
  }

  // 2. Each map with I/O: dispatch over the active group's usable paths, or queue / fail.
  for (let m = 0; m < nm; m++) {
    const h = ldI(M_HOST, m);
    if (h < 0) continue;
    const wantR = ldF(M_WANTR, m);
    const wantW = ldF(M_WANTW, m);
    const q = ldF(M_QUEUED, m);
    const want = wantR + wantW;
    const n = want + q;
    if (n == 0) {
      stI(M_FLAG, m, OUT_IDLE);
      continue;
    }
    if (usablePaths(m) > 0) {
      stI(M_FLAG, m, OUT_SERVE);
      dispatch(m, n);
    } else if (ldI(M_QUEUE, m) != 0) {
      stI(M_FLAG, m, OUT_QUEUE);
    } else {
      emit(EV_IO_ERROR, h, m, n);
      stF(M_QUEUED, m, 0);
      stI(M_FLAG, m, OUT_FAIL);
    }
  }

  // 3. Ports: the share of offered requests they can serve, and their latency.
  for (let p = 0; p < np; p++) {
    if (ldI(P_LIVE, p) == 0) continue;
    const cap = ldF(P_CAP, p) * dtS;
    const dem = ldF(P_DEM, p);
    const util = cap > 0 ? dem / cap : 0;
    stF(P_UTIL, p, util);
    stF(P_PHI, p, dem > cap ? cap / dem : 1.0);
    const rho = util < RHO_MAX ? util : RHO_MAX;
    stF(P_LAT, p, ldF(P_SVC, p) / (1 - rho));
    stF(P_DEM, p, 0);
  }

  // 4. Paths serve; maps drain their queue first, then this tick's wants. Maps whose VBDs need
  //    correcting are listed in S_FIX.
  let nfix = 0;
  for (let m = 0; m < nm; m++) {
    if (ldI(M_HOST, m) < 0) continue;
    const out = ldI(M_FLAG, m);
    if (out == OUT_IDLE) continue;
    // This tick's wants, zeroed for the next tick (kept in M_TR/M_TW for pass 5 when needed).
    const mR = ldF(M_WANTR, m);
    const mW = ldF(M_WANTW, m);
    const mS = ldF(M_WANTS, m);
    stF(M_WANTR, m, 0);
    stF(M_WANTW, m, 0);
    stF(M_WANTS, m, 0);
    if (out == OUT_FAIL) {
      stI(S_FIX, nfix++, m);
      continue;
    }
    if (out == OUT_QUEUE) {
      stF(M_LAT, m, ldF(M_LAT, m) + dtS * 1000);
      stI(S_FIX, nfix++, m);
      continue;
    }
    let acc = 0.0;
    let latSum = 0.0;
    const mN = mR + mW;
    const spr = mN > 0 ? mS / mN : 8.0;
    // Reads are this tick's read fraction of what each path served (half when only the queue drains).
    const rf = mN > 0 ? mR / mN : 0.5;
    let lrd = 0.0;
    let lwr = 0.0;
    let lrs = 0.0;
    let lws = 0.0;
    const k = ldI(M_ELIGN, m);
    for (let i = 0; i < k; i++) {
      const p = slotPath(m, eligSlot(m, i));
      const x = ldF(A_X, p);
      if (x <= 0) continue;
      const port = ldI(A_PORT, p);
      const lat = ldF(P_LAT, port);
      const phi = ldF(P_PHI, port);
      const served = phi < 1 ? Math.floor(x * phi) : x;
      const rd = Math.floor(served * rf);
      const wr = served - rd;
      const rs = Math.floor(rd * spr);
      const ws = Math.floor(wr * spr);
      addF(A_RD, p, rd);
      addF(A_WR, p, wr);
      addF(A_RS, p, rs);
      addF(A_WS, p, ws);
      lrd += rd;
      lwr += wr;
      lrs += rs;
      lws += ws;
      stF(A_INFL, p, ((served / dtS) * lat) / 1000);
      stF(A_STAMP, p, <f64>tick);
      acc += served;
      latSum += served * lat;
    }
    const lun = ldI(M_LUN, m);
    addF(L_RD, lun, lrd);
    addF(L_WR, lun, lwr);
    addF(L_RS, lun, lrs);
    addF(L_WS, lun, lws);
    const q = ldF(M_QUEUED, m);
    addF(M_DONE, m, acc);
    if (acc > 0) stF(M_LAT, m, latSum / acc);
    if (q == 0 && acc == mN) {
      // Everything wanted was served and nothing waited: pass 1 counted each VBD right.
      stI(M_FLAG, m, OUT_FULL);
      addF(M_ISSUED, m, acc);
      continue;
    }
    const drain = q < acc ? q : acc;
    stF(M_ACC, m, acc);
    stF(M_PENDT, m, q);
    stF(M_DRAIN, m, drain);
    stF(M_NEWACC, m, acc - drain);
    stF(M_QUEUED, m, q - drain);
    stF(M_CUMP, m, 0);
    stF(M_CUMW, m, 0);
    stF(M_TR, m, mR);
    stF(M_TW, m, mW);
    stI(S_FIX, nfix++, m);
  }

  // 5. Correct the VBDs of maps that did not serve everything: completions of queued requests,
  //    acceptance of new ones (throttled), queueing (ring-limited, the rest VBD_OO), errors.
  for (let f = 0; f < nfix; f++) {
    const m = ldI(S_FIX, f);
    const out = ldI(M_FLAG, m);
    for (let v = ldI(M_FIRSTB, m); v >= 0; v = ldI(B_NEXTM, v)) {
      correct(v, m, out);
    }
  }
}

function correct(v: i32, m: i32, out: i32): void {
  {
    const wr = ldF(B_WANTR, v);
    const ww = ldF(B_WANTW, v);
    const n = wr + ww;
    const spr = ldF(B_SPR, v);
    if (out == OUT_SERVE) {
      const pend = ldF(B_PEND, v);
      const drain = ldF(M_DRAIN, m);
      if (pend > 0 && drain > 0) {
        const t = ldF(M_PENDT, m);
        const c0 = ldF(M_CUMP, m);
        const c1 = c0 + pend;
        stF(M_CUMP, m, c1);
        const got = Math.floor((drain * c1) / t) - Math.floor((drain * c0) / t);
        stF(B_PEND, v, pend - got);
        addF(B_DONE, v, got);
      }
      if (n > 0) {
        const tot = ldF(M_TR, m) + ldF(M_TW, m);
        const na = ldF(M_NEWACC, m);
        let acc = n;
        let aw = ww;
        if (na < tot) {
          const c0 = ldF(M_CUMW, m);
          const c1 = c0 + n;
          stF(M_CUMW, m, c1);
          acc = Math.floor((na * c1) / tot) - Math.floor((na * c0) / tot);
          aw = Math.floor((acc * ww) / n);
        }
        if (acc < n) {
          unCount(v, wr, ww, spr);
          const ar = acc - aw;
          count(v, ar, aw, spr);
          addF(B_DONE, v, acc);
        }
        addF(M_ISSUED, m, acc);
      }
    } else if (out == OUT_QUEUE) {
      if (n > 0) unCount(v, wr, ww, spr);
      const pend = ldF(B_PEND, v);
      let room = RING - pend;
      if (room < 0) room = 0;
      const acc = n < room ? n : room;
      addF(B_OO, v, n - acc);
      const aw = n > 0 ? Math.floor((acc * ww) / n) : 0.0;
      count(v, acc - aw, aw, spr);
      stF(B_PEND, v, pend + acc);
      addF(M_QUEUED, m, acc);
      addF(M_ISSUED, m, acc);
    } else {
      // Failed: what it asked for was issued (counted) but errors instead of completing.
      const pend = ldF(B_PEND, v);
      addF(B_DONE, v, -n);
      addF(B_ERR, v, n + pend);
      addF(M_ERR, m, n + pend);
      addF(M_ISSUED, m, n);
      stF(B_PEND, v, 0);
    }
  }
}

/** Host of a domain (for the wrapper's checks). */
export function domHost(d: i32): i32 {
  return ldI(D_HOST, d);
}
