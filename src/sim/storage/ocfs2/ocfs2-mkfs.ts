// mkfs.ocfs2's decisions, in its order: the cluster stack to record (check.c), whether the device
// is mounted, busy or in use in the cluster, then the layout (fill_defaults), then writing the
// volume. Text comes from render/mkfs-ocfs2.ts; this module returns facts and changes the world.
import { nextHex } from '../../../lib/rng';
import { findLun } from '../san/san';
import {
  backupSupers, chainCpg, clusterGroups, datafilesClusterSize, defaultBlockSize, defaultClusterSize, defaultFeatures,
  defaultSlots, extentAllocClusters, journalBlocks, log2, sortFeatures, type ClusterGroups, type FeatureLevel,
} from './ocfs2-geometry';
import { placeVolume, volumeFsId, volumeOnDevice } from './ocfs2-volumes';
import { clusterOnline, o2cbNode, toolsVersion } from './o2cb';
import { deviceHeldByMultipath, hostsMounting } from './mounts';
import type { BlockDevice } from '../san/block-devices';
import type { HostState, WorldState } from '../../types';
import type { Ocfs2ClusterInfo, Ocfs2FsType, Ocfs2Volume } from './ocfs2-types';

export interface MkfsOptions {
  blockSize?: number;
  clusterSize?: number;
  label?: string;
  slots?: number;
  fsType: Ocfs2FsType | null;
  level: FeatureLevel;
  featuresOn: string[];
  featuresOff: string[];
  mount: 'local' | 'cluster' | null;
  uuid?: string;
  journalBytes?: number;
  force: boolean;
  dryRun: boolean;
  quiet: boolean;
  xtool: boolean;
  noBackupSuper: boolean;
  hbDev: boolean;
  clusterStack?: string;
  clusterName?: string;
  globalHeartbeat: boolean;
  blocksCount?: number;
}

export interface MkfsPlan {
  v14: boolean;
  label: string;
  fsType: Ocfs2FsType | null;
  features: string[];
  blockSize: number;
  blockBits: number;
  clusterSize: number;
  clusterBits: number;
  volumeBytes: number;
  clusters: number;
  blocks: number;
  groups: ClusterGroups;
  chainCpg: number;
  extentAllocClusters: number;
  journalBytes: number;
  slots: number;
  backups: number;
  noBackupSuper: boolean;
  hbDev: boolean;
  local: boolean;
  clusterInfo: Ocfs2ClusterInfo | null;
}

/** The cluster information mkfs records: user's, else the running cluster's (global hb), else the disk's. */
export function pickClusterInfo(world: WorldState, host: HostState, dev: BlockDevice | null, o: MkfsOptions): { ok: true; info: Ocfs2ClusterInfo | null } | { ok: false; stderr: string } {
  if (host.release === 'ovm22' || o.mount === 'local') return { ok: true, info: null };
  const running = o2cbNode(world, host.name).running;
  const runningInfo = running && clusterOnline(world, host.name) && running.heartbeatMode === 'global' ? { stack: 'o2cb', name: running.name, globalHeartbeat: true } : null;
  const disk = dev ? volumeOnDevice(world, dev)?.clusterInfo ?? null : null;
  if (o.clusterName || o.clusterStack) {
    if (runningInfo && o.clusterName && o.clusterName !== runningInfo.name) {
      if (!o.force) return { ok: false, stderr: `cluster name "${o.clusterName}" was requested, but "${runningInfo.name}" is running.\nTo skip this check, use --force or -F\n` };
    }
    return { ok: true, info: { stack: o.clusterStack ?? 'o2cb', name: o.clusterName ?? runningInfo?.name ?? '', globalHeartbeat: o.globalHeartbeat || !!runningInfo } };
  }
  if (runningInfo && disk && disk.name !== runningInfo.name && dev) {
    if (!o.force) return { ok: false, stderr: `${dev.path} is configured to use cluster name "${disk.name}", but "${runningInfo.name}" is currently running.\nmkfs.ocfs2 will not be able to determine if the filesystem is in use.\nTo skip this check, use --force or -F\n` };
  }
  return { ok: true, info: runningInfo ?? disk };
}

