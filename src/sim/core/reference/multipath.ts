// Reference multipath routing: the usable paths of the active group the world set, and the
// selectors that split a map's requests over them — written over objects, same rules as asm.
import * as C from '../codes';
import type { RefMap, RefPath, RefState } from './state';

export function emit(st: RefState, cap: number, kind: number, host: number, map: number, value: number): void {
  if (cap <= 0) return;
  st.events.push({ atMs: st.nowMs, kind, host, map, value });
  if (st.events.length > cap) st.events.shift();
}

export const pathOf = (st: RefState, h: number): RefPath => st.paths.rows[h]!;

/** The active group's usable paths with their slots (index in the map's path list). */
export function usableSlots(st: RefState, m: RefMap): { h: number; s: number; p: RefPath }[] {
  return m.paths.map((h, s) => ({ h, s, p: pathOf(st, h) })).filter((x) => x.p.group === m.cur && x.p.usable);
}

/** Round-robin restarts from the first usable path (slots moved, or the group changed). */
export function rrRestart(m: RefMap): void {
  m.rrPos = -1;
  m.rrUsed = 0;
}

/** How many of n requests each usable path of the active group gets, by selector. */
export function dispatch(st: RefState, m: RefMap, n: number): Map<number, number> {
  const slots = usableSlots(st, m);
  const out = new Map<number, number>();
  const k = slots.length;
  if (k === 0 || n <= 0) return out;
  const x = new Array<number>(k).fill(0);
  if (m.selector === C.SEL_RR) {
    const r = m.rrMinIo;
    let used = m.rrUsed;
    let c = slots.findIndex((e) => e.s === m.rrPos);
    if (c < 0) {
      used = 0;
      c = Math.max(0, slots.findIndex((e) => e.s > m.rrPos));
    }
    let rem = n;
    const first = Math.min(rem, r - used);
    x[c] = x[c]! + first;
    rem -= first;
    used += first;
    if (used >= r) [c, used] = [(c + 1) % k, 0];
    if (rem > 0) {
      const cycles = Math.floor(rem / (r * k));
      if (cycles > 0) {
        for (let i = 0; i < k; i++) x[i] = x[i]! + cycles * r;
        rem -= cycles * r * k;
      }
      while (rem > 0) {
        const t = Math.min(rem, r);
        x[c] = x[c]! + t;
        rem -= t;
        used = t;
        if (used >= r) [c, used] = [(c + 1) % k, 0];
      }
    }
    m.rrPos = slots[c]!.s;
    m.rrUsed = used;
  } else {
    const weights = slots.map(({ p }) => {
      const port = st.ports.rows[p.port]!;
      const lat = port.lat > 0 ? port.lat : 0.001;
      return m.selector === C.SEL_QL ? 1 / lat : port.cap / lat;
    });
    let total = 0;
    for (const w of weights) total += w;
    let cum = 0;
    let prev = 0;
    weights.forEach((w, i) => {
      cum += w;
      const upto = i === k - 1 ? n : Math.floor((n * cum) / total);
      x[i] = upto - prev;
      prev = upto;
    });
  }
  slots.forEach((e, i) => out.set(e.h, x[i]!));
  return out;
}
