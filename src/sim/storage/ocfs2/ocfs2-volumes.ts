// OCFS2 volumes in the world: where each one lives, which device of a host shows it, formatting
// (replacing what was on the medium), growing, slot map, and the space its files use.
// The on-disk truth is shared: a volume is found by its medium and start sector, on any host.
import { newDir, nodeSize } from '../../vfs';
import { listBlockDevices, resolveBlockDevice, type BlockDevice } from '../san/block-devices';
import { overheadClusters } from './ocfs2-geometry';
import type { FsNode, WorldState } from '../../types';
import type { Ocfs2State, Ocfs2Volume } from './ocfs2-types';

export function ocfs2State(world: WorldState): Ocfs2State {
  return (world.ocfs2 ??= { volumes: {}, nodes: {} });
}

export const volumeFsId = (uuid: string): string => `ocfs2:${uuid.toLowerCase()}`;

/** All volumes, in uuid order (deterministic). */
export function allVolumes(world: WorldState): Ocfs2Volume[] {
  const vols = Object.values(world.ocfs2?.volumes ?? {});
  return vols.sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
}

export function volumeByUuid(world: WorldState, uuid: string): Ocfs2Volume | undefined {
  return world.ocfs2?.volumes[uuid.toUpperCase()];
}

/** The volume whose superblock sits at the start of this device, if any. */
export function volumeOnDevice(world: WorldState, dev: Pick<BlockDevice, 'mediumKey' | 'startSector'>): Ocfs2Volume | undefined {
  return allVolumes(world).find((v) => v.mediumKey === dev.mediumKey && v.startSector === dev.startSector);
}

/** Resolves a device path on a host and the volume on it. */
export function volumeAtPath(world: WorldState, host: string, path: string, cwd = '/'): { dev: BlockDevice | null; vol: Ocfs2Volume | undefined } {
  const dev = resolveBlockDevice(world, host, path, cwd);
  return { dev, vol: dev ? volumeOnDevice(world, dev) : undefined };
}

/** Devices of a host that show a volume (path devices and maps alike), in /proc/partitions order. */
export function devicesWithVolumes(world: WorldState, host: string): Array<{ dev: BlockDevice; vol: Ocfs2Volume }> {
  const out: Array<{ dev: BlockDevice; vol: Ocfs2Volume }> = [];
  for (const dev of listBlockDevices(world, host)) {
    if (!dev.visible || dev.sizeBytes <= 1024 * 1024) continue;
    const vol = volumeOnDevice(world, dev);
    if (vol) out.push({ dev, vol });
  }
  return out;
}

/** Size of the file system in bytes (clusters × cluster size). */
export const volumeBytes = (v: Ocfs2Volume): number => v.clusters * v.clusterSize;

/**
 * Writes a new volume onto a medium: whatever volume overlapped that range is gone (its tree
 * too), exactly as a real mkfs destroys the old superblock and data.
 */
export function placeVolume(world: WorldState, vol: Ocfs2Volume): void {
  const st = ocfs2State(world);
  const endSector = vol.startSector + (vol.clusters * vol.clusterSize) / 512;
  for (const old of Object.values(st.volumes)) {
    if (old.mediumKey !== vol.mediumKey) continue;
    const oldEnd = old.startSector + (old.clusters * old.clusterSize) / 512;
    if (old.startSector < endSector && vol.startSector < oldEnd) {
      delete st.volumes[old.uuid];
      delete world.filesystems[old.fsId];
    }
  }
  st.volumes[vol.uuid] = vol;
  // A fresh OCFS2 root holds lost+found only (mkfs's last step).
  const root = newDir(world.clockMs);
  root.children['lost+found'] = newDir(world.clockMs);
  world.filesystems[vol.fsId] = root;
}

/** Takes the first free slot for `host`; returns the slot number, or null when all are taken. */
export function takeSlot(v: Ocfs2Volume, host: string): number | null {
  const mine = v.slotMap.indexOf(host);
  if (mine >= 0) return mine;
  const free = v.slotMap.indexOf(null);
  if (free < 0) return null;
  v.slotMap[free] = host;
  return free;
}

export function releaseSlot(v: Ocfs2Volume, host: string): void {
  v.slotMap = v.slotMap.map((h) => (h === host ? null : h));
}

/** Resizes the slot map after tunefs -N (slots above the new count must be free). */
export function setSlotCount(v: Ocfs2Volume, slots: number): void {
  const map = v.slotMap.slice(0, slots);
  while (map.length < slots) map.push(null);
  v.slotMap = map;
  v.slots = slots;
}

/** Bytes a directory tree occupies, each file rounded up to whole clusters (inline dirs cost nothing). */
export function treeClusters(node: FsNode | undefined, clusterSize: number, depth = 0): number {
  if (!node || depth > 64) return 0;
  if (node.type === 'file') return Math.ceil(nodeSize(node) / clusterSize);
  if (node.type === 'link') return 0;
  let n = 0;
  for (const child of Object.values(node.children)) n += treeClusters(child, clusterSize, depth + 1);
  return n;
}

export interface VolumeUsage {
  totalClusters: number;
  usedClusters: number;
  freeClusters: number;
}

/** What statfs reports for the volume: the same on every node (it reads the shared bitmap). */
export function volumeUsage(world: WorldState, v: Ocfs2Volume): VolumeUsage {
  const used = Math.min(v.clusters, overheadClusters(v) + treeClusters(world.filesystems[v.fsId], v.clusterSize));
  return { totalClusters: v.clusters, usedClusters: used, freeClusters: v.clusters - used };
}
