// Multipath's shared vocabulary: policy and state codes, a map's path slots, a path's effective
// link, and the change signals (touch, wakeChecker). See also multipath-maps/-groups/-checker/-select.
import { A_LINK, A_PORT, G_NEXTCHK, G_TOPO, M_PATHS, MAXP, P_UP, gF, ldI, sgF } from './layout';

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
@inline export function setSlotPath(m: i32, s: i32, p: i32): void {
  store<i32>(M_PATHS + ((<usize>(m * MAXP + s)) << 2), p);
}

/** The physical state the checker and the kernel see: a down port takes its paths down. */
@inline export function effLink(p: i32): i32 {
  return ldI(P_UP, ldI(A_PORT, p)) == 0 ? LINK_DOWN : ldI(A_LINK, p);
}

/** Something changed which paths are usable: every map re-evaluates its group on its next I/O. */
export function touch(): void {
  sgF(G_TOPO, gF(G_TOPO) + 1);
}

/** The checker has something due at `at` (it skips whole ticks until the earliest such time). */
export function wakeChecker(at: f64): void {
  if (at < gF(G_NEXTCHK)) sgF(G_NEXTCHK, at);
}
