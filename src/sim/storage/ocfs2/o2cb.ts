// Each host's O2CB cluster stack: loading the drivers, bringing the cluster online from
// cluster.conf + /etc/sysconfig/o2cb, global heartbeat regions, and who is alive in the cluster.
// The init-script wording lives in render/o2cb.ts; this module only changes and answers state.
import { readFile } from '../../vfs';
import { ocfs2State } from './ocfs2-volumes';
import { listBlockDevices, type BlockDevice } from '../san/block-devices';
import { parseClusterConf, parseSysconfig } from './o2cb-config';
import type { HostState, WorldState } from '../../types';
import type { O2cbNode, O2cbRunning } from './ocfs2-types';

export const CLUSTER_CONF = '/etc/ocfs2/cluster.conf';
export const O2CB_SYSCONFIG = '/etc/sysconfig/o2cb';

/** ocfs2-tools version per release (reference §0). */
export const toolsVersion = (host: HostState): string => (host.release === 'ovm22' ? '1.4.4' : '1.8.6');

/** A host's O2CB state; hosts nobody configured yet read as unloaded. Never mutates. */
export function o2cbNode(world: WorldState, host: string): O2cbNode {
  return world.ocfs2?.nodes[host] ?? { loaded: false, running: null, activeRegions: [] };
}

function nodeForWrite(world: WorldState, host: string): O2cbNode {
  const st = ocfs2State(world);
  return (st.nodes[host] ??= { loaded: false, running: null, activeRegions: [] });
}

/** The cluster is up on this host and the host itself is up. */
export function clusterOnline(world: WorldState, host: string): boolean {
  const h = world.hosts[host];
  return !!h && !h.down && o2cbNode(world, host).running !== null;
}

/** This node's number in its running cluster, or null. */
export function localNodeNumber(world: WorldState, host: string): number | null {
  const r = o2cbNode(world, host).running;
  return r?.nodes.find((n) => n.name === host)?.number ?? null;
}

export type O2cbError =
  | { kind: 'no-config' }
  | { kind: 'bad-config' }
  | { kind: 'no-cluster'; name: string }
  | { kind: 'not-loaded' }
  | { kind: 'not-in-cluster'; name: string };

/** Reads the configuration `online` would use, without changing anything. */
export function readClusterConfig(world: WorldState, host: HostState, clusterName?: string): { ok: true; running: O2cbRunning } | { ok: false; error: O2cbError } {
  const sys = readFile(world, host, O2CB_SYSCONFIG);
  const cfg = parseSysconfig(sys.ok ? sys.value : '', host.release);
  const name = clusterName ?? cfg.bootCluster;
  const text = readFile(world, host, CLUSTER_CONF);
  if (!text.ok) return { ok: false, error: { kind: 'no-config' } };
  const conf = parseClusterConf(text.value);
  if (!conf) return { ok: false, error: { kind: 'bad-config' } };
  const cl = conf.clusters.find((c) => c.name === name);
  if (!name || !cl) return { ok: false, error: { kind: 'no-cluster', name } };
  const nodes = conf.nodes.filter((n) => n.cluster === name).map((n) => ({ number: n.number, name: n.name, ip: n.ip, port: n.port }));
  if (!nodes.some((n) => n.name === host.name)) return { ok: false, error: { kind: 'not-in-cluster', name } };
  return {
    ok: true,
    running: {
      name,
      heartbeatMode: host.release === 'ovm22' ? 'local' : cl.heartbeatMode,
      nodes: nodes.sort((a, b) => a.number - b.number),
      regions: conf.heartbeats.filter((h) => h.cluster === name).map((h) => h.region),
      deadThreshold: cfg.deadThreshold,
      idleTimeoutMs: cfg.idleTimeoutMs,
      keepaliveDelayMs: cfg.keepaliveDelayMs,
      reconnectDelayMs: cfg.reconnectDelayMs,
    },
  };
}

export function loadStack(world: WorldState, host: string): boolean {
  const n = nodeForWrite(world, host);
  const was = n.loaded;
  n.loaded = true;
  return !was;
}

/** Unloads the drivers; refused while a cluster is online. */
export function unloadStack(world: WorldState, host: string): boolean {
  const n = nodeForWrite(world, host);
  if (n.running) return false;
  n.loaded = false;
  return true;
}

export function setOnline(world: WorldState, host: string, running: O2cbRunning): void {
  const n = nodeForWrite(world, host);
  n.loaded = true;
  n.running = running;
}

/** Device that carries a global heartbeat region on this host, if it can see one. */
export function regionDevice(world: WorldState, host: string, region: string, devices?: readonly BlockDevice[]): string | null {
  const vol = world.ocfs2?.volumes[region.toUpperCase()];
  if (!vol) return null;
  const hits = (devices ?? listBlockDevices(world, host)).filter((d) => d.visible && d.mediumKey === vol.mediumKey && d.startSector === vol.startSector);
  // o2hb heartbeats on the multipath map when there is one, not on a single path.
  const hit = hits.find((d) => d.kind === 'mpath' || d.kind === 'mpath-part') ?? hits[0];
  // o2cb names the device by its kernel name (`/dev/dm-1`), as the status output shows.
  return hit ? `/dev/${hit.kname}` : null;
}

/** Starts global heartbeat on every configured region this host can see; returns the missing ones. */
export function startHeartbeat(world: WorldState, host: string): string[] {
  const n = nodeForWrite(world, host);
  if (!n.running || n.running.heartbeatMode !== 'global') return [];
  const missing: string[] = [];
  n.activeRegions = [];
  for (const r of n.running.regions) {
    if (regionDevice(world, host, r)) n.activeRegions.push(r);
    else missing.push(r);
  }
  return missing;
}

/** True when heartbeat is active on this node (global regions, or a mounted volume in local mode). */
export function heartbeatActive(world: WorldState, host: string): boolean {
  const n = o2cbNode(world, host);
  if (!n.running) return false;
  if (n.running.heartbeatMode === 'global') return n.activeRegions.length > 0;
  return (world.hosts[host]?.mounts ?? []).some((m) => m.fsType === 'ocfs2');
}

/** Stops heartbeat and takes the cluster offline; refused (false) while volumes are mounted. */
export function setOffline(world: WorldState, host: string): boolean {
  const h = world.hosts[host];
  if (h?.mounts.some((m) => m.fsType === 'ocfs2')) return false;
  const n = nodeForWrite(world, host);
  n.running = null;
  n.activeRegions = [];
  return true;
}

/** Node numbers alive in this host's cluster: online, heartbeating, up (o2hb livenodes). */
export function liveNodes(world: WorldState, host: string): number[] {
  const mine = o2cbNode(world, host).running;
  if (!mine || !heartbeatActive(world, host)) return [];
  const out: number[] = [];
  for (const n of mine.nodes) {
    const other = o2cbNode(world, n.name).running;
    if (other && other.name === mine.name && clusterOnline(world, n.name) && heartbeatActive(world, n.name)) out.push(n.number);
  }
  return out.sort((a, b) => a - b);
}
