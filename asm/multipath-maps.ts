// Multipath maps and paths as the core routes them: adding and removing rows. A path carries the
// group the world put it in and whether it is usable; the world sets the map's active group.
import { allocRow, freeRow } from './alloc';
import {
  A_GROUP, A_INFL, A_MAP, A_OK, A_PORT, A_RD, A_RS, A_STAMP, A_WR, A_WS, A_X, ENT_MAP, ENT_PATH, M_CLEAN, M_CUR, M_DONE, M_ELIGN,
  M_ERR, M_FIRSTB, M_HOST, M_ISSUED, M_LAT, M_LUN, M_NPATHS, M_QUEUE, M_QUEUED, M_RRMIN, M_RRPOS, M_RRUSED, M_SEL, MAXP, ldI, stF, stI,
} from './layout';
import { SEL_RR, setSlotPath, slotPath, touch } from './multipath';

export function mapAdd(host: i32, lun: i32): i32 {
  const m = allocRow(ENT_MAP);
  if (m < 0) return -1;
  stI(M_HOST, m, host);
  stI(M_LUN, m, lun);
  stI(M_SEL, m, SEL_RR);
  stI(M_RRMIN, m, 1000);
  stI(M_QUEUE, m, 0);
  stI(M_NPATHS, m, 0);
  stI(M_CUR, m, -1);
  stI(M_RRPOS, m, -1);
  stI(M_RRUSED, m, 0);
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

/** Round-robin restarts from the first usable path (slots moved, or the group changed). */
export function rrRestart(m: i32): void {
  stI(M_RRPOS, m, -1);
  stI(M_RRUSED, m, 0);
}

export function pathAdd(m: i32, port: i32, group: i32): i32 {
  const n = ldI(M_NPATHS, m);
  if (n >= MAXP) return -3;
  const p = allocRow(ENT_PATH);
  if (p < 0) return -1;
  stI(A_MAP, p, m);
  stI(A_PORT, p, port);
  stI(A_GROUP, p, group);
  stI(A_OK, p, 1);
  stF(A_X, p, 0);
  stF(A_RD, p, 0);
  stF(A_WR, p, 0);
  stF(A_RS, p, 0);
  stF(A_WS, p, 0);
  stF(A_INFL, p, 0);
  stF(A_STAMP, p, 0);
  setSlotPath(m, n, p);
  stI(M_NPATHS, m, n + 1);
  rrRestart(m);
  touch();
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
  rrRestart(m);
  touch();
}
