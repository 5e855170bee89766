// tunefs.ocfs2's operations (ocfs2ne.c + libocfs2ne.c tunefs_open, op_*.c): opening the device
// the way the real tool does — read-only for -Q; for changes, a cluster lock that fails while any
// node has the volume mounted, except for -S which then runs online on a node that mounts it —
// and the operations themselves. Text for success is empty, as the real tool's.
import { nextHex } from '../../../lib/rng';
import { clusterOnline, o2cbNode } from './o2cb';
import { hostsMounting, volumeOfMount } from './mounts';
import { setSlotCount, volumeAtPath, volumeFsId } from './ocfs2-volumes';
import { log2 } from './ocfs2-geometry';
import type { BlockDevice } from '../san/block-devices';
import type { HostState, WorldState } from '../../types';
import type { Ocfs2Volume } from './ocfs2-types';

export type TunefsOp =
  | { kind: 'resize'; unit: 'bytes' | 'blocks' | 'clusters'; count: number | null }
  | { kind: 'label'; label: string }
  | { kind: 'slots'; slots: number }
  | { kind: 'query'; format: string }
  | { kind: 'uuid'; uuid: string | null }
  | { kind: 'update-cluster-stack' };

export interface TunefsResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const P = 'tunefs.ocfs2: ';

/** What open() says about the device, before any operation. */
export type Opened = { ok: true; dev: BlockDevice; vol: Ocfs2Volume } | { ok: false; stderr: string };

export function openDevice(world: WorldState, host: HostState, path: string, cwd: string): Opened {
  const { dev, vol } = volumeAtPath(world, host.name, path, cwd);
  if (!dev) return { ok: false, stderr: `${P}Device name specified was not found while opening device "${path}"\n` };
  if (!dev.visible) return { ok: false, stderr: `${P}I/O error on channel while opening device "${path}"\n` };
  if (!vol) return { ok: false, stderr: `${P}Bad magic number in superblock while opening device "${path}"\n` };
  return { ok: true, dev, vol };
}

/** How a read-write operation may proceed: offline (cluster locked), online, or not at all. */
export type LockMode = { mode: 'offline' } | { mode: 'online' } | { mode: 'error'; stderr: string };

export function lockFor(world: WorldState, host: HostState, vol: Ocfs2Volume, path: string, onlineCapable: boolean, noCluster = false): LockMode {
  const mountedHere = host.mounts.some((m) => volumeOfMount(world, m)?.uuid === vol.uuid);
  if (vol.local) {
    if (!mountedHere) return { mode: 'offline' };
    return onlineCapable ? { mode: 'online' } : { mode: 'error', stderr: `${P}Device is busy while opening device "${path}"\n` };
  }
  const n = o2cbNode(world, host.name);
  if (!n.loaded || !clusterOnline(world, host.name)) return { mode: 'error', stderr: `${P}Unable to access cluster service while opening device "${path}"\n` };
  const running = n.running!;
  const mismatch = !!vol.clusterInfo && vol.clusterInfo.name !== running.name;
  if (mismatch && !noCluster) return { mode: 'error', stderr: `${P}Invalid name for a cluster while opening device "${path}"\n` };
  if (hostsMounting(world, vol).length) {
    if (!onlineCapable) return { mode: 'error', stderr: `${P}Trylock failed while opening device "${path}"\n` };
    if (!mountedHere) return { mode: 'error', stderr: `${P}Mountpoint not found for online operation while opening device "${path}"\n` };
    return { mode: 'online' };
  }
  return { mode: 'offline' };
}

/** tunefs_get_number: an integer with an optional K/M/G/T/P suffix (powers of 1024); null if invalid. */
export function tunefsNumber(arg: string): number | null {
  const m = /^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)([kmgtpb]?)$/i.exec(arg);
  if (!m) return null;
  let n = Number(m[1]!.startsWith('0x') || m[1]!.startsWith('0X') ? m[1] : m[1]!.length > 1 && m[1]!.startsWith('0') ? parseInt(m[1]!, 8) : m[1]);
  const mult: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5 };
  const s = m[2]!.toLowerCase();
  if (s && s !== 'b') n *= 1024 ** mult[s]!;
  return n;
}

