// Pushes the storage model's multipath state into the numeric core, which only routes and counts
// guests' block I/O: array ports, LUNs, one core map per host map (its paths in the world's groups),
// and on every change each path's usability (dm active and reachable), the map's active group and
// whether it queues or fails I/O with no usable path. Path and group state (checker, failover,
// failback, no_path_retry) is the world's alone (path-events.ts, multipathd.ts); the core reports
// back only I/O errors. Also routes every running domain's VBDs (`file:` images on a repository
// mounted from a map's partition, or `phy:` devices) to the host's map. Registry in core.meta.storage.
import { syslog } from '../../logs';
import { mountFor } from '../../vfs';
import { registry as xenRegistry, rerouteVbds, syncHost } from '../../core/sync-xen';
import type { Handle, MapRouting, SimCore } from '../../core/types';
import type { Sim } from '../../sim';
import type { DomainState } from '../../types';
import { resolveBlockDevice } from '../san/block-devices';
import { lunKey, reachability } from '../san/san';
import type { MpMap, ScsiDisk } from '../types';

interface MapEntry {
  h: Handle;
  host: string;
  name: string;
  /** The paths and their groups: a change rebuilds the core map. */
  sig: string;
  /** The routing (selector, rr_min_io, queueing) last pushed. */
  route: string;
  /** The active group last pushed. */
  group: number;
  paths: Record<string, { h: Handle; usable: boolean }>;
}

interface StorageRegistry {
  /** SAN epoch of the last full sync (nothing to do while it is unchanged). */
  epoch?: number;
  ports: Record<string, Handle>;
  luns: Record<string, Handle>;
  /** `<host>:<wwid>` → the core map. */
  maps: Record<string, MapEntry>;
}

/**
 * The model map and its load count when an entry's signatures were last computed (skip them when
 * unchanged). Kept beside the registry, never in it: the registry is saved with the core's tables,
 * and a reference to a live world object there would serialise whatever the world holds at save
 * time, so a snapshot would differ from a replay of the same commands.
 */
const lastSeen = new WeakMap<MapEntry, { obj: MpMap; loads: number }>();

/** An FC front-end port of a CX4 SP: ~20k IOPS at ~1.5 ms before queueing. */
const PORT_IOPS = 20000;
const PORT_SERVICE_MS = 1.5;

function storageRegistry(core: SimCore): StorageRegistry {
  let reg = core.meta.storage as StorageRegistry | undefined;
  if (!reg) {
    reg = { ports: {}, luns: {}, maps: {} };
    core.meta.storage = reg;
  }
  return reg;
}

/** A core that implements the storage half of the contract (tests may run with a stub). */
const hasStorageCore = (core: SimCore): boolean => typeof (core as Partial<SimCore>).addMap === 'function';

function routing(m: MpMap): MapRouting {
  const sel = m.policy.selector.split(' ')[0];
  const npr = m.policy.noPathRetry;
  return {
    selector: sel === 'queue-length' || sel === 'service-time' ? sel : 'round-robin',
    rrMinIo: m.policy.rrMinIo,
    // queue_if_no_path as the world holds it; no_path_retry 0 never queues (retries are used up at once).
    queueIfNoPath: m.queueing && npr !== 'fail' && npr !== 0,
  };
}

const mapSig = (m: MpMap): string => m.groups.map((g) => g.paths.map((x) => x.dev).join(',')).join('|');

function routeSig(m: MpMap): string {
  const r = routing(m);
  return `${r.selector}:${r.rrMinIo}:${r.queueIfNoPath}`;
}

/** The world's active group as the core takes it (-1 when it names no group). */
const activeGroup = (m: MpMap): number => (m.activeGroup >= 0 && m.activeGroup < m.groups.length ? m.activeGroup : -1);

function portHandle(core: SimCore, reg: StorageRegistry, key: string): Handle {
  let h = reg.ports[key];
  if (h === undefined) {
    h = core.addPort(PORT_IOPS, PORT_SERVICE_MS);
    reg.ports[key] = h;
  }
  return h;
}

function lunHandle(core: SimCore, reg: StorageRegistry, key: string): Handle {
  let h = reg.luns[key];
  if (h === undefined) {
    h = core.addLun();
    reg.luns[key] = h;
  }
  return h;
}

