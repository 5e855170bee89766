// The arithmetic of mkfs.ocfs2 (ocfs2-tools mkfs.c fill_defaults and friends): block and
// cluster size, journal and extent allocator sizes, cluster groups, slots, backup superblocks,
// feature sets per level and per tools version, and what a fresh volume already uses.
import type { Ocfs2FsType, Ocfs2Volume } from './ocfs2-types';

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

/** libocfs2's feature print order (feature_string.c ocfs2_feature_names, 1.8). */
export const FEATURE_ORDER = [
  'heartbeat-device', 'aborted-resize', 'local', 'sparse', 'extended-slotmap', 'aborted-tunefs', 'userspace-stack',
  'backup-super', 'unwritten', 'inline-data', 'strict-journal-super', 'metaecc', 'xattr', 'indexed-dirs',
  'usrquota', 'grpquota', 'refcount', 'discontig-bg', 'clusterinfo', 'append-dio',
] as const;

/** Which superblock field each feature lives in (tunefs -Q %M %H %O). */
export const FEATURE_CLASS: Record<string, 'compat' | 'incompat' | 'ro_compat'> = {
  'backup-super': 'compat',
  'strict-journal-super': 'compat',
  unwritten: 'ro_compat',
  usrquota: 'ro_compat',
  grpquota: 'ro_compat',
};

export const featureClass = (f: string): 'compat' | 'incompat' | 'ro_compat' => FEATURE_CLASS[f] ?? 'incompat';

export function sortFeatures(list: Iterable<string>): string[] {
  const set = new Set(list);
  return FEATURE_ORDER.filter((f) => set.has(f));
}

export type FeatureLevel = 'default' | 'max-compat' | 'max-features';

/** The feature set mkfs picks (reference §6.1): per tools version, level and -T type. */
export function defaultFeatures(toolsVersion: string, level: FeatureLevel, fsType: Ocfs2FsType | null): string[] {
  if (level === 'max-compat') return ['backup-super', 'strict-journal-super'];
  if (toolsVersion.startsWith('1.4')) {
    const base = ['sparse', 'backup-super', 'unwritten', 'inline-data', 'strict-journal-super'];
    return sortFeatures(level === 'max-features' ? [...base, 'extended-slotmap', 'metaecc'] : base);
  }
  const base = ['sparse', 'extended-slotmap', 'backup-super', 'unwritten', 'inline-data', 'strict-journal-super', 'xattr', 'indexed-dirs', 'refcount', 'discontig-bg'];
  if (toolsVersion >= '1.8.6') base.push('append-dio');
  if (level === 'max-features') base.push('metaecc', 'usrquota', 'grpquota');
  void fsType; // 1.8's vmstore default already has refcount; datafiles/mail match the default set
  return sortFeatures(base);
}

/** Node slots by volume size when -N is not given (initial_slots_for_volume). */
export function defaultSlots(bytes: number, local: boolean): number {
  if (local) return 1;
  const g = Math.floor(bytes / GiB);
  return g < 2 ? 2 : g < 10 ? 4 : g < 1024 ? 8 : 16;
}

/** Default block size: 4K for volumes ≥ 1 GiB, smaller ones halve down to 1K; ≤ 3 MiB gets 512. */
export function defaultBlockSize(bytes: number): number {
  if (bytes <= 3 * MiB) return 512;
  let bs = 4096;
  let shift = 30;
  while (bs > 1024) {
    if (bytes >= 2 ** shift) break;
    bs >>= 1;
    shift--;
  }
  return bs;
}

/** Cluster size for -T datafiles/vmstore (cluster_size_datafiles); null below 2 GiB (an error). */
export function datafilesClusterSize(bytes: number): number | null {
  const g = Math.floor(bytes / GiB);
  if (g < 2) return null;
  return (g < 64 ? 128 : g < 96 ? 256 : g < 128 ? 512 : 1024) * 1024;
}

/** Smallest cluster size that keeps the cluster count within 32 bits (cluster_size_default). */
export function defaultClusterSize(bytes: number): number {
  let cs = 4096;
  while (cs < 1024 * 1024 && Math.floor(bytes / cs) > 0xffffffff) cs *= 2;
  return cs;
}

