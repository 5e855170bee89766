// SimCore over the wasm tables: validates handles and arguments on the TypeScript side (the core
// itself trusts its inputs), calls the ABI in asm/index.ts, and saves/loads exactly the used rows
// of every column using the core's own column descriptors.
import * as C from './codes';
import { ByteReader, ByteWriter, decodeSaved, encodeSaved } from './table-bytes';
import type {
  CoreCapacities, CoreEvent, CoreVbdCounters, Handle, HostCpu, LunCounters, MapCounters, MapGroup, MapPolicy, MapStatus,
  PathCounters, PathLink, PathStatus, PortStatus, SimCore,
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
  hostSet(h: number, pcpus: number, pollS: number, checker: number): void;
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
  portSet(p: number, cap: number, svc: number, up: number): void;
  portGet(p: number, f: number): number;
  lunAdd(): number;
  lunRemove(l: number): void;
  lunGet(l: number, f: number): number;
  mapAdd(host: number, lun: number): number;
  mapRemoveAll(m: number): void;
  mapSetPolicy(m: number, grp: number, sel: number, rrmin: number, fb: number, npr: number): void;
  mapGet(m: number, f: number): number;
  mapPath(m: number, s: number): number;
  mapGroupPrio(m: number, g: number): number;
  mapGroupActive(m: number, g: number): number;
  mapSwitch(m: number, g: number): void;
  pathAdd(m: number, port: number, prio: number, key: number): number;
  pathRemove(p: number): void;
  pathSetPrio(p: number, prio: number): void;
  pathSetLink(p: number, link: number): void;
  pathFail(p: number): void;
  pathReinstate(p: number): void;
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
  const policyOf = (m: Handle): C.EncodedPolicy => ({ grouping: x.mapGet(m, 0), selector: x.mapGet(m, 1), rrMinIo: x.mapGet(m, 2), failback: x.mapGet(m, 3), noPathRetry: x.mapGet(m, 4) });

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
      if (n !== x.colCount()) throw new Error('core tables: column layout differs from this build');
      const cols: { off: number; data: Uint8Array; limit: number }[] = [];
      for (let i = 0; i < n; i++) {
        const ent = r.u32();
        const per = r.u32();
        const len = r.u32();
        if (ent !== x.colEntity(i) || per !== x.colBytes(i)) throw new Error('core tables: column layout differs from this build');
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
      x.hostSet(h, pcpus, x.hostGet(h, 3), x.hostGet(h, 4));
    },
    setHostPollingInterval(h, s) {
      check('host', h);
      C.intIn('polling_interval', s, 1, 86400);
      x.hostSet(h, x.hostGet(h, 0), s, x.hostGet(h, 4));
    },
    setHostChecker(h, running) {
      check('host', h);
      x.hostSet(h, x.hostGet(h, 0), x.hostGet(h, 3), running ? 1 : 0);
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
      x.portSet(p, cap, svc, x.portGet(p, 0));
    },
    setPortUp(p, up) {
      check('port', p);
      x.portSet(p, x.portGet(p, 3), x.portGet(p, 4), up ? 1 : 0);
    },
    portStatus(p): PortStatus {
      check('port', p);
      return { up: x.portGet(p, 0) === 1, utilisation: x.portGet(p, 1), latencyMs: x.portGet(p, 2) };
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
    setMapPolicy(m, policy: MapPolicy) {
      check('map', m);
      const e = C.encodePolicy(policy);
      x.mapSetPolicy(m, e.grouping, e.selector, e.rrMinIo, e.failback, e.noPathRetry);
    },
    mapPolicy(m) {
      check('map', m);
      return C.decodePolicy(policyOf(m));
    },
    mapGroups(m): MapGroup[] {
      check('map', m);
      const ng = x.mapGet(m, 5);
      const cur = x.mapGet(m, 6);
      const np = x.mapGet(m, 7);
      const groups: MapGroup[] = [];
      for (let g = 0; g < ng; g++) {
        const paths: Handle[] = [];
        for (let s = 0; s < np; s++) if (x.pathGet(x.mapPath(m, s), 3) === g) paths.push(x.mapPath(m, s));
        const active = x.mapGroupActive(m, g);
        groups.push({ priority: x.mapGroupPrio(m, g), state: g === cur ? 'active' : active > 0 ? 'enabled' : 'disabled', paths });
      }
      return groups;
    },
    mapStatus(m): MapStatus {
      check('map', m);
      const cur = x.mapGet(m, 6);
      const mode = C.MODES[x.mapGet(m, 9)]!;
      const now = x.nowMs();
      const fbAt = x.mapGet(m, 11);
      return {
        currentGroup: cur,
        activePaths: activePathsOf(x, m),
        queued: x.mapGet(m, 8),
        mode,
        retrySecondsLeft: mode === 'recovery' ? Math.max(0, (x.mapGet(m, 10) - now) / 1000) : 0,
        failbackSecondsLeft: fbAt >= 0 ? Math.max(0, (fbAt - now) / 1000) : 0,
      };
    },
    mapCounters(m): MapCounters {
      check('map', m);
      return { issued: x.mapGet(m, 12), completed: x.mapGet(m, 13), queued: x.mapGet(m, 8), errors: x.mapGet(m, 14) };
    },
    switchGroup(m, g) {
      check('map', m);
      C.intIn('group', g, 0, x.mapGet(m, 5) - 1);
      x.mapSwitch(m, g);
    },

    addPath(m, port, prio, key) {
      check('map', m);
      check('port', port);
      C.intIn('prio', prio, 0, 1 << 30);
      C.intIn('groupKey', key, -(1 << 30), 1 << 30);
      return made('path', x.pathAdd(m, port, prio, key));
    },
    removePath(p) {
      check('path', p);
      x.pathRemove(p);
    },
    setPathPrio(p, prio) {
      check('path', p);
      C.intIn('prio', prio, 0, 1 << 30);
      x.pathSetPrio(p, prio);
    },
    setPathLink(p, link: PathLink) {
      check('path', p);
      x.pathSetLink(p, C.linkCode(link));
    },
    failPath(p) {
      check('path', p);
      x.pathFail(p);
    },
    reinstatePath(p) {
      check('path', p);
      x.pathReinstate(p);
    },
    pathStatus(p): PathStatus {
      check('path', p);
      return {
        link: C.LINKS[x.pathGet(p, 0)]!,
        dm: x.pathGet(p, 1) === 1 ? 'active' : 'failed',
        checker: C.CHECKER_STATES[x.pathGet(p, 2)]!,
        group: x.pathGet(p, 3),
        prio: x.pathGet(p, 4),
        checkIntervalS: x.pathGet(p, 5),
      };
    },
    pathCounters(p): PathCounters {
      check('path', p);
      return { reads: x.pathGet(p, 6), writes: x.pathGet(p, 7), readSectors: x.pathGet(p, 8), writeSectors: x.pathGet(p, 9), inFlight: x.pathGet(p, 10), latencyMs: x.pathGet(p, 11) };
    },

    drainEvents(): CoreEvent[] {
      const out: CoreEvent[] = [];
      const n = x.evCount();
      const cap = x.evCap();
      let i = x.evStart();
      for (let k = 0; k < n; k++) {
        const reason = C.REASONS[x.evGet(i, 6)];
        const e: CoreEvent = { atMs: x.evGet(i, 0), kind: C.EVENT_KINDS[x.evGet(i, 1) - 1]!, host: x.evGet(i, 2), map: x.evGet(i, 3), path: x.evGet(i, 4), value: x.evGet(i, 5) };
        if (reason) e.reason = reason;
        out.push(e);
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

function activePathsOf(x: CoreExports, m: number): number {
  const np = x.mapGet(m, 7);
  let n = 0;
  for (let s = 0; s < np; s++) if (x.pathGet(x.mapPath(m, s), 1) === 1) n++;
  return n;
}
