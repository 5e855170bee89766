// The multipath map engine: which SCSI disks are paths (blacklist, WWID), how they coalesce into
// maps (grouping policy, priorities, names), and loading/removing maps in device-mapper with
// the udev-driven `kpartx -a -p p` that follows. Used by `multipath`, multipathd and boot.
import { mkdir, readFile, writeFile } from '../../vfs';
import type { WorldState } from '../../types';
import { parseMultipathConf, emptyConfig, type MultipathConfig, type ParseResult } from './multipath-conf';
import { bindingsText, blacklistReason, mapName, mapPolicy, pathPrio, pollingInterval } from './multipath-policy';
import { friendlyName, partName } from './naming';
import { bumpSan, currentWwid, diskReachable, hostSan, lunOfDisk, reachability } from '../san/san';
import { diskLabel, kernelPartitions } from '../san/scsi';
import type { DmDevice, HostSan, MpGroup, MpMap, MpPath, ScsiDisk } from '../types';

export const MULTIPATH_CONF = '/etc/multipath.conf';

/** Parsed configs by text (shared, never mutated): every tick and command asks, the text rarely changes. */
const PARSED = new Map<string, ParseResult>();

function parseCached(text: string): ParseResult {
  let r = PARSED.get(text);
  if (!r) {
    if (PARSED.size >= 64) PARSED.clear();
    r = parseMultipathConf(text);
    PARSED.set(text, r);
  }
  return r;
}

/** /etc/multipath.conf as the `multipath` command reads it now; null when the file is missing. */
export function fileConfig(world: WorldState, host: string): ParseResult | null {
  const h = world.hosts[host];
  if (!h) return null;
  const r = readFile(world, h, MULTIPATH_CONF);
  return r.ok ? parseCached(r.value) : null;
}

/** The config multipathd runs with (loaded at start/reconfigure); the file's when it is stopped. Callers must not mutate it. */
export function daemonConfig(world: WorldState, host: string): MultipathConfig {
  const hs = hostSan(world, host);
  const text = hs?.multipathd.configText;
  if (text !== null && text !== undefined) {
    const r = parseCached(text);
    if (r.ok) return r.config;
  }
  const h = world.hosts[host];
  const file = h ? readFile(world, h, MULTIPATH_CONF) : null;
  const f = file?.ok ? parseCached(file.value) : null;
  return f?.ok ? f.config : emptyConfig();
}

export interface PathView {
  disk: ScsiDisk;
  /** WWID a scsi_id inquiry returns now (the cached one when the path does not answer). */
  wwid: string;
  reachable: boolean;
  /** The path leads to the SP that owns the LUN. */
  owner: boolean;
  blacklisted: string | null;
}

export function pathView(world: WorldState, host: string, cfg: MultipathConfig, d: ScsiDisk, live = true, reach?: (d: ScsiDisk) => boolean): PathView {
  const hs = hostSan(world, host)!;
  const reachable = d.state === 'running' && (reach ? reach(d) : diskReachable(world, host, d));
  const wwid = live && reachable ? currentWwid(world, d, hs) : d.wwid;
  const found = lunOfDisk(world, d);
  const owner = d.to.kind === 'san' && !!found && found.lun.owner === d.to.sp;
  const blacklisted = blacklistReason(cfg, { dev: d.name, wwid, vendor: d.vendor, product: d.product });
  return { disk: d, wwid, reachable, owner, blacklisted };
}

/** Every non-blacklisted path of the host, in probe order. */
export function candidatePaths(world: WorldState, host: string, cfg: MultipathConfig, live = true): PathView[] {
  const hs = hostSan(world, host);
  if (!hs) return [];
  const reach = reachability(world, host);
  return [...hs.disks].sort((a, b) => a.major - b.major || a.minor - b.minor).map((d) => pathView(world, host, cfg, d, live, reach)).filter((p) => !p.blacklisted);
}

function newPath(p: PathView, prio: number, interval: number): MpPath {
  return { dev: p.disk.name, dm: p.reachable ? 'active' : 'failed', chk: p.reachable ? 'ready' : 'faulty', prio, checkerDisabled: false, checkint: interval, tick: interval };
}

/** Groups paths by the map's policy, highest priority first (pgpolicies.c + sort_pathgroups). */
export function groupPaths(policy: MpMap['policy'], paths: Array<{ view: PathView; prio: number }>, interval: number): MpGroup[] {
  const mk = (items: typeof paths): MpGroup => {
    const live = items.filter((x) => x.view.reachable);
    const prio = live.length ? Math.floor(live.reduce((s, x) => s + x.prio, 0) / live.length) : 0;
    return { prio, paths: items.map((x) => newPath(x.view, x.prio, interval)) };
  };
  let groups: MpGroup[];
  if (policy.pgPolicy === 'multibus') groups = paths.length ? [mk(paths)] : [];
  else if (policy.pgPolicy === 'group_by_prio') {
    const prios = [...new Set(paths.map((p) => p.prio))];
    groups = prios.map((pr) => mk(paths.filter((p) => p.prio === pr)));
  } else if (policy.pgPolicy === 'group_by_serial' || policy.pgPolicy === 'group_by_node_name') {
    // One group per controller: the SP the path leads to.
    const keys = [...new Set(paths.map((p) => (p.view.disk.to.kind === 'san' ? p.view.disk.to.sp : '-')))];
    groups = keys.map((k) => mk(paths.filter((p) => (p.view.disk.to.kind === 'san' ? p.view.disk.to.sp : '-') === k)));
  } else groups = paths.map((p) => mk([p]));
  // Stable sort: equal priorities keep discovery order.
  return groups.map((g, i) => ({ g, i })).sort((a, b) => b.g.prio - a.g.prio || a.i - b.i).map((x) => x.g);
}

