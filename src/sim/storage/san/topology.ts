// Builds the topology rows that `multipath -ll`/`-l` and `multipathd show topology` print:
// -ll runs the path checkers and prio callouts now, -l runs none (undef, prio 0), the daemon
// shows what its checker last saw. Formatting is sim/render/multipath-topology.ts.
import { pathWidths, renderTopology, type ColumnWidths, type TopoGroup, type TopoMap, type TopoPath } from '../../render/multipath-topology';
import type { WorldState } from '../../types';
import type { MultipathConfig } from '../multipath/multipath-conf';
import { diskBlacklisted, pathPrio } from '../multipath/multipath-policy';
import { findPath } from '../multipath/maps';
import { hostSan, lunOfDisk, reachability } from './san';
import type { MpMap, MpPath, ScsiDisk } from '../types';

export type TopoMode = 'll' | 'l' | 'daemon';

function pathRow(d: ScsiDisk, dm: string, chk: string): TopoPath {
  return { hcil: `${d.host}:${d.channel}:${d.target}:${d.lun}`, dev: d.name, devT: `${d.major}:${d.minor}`, dm, chk, devState: d.state };
}

/** The features string the kernel reports: queue_if_no_path only while queueing. */
export function kernelFeatures(m: MpMap): string {
  if (m.queueing) return m.policy.features;
  const w = m.policy.features.trim().split(/\s+/).slice(1).filter((x) => x !== 'queue_if_no_path');
  return [String(w.length), ...w].join(' ');
}

export interface TopoOptions {
  mode: TopoMode;
  /** Prefix line 1 (`create: `) and show undef kernel states, for maps being created. */
  action?: string;
  undefKernel?: boolean;
}

/** Topology rows for maps, and the column widths over every path the tool knows. */
export function topoMaps(world: WorldState, host: string, cfg: MultipathConfig, maps: readonly MpMap[], opts: TopoOptions): { maps: TopoMap[]; widths: ColumnWidths } {
  const hs = hostSan(world, host)!;
  const release = world.hosts[host]?.release;
  const reach = reachability(world, host);
  const disks = new Map<string, ScsiDisk>();
  const up = new Map<string, boolean>();
  for (const d of hs.disks) {
    disks.set(d.name, d);
    up.set(d.name, d.state === 'running' && reach(d));
  }
  const mapPaths = new Map<string, MpPath>();
  for (const m of hs.maps) for (const g of m.groups) for (const p of g.paths) mapPaths.set(p.dev, p);
  const live = (d: ScsiDisk) => up.get(d.name) === true;
  const owner = (d: ScsiDisk) => d.to.kind === 'san' && lunOfDisk(world, d)?.lun.owner === d.to.sp;
  const chkOf = (d: ScsiDisk, p: MpPath | undefined) => (opts.mode === 'l' ? 'undef' : opts.mode === 'll' ? (live(d) ? 'ready' : 'faulty') : (p?.chk ?? 'undef'));
  const rows: TopoMap[] = [];
  for (const m of maps) {
    const anyActive = m.groups.some((g) => g.paths.some((p) => p.dm === 'active'));
    const groups = m.groups.map((g, gi): TopoGroup => {
      const paths: TopoPath[] = [];
      let sum = 0;
      let n = 0;
      for (const p of g.paths) {
        const d = disks.get(p.dev);
        if (!d) continue;
        const chk = chkOf(d, p);
        paths.push(pathRow(d, opts.undefKernel ? 'undef' : p.dm, chk));
        if (chk !== 'faulty') {
          sum += opts.mode === 'll' ? pathPrio(m.policy.prio, owner(d)) : p.prio;
          n++;
        }
      }
      // 0.4.9 averages the group's usable paths; RHEL5's 0.4.7 adds them up.
      const prio = opts.mode === 'l' ? 0 : release === 'ovm22' ? sum : n ? Math.floor(sum / n) : 0;
      const status = opts.undefKernel ? 'undef' : anyActive && gi === m.activeGroup ? 'active' : 'enabled';
      return { selector: m.policy.selector, prio, status, paths };
    });
    rows.push({
      action: opts.action ?? '',
      name: m.name,
      wwid: m.wwid,
      dm: opts.undefKernel ? 'undef' : `dm-${m.dmMinor}`,
      vendor: m.vendor,
      product: m.product,
      sizeBytes: m.sizeBytes,
      features: kernelFeatures(m),
      hwhandler: m.policy.hwhandler,
      wp: opts.undefKernel ? 'undef' : 'rw',
      groups,
    });
  }
  // Widths count every path the tool knows (not blacklisted), printed or not.
  const known: TopoPath[] = [];
  for (const d of hs.disks) {
    if (diskBlacklisted(cfg, d)) continue;
    const p = mapPaths.get(d.name);
    known.push(pathRow(d, opts.undefKernel ? 'undef' : (p?.dm ?? 'undef'), chkOf(d, p)));
  }
  for (const r of rows) for (const g of r.groups) for (const p of g.paths) known.push(p);
  return { maps: rows, widths: pathWidths(known, release === 'ovm22' ? 'bracket' : 'tree') };
}

/** The whole text for these maps in the host's release style. */
export function topologyText(world: WorldState, host: string, cfg: MultipathConfig, maps: readonly MpMap[], opts: TopoOptions, bold = false): string {
  const { maps: rows, widths } = topoMaps(world, host, cfg, maps, opts);
  return renderTopology(rows, widths, world.hosts[host]?.release === 'ovm22' ? 'bracket' : 'tree', bold);
}

/** Maps of the host matching a `multipath -ll ARG` argument (map name, WWID, sdX, maj:min, /dev path). */
export function selectMaps(world: WorldState, host: string, arg: string | undefined): MpMap[] {
  const hs = hostSan(world, host);
  if (!hs) return [];
  const maps = [...hs.maps].sort((a, b) => a.dmMinor - b.dmMinor);
  if (!arg) return maps;
  const key = arg.replace(/^\/dev\/(mapper|mpath)\//, '').replace(/^\/dev\//, '');
  const dm = /^dm-(\d+)$/.exec(key);
  if (dm) return maps.filter((m) => m.dmMinor === Number(dm[1]));
  const disk = hs.disks.find((d) => d.name === key || `${d.major}:${d.minor}` === key);
  if (disk) return maps.filter((m) => findPath(m, disk.name));
  return maps.filter((m) => m.name === key || m.wwid === key);
}
