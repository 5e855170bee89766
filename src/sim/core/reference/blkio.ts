// Reference block I/O: VBD wants → map (selector over the active group's usable paths) → ports
// (capacity share, M/M/1 latency) → completions attributed back to VBDs; queueing (when the world
// says the map queues) and errors with no usable path.
import * as C from '../codes';
import { vbdUnit } from './hash';
import { dispatch, emit, usableSlots } from './multipath';
import type { CpuResult } from './sched';
import type { RefState } from './state';

const SERVE = 0;
const QUEUE = 1;
const FAIL = 2;
/** A map with nothing wanted and nothing queued is not evaluated this tick. */
const IDLE = 3;
const RING = 32;
export const LOCAL_LATENCY_MS = 0.3;
const RHO_MAX = 0.95;

interface MapTick { wantR: number; wantW: number; wantS: number; outcome: number; drain: number; newAcc: number; pendTotal: number; cumP: number; cumW: number; sent: Map<number, number> }

export function ioTick(st: RefState, eventCap: number, cpu: CpuResult, dtS: number): void {
  const seed = st.seed >>> 0;
  const tick = st.tick >>> 0;
  const work = new Map<number, MapTick>();
  st.maps.rows.forEach((m, mh) => {
    if (m) work.set(mh, { wantR: 0, wantW: 0, wantS: 0, outcome: SERVE, drain: 0, newAcc: 0, pendTotal: 0, cumP: 0, cumW: 0, sent: new Map() });
  });

  // 1. What each VBD wants to issue.
  const wants = new Map<number, { r: number; w: number }>();
  st.vbds.rows.forEach((v, vh) => {
    if (!v) return;
    let r = 0;
    let w = 0;
    const d = st.domains.rows[v.dom]!;
    if (d.runnable) {
      const c = cpu.get(v.dom) ?? { demand: 0, share: 0 };
      const scale = c.demand > 0 ? c.share / c.demand : 1;
      const f = 0.8 + 0.4 * vbdUnit(seed, vh, tick);
      const xr = v.readIops * dtS * f * scale + v.carryR;
      r = Math.floor(xr);
      v.carryR = xr - r;
      const xw = v.writeIops * dtS * f * scale + v.carryW;
      w = Math.floor(xw);
      v.carryW = xw - w;
    }
    wants.set(vh, { r, w });
    const mt = v.map >= 0 ? work.get(v.map) : undefined;
    if (mt) {
      mt.wantR += r;
      mt.wantW += w;
      mt.wantS += (r + w) * v.spr;
    }
  });

  // 2. Maps dispatch over the active group's usable paths, or queue / fail.
  const portDemand = new Map<number, number>();
  for (const [mh, mt] of work) {
    const m = st.maps.rows[mh]!;
    const want = mt.wantR + mt.wantW;
    const n = want + m.queued;
    if (n === 0) {
      mt.outcome = IDLE;
      continue;
    }
    if (usableSlots(st, m).length > 0) {
      mt.outcome = SERVE;
      mt.sent = dispatch(st, m, n);
      for (const [ph, x] of mt.sent) {
        const port = st.paths.rows[ph]!.port;
        portDemand.set(port, (portDemand.get(port) ?? 0) + x);
      }
    } else if (m.queue) {
      mt.outcome = QUEUE;
    } else {
      emit(st, eventCap, C.EV_IO_ERROR, m.host, mh, n);
      m.queued = 0;
      mt.outcome = FAIL;
    }
  }

  // 3. Ports.
  const portPhi = new Map<number, number>();
  st.ports.rows.forEach((port, ph) => {
    if (!port) return;
    const cap = port.cap * dtS;
    const dem = portDemand.get(ph) ?? 0;
    port.util = cap > 0 ? dem / cap : 0;
    portPhi.set(ph, dem > cap ? cap / dem : 1);
    port.lat = port.svc / (1 - Math.min(port.util, RHO_MAX));
  });

  // 4. Paths serve; the queue drains first.
  for (const [mh, mt] of work) {
    const m = st.maps.rows[mh]!;
    if (mt.outcome === QUEUE) m.lat += dtS * 1000;
    if (mt.outcome !== SERVE) continue;
    const lun = st.luns.rows[m.lun]!;
    const mN = mt.wantR + mt.wantW;
    const spr = mN > 0 ? mt.wantS / mN : 8;
    const readFraction = mN > 0 ? mt.wantR / mN : 0.5;
    const served = { rd: 0, wr: 0, rs: 0, ws: 0 };
    let acc = 0;
    let latSum = 0;
    for (const ph of m.paths) {
      const p = st.paths.rows[ph]!;
      const x = mt.sent.get(ph) ?? 0;
      if (x <= 0) continue;
      const lat = st.ports.rows[p.port]!.lat;
      const count = Math.floor(x * portPhi.get(p.port)!);
      const rd = Math.floor(count * readFraction);
      const wr = count - rd;
      const rs = Math.floor(rd * spr);
      const ws = Math.floor(wr * spr);
      p.rd += rd;
      p.wr += wr;
      p.rs += rs;
      p.ws += ws;
      served.rd += rd;
      served.wr += wr;
      served.rs += rs;
      served.ws += ws;
      p.inFlight = ((count / dtS) * lat) / 1000;
      p.stamp = st.tick;
      acc += count;
      latSum += count * lat;
    }
    lun.rd += served.rd;
    lun.wr += served.wr;
    lun.rs += served.rs;
    lun.ws += served.ws;
    const drain = Math.min(m.queued, acc);
    mt.pendTotal = m.queued;
    mt.drain = drain;
    mt.newAcc = acc - drain;
    m.queued -= drain;
    m.done += acc;
    if (acc > 0) m.lat = latSum / acc;
  }

  // 5. Attribute to VBDs.
  st.vbds.rows.forEach((v, vh) => {
    if (!v) return;
    const { r, w } = wants.get(vh)!;
    const n = r + w;
    if (v.map < 0) {
      if (n > 0) {
        v.rd += r;
        v.wr += w;
        v.rs += r * v.spr;
        v.ws += w * v.spr;
        v.done += n;
      }
      return;
    }
    const m = st.maps.rows[v.map]!;
    const mt = work.get(v.map)!;
    if (mt.outcome === IDLE) return;
    if (mt.outcome === SERVE) {
      if (v.pend > 0 && mt.drain > 0) {
        const c0 = mt.cumP;
        mt.cumP += v.pend;
        const got = Math.floor((mt.drain * mt.cumP) / mt.pendTotal) - Math.floor((mt.drain * c0) / mt.pendTotal);
        v.pend -= got;
        v.done += got;
      }
      if (n > 0) {
        const total = mt.wantR + mt.wantW;
        const c0 = mt.cumW;
        mt.cumW += n;
        const acc = Math.floor((mt.newAcc * mt.cumW) / total) - Math.floor((mt.newAcc * c0) / total);
        const aw = Math.floor((acc * w) / n);
        const ar = acc - aw;
        v.rd += ar;
        v.wr += aw;
        v.rs += ar * v.spr;
        v.ws += aw * v.spr;
        v.done += acc;
        m.issued += acc;
      }
    } else if (mt.outcome === QUEUE) {
      const room = Math.max(0, RING - v.pend);
      const acc = Math.min(n, room);
      v.oo += n - acc;
      const aw = n > 0 ? Math.floor((acc * w) / n) : 0;
      const ar = acc - aw;
      v.rd += ar;
      v.wr += aw;
      v.rs += ar * v.spr;
      v.ws += aw * v.spr;
      v.pend += acc;
      m.queued += acc;
      m.issued += acc;
    } else {
      v.rd += r;
      v.wr += w;
      v.rs += r * v.spr;
      v.ws += w * v.spr;
      v.err += n + v.pend;
      m.err += n + v.pend;
      m.issued += n;
      v.pend = 0;
    }
  });
}