/** The group the kernel uses first: the first with an active path (or the first). */
export function firstUsableGroup(groups: MpGroup[]): number {
  const i = groups.findIndex((g) => g.paths.some((p) => p.dm === 'active'));
  return i < 0 ? 0 : i;
}

export type MapActionKind = 'create' | 'reload' | 'rename' | 'resize' | 'reject';

export interface MapAction {
  kind: MapActionKind;
  map: MpMap;
  /** For reject: the lines multipath prints before it (`8:112: size …. Discard`). */
  notes: string[];
  /** Name of the loaded map this replaces (reload/rename). */
  oldName?: string;
  /** A user_friendly_names binding this map needs written. */
  binding?: [string, string];
}

/**
 * Works out the maps the `multipath` command would create or change (coalesce_paths +
 * select_action). `only` limits it to one WWID. Nothing is changed here.
 */
export function planMaps(world: WorldState, host: string, cfg: MultipathConfig, opts: { only?: string; forceReload?: boolean } = {}): MapAction[] {
  const hs = hostSan(world, host);
  const h = world.hosts[host];
  if (!hs || !h) return [];
  const interval = pollingInterval(cfg);
  const byWwid = new Map<string, PathView[]>();
  for (const p of candidatePaths(world, host, cfg)) {
    if (!p.wwid) continue;
    const list = byWwid.get(p.wwid) ?? [];
    list.push(p);
    byWwid.set(p.wwid, list);
  }
  const actions: MapAction[] = [];
  const bindings = { ...hs.bindings };
  for (const [wwid, views] of byWwid) {
    if (opts.only && opts.only !== wwid) continue;
    const first = views[0]!.disk;
    const policy = mapPolicy(cfg, { wwid, vendor: first.vendor, product: first.product });
    const existing = hs.maps.find((m) => m.wwid === wwid);
    const name = mapName(cfg, h.release, wwid, bindings, (n) => friendlyName(h.release, n));
    const notes: string[] = [];
    const size = first.sizeBytes;
    let reject = false;
    for (const v of views.slice(1)) {
      if (v.disk.sizeBytes !== size) {
        notes.push(`${v.disk.major}:${v.disk.minor}: size ${v.disk.sizeBytes / 512}, expected ${size / 512}. Discard`);
        reject = true;
      }
    }
    const withPrio = views.map((view) => ({ view, prio: pathPrio(policy.prio, view.owner) }));
    const groups = groupPaths(policy, withPrio, interval);
    const map: MpMap = {
      name,
      wwid,
      dmMinor: existing?.dmMinor ?? -1,
      sizeBytes: size,
      vendor: first.vendor,
      product: first.product,
      policy,
      groups,
      activeGroup: firstUsableGroup(groups),
      suspended: existing?.suspended ?? false,
      queueing: policy.noPathRetry !== 'fail',
      retryLeft: null,
      failbackLeft: null,
      stats: existing ? { ...existing.stats } : { pathFaults: 0, switchGroup: 0, mapLoads: 0 },
    };
    const binding: [string, string] | undefined = bindings[name] === wwid && hs.bindings[name] !== wwid ? [name, wwid] : undefined;
    if (reject) {
      actions.push({ kind: 'reject', map, notes });
      continue;
    }
    if (!existing) {
      actions.push({ kind: 'create', map, notes, binding });
      continue;
    }
    // Keep the kernel's per-path states for paths that stay.
    for (const g of map.groups) {
      for (const p of g.paths) {
        const old = findPath(existing, p.dev);
        if (old) Object.assign(p, { dm: old.dm, chk: old.chk, checkerDisabled: old.checkerDisabled, checkint: old.checkint, tick: old.tick });
      }
    }
    map.activeGroup = firstUsableGroup(map.groups);
    const samePaths = pathSet(existing) === pathSet(map);
    const samePolicy = existing.policy.features === map.policy.features && existing.policy.hwhandler === map.policy.hwhandler && existing.policy.selector === map.policy.selector && existing.policy.pgPolicy === map.policy.pgPolicy;
    if (existing.name !== map.name) actions.push({ kind: 'rename', map, notes, oldName: existing.name, binding });
    else if (existing.sizeBytes !== map.sizeBytes) actions.push({ kind: 'resize', map, notes, oldName: existing.name });
    else if (!samePaths || !samePolicy || opts.forceReload) actions.push({ kind: 'reload', map, notes, oldName: existing.name });
  }
  return actions;
}

function pathSet(m: MpMap): string {
  return m.groups.map((g) => g.paths.map((p) => p.dev).join(',')).join('|');
}

