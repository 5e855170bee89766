// Multipath (reference/cli-fidelity.md §4.5): path groups by grouping policy, the path checker per
// host at polling_interval (interval doubling to 4× while stable), dm path states, failover to the
// best group, failback immediate/manual/followover/N s, and the selectors that split a map's
// requests over the paths of its current group.
import { allocRow, freeRow } from './alloc';
import { EV_GROUP_SWITCH, EV_PATH_FAILED, EV_QUEUE_DISABLED, EV_QUEUE_RECOVERY, EV_REINSTATED, REASON_FAILBACK, REASON_FAILOVER, REASON_NONE, emit } from './events';
import {
  A_CHK, A_DM, A_GROUP, A_INFL, A_INT, A_KEY, A_LINK, A_MAP, A_NEXT, A_PORT, A_PRIO, A_RD, A_RS, A_STAMP, A_WR, A_WS, A_X,
  ENT_MAP, ENT_PATH, G_HW, G_NEXTCHK, G_NOW, G_TOPO, M_CLEAN, M_ELIG, M_ELIGN, M_FIRSTB, H_CHECKER, H_POLL, M_CUR, M_DONE, M_ERR, M_FB, M_FBAT, M_GRP, M_HOST, M_ISSUED,
  M_LAT, M_LUN, M_MODE, M_NGROUPS, M_NPATHS, M_NPR, M_PATHS, M_QUEUED, M_RETRYAT, M_RRMIN, M_RRPOS, M_RRUSED, M_SEL, MAXP,
  P_CAP, P_DEM, P_LAT, P_UP, S_GN, S_GP, S_IDX, S_W, gF, gI, ldF, ldI, sgF, stF, stI,
} from './layout';

export const GRP_FAILOVER: i32 = 0;
export const GRP_MULTIBUS: i32 = 1;
export const GRP_PRIO: i32 = 2;
export const GRP_SERIAL: i32 = 3;
export const GRP_NODE: i32 = 4;
export const SEL_RR: i32 = 0;
export const SEL_QL: i32 = 1;
export const SEL_ST: i32 = 2;
export const FB_IMMEDIATE: i32 = -1;
export const FB_MANUAL: i32 = -2;
export const FB_FOLLOWOVER: i32 = -3;
export const NPR_FAIL: i32 = -1;
export const NPR_QUEUE: i32 = -2;
export const LINK_UP: i32 = 0;
export const LINK_DOWN: i32 = 1;
export const LINK_GHOST: i32 = 2;
export const CHK_READY: i32 = 0;
export const CHK_FAULTY: i32 = 1;
export const CHK_GHOST: i32 = 2;
export const MODE_NORMAL: i32 = 0;
export const MODE_RECOVERY: i32 = 1;
export const MODE_FAILING: i32 = 2;

@inline export function slotPath(m: i32, s: i32): i32 {
  return load<i32>(M_PATHS + ((<usize>(m * MAXP + s)) << 2));
}
@inline function setSlotPath(m: i32, s: i32, p: i32): void {
  store<i32>(M_PATHS + ((<usize>(m * MAXP + s)) << 2), p);
}

/** The physical state the checker and the kernel see: a down port takes its paths down. */
@inline export function effLink(p: i32): i32 {
  return ldI(P_UP, ldI(A_PORT, p)) == 0 ? LINK_DOWN : ldI(A_LINK, p);
}

// ---- maps and paths ----

export function mapAdd(host: i32, lun: i32): i32 {
  const m = allocRow(ENT_MAP);
  if (m < 0) return -1;
  stI(M_HOST, m, host);
  stI(M_LUN, m, lun);
  stI(M_GRP, m, GRP_FAILOVER);
  stI(M_SEL, m, SEL_RR);
  stI(M_RRMIN, m, 1000);
  stI(M_FB, m, FB_MANUAL);
  stI(M_NPR, m, NPR_FAIL);
  stI(M_NPATHS, m, 0);
  stI(M_NGROUPS, m, 0);
  stI(M_CUR, m, -1);
  stI(M_RRPOS, m, -1);
  stI(M_RRUSED, m, 0);
  stI(M_MODE, m, MODE_NORMAL);
  stF(M_RETRYAT, m, 0);
  stF(M_FBAT, m, -1);
  stF(M_QUEUED, m, 0);
  stF(M_LAT, m, 0);
  stF(M_ISSUED, m, 0);
  stF(M_DONE, m, 0);
  stF(M_ERR, m, 0);
  stF(M_CLEAN, m, -1);
  stI(M_ELIGN, m, 0);
  stI(M_FIRSTB, m, -1);
  return m;
}

