// Multipath maps and paths (reference/cli-fidelity.md §4.5): adding and removing rows, with a
// path's initial dm/checker state; every change regroups the map.
import { allocRow, freeRow } from './alloc';
import {
  A_CHK, A_DM, A_GROUP, A_INFL, A_INT, A_KEY, A_LINK, A_MAP, A_NEXT, A_PORT, A_PRIO, A_RD, A_RS, A_STAMP, A_WR, A_WS, A_X,
  ENT_MAP, ENT_PATH, G_NOW, H_POLL, M_CLEAN, M_CUR, M_DONE, M_ELIGN, M_ERR, M_FB, M_FBAT, M_FIRSTB, M_GRP, M_HOST, M_ISSUED,
  M_LAT, M_LUN, M_MODE, M_NGROUPS, M_NPATHS, M_NPR, M_QUEUED, M_RETRYAT, M_RRMIN, M_RRPOS, M_RRUSED, M_SEL, MAXP, gF, ldF, ldI, stF, stI,
} from './layout';
import { CHK_READY, FB_MANUAL, GRP_FAILOVER, LINK_UP, MODE_NORMAL, NPR_FAIL, SEL_RR, setSlotPath, slotPath, wakeChecker } from './multipath';
import { regroup } from './multipath-groups';

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