export function findPath(m: MpMap, dev: string): MpPath | undefined {
  for (const g of m.groups) for (const p of g.paths) if (p.dev === dev) return p;
  return undefined;
}

export function allPaths(m: MpMap): MpPath[] {
  return m.groups.flatMap((g) => g.paths);
}

export function activePathCount(m: MpMap): number {
  return allPaths(m).filter((p) => p.dm === 'active').length;
}

/** The lowest free device-mapper minor (the kernel's idr allocation). */
export function freeDmMinor(hs: HostSan): number {
  const used = new Set(hs.dm.map((d) => d.minor));
  for (let i = 0; i < 1 << 20; i++) if (!used.has(i)) return i;
  return hs.dm.length;
}

/** Loads a planned map into device-mapper (create or reload), then udev's `kpartx -a -p p`. */
export function commitMap(world: WorldState, host: string, action: MapAction): MpMap {
  const hs = hostSan(world, host)!;
  bumpSan(world);
  const map = action.map;
  if (action.kind === 'create') {
    map.dmMinor = freeDmMinor(hs);
    hs.dm.push({ name: map.name, minor: map.dmMinor, target: 'multipath', uuid: `mpath-${map.wwid}` });
    hs.maps.push(map);
  } else {
    const i = hs.maps.findIndex((m) => m.wwid === map.wwid);
    const old = hs.maps[i]!;
    map.dmMinor = old.dmMinor;
    hs.maps[i] = map;
    const dev = hs.dm.find((d) => d.target === 'multipath' && d.minor === map.dmMinor);
    if (dev && dev.name !== map.name) {
      // Renaming the map renames its partition maps too.
      for (const part of hs.dm.filter((d) => d.parent === dev.name)) {
        part.name = partName(map.name, part.partNum ?? 1, 'p');
        part.parent = map.name;
      }
      dev.name = map.name;
    }
  }
  map.stats.mapLoads++;
  if (action.binding) {
    hs.bindings[action.binding[0]] = action.binding[1];
    writeBindings(world, host);
  }
  // Paths handed to a map are no longer used by anything else: take them from other maps.
  for (const other of hs.maps) {
    if (other === map) continue;
    const devs = new Set(allPaths(map).map((p) => p.dev));
    for (const g of other.groups) g.paths = g.paths.filter((p) => !devs.has(p.dev));
    other.groups = other.groups.filter((g) => g.paths.length);
  }
  kpartxAdd(world, host, map, 'p');
  return map;
}

/** user_friendly_names bindings: /var/lib/multipath/bindings on OL5, /etc/multipath/bindings on OL6. */
export function bindingsPath(world: WorldState, host: string): string {
  return world.hosts[host]?.release === 'ovm22' ? '/var/lib/multipath/bindings' : '/etc/multipath/bindings';
}

export function writeBindings(world: WorldState, host: string): void {
  const h = world.hosts[host];
  const hs = hostSan(world, host);
  if (!h || !hs) return;
  const path = bindingsPath(world, host);
  mkdir(world, h, path.slice(0, path.lastIndexOf('/')), '/', true);
  writeFile(world, h, path, bindingsText(hs.bindings));
}

/** The label as read through a map (from its LUN). */
export function mapLabel(world: WorldState, host: string, map: MpMap) {
  const hs = hostSan(world, host)!;
  for (const p of allPaths(map)) {
    const d = hs.disks.find((x) => x.name === p.dev);
    if (d) return diskLabel(world, host, d);
  }
  return null;
}

/** `kpartx -a`: a linear map per partition of the label that fits in the map. Returns the ones added/updated. */
export function kpartxAdd(world: WorldState, host: string, map: MpMap, delim?: string): DmDevice[] {
  const hs = hostSan(world, host)!;
  const parts = kernelPartitions(mapLabel(world, host, map));
  const out: DmDevice[] = [];
  for (const p of parts) {
    const name = partName(map.name, p.num, delim);
    const existing = hs.dm.find((d) => d.name === name);
    if (existing) {
      existing.startSector = p.startSector;
      existing.sectors = p.sectors;
      out.push(existing);
      continue;
    }
    const dev: DmDevice = { name, minor: freeDmMinor(hs), target: 'linear', uuid: `part${p.num}-mpath-${map.wwid}`, parent: map.name, partNum: p.num, startSector: p.startSector, sectors: p.sectors };
    hs.dm.push(dev);
    out.push(dev);
  }
  return out;
}

/** Partition maps stacked on a map. */
export function partitionMaps(hs: HostSan, map: MpMap): DmDevice[] {
  return hs.dm.filter((d) => d.target === 'linear' && d.parent === map.name).sort((a, b) => (a.partNum ?? 0) - (b.partNum ?? 0));
}

/** Removes a map and its partition maps from device-mapper (callers check it is unused). */
export function removeMap(world: WorldState, host: string, name: string): void {
  const hs = hostSan(world, host)!;
  bumpSan(world);
  hs.dm = hs.dm.filter((d) => d.name !== name && d.parent !== name);
  hs.maps = hs.maps.filter((m) => m.name !== name);
}