/** Frees the map and its paths (the caller unroutes its VBDs first). */
export function mapRemove(m: i32): void {
  const n = ldI(M_NPATHS, m);
  for (let s = 0; s < n; s++) {
    const p = slotPath(m, s);
    stI(A_MAP, p, -1);
    freeRow(ENT_PATH, p);
  }
  stI(M_NPATHS, m, 0);
  stI(M_HOST, m, -1);
  freeRow(ENT_MAP, m);
}

export function pathAdd(m: i32, port: i32, prio: i32, key: i32): i32 {
  const n = ldI(M_NPATHS, m);
  if (n >= MAXP) return -3;
  const p = allocRow(ENT_PATH);
  if (p < 0) return -1;
  stI(A_MAP, p, m);
  stI(A_PORT, p, port);
  stI(A_PRIO, p, prio);
  stI(A_KEY, p, key);
  stI(A_GROUP, p, 0);
  stI(A_LINK, p, LINK_UP);
  stI(A_DM, p, 1);
  stI(A_CHK, p, CHK_READY);
  stF(A_NEXT, p, gF(G_NOW));
  wakeChecker(gF(G_NOW));
  stF(A_INT, p, ldF(H_POLL, ldI(M_HOST, m)));
  stF(A_X, p, 0);
  stF(A_RD, p, 0);
  stF(A_WR, p, 0);
  stF(A_RS, p, 0);
  stF(A_WS, p, 0);
  stF(A_INFL, p, 0);
  stF(A_STAMP, p, 0);
  setSlotPath(m, n, p);
  stI(M_NPATHS, m, n + 1);
  regroup(m);
  return p;
}

export function pathRemove(p: i32): void {
  const m = ldI(A_MAP, p);
  const n = ldI(M_NPATHS, m);
  let w = 0;
  for (let s = 0; s < n; s++) {
    const q = slotPath(m, s);
    if (q != p) {
      setSlotPath(m, w, q);
      w++;
    }
  }
  stI(M_NPATHS, m, w);
  stI(A_MAP, p, -1);
  freeRow(ENT_PATH, p);
  regroup(m);
}

/** Something changed which paths are usable: every map re-evaluates its group on its next I/O. */
export function touch(): void {
  sgF(G_TOPO, gF(G_TOPO) + 1);
}

/** The checker has something due at `at` (it skips whole ticks until the earliest such time). */
export function wakeChecker(at: f64): void {
  if (at < gF(G_NEXTCHK)) sgF(G_NEXTCHK, at);
}

/**
 * The map has lost its last usable path: with no_path_retry N it enters recovery mode (queueing
 * for N checker intervals). Called by the checker, the kernel path and operator fails.
 */
export function noPathCheck(m: i32, now: f64): void {
  if (bestGroup(m) >= 0 || ldI(M_MODE, m) != MODE_NORMAL) return;
  const npr = ldI(M_NPR, m);
  if (npr <= 0) return;
  const h = ldI(M_HOST, m);
  const at = now + <f64>npr * ldF(H_POLL, h) * 1000;
  stI(M_MODE, m, MODE_RECOVERY);
  stF(M_RETRYAT, m, at);
  wakeChecker(at);
  emit(EV_QUEUE_RECOVERY, h, m, -1, <f64>npr, REASON_NONE);
}

/** Active (dm) paths of group g. */
export function activeIn(m: i32, g: i32): i32 {
  const n = ldI(M_NPATHS, m);
  let c = 0;
  for (let s = 0; s < n; s++) {
    const p = slotPath(m, s);
    if (ldI(A_GROUP, p) == g && ldI(A_DM, p) == 1) c++;
  }
  return c;
}

/** Average prio of the group's active paths (0 when none), as multipathd's path_group_prio_update. */
export function groupPrio(m: i32, g: i32): f64 {
  const n = ldI(M_NPATHS, m);
  let sum = 0.0;
  let c = 0;
  for (let s = 0; s < n; s++) {
    const p = slotPath(m, s);
    if (ldI(A_GROUP, p) == g && ldI(A_DM, p) == 1) {
      sum += <f64>ldI(A_PRIO, p);
      c++;
    }
  }
  return c > 0 ? sum / <f64>c : 0;
}