export const log2 = (n: number): number => Math.round(Math.log2(n));

/** Journal blocks per slot (journal_size_* in mkfs.c). */
export function journalBlocks(fsType: Ocfs2FsType | null, volumeBlocks: number, blockSize: number): number {
  switch (fsType) {
    case 'datafiles':
      return 8192;
    case 'mail':
      return volumeBlocks < 262144 ? 16384 : volumeBlocks < 524288 ? 32768 : 65536;
    case 'vmstore':
      return volumeBlocks < 262144 ? 8192 : volumeBlocks < 524288 ? 16384 : 32768;
    default:
      if (volumeBlocks < 32768) return Math.floor((4 * MiB) / blockSize);
      if (volumeBlocks < 262144) return 4096;
      return Math.min(65536, Math.max(16384, Math.floor(volumeBlocks / 160)));
  }
}

/** Clusters per allocator group for chain allocators (ocfs2_clusters_per_group). */
export function chainCpg(blockSize: number, clusterSize: number): number {
  const mb = blockSize >= 2048 ? 4 : blockSize === 1024 ? 2 : 1;
  return Math.max(1, Math.floor((mb * MiB) / clusterSize));
}

/** Clusters per global bitmap group: 8 × (block size − 64-byte group descriptor header). */
export const globalCpg = (blockSize: number): number => 8 * (blockSize - 64);

/** Extent allocator clusters per slot (figure_extent_alloc_size; 5% cap). */
export function extentAllocClusters(fsType: Ocfs2FsType | null, slots: number, blockSize: number, clusterSize: number, volumeBytes: number): number {
  if (!slots) return 0;
  const target = fsType === 'datafiles' || fsType === 'vmstore' ? 0.3 : 0.1;
  const cpg = chainCpg(blockSize, clusterSize);
  const unit = cpg * clusterSize * slots;
  let total = unit;
  let groups = 1;
  let pct = 0;
  for (; groups < 100000; groups++) {
    pct = (total * 100) / volumeBytes;
    if (pct >= target) break;
    total += unit;
  }
  if (pct > 5) groups--;
  return cpg * Math.max(0, groups);
}

export interface ClusterGroups {
  groups: number;
  tail: number;
  cpg: number;
}

export function clusterGroups(clusters: number, blockSize: number): ClusterGroups {
  const cpg = globalCpg(blockSize);
  const groups = Math.max(1, Math.ceil(clusters / cpg));
  const tail = clusters - (groups - 1) * cpg;
  return { groups, tail, cpg };
}

/** Backup superblocks at 1G, 4G, 16G, 64G, 256G and 1T that fall inside the volume. */
export function backupSupers(bytes: number): number {
  let n = 0;
  for (let off = GiB; n < 6 && off < bytes; off *= 4) n++;
  return n;
}

/** Clusters a freshly formatted volume already uses: journals, allocators, system files. */
export function overheadClusters(v: Pick<Ocfs2Volume, 'blockSize' | 'clusterSize' | 'clusters' | 'slots' | 'journalClusters' | 'extentAllocClusters' | 'features'>): number {
  const { blockSize: bs, clusterSize: cs, clusters, slots } = v;
  const blocksPerCluster = Math.max(1, cs / bs);
  const inline = v.features.includes('inline-data');
  const groups = clusterGroups(clusters, bs).groups;
  // Superblock area (blocks 0-2) up to the first cluster group, then one descriptor per group.
  const leading = Math.ceil(3 / blocksPerCluster);
  // Global inode allocator: one chain group of system inodes (blocks_needed: ~9 per slot + 10).
  const inodeGroup = Math.max(1, Math.ceil((slots * 9 + 10) / blocksPerCluster));
  // Heartbeat file: 256 blocks; system directory a few blocks; orphan dirs one block each unless inline.
  const heartbeat = Math.ceil((256 * bs) / cs);
  const sysdir = Math.ceil(Math.ceil((slots * 9 + 10) / 32) / blocksPerCluster);
  const orphans = inline ? 0 : slots;
  const backups = backupSupers(clusters * cs);
  return leading + groups + inodeGroup + heartbeat + sysdir + orphans + backups + slots * (v.journalClusters + v.extentAllocClusters);
}