export type CheckResult =
  | { kind: 'error'; stdout: string; stderr: string }
  /** Fine to go on; `existing` when an OCFS2 volume is being overwritten (mkfs then asks). */
  | { kind: 'ok'; stdout: string; stderr: string; existing: boolean };

/** ocfs2_check_volume after the cluster lines: mounted here, busy, or locked elsewhere in the cluster. */
export function checkVolume(world: WorldState, host: HostState, devPath: string, dev: BlockDevice | null, o: MkfsOptions): CheckResult {
  if (!dev) return { kind: 'ok', stdout: '', stderr: '', existing: false };
  const old = volumeOnDevice(world, dev);
  if (old && host.mounts.some((m) => m.fsId === old.fsId)) {
    if (!o.force) return { kind: 'error', stdout: '', stderr: `${devPath} is mounted; will not make a ocfs2 volume here!\n` };
    return { kind: 'ok', stdout: '', stderr: `${devPath} is mounted; overwriting anyway. Hope /etc/mtab is incorrect.\n`, existing: true };
  }
  const held = deviceHeldByMultipath(world, host.name, dev) || (dev.kind === 'mpath' && hasPartitionMaps(world, host.name, dev));
  if (held) {
    if (!o.force) return { kind: 'error', stdout: '', stderr: `${devPath} is apparently in use by the system; will not make a ocfs2 volume here!\n` };
    return { kind: 'ok', stdout: '', stderr: `${devPath} is apparently in use by the system; format forced anyway.\n`, existing: !!old };
  }
  if (!old) return { kind: 'ok', stdout: '', stderr: '', existing: false };
  const stdout = 'Overwriting existing ocfs2 partition.\n';
  if (old.local) return { kind: 'ok', stdout, stderr: '', existing: true };
  if (o.force) return { kind: 'ok', stdout, stderr: 'WARNING: Cluster check disabled.\n', existing: true };
  const n = o2cbNode(world, host.name);
  if (!n.loaded) return { kind: 'error', stdout, stderr: 'mkfs.ocfs2: Unable to access cluster service while initializing the cluster\n' };
  if (!clusterOnline(world, host.name)) {
    return {
      kind: 'error',
      stdout,
      stderr:
        'mkfs.ocfs2: Unable to access cluster service while initializing the dlm\n' +
        'As this is an existing OCFS2 volume, it could be mounted on an another node in the cluster.\n' +
        'However, as mkfs.ocfs2 is unable to initialize the dlm, it cannot detect if the volume is in use or not.\n' +
        'To skip this check, use --force or -F.\n',
    };
  }
  if (hostsMounting(world, old).length) {
    return { kind: 'error', stdout, stderr: 'mkfs.ocfs2: Trylock failed while locking the cluster\nThis volume appears to be in use in the cluster.\n' };
  }
  return { kind: 'ok', stdout, stderr: '', existing: true };
}

function hasPartitionMaps(world: WorldState, host: string, dev: BlockDevice): boolean {
  const hs = world.san?.hosts[host];
  return !!hs?.dm.some((d) => d.target === 'linear' && d.parent === dev.mapName);
}