/** select_path_group: highest priority among groups with an active path, ties to more paths, then lower index. */
export function bestGroup(m: i32): i32 {
  const ng = ldI(M_NGROUPS, m);
  let best = -1;
  let bestPrio = 0.0;
  let bestN = 0;
  for (let g = 0; g < ng; g++) {
    const c = activeIn(m, g);
    if (c == 0) continue;
    const pr = groupPrio(m, g);
    if (best < 0 || pr > bestPrio || (pr == bestPrio && c > bestN)) {
      best = g;
      bestPrio = pr;
      bestN = c;
    }
  }
  return best;
}

export function switchTo(m: i32, g: i32, reason: i32): void {
  if (ldI(M_CUR, m) == g) return;
  touch();
  stI(M_CUR, m, g);
  stI(M_RRPOS, m, -1);
  stI(M_RRUSED, m, 0);
  emit(EV_GROUP_SWITCH, ldI(M_HOST, m), m, -1, <f64>g, reason);
}

/** Rebuilds the map's groups from its policy and path prios/keys; I/O goes to the best group. */
export function regroup(m: i32): void {
  touch();
  const n = ldI(M_NPATHS, m);
  const pol = ldI(M_GRP, m);
  let ng = 0;
  for (let s = 0; s < n; s++) {
    const p = slotPath(m, s);
    let g = 0;
    if (pol == GRP_FAILOVER) {
      g = ng++;
    } else if (pol == GRP_MULTIBUS) {
      ng = 1;
    } else {
      const key = pol == GRP_PRIO ? ldI(A_PRIO, p) : ldI(A_KEY, p);
      g = -1;
      for (let k = 0; k < ng; k++) if (ldI(S_GN, k) == key) g = k;
      if (g < 0) {
        g = ng++;
        stI(S_GN, g, key);
      }
    }
    stI(A_GROUP, p, g);
  }
  // Group priority for ordering: average prio of all its paths; stable sort, highest first.
  for (let g = 0; g < ng; g++) {
    let sum = 0.0;
    let c = 0;
    for (let s = 0; s < n; s++) {
      const p = slotPath(m, s);
      if (ldI(A_GROUP, p) == g) {
        sum += <f64>ldI(A_PRIO, p);
        c++;
      }
    }
    stF(S_GP, g, c > 0 ? sum / <f64>c : 0);
    stI(S_IDX, g, g);
  }
  for (let i = 1; i < ng; i++) {
    const gi = ldI(S_IDX, i);
    const pi = ldF(S_GP, gi);
    let j = i - 1;
    while (j >= 0 && ldF(S_GP, ldI(S_IDX, j)) < pi) {
      stI(S_IDX, j + 1, ldI(S_IDX, j));
      j--;
    }
    stI(S_IDX, j + 1, gi);
  }
  for (let r = 0; r < ng; r++) stI(S_GN, ldI(S_IDX, r), r);
  for (let s = 0; s < n; s++) {
    const p = slotPath(m, s);
    stI(A_GROUP, p, ldI(S_GN, ldI(A_GROUP, p)));
  }
  stI(M_NGROUPS, m, ng);
  const best = bestGroup(m);
  stI(M_CUR, m, ng == 0 ? -1 : best < 0 ? 0 : best);
  stI(M_RRPOS, m, -1);
  stI(M_RRUSED, m, 0);
  stF(M_FBAT, m, -1);
}

/** A path came back in map m: fail back as the policy says (a dead current group is failover instead). */
function onReinstate(m: i32, p: i32, now: f64): void {
  const best = bestGroup(m);
  const cur = ldI(M_CUR, m);
  if (best < 0 || best == cur) return;
  if (cur < 0 || activeIn(m, cur) == 0) {
    switchTo(m, best, REASON_FAILOVER);
    return;
  }
  const fb = ldI(M_FB, m);
  if (fb == FB_IMMEDIATE) {
    switchTo(m, best, REASON_FAILBACK);
  } else if (fb == FB_FOLLOWOVER) {
    if (ldI(A_GROUP, p) == best && activeIn(m, best) == 1) switchTo(m, best, REASON_FAILBACK);
  } else if (fb >= 0) {
    if (ldF(M_FBAT, m) < 0) {
      stF(M_FBAT, m, now + <f64>fb * 1000);
      wakeChecker(now + <f64>fb * 1000);
    }
  }
}