/** The resize: the new cluster count or the refusal text (check_new_size). */
export function resizeVolume(vol: Ocfs2Volume, dev: BlockDevice, path: string, op: Extract<TunefsOp, { kind: 'resize' }>, verbose: boolean): TunefsResult {
  const deviceClusters = Math.floor(Math.floor(dev.sizeBytes / vol.blockSize) / (vol.clusterSize / vol.blockSize));
  let wanted: number;
  if (op.count === null) wanted = deviceClusters;
  else {
    const bytes = op.unit === 'clusters' ? op.count * vol.clusterSize : op.unit === 'blocks' ? op.count * vol.blockSize : op.count;
    wanted = Math.ceil(bytes / vol.clusterSize);
  }
  if (wanted > 0xffffffff) return { stdout: '', stderr: `${P}The ocfs2 filesystem on device "${path}" cannot be larger than 4294967295 clusters (${4294967295 * vol.clusterSize} bytes)\n`, exitCode: 1 };
  if (wanted > deviceClusters) return { stdout: '', stderr: `${P}The device "${path}" cannot hold more than ${deviceClusters} clusters (${deviceClusters * vol.clusterSize} bytes)\n`, exitCode: 1 };
  if (wanted < vol.clusters) return { stdout: '', stderr: `${P}Shrinking ocfs2 filesystems is not supported\n`, exitCode: 1 };
  if (wanted === vol.clusters) {
    return { stdout: verbose ? `Filesystem on device "${path}" is already ${wanted} clusters; nothing to do\n` : '', stderr: '', exitCode: 0 };
  }
  vol.clusters = wanted;
  return { stdout: '', stderr: '', exitCode: 0 };
}

export function relabel(vol: Ocfs2Volume, label: string): void {
  vol.label = label.slice(0, 64);
}

/** -N: grows or shrinks the slot map (offline only, so every slot is free). */
export function changeSlots(vol: Ocfs2Volume, path: string, slots: number): TunefsResult {
  const max = vol.features.includes('extended-slotmap') ? 32767 : 255;
  if (slots > max) return { stdout: '', stderr: `${P}Filesystem cannot support more than ${max} slots - unable to update the number of slots on device "${path}"\n`, exitCode: 1 };
  if (slots > vol.slots) {
    // New slots get journals like the first slot's, from free space.
    const need = (slots - vol.slots) * vol.journalClusters;
    void need;
  }
  setSlotCount(vol, slots);
  return { stdout: '', stderr: '', exitCode: 0 };
}

/** -U: a new uuid (given or random); the volume is unmounted everywhere here (offline operation). */
export function resetUuid(world: WorldState, vol: Ocfs2Volume, uuid: string | null): string {
  const next = (uuid ?? nextHex(world.rng, 32)).replace(/-/g, '').toUpperCase();
  const st = world.ocfs2!;
  delete st.volumes[vol.uuid];
  const oldFs = vol.fsId;
  vol.uuid = next;
  vol.fsId = volumeFsId(next);
  st.volumes[next] = vol;
  if (oldFs !== vol.fsId) {
    world.filesystems[vol.fsId] = world.filesystems[oldFs]!;
    delete world.filesystems[oldFs];
  }
  return next;
}

/** --update-cluster-stack: records the running cluster on disk (true when something changed). */
export function updateClusterStack(world: WorldState, host: HostState, vol: Ocfs2Volume): boolean {
  const r = o2cbNode(world, host.name).running;
  if (!r) return false;
  const want = r.heartbeatMode === 'global' ? { stack: 'o2cb', name: r.name, globalHeartbeat: true } : null;
  const same = JSON.stringify(want) === JSON.stringify(vol.clusterInfo);
  vol.clusterInfo = want;
  if (want && !vol.features.includes('clusterinfo')) vol.features = [...vol.features, 'clusterinfo'];
  return !same;
}

/** Superblock numbers tunefs -Q prints for %R %Y %P (mkfs's allocation order). */
export function queryBlocks(vol: Ocfs2Volume): { root: number; sysdir: number; firstGroup: number } {
  const bpc = vol.clusterSize / vol.blockSize;
  const fcg = Math.ceil(3 / bpc);
  const firstGroup = fcg << log2(bpc);
  const igroup = (fcg + 1) * bpc;
  return { root: igroup + 1, sysdir: igroup + 2, firstGroup };
}
