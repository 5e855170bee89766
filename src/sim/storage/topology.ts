// Builds the topology rows that `multipath -ll`/`-l` and `multipathd show topology` print:
// -ll runs the path checkers and prio callouts now, -l runs none (undef, prio 0), the daemon
// shows what its checker last saw. Formatting is sim/render/multipath-topology.ts.
import { pathWidths, renderTopology, type ColumnWidths, type TopoMap, type TopoPath } from '../render/multipath-topology';
import type { WorldState } from '../types';
import type { MultipathConfig } from './multipath-conf';
import { pathPrio } from './multipath-policy';
import { candidatePaths, findPath, type PathView } from './maps';
import { hostSan } from './san';
import type { MpMap, ScsiDisk } from './types';

export type TopoMode = 'll' | 'l' | 'daemon';

function pathRow(d: ScsiDisk, dm: string, chk: string): TopoPath {
  return { hcil: `${d.host}:${d.channel}:${d.target}:${d.lun}`, dev: d.name, devT: `${d.major}:${d.minor}`, dm, chk, devState: d.state };
}

function liveChk(v: PathView | undefined): string {
  return v?.reachable ? 'ready' : 'faulty';
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
  const views = new Map(candidatePaths(world, host, cfg, false).map((v) => [v.disk.name, v]));
  const rows: TopoMap[] = [];
  for (const m of maps) {
    const anyActive = m.groups.some((g) => g.paths.some((p) => p.dm === 'active'));
    const groups = m.groups.map((g, gi) => {
      const paths: TopoPath[] = [];
      const prios: number[] = [];
      for (const p of g.paths) {
        const d = hs.disks.find((x) => x.name === p.dev);
        if (!d) continue;
        const v = views.get(d.name);
        const chk = opts.mode === 'l' ? 'undef' : opts.mode === 'll' ? liveChk(v) : p.chk;
        const dm = opts.undefKernel ? 'undef' : p.dm;
        paths.push(pathRow(d, dm, chk));
        const prio = opts.mode === 'll' ? pathPrio(m.policy.prio, !!v?.owner) : p.prio;
        if (chk !== 'faulty') prios.push(prio);
      }
      const sum = prios.reduce((s, x) => s + x, 0);
      // 0.4.9 averages the group's usable paths; RHEL5's 0.4.7 adds them up.
      const prio = opts.mode === 'l' ? 0 : release === 'ovm22' ? sum : prios.length ? Math.floor(sum / prios.length) : 0;
      const status = opts.undefKernel ? 'undef' : anyActive && gi === m.activeGroup ? 'active' : 'enabled';
      return { selector: m.policy.selector, prio, status, paths } as const;
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
      groups: groups.map((g) => ({ ...g })),
    });
  }
  const known: TopoPath[] = [];
  for (const v of views.values()) {
    const owner = hs.maps.find((m) => findPath(m, v.disk.name));
    const p = owner ? findPath(owner, v.disk.name)! : undefined;
    const chk = opts.mode === 'l' ? 'undef' : opts.mode === 'll' ? liveChk(v) : (p?.chk ?? 'undef');
    known.push(pathRow(v.disk, opts.undefKernel ? 'undef' : (p?.dm ?? 'undef'), chk));
  }
  for (const r of rows) for (const g of r.groups) known.push(...g.paths);
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