/** Runs every path check that is due, then timed failbacks and retry deadlines. Only on hosts whose multipathd runs. */
export function checkerTick(now: f64): void {
  if (now < gF(G_NEXTCHK)) return;
  let next = Infinity;
  const na = gI(G_HW + ENT_PATH);
  for (let p = 0; p < na; p++) {
    const m = ldI(A_MAP, p);
    if (m < 0) continue;
    const h = ldI(M_HOST, m);
    if (ldI(H_CHECKER, h) == 0) continue;
    const due = ldF(A_NEXT, p);
    if (now < due) {
      if (due < next) next = due;
      continue;
    }
    const link = effLink(p);
    const nc = link == LINK_UP ? CHK_READY : link == LINK_GHOST ? CHK_GHOST : CHK_FAULTY;
    const old = ldI(A_CHK, p);
    const poll = ldF(H_POLL, h);
    if (nc == CHK_FAULTY) {
      if (old != CHK_FAULTY || ldI(A_DM, p) == 1) emit(EV_PATH_FAILED, h, m, p, 1, REASON_NONE);
      if (ldI(A_DM, p) == 1) {
        stI(A_DM, p, 0);
        touch();
        noPathCheck(m, now);
      }
      stF(A_INT, p, poll);
    } else {
      let changed = nc != old;
      if (ldI(A_DM, p) == 0) {
        stI(A_DM, p, 1);
        touch();
        emit(EV_REINSTATED, h, m, p, 0, REASON_NONE);
        onReinstate(m, p, now);
        changed = true;
      }
      if (changed) {
        stF(A_INT, p, poll);
      } else {
        const max = 4 * poll;
        const cur = ldF(A_INT, p);
        stF(A_INT, p, cur < max / 2 ? 2 * cur : max);
      }
    }
    stI(A_CHK, p, nc);
    const at = now + ldF(A_INT, p) * 1000;
    stF(A_NEXT, p, at);
    if (at < next) next = at;
  }
  const nm = gI(G_HW + ENT_MAP);
  for (let m = 0; m < nm; m++) {
    const h = ldI(M_HOST, m);
    if (h < 0 || ldI(H_CHECKER, h) == 0) continue;
    const at = ldF(M_FBAT, m);
    if (at >= 0) {
      if (now >= at) {
        stF(M_FBAT, m, -1);
        const best = bestGroup(m);
        if (best >= 0) switchTo(m, best, REASON_FAILBACK);
      } else if (at < next) {
        next = at;
      }
    }
    // no_path_retry N ran out: disable queueing; the queue fails in this tick's I/O pass.
    if (ldI(M_MODE, m) == MODE_RECOVERY) {
      const until = ldF(M_RETRYAT, m);
      if (now >= until) {
        stI(M_MODE, m, MODE_FAILING);
        emit(EV_QUEUE_DISABLED, h, m, -1, ldF(M_QUEUED, m), REASON_NONE);
      } else if (until < next) {
        next = until;
      }
    }
  }
  sgF(G_NEXTCHK, next);
}

/**
 * I/O is about to go to map m: the kernel fails every physically dead path of the current
 * group it sends to, and fails over to the best group while the current one has none left.
 * Returns true when the current group has an active path.
 */
export function kernelPick(m: i32, hasIo: bool): bool {
  const topo = gF(G_TOPO);
  if (hasIo && ldF(M_CLEAN, m) == topo) return true;
  const ng = ldI(M_NGROUPS, m);
  if (ng == 0) return false;
  const n = ldI(M_NPATHS, m);
  const h = ldI(M_HOST, m);
  for (let guard = 0; guard <= ng; guard++) {
    const cur = ldI(M_CUR, m);
    if (hasIo) {
      for (let s = 0; s < n; s++) {
        const p = slotPath(m, s);
        if (ldI(A_GROUP, p) == cur && ldI(A_DM, p) == 1 && effLink(p) == LINK_DOWN) {
          stI(A_DM, p, 0);
          touch();
          emit(EV_PATH_FAILED, h, m, p, 0, REASON_NONE);
        }
      }
    }
    if (activeIn(m, cur) > 0) {
      if (hasIo) {
        // Remember the group's usable paths until something changes (touch()).
        let k = 0;
        for (let s = 0; s < n; s++) {
          const p = slotPath(m, s);
          if (ldI(A_GROUP, p) == cur && ldI(A_DM, p) == 1) {
            store<u8>(M_ELIG + <usize>(m * MAXP + k), <u8>s);
            k++;
          }
        }
        stI(M_ELIGN, m, k);
        stF(M_CLEAN, m, gF(G_TOPO));
      }
      return true;
    }
    const best = bestGroup(m);
    if (best < 0) return false;
    switchTo(m, best, REASON_FAILOVER);
  }
  return activeIn(m, ldI(M_CUR, m)) > 0;
}

