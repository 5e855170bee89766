// Reference multipath: grouping, best-group selection, the path checker with interval doubling,
// failover and failback policies, and the selectors — written over objects, same rules as asm.
import * as C from '../codes';
import type { RefMap, RefPath, RefState } from './state';

export function emit(st: RefState, cap: number, kind: number, host: number, map: number, path: number, value: number, reason: number): void {
  if (cap <= 0) return;
  st.events.push({ atMs: st.nowMs, kind, host, map, path, value, reason });
  if (st.events.length > cap) st.events.shift();
}

export const pathOf = (st: RefState, h: number): RefPath => st.paths.rows[h]!;

export function effectiveLink(st: RefState, p: RefPath): number {
  return st.ports.rows[p.port]!.up ? p.link : C.LINK_DOWN;
}

export function activeIn(st: RefState, m: RefMap, g: number): number {
  return m.paths.filter((h) => pathOf(st, h).group === g && pathOf(st, h).dm).length;
}

export function groupPrio(st: RefState, m: RefMap, g: number): number {
  let sum = 0;
  let n = 0;
  for (const h of m.paths) {
    const p = pathOf(st, h);
    if (p.group === g && p.dm) {
      sum += p.prio;
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

export function bestGroup(st: RefState, m: RefMap): number {
  let best = -1;
  let bestPrio = 0;
  let bestN = 0;
  for (let g = 0; g < m.groupCount; g++) {
    const n = activeIn(st, m, g);
    if (n === 0) continue;
    const prio = groupPrio(st, m, g);
    if (best < 0 || prio > bestPrio || (prio === bestPrio && n > bestN)) {
      best = g;
      bestPrio = prio;
      bestN = n;
    }
  }
  return best;
}

export interface Ctx { st: RefState; eventCap: number }

/** Last usable path gone: no_path_retry N enters recovery mode (queueing for N checker intervals). */
export function noPathCheck(ctx: Ctx, mh: number): void {
  const st = ctx.st;
  const m = st.maps.rows[mh]!;
  if (bestGroup(st, m) >= 0 || m.mode !== C.MODE_NORMAL || m.noPathRetry <= 0) return;
  m.mode = C.MODE_RECOVERY;
  m.retryAt = st.nowMs + m.noPathRetry * st.hosts.rows[m.host]!.pollS * 1000;
  emit(st, ctx.eventCap, C.EV_QUEUE_RECOVERY, m.host, mh, -1, m.noPathRetry, C.REASON_NONE);
}

export function switchTo(ctx: Ctx, mh: number, g: number, reason: number): void {
  const m = ctx.st.maps.rows[mh]!;
  if (m.cur === g) return;
  m.cur = g;
  m.rrPos = -1;
  m.rrUsed = 0;
  emit(ctx.st, ctx.eventCap, C.EV_GROUP_SWITCH, m.host, mh, -1, g, reason);
}

export function regroup(st: RefState, m: RefMap): void {
  const paths = m.paths.map((h) => pathOf(st, h));
  const keys: number[] = [];
  const provisional = paths.map((p, i) => {
    if (m.grouping === C.GRP_FAILOVER) return i;
    if (m.grouping === C.GRP_MULTIBUS) return 0;
    const key = m.grouping === C.GRP_PRIO ? p.prio : p.key;
    let g = keys.lastIndexOf(key);
    if (g < 0) g = keys.push(key) - 1;
    return g;
  });
  const count = m.grouping === C.GRP_FAILOVER ? paths.length : m.grouping === C.GRP_MULTIBUS ? (paths.length > 0 ? 1 : 0) : keys.length;
  const groups = Array.from({ length: count }, (_, g) => {
    const members = paths.filter((_, i) => provisional[i] === g);
    let sum = 0;
    for (const p of members) sum += p.prio;
    return { g, prio: members.length > 0 ? sum / members.length : 0 };
  });
  // Stable: Array.prototype.sort is stable, highest average prio first.
  const order = [...groups].sort((a, b) => (a.prio < b.prio ? 1 : a.prio > b.prio ? -1 : 0));
  const rank = new Map(order.map((x, r) => [x.g, r]));
  paths.forEach((p, i) => (p.group = rank.get(provisional[i]!)!));
  m.groupCount = count;
  const best = bestGroup(st, m);
  m.cur = count === 0 ? -1 : best < 0 ? 0 : best;
  m.rrPos = -1;
  m.rrUsed = 0;
  m.fbAt = -1;
}

function onReinstate(ctx: Ctx, mh: number, p: RefPath): void {
  const st = ctx.st;
  const m = st.maps.rows[mh]!;
  const best = bestGroup(st, m);
  if (best < 0 || best === m.cur) return;
  if (m.cur < 0 || activeIn(st, m, m.cur) === 0) return switchTo(ctx, mh, best, C.REASON_FAILOVER);
  if (m.failback === C.FB_IMMEDIATE) switchTo(ctx, mh, best, C.REASON_FAILBACK);
  else if (m.failback === C.FB_FOLLOWOVER) {
    if (p.group === best && activeIn(st, m, best) === 1) switchTo(ctx, mh, best, C.REASON_FAILBACK);
  } else if (m.failback >= 0 && m.fbAt < 0) m.fbAt = st.nowMs + m.failback * 1000;
}

export function checkerTick(ctx: Ctx): void {
  const st = ctx.st;
  const now = st.nowMs;
  st.paths.rows.forEach((p, ph) => {
    if (!p) return;
    const m = st.maps.rows[p.map]!;
    const host = st.hosts.rows[m.host]!;
    if (!host.checker || now < p.next) return;
    const link = effectiveLink(st, p);
    const verdict = link === C.LINK_UP ? C.CHK_READY : link === C.LINK_GHOST ? C.CHK_GHOST : C.CHK_FAULTY;
    if (verdict === C.CHK_FAULTY) {
      if (p.chk !== C.CHK_FAULTY || p.dm) emit(st, ctx.eventCap, C.EV_PATH_FAILED, m.host, p.map, ph, 1, C.REASON_NONE);
      if (p.dm) {
        p.dm = false;
        noPathCheck(ctx, p.map);
      }
      p.intervalS = host.pollS;
    } else {
      let changed = verdict !== p.chk;
      if (!p.dm) {
        p.dm = true;
        emit(st, ctx.eventCap, C.EV_REINSTATED, m.host, p.map, ph, 0, C.REASON_NONE);
        onReinstate(ctx, p.map, p);
        changed = true;
      }
      const max = 4 * host.pollS;
      p.intervalS = changed ? host.pollS : p.intervalS < max / 2 ? 2 * p.intervalS : max;
    }
    p.chk = verdict;
    p.next = now + p.intervalS * 1000;
  });
  st.maps.rows.forEach((m, mh) => {
    if (!m || !st.hosts.rows[m.host]!.checker) return;
    if (m.fbAt >= 0 && now >= m.fbAt) {
      m.fbAt = -1;
      const best = bestGroup(st, m);
      if (best >= 0) switchTo(ctx, mh, best, C.REASON_FAILBACK);
    }
    if (m.mode === C.MODE_RECOVERY && now >= m.retryAt) {
      m.mode = C.MODE_FAILING;
      emit(st, ctx.eventCap, C.EV_QUEUE_DISABLED, m.host, mh, -1, m.queued, C.REASON_NONE);
    }
  });
}

/** The kernel fails dead paths of the group it sends I/O to and fails over; true when a path is usable. */
export function kernelPick(ctx: Ctx, mh: number, hasIo: boolean): boolean {
  const st = ctx.st;
  const m = st.maps.rows[mh]!;
  if (m.groupCount === 0) return false;
  for (let guard = 0; guard <= m.groupCount; guard++) {
    if (hasIo) {
      for (const h of m.paths) {
        const p = pathOf(st, h);
        if (p.group === m.cur && p.dm && effectiveLink(st, p) === C.LINK_DOWN) {
          p.dm = false;
          emit(st, ctx.eventCap, C.EV_PATH_FAILED, m.host, mh, h, 0, C.REASON_NONE);
        }
      }
    }
    if (activeIn(st, m, m.cur) > 0) return true;
    const best = bestGroup(st, m);
    if (best < 0) return false;
    switchTo(ctx, mh, best, C.REASON_FAILOVER);
  }
  return activeIn(st, m, m.cur) > 0;
}

/** How many of n requests each active path of the current group gets, by selector. */
export function dispatch(st: RefState, m: RefMap, n: number): Map<number, number> {
  const slots = m.paths.map((h, s) => ({ h, s, p: pathOf(st, h) })).filter((x) => x.p.group === m.cur && x.p.dm);
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
