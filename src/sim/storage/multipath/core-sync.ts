// Mirrors the storage model into the numeric core so that guests' block I/O flows through the
// right multipath maps: array ports, LUNs, one core map per host map (policy, paths with prio and
// controller), each path's physical link, operator fail/reinstate, multipathd running and its
// polling interval; and routes every running domain's VBDs (`file:` images on a repository
// mounted from a map's partition, or `phy:` devices) to the host's map. Path states shown to the
// user stay in the storage model; the core owns the I/O counters. Registry in core.meta.storage.
import { syslog } from '../../logs';
import { mountFor } from '../../vfs';
import { registry as xenRegistry, rerouteVbds, syncHost } from '../../core/sync-xen';
import type { Handle, MapPolicy as CoreMapPolicy, PathLink, SimCore } from '../../core/types';
import type { Sim } from '../../sim';
import type { DomainState } from '../../types';
import { resolveBlockDevice } from '../san/block-devices';
import { allPaths, daemonConfig } from './maps';
import { pollingInterval } from './multipath-policy';
import { lunKey, reachability } from '../san/san';
import type { MpMap } from '../types';

interface MapEntry {
  h: Handle;
  host: string;
  name: string;
  /** The paths and their groups: a change rebuilds the core map. */
  sig: string;
  /** The policy: a change is applied in place. */
  pol: string;
  queueing?: boolean;
  paths: Record<string, { h: Handle; link: PathLink; failed: boolean; prio: number }>;
}

interface StorageRegistry {
  /** SAN epoch of the last full sync (nothing to do while it is unchanged). */
  epoch?: number;
  ports: Record<string, Handle>;
  luns: Record<string, Handle>;
  /** `<host>:<wwid>` → the core map. */
  maps: Record<string, MapEntry>;
  hosts: Record<string, { poll: number; checker: boolean }>;
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
    reg = { ports: {}, luns: {}, maps: {}, hosts: {} };
    core.meta.storage = reg;
  }
  return reg;
}

/** A core that implements the storage half of the contract (tests may run with a stub). */
const hasStorageCore = (core: SimCore): boolean => typeof (core as Partial<SimCore>).addMap === 'function';

function corePolicy(m: MpMap): CoreMapPolicy {
  const sel = m.policy.selector.split(' ')[0];
  return {
    grouping: m.policy.pgPolicy,
    selector: sel === 'queue-length' || sel === 'service-time' ? sel : 'round-robin',
    rrMinIo: m.policy.rrMinIo,
    failback: m.policy.failback,
    noPathRetry: m.queueing ? m.policy.noPathRetry : 'fail',
  };
}

const mapSig = (m: MpMap): string => m.groups.map((g) => g.paths.map((x) => x.dev).join(',')).join('|');

function policySig(m: MpMap): string {
  const p = corePolicy(m);
  return `${p.grouping}:${p.selector}:${p.rrMinIo}:${p.failback}:${p.noPathRetry}`;
}

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
    const he = (reg.hosts[host] ??= { poll: 0, checker: false });
    const poll = pollingInterval(daemonConfig(world, host));
    if (he.poll !== poll) core.setHostPollingInterval(hostH, (he.poll = poll));
    if (he.checker !== hs.multipathd.running) core.setHostChecker(hostH, (he.checker = hs.multipathd.running));
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
        const first = allPaths(m).map((p) => disks.get(p.dev)).find((d) => d?.to.kind === 'san');
        const lun = first && first.to.kind === 'san' ? lunKey({ array: first.to.array, alu: first.to.alu }) : `wwid:${m.wwid}`;
        const mh = core.addMap(hostH, lunHandle(core, reg, lun));
        e = { h: mh, host, name: m.name, sig, pol: policySig(m), paths: {} };
        reg.maps[key] = e;
        for (const p of allPaths(m)) {
          const d = disks.get(p.dev);
          const port = d?.to.kind === 'san' ? `${d.to.array}:${d.to.sp}:${d.to.port}` : `local:${host}`;
          const sp = d?.to.kind === 'san' && d.to.sp === 'B' ? 1 : 0;
          e.paths[p.dev] = { h: core.addPath(mh, portHandle(core, reg, port), p.prio, sp), link: 'up', failed: false, prio: p.prio };
        }
        core.setMapPolicy(mh, corePolicy(m));
        topology = true;
      }
      e.name = m.name;
      const pol = unchanged && e.queueing === m.queueing ? e.pol : policySig(m);
      if (e.pol !== pol) core.setMapPolicy(e.h, corePolicy(m));
      e.pol = pol;
      lastSeen.set(e, { obj: m, loads: m.stats.mapLoads });
      e.queueing = m.queueing;
      for (const g of m.groups) for (const p of g.paths) {
        const pe = e.paths[p.dev];
        const d = disks.get(p.dev);
        if (!pe || !d) continue;
        const link: PathLink = d.state === 'running' && reach(d) ? 'up' : 'down';
        if (pe.link !== link) core.setPathLink(pe.h, (pe.link = link));
        if (pe.prio !== p.prio) core.setPathPrio(pe.h, (pe.prio = p.prio));
        // `multipathd fail path`: the operator's failure is mirrored once, and undone by reinstate.
        const failed = p.checkerDisabled && p.dm === 'failed';
        if (pe.failed !== failed) {
          if (failed) core.failPath(pe.h);
          else core.reinstatePath(pe.h);
          pe.failed = failed;
        }
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

/** I/O errors the core reports become the kernel's end_request lines on the map's dm device. */
function logCoreEvents(sim: Sim, reg: StorageRegistry): void {
  const { world, core } = sim;
  const xen = xenRegistry(core);
  for (const ev of core.drainEvents()) {
    if (ev.kind !== 'io-error') continue;
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
