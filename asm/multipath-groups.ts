// Multipath path groups: grouping policy, best-group selection, switching (failover; failback
// immediate/manual/followover/N s), the kernel's failover on I/O, no_path_retry queueing.
import { EV_GROUP_SWITCH, EV_PATH_FAILED, EV_QUEUE_RECOVERY, REASON_FAILBACK, REASON_FAILOVER, REASON_NONE, emit } from './events';
import {
  A_DM, A_GROUP, A_KEY, A_PRIO, G_TOPO, H_POLL, M_CLEAN, M_CUR, M_ELIG, M_ELIGN, M_FB, M_FBAT, M_GRP, M_HOST, M_MODE,
  M_NGROUPS, M_NPATHS, M_NPR, M_RETRYAT, M_RRPOS, M_RRUSED, MAXP, S_GN, S_GP, S_IDX, gF, ldF, ldI, stF, stI,
} from './layout';
import {
  FB_FOLLOWOVER, FB_IMMEDIATE, GRP_FAILOVER, GRP_MULTIBUS, GRP_PRIO, LINK_DOWN, MODE_NORMAL, MODE_RECOVERY, effLink, slotPath, touch, wakeChecker,
} from './multipath';

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
export function onReinstate(m: i32, p: i32, now: f64): void {
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