/** Slot of the i-th usable path of the map's current group (after kernelPick). */
@inline export function eligSlot(m: i32, i: i32): i32 {
  return <i32>load<u8>(M_ELIG + <usize>(m * MAXP + i));
}

/** Splits n requests over the usable paths of the current group by the map's selector (into A_X, P_DEM). */
export function dispatch(m: i32, n: f64): void {
  const k = ldI(M_ELIGN, m);
  if (k == 0 || n <= 0) return;
  const sel = ldI(M_SEL, m);
  if (sel == SEL_RR) {
    // Fast path: everything fits in what the current path still has of its rr_min_io.
    const pos = ldI(M_RRPOS, m);
    const used = ldI(M_RRUSED, m);
    const r = ldI(M_RRMIN, m);
    if (n < <f64>(r - used)) {
      let hit = -1;
      for (let i = 0; i < k; i++) {
        const s = eligSlot(m, i);
        const p = slotPath(m, s);
        if (s == pos) {
          hit = p;
        } else {
          stF(A_X, p, 0);
        }
      }
      if (hit >= 0) {
        stF(A_X, hit, n);
        const port = ldI(A_PORT, hit);
        stF(P_DEM, port, ldF(P_DEM, port) + n);
        stI(M_RRUSED, m, used + <i32>n);
        return;
      }
    }
  }
  for (let i = 0; i < k; i++) stF(S_W, i, 0);
  if (sel == SEL_RR) {
    // rr_min_io I/Os per path in turn, continuing where the last tick stopped.
    const r = <f64>ldI(M_RRMIN, m);
    const pos = ldI(M_RRPOS, m);
    let used = <f64>ldI(M_RRUSED, m);
    let c = -1;
    for (let i = 0; i < k; i++) if (eligSlot(m, i) == pos) c = i;
    if (c < 0) {
      used = 0;
      c = 0;
      for (let i = k - 1; i >= 0; i--) if (eligSlot(m, i) > pos) c = i;
    }
    let rem = n;
    let t = r - used;
    if (rem < t) t = rem;
    stF(S_W, c, ldF(S_W, c) + t);
    rem -= t;
    used += t;
    if (used >= r) {
      c = c + 1 >= k ? 0 : c + 1;
      used = 0;
    }
    if (rem > 0) {
      const cyc = Math.floor(rem / (r * <f64>k));
      if (cyc > 0) {
        for (let i = 0; i < k; i++) stF(S_W, i, ldF(S_W, i) + cyc * r);
        rem -= cyc * r * <f64>k;
      }
      while (rem > 0) {
        t = rem < r ? rem : r;
        stF(S_W, c, ldF(S_W, c) + t);
        rem -= t;
        used = t;
        if (used >= r) {
          c = c + 1 >= k ? 0 : c + 1;
          used = 0;
        }
      }
    }
    stI(M_RRPOS, m, eligSlot(m, c));
    stI(M_RRUSED, m, <i32>used);
  } else {
    // queue-length: in-flight evens out, so each path's share ∝ 1 / latency;
    // service-time: in-flight ∝ throughput, so share ∝ capacity / latency.
    let tot = 0.0;
    for (let i = 0; i < k; i++) {
      const p = slotPath(m, eligSlot(m, i));
      const port = ldI(A_PORT, p);
      let lat = ldF(P_LAT, port);
      if (lat <= 0) lat = 0.001;
      const w = sel == SEL_QL ? 1 / lat : ldF(P_CAP, port) / lat;
      stF(S_W, i, w);
      tot += w;
    }
    let cum = 0.0;
    let prev = 0.0;
    for (let i = 0; i < k; i++) {
      cum += ldF(S_W, i);
      const upto = i == k - 1 ? n : Math.floor((n * cum) / tot);
      stF(S_W, i, upto - prev);
      prev = upto;
    }
  }
  for (let i = 0; i < k; i++) {
    const p = slotPath(m, eligSlot(m, i));
    const x = ldF(S_W, i);
    stF(A_X, p, x);
    const port = ldI(A_PORT, p);
    stF(P_DEM, port, ldF(P_DEM, port) + x);
  }
}