/** fill_defaults: the layout for this device, or the error mkfs stops with. */
export function planVolume(host: HostState, deviceBytes: number, o: MkfsOptions, clusterInfo: Ocfs2ClusterInfo | null): { ok: true; plan: MkfsPlan } | { ok: false; stderr: string } {
  const v14 = host.release === 'ovm22';
  const version = toolsVersion(host);
  const bsForSize = o.blockSize ?? 4096;
  let blocks = Math.floor(deviceBytes / bsForSize);
  if (o.blocksCount !== undefined) {
    if (o.blocksCount > blocks) return { ok: false, stderr: `mkfs.ocfs2: ${o.blocksCount} blocks were specified and this is greater than the ${blocks} blocks that make up the device.\n\n` };
    blocks = o.blocksCount;
  }
  let bytes = blocks * bsForSize;
  const blockSize = o.blockSize ?? defaultBlockSize(bytes);
  if (!o.blockSize && o.blocksCount === undefined) bytes = Math.floor(deviceBytes / blockSize) * blockSize;
  let clusterSize = o.clusterSize;
  if (!clusterSize) {
    if (o.fsType === 'datafiles' || o.fsType === 'vmstore') {
      const cs = datafilesClusterSize(bytes);
      if (!cs) return { ok: false, stderr: 'mkfs.ocfs2: Selected file system type requires a device of at least 2 gigabytes\n\n' };
      clusterSize = cs;
    } else clusterSize = defaultClusterSize(bytes);
  }
  const clusters = Math.floor(bytes / clusterSize);
  const volumeBytes = clusters * clusterSize;
  const volBlocks = volumeBytes / blockSize;
  const features = new Set(defaultFeatures(version, o.level, o.fsType));
  for (const f of o.featuresOn) features.add(f);
  for (const f of o.featuresOff) features.delete(f);
  const local = o.mount === 'local' || (o.mount === null && features.has('local'));
  if (local) features.add('local');
  else features.delete('local');
  if (o.noBackupSuper) features.delete('backup-super');
  if (clusterInfo && !v14) features.add('clusterinfo');
  const slots = o.hbDev ? 0 : o.slots ?? defaultSlots(volumeBytes, local);
  if (volBlocks < 2048 && !o.hbDev) return { ok: false, stderr: 'Filesystem too small for a journal\n' };
  let journalBytes = 0;
  if (!o.hbDev) {
    if (o.journalBytes) {
      if ((o.journalBytes / blockSize) * slots + 1024 > volBlocks) return { ok: false, stderr: 'Journal size too big for filesystem.\n' };
      journalBytes = Math.ceil(o.journalBytes / clusterSize) * clusterSize;
    } else journalBytes = Math.ceil((journalBlocks(o.fsType, volBlocks, blockSize) * blockSize) / clusterSize) * clusterSize;
  }
  const ext = v14 ? 0 : extentAllocClusters(o.fsType, slots, blockSize, clusterSize, volumeBytes);
  return {
    ok: true,
    plan: {
      v14,
      label: o.label ?? '',
      fsType: o.fsType,
      features: sortFeatures(features),
      blockSize,
      blockBits: log2(blockSize),
      clusterSize,
      clusterBits: log2(clusterSize),
      volumeBytes,
      clusters,
      blocks: volBlocks,
      groups: clusterGroups(clusters, blockSize),
      chainCpg: chainCpg(blockSize, clusterSize),
      extentAllocClusters: ext,
      journalBytes,
      slots,
      backups: o.noBackupSuper || !features.has('backup-super') ? 0 : backupSupers(volumeBytes),
      noBackupSuper: o.noBackupSuper || !features.has('backup-super'),
      hbDev: o.hbDev,
      local,
      clusterInfo: local ? null : clusterInfo,
    },
  };
}

/** A fresh volume uuid from the world's generator (mkfs uses uuid_generate). */
export function newVolumeUuid(world: WorldState): string {
  return nextHex(world.rng, 32).toUpperCase();
}

/** Writes the planned volume onto the device's medium. A whole-disk format wipes the partition table. */
export function formatVolume(world: WorldState, host: HostState, dev: BlockDevice, plan: MkfsPlan, uuid: string): Ocfs2Volume {
  const vol: Ocfs2Volume = {
    uuid,
    label: plan.label,
    mediumKey: dev.mediumKey,
    startSector: dev.startSector,
    blockSize: plan.blockSize,
    clusterSize: plan.clusterSize,
    clusters: plan.clusters,
    slots: plan.slots,
    journalClusters: plan.journalBytes / plan.clusterSize,
    extentAllocClusters: plan.extentAllocClusters,
    features: plan.features,
    fsType: plan.fsType,
    clusterInfo: plan.clusterInfo,
    local: plan.local,
    toolsVersion: toolsVersion(host),
    slotMap: Array.from({ length: plan.slots }, () => null),
    fsId: volumeFsId(uuid),
    formattedAtMs: world.clockMs,
  };
  placeVolume(world, vol);
  if (dev.startSector === 0 && dev.lun) {
    const lun = findLun(world, dev.lun);
    // clear_both_ends zeroes the first megabyte: the DOS label goes with it.
    if (lun) lun.label = null;
  }
  return vol;
}
