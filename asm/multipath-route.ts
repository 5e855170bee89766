// Which paths a map's I/O may use: the usable paths of the active group the world set, cached per
// map until a routing input changes (touch). No failover here: with none usable the map queues or
// fails (blkio.ts), and the world, which owns failover, pushes a new active group.
import { A_GROUP, A_OK, G_TOPO, M_CLEAN, M_CUR, M_ELIG, M_ELIGN, M_NPATHS, MAXP, gF, ldF, ldI, stF, stI } from './layout';
import { slotPath } from './multipath';

/** Fills M_ELIG with the slots of the active group's usable paths; returns how many there are. */
export function usablePaths(m: i32): i32 {
  const topo = gF(G_TOPO);
  if (ldF(M_CLEAN, m) == topo) return ldI(M_ELIGN, m);
  const cur = ldI(M_CUR, m);
  const n = ldI(M_NPATHS, m);
  let k = 0;
  for (let s = 0; s < n; s++) {
    const p = slotPath(m, s);
    if (ldI(A_GROUP, p) == cur && ldI(A_OK, p) == 1) {
      store<u8>(M_ELIG + <usize>(m * MAXP + k), <u8>s);
      k++;
    }
  }
  stI(M_ELIGN, m, k);
  stF(M_CLEAN, m, topo);
  return k;
}

/** The same count without touching the cache (a read must not change the saved tables). */
export function countUsable(m: i32): i32 {
  const cur = ldI(M_CUR, m);
  const n = ldI(M_NPATHS, m);
  let k = 0;
  for (let s = 0; s < n; s++) {
    const p = slotPath(m, s);
    if (ldI(A_GROUP, p) == cur && ldI(A_OK, p) == 1) k++;
  }
  return k;
}
