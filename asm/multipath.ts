// Multipath routing's shared vocabulary: selector codes, a map's path slots, and the change signal
// (touch). Path and group state is the world's (src/sim/storage/multipath); the core is told each
// path's group and usability and each map's active group, and only routes I/O by them.
import { G_TOPO, M_PATHS, MAXP, gF, sgF } from './layout';

export const SEL_RR: i32 = 0;
export const SEL_QL: i32 = 1;
export const SEL_ST: i32 = 2;

@inline export function slotPath(m: i32, s: i32): i32 {
  return load<i32>(M_PATHS + ((<usize>(m * MAXP + s)) << 2));
}
@inline export function setSlotPath(m: i32, s: i32, p: i32): void {
  store<i32>(M_PATHS + ((<usize>(m * MAXP + s)) << 2), p);
}

/** Something changed which paths I/O may use: every map recomputes its usable paths on its next I/O. */
export function touch(): void {
  sgF(G_TOPO, gF(G_TOPO) + 1);
}
