// Handle allocation for every table: a high-water mark plus a LIFO stack of freed rows, and
// contiguous vCPU blocks (compacted in place when the end is reached). Never called in a tick.
import {
  CAP_A, CAP_B, CAP_D, CAP_H, CAP_L, CAP_M, CAP_P, CAP_V, ENT_DOM, ENT_HOST, ENT_LUN, ENT_MAP, ENT_PATH, ENT_PORT, ENT_VBD,
  D_VSTART, F_A, F_B, F_D, F_H, F_L, F_M, F_P, G_FT, G_HW, G_VTOP, V_BASE, V_DOM, V_IDX,
  gI, ldF, ldI, sgI, stF, stI,
} from './layout';

function freeCol(ent: i32): usize {
  if (ent == ENT_HOST) return F_H;
  if (ent == ENT_DOM) return F_D;
  if (ent == ENT_VBD) return F_B;
  if (ent == ENT_PORT) return F_P;
  if (ent == ENT_LUN) return F_L;
  if (ent == ENT_MAP) return F_M;
  return F_A;
}

export function capOf(ent: i32): i32 {
  if (ent == ENT_HOST) return CAP_H;
  if (ent == ENT_DOM) return CAP_D;
  if (ent == ENT_VBD) return CAP_B;
  if (ent == ENT_PORT) return CAP_P;
  if (ent == ENT_LUN) return CAP_L;
  if (ent == ENT_MAP) return CAP_M;
  if (ent == ENT_PATH) return CAP_A;
  return 0;
}

/** A free row of `ent` (the most recently freed first), or -1 when the table is full. */
export function allocRow(ent: i32): i32 {
  const top = gI(G_FT + ent);
  if (top > 0) {
    sgI(G_FT + ent, top - 1);
    return ldI(freeCol(ent), top - 1);
  }
  const hw = gI(G_HW + ent);
  if (hw >= capOf(ent)) return -1;
  sgI(G_HW + ent, hw + 1);
  return hw;
}

/** The row allocRow would hand out next, without taking it (-1 when full). */
export function peekRow(ent: i32): i32 {
  const top = gI(G_FT + ent);
  if (top > 0) return ldI(freeCol(ent), top - 1);
  const hw = gI(G_HW + ent);
  return hw >= capOf(ent) ? -1 : hw;
}

export function freeRow(ent: i32, h: i32): void {
  const top = gI(G_FT + ent);
  stI(freeCol(ent), top, h);
  sgI(G_FT + ent, top + 1);
}

/** Reserves n contiguous vCPU rows for `dom`; returns the first, or -1 when full even after compaction. */
export function allocVcpus(dom: i32, n: i32): i32 {
  let top = gI(G_VTOP);
  if (top + n > CAP_V) {
    compactVcpus();
    top = gI(G_VTOP);
    if (top + n > CAP_V) return -1;
  }
  for (let k = 0; k < n; k++) {
    const v = top + k;
    stI(V_DOM, v, dom);
    stI(V_IDX, v, k);
    stF(V_BASE, v, 0);
  }
  sgI(G_VTOP, top + n);
  return top;
}

export function freeVcpus(start: i32, n: i32): void {
  for (let k = 0; k < n; k++) stI(V_DOM, start + k, -1);
}

/** Slides live vCPU blocks down over freed holes, keeping their order; fixes D_VSTART. */
function compactVcpus(): void {
  const top = gI(G_VTOP);
  let w = 0;
  for (let v = 0; v < top; v++) {
    const dom = ldI(V_DOM, v);
    if (dom < 0) continue;
    if (v != w) {
      stI(V_DOM, w, dom);
      stI(V_IDX, w, ldI(V_IDX, v));
      stF(V_BASE, w, ldF(V_BASE, v));
    }
    if (ldI(V_IDX, w) == 0) stI(D_VSTART, dom, w);
    w++;
  }
  for (let v = w; v < top; v++) stI(V_DOM, v, -1);
  sgI(G_VTOP, w);
}
