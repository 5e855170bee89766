// Multipath's per-I/O path selectors: split a map's requests over the usable paths of its active
// group by round-robin (rr_min_io), queue-length or service-time.
import { A_PORT, A_X, M_ELIG, M_ELIGN, M_RRMIN, M_RRPOS, M_RRUSED, M_SEL, MAXP, P_CAP, P_DEM, P_LAT, S_W, ldF, ldI, stF, stI } from './layout';
import { SEL_QL, SEL_RR, slotPath } from './multipath';

/** Slot of the i-th usable path of the map's active group (after usablePaths). */
@inline export function eligSlot(m: i32, i: i32): i32 {
  return <i32>load<u8>(M_ELIG + <usize>(m * MAXP + i));
}

/** Splits n requests over the usable paths of the active group by the map's selector (into A_X, P_DEM). */
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