/** Brings the core's storage tables in line with the model. Cheap when nothing changed. */
export function syncStorage(sim: Sim): void {
  const { world, core } = sim;
  if (!world.san || !hasStorageCore(core)) return;
  const reg = storageRegistry(core);
  if (reg.epoch !== undefined && reg.epoch === (world.san.epoch ?? 0)) {
    logCoreEvents(sim, reg);
    return;
  }
  reg.epoch = world.san.epoch ?? 0;
  let topology = false;
  const seen = new Set<string>();
  for (const [host, hs] of Object.entries(world.san.hosts)) {
    const h = world.hosts[host];
    if (!h) continue;
    const hostH = syncHost(sim, h).h;
    const disks = new Map(hs.disks.map((d) => [d.name, d]));
    const reach = reachability(world, host);
    for (const m of hs.maps) {
      const key = `${host}:${m.wwid}`;
      seen.add(key);
      let e = reg.maps[key];
      const seenAs = e && lastSeen.get(e);
      const unchanged = !!seenAs && seenAs.obj === m && seenAs.loads === m.stats.mapLoads;
      const sig = unchanged ? e!.sig : mapSig(m);
      if (e && e.sig !== sig) {
        core.removeMap(e.h);
        delete reg.maps[key];
        e = undefined;
      }
      if (!e) {
        e = addCoreMap(sim, reg, hostH, host, m, disks, sig);
        reg.maps[key] = e;
        topology = true;
      }
      e.name = m.name;
      lastSeen.set(e, { obj: m, loads: m.stats.mapLoads });
      const route = routeSig(m);
      if (e.route !== route) core.setMapRouting(e.h, routing(m));
      e.route = route;
      const group = activeGroup(m);
      if (e.group !== group) core.setMapActiveGroup(e.h, (e.group = group));
      for (const g of m.groups) for (const p of g.paths) {
        const pe = e.paths[p.dev];
        const d = disks.get(p.dev);
        if (!pe) continue;
        // What dm-multipath would send I/O down: an active path that reaches the array. (A dead
        // path dm still calls active carries nothing: the kernel fails it on its first error.)
        const usable = p.dm === 'active' && !!d && d.state === 'running' && reach(d);
        if (pe.usable !== usable) core.setPathUsable(pe.h, (pe.usable = usable));
      }
    }
  }
  for (const key of Object.keys(reg.maps)) {
    if (seen.has(key)) continue;
    core.removeMap(reg.maps[key]!.h);
    delete reg.maps[key];
    topology = true;
  }
  if (topology) rerouteVbds(sim);
  logCoreEvents(sim, reg);
}

/** A new core map for a world map: its paths through their array ports, in the world's groups. */
function addCoreMap(sim: Sim, reg: StorageRegistry, hostH: Handle, host: string, m: MpMap, disks: Map<string, ScsiDisk>, sig: string): MapEntry {
  const { core } = sim;
  const first = m.groups.flatMap((g) => g.paths).map((p) => disks.get(p.dev)).find((d) => d?.to.kind === 'san');
  const lun = first && first.to.kind === 'san' ? lunKey({ array: first.to.array, alu: first.to.alu }) : `wwid:${m.wwid}`;
  const mh = core.addMap(hostH, lunHandle(core, reg, lun));
  // route '' and group -2: nothing pushed yet, so the caller pushes both.
  const e: MapEntry = { h: mh, host, name: m.name, sig, route: '', group: -2, paths: {} };
  m.groups.forEach((g, gi) => {
    for (const p of g.paths) {
      const d = disks.get(p.dev);
      const port = d?.to.kind === 'san' ? `${d.to.array}:${d.to.sp}:${d.to.port}` : `local:${host}`;
      e.paths[p.dev] = { h: core.addPath(mh, portHandle(core, reg, port), gi), usable: true };
    }
  });
  return e;
}

/** I/O errors the core reports become the kernel's end_request lines on the map's dm device. */
function logCoreEvents(sim: Sim, reg: StorageRegistry): void {
  const { world, core } = sim;
  const xen = xenRegistry(core);
  for (const ev of core.drainEvents()) {
    const entry = Object.values(reg.maps).find((e) => e.h === ev.map);
    const hostName = Object.entries(xen.hosts).find(([, x]) => x.h === ev.host)?.[0] ?? entry?.host;
    const h = hostName ? world.hosts[hostName] : undefined;
    const m = entry ? world.san?.hosts[entry.host]?.maps.find((x) => x.name === entry.name) : undefined;
    if (h && m) syslog(world, h, 'kernel', `end_request: I/O error, dev dm-${m.dmMinor}, sector 0`);
  }
}

/** The core map a running domain's VBD goes through, or -1 (local disk / not on a map). */
export function routeVbd(sim: Sim, d: DomainState, index: number): Handle {
  const { world, core } = sim;
  const vbd = d.disks[index];
  const host = d.host ? world.hosts[d.host] : undefined;
  if (!vbd || !host || !world.san || !hasStorageCore(core)) return -1;
  const path = vbd.kind === 'phy' ? (vbd.path.startsWith('/') ? vbd.path : `/dev/${vbd.path}`) : mountFor(host, vbd.path).device;
  const dev = resolveBlockDevice(world, host.name, path);
  if (!dev || (dev.kind !== 'mpath' && dev.kind !== 'mpath-part')) return -1;
  return storageRegistry(core).maps[`${host.name}:${dev.wwid}`]?.h ?? -1;
}

/** The core handle of one path of a host's map. */
export function corePathHandle(sim: Sim, host: string, wwid: string, dev: string): Handle {
  return hasStorageCore(sim.core) ? (storageRegistry(sim.core).maps[`${host}:${wwid}`]?.paths[dev]?.h ?? -1) : -1;
}
