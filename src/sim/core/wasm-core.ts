// SimCore over the wasm tables: validates handles and arguments on the TypeScript side (the core
// itself trusts its inputs), calls the ABI in asm/index.ts, and saves/loads exactly the used rows
// of every column using the core's own column descriptors.
import * as C from './codes';
import { ByteReader, ByteWriter, CoreLayoutError, decodeSaved, encodeSaved } from './table-bytes';
import type {
  CoreCapacities, CoreEvent, CoreVbdCounters, Handle, HostCpu, LunCounters, MapCounters, MapRouting, MapStatus, PathCounters,
  PathStatus, PortStatus, SimCore,
} from './types';
import { MAX_PATHS_PER_MAP } from './types';

/** The ABI exported by asm/index.ts (numbers only). */
export interface CoreExports {
  memory: { buffer: ArrayBuffer };
  abiVersion(): number;
  init(h: number, d: number, v: number, b: number, p: number, l: number, m: number, a: number, e: number): number;
  clear(): void;
  setSeed(seed: number): void;
  nowMs(): number;
  tick(dtMs: number): void;
  ticks(): number;
  live(ent: number, h: number): number;
  users(ent: number, h: number): number;
  colCount(): number;
  colEntity(i: number): number;
  colBytes(i: number): number;
  colOffset(i: number): number;
  rowsOf(ent: number): number;
  hostAdd(pcpus: number): number;
  hostRemove(h: number): void;
  hostSetPcpus(h: number, pcpus: number): void;
  hostGet(h: number, f: number): number;
  domAdd(host: number, vmax: number): number;
  domRemoveAll(d: number): void;
  domSet(d: number, online: number, weight: number, cap: number, demand: number, run: number): void;
  domMove(d: number, host: number): void;
  domGet(d: number, f: number): number;
  domSetCpuTime(d: number, s: number): void;
  vcpuGet(d: number, i: number, f: number): number;
  vbdAdd(d: number): number;
  vbdRemove(v: number): void;
  vbdRoute(v: number, m: number): void;
  vbdSetWorkload(v: number, r: number, w: number, spr: number): void;
  vbdGet(v: number, f: number): number;
  portAdd(cap: number, svc: number): number;
  portSet(p: number, cap: number, svc: number): void;
  portGet(p: number, f: number): number;
  lunAdd(): number;
  lunRemove(l: number): void;
  lunGet(l: number, f: number): number;
  mapAdd(host: number, lun: number): number;
  mapRemoveAll(m: number): void;
  mapSetRouting(m: number, sel: number, rrmin: number, queue: number): void;
  mapSetGroup(m: number, g: number): void;
  mapGet(m: number, f: number): number;
  mapPath(m: number, s: number): number;
  pathAdd(m: number, port: number, group: number): number;
  pathRemove(p: number): void;
  pathSetUsable(p: number, ok: number): void;
  pathGet(p: number, f: number): number;
  evStart(): number;
  evCount(): number;
  evCap(): number;
  evClear(): void;
  evGet(i: number, f: number): number;
}

const ENT = { host: 1, domain: 2, vbd: 4, port: 5, lun: 6, map: 7, path: 8 } as const;
type EntName = keyof typeof ENT;

