// SimCore as plain TypeScript objects: the reference model the wasm core is proven against and
// measured beside. Same inputs, same checks, same handles, same numbers.
import * as C from '../codes';
import { ByteReader, ByteWriter, CoreLayoutError, decodeSaved, encodeSaved } from '../table-bytes';
import { DEFAULT_CAPACITIES, MAX_PATHS_PER_MAP } from '../types';
import type { CoreCapacities, CoreEvent, Handle, SimCore } from '../types';
import { LOCAL_LATENCY_MS, ioTick } from './blkio';
import { rrRestart, usableSlots } from './multipath';
import { schedTick } from './sched';
import { fold, vcpuBusy, vcpuPcpu, vcpuTime } from './vcpus';
import { REF_LAYOUT, emptyState, get, insert, release, type RefState, type RefVbd, type Table } from './state';

export function createReferenceCore(capacities: CoreCapacities = DEFAULT_CAPACITIES): SimCore {
  let st: RefState = emptyState();
  const caps = { ...capacities };

  const must = <T>(t: Table<T>, what: string, h: Handle): T => {
    const row = get(t, h);
    if (!row) throw new RangeError(`core: no ${what} with handle ${h}`);
    return row;
  };
  /** Requests a VBD had queued in its map fail when it is re-routed or removed. */
  const failPending = (v: RefVbd): void => {
    if (v.map < 0 || v.pend <= 0) return;
    const m = st.maps.rows[v.map]!;
    m.queued -= v.pend;
    m.err += v.pend;
    v.err += v.pend;
    v.pend = 0;
  };
  const made = (what: string, h: number): Handle => {
    if (h < 0) throw new RangeError(`core: ${what} table full`);
    return h;
  };

  const core: SimCore = {
    kind: 'reference',
    capacities: caps,
    meta: {},
    abiVersion: () => 0,

    saveTables() {
      const w = new ByteWriter();
      w.str(JSON.stringify(st));
      return encodeSaved({ kind: 'reference', capacities: caps, meta: core.meta, payload: w.done() });
    },
    loadTables(bytes) {
      const saved = decodeSaved(bytes);
      if (saved.kind !== 'reference') throw new Error('core tables: saved by the wasm core, not the reference model');
      const next = JSON.parse(new ByteReader(saved.payload).str()) as RefState;
      if (!next || !Array.isArray(next.hosts?.rows) || !Array.isArray(next.events)) throw new Error('core tables: bad reference state');
      if (next.layout !== REF_LAYOUT) throw new CoreLayoutError();
      st = next;
      core.meta = saved.meta;
    },
    reset() {
      st = emptyState();
      core.meta = {};
    },

    setSeed(seed) {
      st.seed = seed >>> 0;
    },
    tick(dtMs) {
      C.numIn('dtMs', dtMs, 0, 86_400_000);
      st.nowMs += dtMs;
      st.tick += 1;
      const dtS = dtMs / 1000;
      const cpu = schedTick(st, dtS);
      ioTick(st, caps.events, cpu, dtS);
    },
    nowMs: () => st.nowMs,

    addHost(pcpus) {
      C.intIn('pcpus', pcpus, 0, 4096);
      return made('host', insert(st.hosts, { pcpus, util: 0, busyS: 0 }, caps.hosts));
    },
    removeHost(h) {
      must(st.hosts, 'host', h);
      const used = st.domains.rows.some((d) => d?.host === h) || st.maps.rows.some((m) => m?.host === h);
      if (used) throw new Error(`core: host ${h} still has domains or maps`);
      release(st.hosts, h);
    },
    setHostPcpus(h, pcpus) {
      const host = must(st.hosts, 'host', h);
      C.intIn('pcpus', pcpus, 0, 4096);
      host.pcpus = pcpus;
    },
    hostCpu(h) {
      const host = must(st.hosts, 'host', h);
      return { pcpus: host.pcpus, utilisation: host.util, busyS: host.busyS };
    },

    addDomain(host, maxVcpus) {
      must(st.hosts, 'host', host);
      C.intIn('maxVcpus', maxVcpus, 1, 512);
      if (st.domains.free.length === 0 && st.domains.rows.length >= caps.domains) throw new RangeError('core: domain table full');
      if (st.vcpusUsed + maxVcpus > caps.vcpus) throw new RangeError('core: vcpu table full');
      st.vcpusUsed += maxVcpus;
      const vcpus = Array.from({ length: maxVcpus }, () => ({ base: 0 }));
      const dom = { host, vcpus, online: maxVcpus, weight: 256, cap: 0, demand: 0, runnable: true, cpuS: 0, cpu0: 0, q: 0, q0: 0, share: 0, dem: 0, lastRun: 0 };
      return made('domain', insert(st.domains, dom, caps.domains));
    },
    removeDomain(d) {
      const dom = must(st.domains, 'domain', d);
      st.vbds.rows.forEach((v, vh) => {
        if (v?.dom === d) core.removeVbd(vh);
      });
      st.vcpusUsed -= dom.vcpus.length;
      release(st.domains, d);
    },
    moveDomain(d, host) {
      const dom = must(st.domains, 'domain', d);
      must(st.hosts, 'host', host);
      dom.host = host;
    },
    setDomainVcpus(d, online) {
      const dom = must(st.domains, 'domain', d);
      C.intIn('vcpus', online, 1, dom.vcpus.length);
      if (online !== dom.online) fold(st.seed, d, dom);
      dom.online = online;
    },
    setDomainWeight(d, weight) {
      const dom = must(st.domains, 'domain', d);
      C.intIn('weight', weight, 1, 65535);
      dom.weight = weight;
    },
    setDomainCap(d, cap) {
      const dom = must(st.domains, 'domain', d);
      C.intIn('cap', cap, 0, 65535);
      dom.cap = cap;
    },
    setDomainDemand(d, perVcpu) {
      const dom = must(st.domains, 'domain', d);
      C.numIn('demand', perVcpu, 0, 1);
      dom.demand = perVcpu;
    },
    setDomainRunnable(d, runnable) {
      must(st.domains, 'domain', d).runnable = runnable;
    },
    setDomainCpuTime(d, seconds) {
      const dom = must(st.domains, 'domain', d);
      C.numIn('cpu time', seconds, 0, 1e15);
      dom.cpuS = seconds;
      dom.cpu0 = seconds;
      dom.q0 = dom.q;
      dom.vcpus.forEach((v, i) => (v.base = i < dom.online ? seconds / dom.online : 0));
    },
    domainCpuS: (d) => must(st.domains, 'domain', d).cpuS,
    domainShare: (d) => must(st.domains, 'domain', d).share,
    domainVcpus(d) {
      const dom = must(st.domains, 'domain', d);
      const pcpus = st.hosts.rows[dom.host]!.pcpus;
      return {
        timeS: dom.vcpus.map((_, i) => vcpuTime(st.seed, d, dom, i)),
        pcpu: dom.vcpus.map((_, i) => vcpuPcpu(st.seed, d, dom, i, pcpus)),
        busy: dom.vcpus.map((_, i) => vcpuBusy(st.seed, d, dom, i)),
      };
    },

    addVbd(d) {
      must(st.domains, 'domain', d);
      return made('vbd', insert(st.vbds, { dom: d, map: -1, readIops: 0, writeIops: 0, spr: 8, carryR: 0, carryW: 0, rd: 0, wr: 0, rs: 0, ws: 0, oo: 0, done: 0, pend: 0, err: 0 }, caps.vbds));
    },
    removeVbd(vh) {
      failPending(must(st.vbds, 'vbd', vh));
      release(st.vbds, vh);
    },
    setVbdWorkload(vh, r, w, spr) {
      const v = must(st.vbds, 'vbd', vh);
      C.numIn('readIops', r, 0, 1e7);
      C.numIn('writeIops', w, 0, 1e7);
      C.numIn('sectorsPerRequest', spr, 0, 1 << 16);
      v.readIops = r;
      v.writeIops = w;
      v.spr = C.wholeSectors(spr);
    },
    routeVbd(vh, mh) {
      const v = must(st.vbds, 'vbd', vh);
      if (mh !== -1) must(st.maps, 'map', mh);
      failPending(v);
      v.map = mh;
    },
    vbdCounters(vh) {
      const v = must(st.vbds, 'vbd', vh);
      // Latency is the map's (shared by its VBDs), or a local disk's once it has done I/O.
      const latencyMs = v.map >= 0 ? st.maps.rows[v.map]!.lat : v.rd + v.wr > 0 ? LOCAL_LATENCY_MS : 0;
      return { readReqs: v.rd, writeReqs: v.wr, readSectors: v.rs, writeSectors: v.ws, ooReqs: v.oo, completed: v.done, pending: v.pend, errors: v.err, latencyMs };
    },

    addPort(cap, svc) {
      C.numIn('capacityIops', cap, 1, 1e9);
      C.numIn('serviceTimeMs', svc, 0.001, 1e5);
      return made('port', insert(st.ports, { cap, svc, util: 0, lat: svc }, caps.ports));
    },
    setPort(p, cap, svc) {
      const port = must(st.ports, 'port', p);
      C.numIn('capacityIops', cap, 1, 1e9);
      C.numIn('serviceTimeMs', svc, 0.001, 1e5);
      port.cap = cap;
      port.svc = svc;
    },
    portStatus(p) {
      const port = must(st.ports, 'port', p);
      return { utilisation: port.util, latencyMs: port.lat };
    },
    addLun: () => made('lun', insert(st.luns, { rd: 0, wr: 0, rs: 0, ws: 0 }, caps.luns)),
    removeLun(l) {
      must(st.luns, 'lun', l);
      if (st.maps.rows.some((m) => m?.lun === l)) throw new Error(`core: LUN ${l} still has maps`);
      release(st.luns, l);
    },
    lunCounters(l) {
      const lun = must(st.luns, 'lun', l);
      return { reads: lun.rd, writes: lun.wr, readSectors: lun.rs, writeSectors: lun.ws };
    },

    addMap(host, lun) {
      must(st.hosts, 'host', host);
      must(st.luns, 'lun', lun);
      return made('map', insert(st.maps, {
        host, lun, selector: C.SEL_RR, rrMinIo: 1000, queue: false,
        paths: [], cur: -1, rrPos: -1, rrUsed: 0, queued: 0, lat: 0, issued: 0, done: 0, err: 0,
      }, caps.maps));
    },
    removeMap(mh) {
      const m = must(st.maps, 'map', mh);
      for (const v of st.vbds.rows) {
        if (!v || v.map !== mh) continue;
        failPending(v);
        v.map = -1;
      }
      for (const ph of m.paths) release(st.paths, ph);
      release(st.maps, mh);
    },
    setMapRouting(mh, routing) {
      const m = must(st.maps, 'map', mh);
      const e = C.encodeRouting(routing);
      m.selector = e.selector;
      m.rrMinIo = e.rrMinIo;
      m.queue = e.queue === 1;
    },
    mapRouting(mh) {
      const m = must(st.maps, 'map', mh);
      return C.decodeRouting({ selector: m.selector, rrMinIo: m.rrMinIo, queue: m.queue ? 1 : 0 });
    },
    setMapActiveGroup(mh, g) {
      const m = must(st.maps, 'map', mh);
      C.intIn('group', g, -1, MAX_PATHS_PER_MAP - 1);
      if (m.cur === g) return;
      m.cur = g;
      rrRestart(m);
    },
    mapStatus(mh) {
      const m = must(st.maps, 'map', mh);
      return { activeGroup: m.cur, usablePaths: usableSlots(st, m).length, queued: m.queued, queueIfNoPath: m.queue };
    },
    mapCounters(mh) {
      const m = must(st.maps, 'map', mh);
      return { issued: m.issued, completed: m.done, queued: m.queued, errors: m.err };
    },

    addPath(mh, port, group) {
      const m = must(st.maps, 'map', mh);
      must(st.ports, 'port', port);
      C.intIn('group', group, 0, MAX_PATHS_PER_MAP - 1);
      if (m.paths.length >= MAX_PATHS_PER_MAP) throw new RangeError(`core: a map holds at most ${MAX_PATHS_PER_MAP} paths`);
      const ph = made('path', insert(st.paths, { map: mh, port, group, usable: true, rd: 0, wr: 0, rs: 0, ws: 0, inFlight: 0, stamp: 0 }, caps.paths));
      m.paths.push(ph);
      rrRestart(m);
      return ph;
    },
    removePath(ph) {
      const p = must(st.paths, 'path', ph);
      const m = st.maps.rows[p.map]!;
      m.paths = m.paths.filter((x) => x !== ph);
      release(st.paths, ph);
      rrRestart(m);
    },
    setPathUsable(ph, usable) {
      must(st.paths, 'path', ph).usable = usable;
    },
    pathStatus(ph) {
      const p = must(st.paths, 'path', ph);
      return { map: p.map, group: p.group, usable: p.usable };
    },
    pathCounters(ph) {
      const p = must(st.paths, 'path', ph);
      return { reads: p.rd, writes: p.wr, readSectors: p.rs, writeSectors: p.ws, inFlight: p.stamp === st.tick ? p.inFlight : 0, latencyMs: st.ports.rows[p.port]!.lat };
    },

    drainEvents(): CoreEvent[] {
      const out = st.events.map((e): CoreEvent => ({ atMs: e.atMs, kind: C.EVENT_KINDS[e.kind - 1]!, host: e.host, map: e.map, value: e.value }));
      st.events = [];
      return out;
    },
  };
  return core;
}

/** The TypeScript reference model behind the same interface, synchronously (tests and benches). */
export function loadReferenceCore(capacities: CoreCapacities = DEFAULT_CAPACITIES): SimCore {
  return createReferenceCore(capacities);
}