export function createWasmCore(x: CoreExports, capacities: CoreCapacities): SimCore {
  const c = capacities;
  if (x.init(c.hosts, c.domains, c.vcpus, c.vbds, c.ports, c.luns, c.maps, c.paths, c.events) < 0) throw new Error('wasm core: cannot reserve memory for its tables');

  const check = (ent: EntName, h: Handle): void => {
    if (!Number.isInteger(h) || x.live(ENT[ent], h) !== 1) throw new RangeError(`core: no ${ent} with handle ${h}`);
  };
  const made = (ent: EntName, h: number): Handle => {
    if (h === -3) throw new RangeError(`core: a map holds at most ${MAX_PATHS_PER_MAP} paths`);
    if (h < 0) throw new RangeError(`core: ${ent} table full`);
    return h;
  };
  const setDom = (d: Handle, o: Partial<{ online: number; weight: number; cap: number; demand: number; run: number }>): void => {
    x.domSet(d, o.online ?? x.domGet(d, 1), o.weight ?? x.domGet(d, 2), o.cap ?? x.domGet(d, 3), o.demand ?? x.domGet(d, 4), o.run ?? x.domGet(d, 5));
  };
  const routingOf = (m: Handle): C.EncodedRouting => ({ selector: x.mapGet(m, 0), rrMinIo: x.mapGet(m, 1), queue: x.mapGet(m, 2) });

  const core: SimCore = {
    kind: 'wasm',
    capacities: { ...capacities },
    meta: {},
    abiVersion: () => x.abiVersion(),

    saveTables() {
      const w = new ByteWriter();
      const mem = new Uint8Array(x.memory.buffer);
      const n = x.colCount();
      w.u32(n);
      for (let i = 0; i < n; i++) {
        const bytes = x.colBytes(i) * x.rowsOf(x.colEntity(i));
        const off = x.colOffset(i);
        w.u32(x.colEntity(i));
        w.u32(x.colBytes(i));
        w.u32(bytes);
        w.bytes(mem.subarray(off, off + bytes));
      }
      return encodeSaved({ kind: 'wasm', capacities: core.capacities, meta: core.meta, payload: w.done() });
    },

    loadTables(bytes) {
      const saved = decodeSaved(bytes);
      if (saved.kind !== 'wasm') throw new Error('core tables: saved by the reference model, not the wasm core');
      const r = new ByteReader(saved.payload);
      const n = r.u32();
      if (n !== x.colCount()) throw new CoreLayoutError();
      const cols: { off: number; data: Uint8Array; limit: number }[] = [];
      for (let i = 0; i < n; i++) {
        const ent = r.u32();
        const per = r.u32();
        const len = r.u32();
        if (ent !== x.colEntity(i) || per !== x.colBytes(i)) throw new CoreLayoutError();
        const next = i + 1 < n ? x.colOffset(i + 1) : Infinity;
        cols.push({ off: x.colOffset(i), data: r.bytes(len), limit: next - x.colOffset(i) });
      }
      for (const col of cols) if (col.data.length > col.limit) throw new Error('core tables: more rows than this core has room for');
      x.clear();
      const mem = new Uint8Array(x.memory.buffer);
      for (const col of cols) mem.set(col.data, col.off);
      core.meta = saved.meta;
    },

    reset() {
      x.clear();
      core.meta = {};
    },

    setSeed(seed) {
      x.setSeed(seed >>> 0);
    },
    tick(dtMs) {
      C.numIn('dtMs', dtMs, 0, 86_400_000);
      x.tick(dtMs);
    },
    nowMs: () => x.nowMs(),

    addHost(pcpus) {
      C.intIn('pcpus', pcpus, 0, 4096);
      return made('host', x.hostAdd(pcpus));
    },
    removeHost(h) {
      check('host', h);
      if (x.users(ENT.host, h) > 0) throw new Error(`core: host ${h} still has domains or maps`);
      x.hostRemove(h);
    },
    setHostPcpus(h, pcpus) {
      check('host', h);
      C.intIn('pcpus', pcpus, 0, 4096);
      x.hostSetPcpus(h, pcpus);
    },
    hostCpu(h): HostCpu {
      check('host', h);
      return { pcpus: x.hostGet(h, 0), utilisation: x.hostGet(h, 1), busyS: x.hostGet(h, 2) };
    },

    addDomain(host, maxVcpus) {
      check('host', host);
      C.intIn('maxVcpus', maxVcpus, 1, 512);
      const d = x.domAdd(host, maxVcpus);
      if (d === -2) throw new RangeError('core: vcpu table full');
      return made('domain', d);
    },
    removeDomain(d) {
      check('domain', d);
      x.domRemoveAll(d);
    },
    moveDomain(d, host) {
      check('domain', d);
      check('host', host);
      x.domMove(d, host);
    },
    setDomainVcpus(d, online) {
      check('domain', d);
      C.intIn('vcpus', online, 1, x.domGet(d, 8));
      setDom(d, { online });
    },
    setDomainWeight(d, weight) {
      check('domain', d);
      C.intIn('weight', weight, 1, 65535);
      setDom(d, { weight });
    },
    setDomainCap(d, cap) {
      check('domain', d);
      C.intIn('cap', cap, 0, 65535);
      setDom(d, { cap });
    },
    setDomainDemand(d, perVcpu) {
      check('domain', d);
      C.numIn('demand', perVcpu, 0, 1);
      setDom(d, { demand: perVcpu });
    },
    setDomainRunnable(d, runnable) {
      check('domain', d);
      setDom(d, { run: runnable ? 1 : 0 });
    },
    setDomainCpuTime(d, seconds) {
      check('domain', d);
      C.numIn('cpu time', seconds, 0, 1e15);
      x.domSetCpuTime(d, seconds);
    },
    domainCpuS(d) {
      check('domain', d);
      return x.domGet(d, 6);
    },
    domainShare(d) {
      check('domain', d);
      return x.domGet(d, 7);
    },
    domainVcpus(d) {
      check('domain', d);
      const n = x.domGet(d, 8);
      const timeS: number[] = [];
      const pcpu: number[] = [];
      const busy: number[] = [];
      for (let i = 0; i < n; i++) {
        timeS.push(x.vcpuGet(d, i, 0));
        pcpu.push(x.vcpuGet(d, i, 1));
        busy.push(x.vcpuGet(d, i, 2));
      }
      return { timeS, pcpu, busy };
    },

    addVbd(d) {
      check('domain', d);
      return made('vbd', x.vbdAdd(d));
    },
    removeVbd(v) {
      check('vbd', v);
      x.vbdRemove(v);
    },
    setVbdWorkload(v, r, w, spr) {
      check('vbd', v);
      C.numIn('readIops', r, 0, 1e7);
      C.numIn('writeIops', w, 0, 1e7);
      C.numIn('sectorsPerRequest', spr, 0, 1 << 16);
      x.vbdSetWorkload(v, r, w, C.wholeSectors(spr));
    },
    routeVbd(v, m) {
      check('vbd', v);
      if (m !== -1) check('map', m);
      x.vbdRoute(v, m);
    },
    vbdCounters(v): CoreVbdCounters {
      check('vbd', v);
      return {
        readReqs: x.vbdGet(v, 0), writeReqs: x.vbdGet(v, 1), readSectors: x.vbdGet(v, 2), writeSectors: x.vbdGet(v, 3),
        ooReqs: x.vbdGet(v, 4), completed: x.vbdGet(v, 5), pending: x.vbdGet(v, 6), errors: x.vbdGet(v, 7), latencyMs: x.vbdGet(v, 8),
      };
    },

    addPort(cap, svc) {
      C.numIn('capacityIops', cap, 1, 1e9);
      C.numIn('serviceTimeMs', svc, 0.001, 1e5);
      return made('port', x.portAdd(cap, svc));
    },
    setPort(p, cap, svc) {
      check('port', p);
      C.numIn('capacityIops', cap, 1, 1e9);
      C.numIn('serviceTimeMs', svc, 0.001, 1e5);
      x.portSet(p, cap, svc);
    },
    portStatus(p): PortStatus {
      check('port', p);
      return { utilisation: x.portGet(p, 0), latencyMs: x.portGet(p, 1) };
    },
    addLun: () => made('lun', x.lunAdd()),
    removeLun(l) {
      check('lun', l);
      if (x.users(ENT.lun, l) > 0) throw new Error(`core: LUN ${l} still has maps`);
      x.lunRemove(l);
    },
    lunCounters(l): LunCounters {
      check('lun', l);
      return { reads: x.lunGet(l, 0), writes: x.lunGet(l, 1), readSectors: x.lunGet(l, 2), writeSectors: x.lunGet(l, 3) };
    },

    addMap(host, lun) {
      check('host', host);
      check('lun', lun);
      return made('map', x.mapAdd(host, lun));
    },
    removeMap(m) {
      check('map', m);
      x.mapRemoveAll(m);
    },
    setMapRouting(m, routing: MapRouting) {
      check('map', m);
      const e = C.encodeRouting(routing);
      x.mapSetRouting(m, e.selector, e.rrMinIo, e.queue);
    },
    mapRouting(m) {
      check('map', m);
      return C.decodeRouting(routingOf(m));
    },
    setMapActiveGroup(m, g) {
      check('map', m);
      C.intIn('group', g, -1, MAX_PATHS_PER_MAP - 1);
      x.mapSetGroup(m, g);
    },
    mapStatus(m): MapStatus {
      check('map', m);
      return { activeGroup: x.mapGet(m, 3), usablePaths: x.mapGet(m, 6), queued: x.mapGet(m, 5), queueIfNoPath: x.mapGet(m, 2) === 1 };
    },
    mapCounters(m): MapCounters {
      check('map', m);
      return { issued: x.mapGet(m, 7), completed: x.mapGet(m, 8), queued: x.mapGet(m, 5), errors: x.mapGet(m, 9) };
    },

    addPath(m, port, group) {
      check('map', m);
      check('port', port);
      C.intIn('group', group, 0, MAX_PATHS_PER_MAP - 1);
      return made('path', x.pathAdd(m, port, group));
    },
    removePath(p) {
      check('path', p);
      x.pathRemove(p);
    },
    setPathUsable(p, usable) {
      check('path', p);
      x.pathSetUsable(p, usable ? 1 : 0);
    },
    pathStatus(p): PathStatus {
      check('path', p);
      return { map: x.pathGet(p, 8), group: x.pathGet(p, 1), usable: x.pathGet(p, 0) === 1 };
    },
    pathCounters(p): PathCounters {
      check('path', p);
      return { reads: x.pathGet(p, 2), writes: x.pathGet(p, 3), readSectors: x.pathGet(p, 4), writeSectors: x.pathGet(p, 5), inFlight: x.pathGet(p, 6), latencyMs: x.pathGet(p, 7) };
    },

    drainEvents(): CoreEvent[] {
      const out: CoreEvent[] = [];
      const n = x.evCount();
      const cap = x.evCap();
      let i = x.evStart();
      for (let k = 0; k < n; k++) {
        out.push({ atMs: x.evGet(i, 0), kind: C.EVENT_KINDS[x.evGet(i, 1) - 1]!, host: x.evGet(i, 2), map: x.evGet(i, 3), value: x.evGet(i, 4) });
        i = i + 1 >= cap ? 0 : i + 1;
      }
      x.evClear();
      return out;
    },
  };
  exportsByCore.set(core, x);
  return core;
}

const exportsByCore = new WeakMap<SimCore, CoreExports>();

/** The raw ABI under a wasm core (benchmarks profile single phases and read memory size). */
export function wasmExportsOf(core: SimCore): (CoreExports & { tickPhases(dtMs: number, mask: number): void }) | undefined {
  return exportsByCore.get(core) as (CoreExports & { tickPhases(dtMs: number, mask: number): void }) | undefined;
}
