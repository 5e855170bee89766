// What mkfs.ocfs2 prints (mkfs.c print_state and main, check.c): the cluster stack lines, the
// summary of the layout (1.8 and the 1.4 wording of OVM 2.2) and the progress steps.
import type { MkfsPlan } from '../storage/ocfs2/ocfs2-mkfs';

export const MKFS_USAGE =
  'usage: mkfs.ocfs2 [-b block-size] [-C cluster-size] [-J journal-options]\n' +
  '\t\t[-L volume-label] [-M mount-type] [-N number-of-node-slots]\n' +
  '\t\t[-T filesystem-type] [-U uuid][-HFnqvV] [--dry-run]\n' +
  '\t\t[--fs-feature-level=[default|max-compat|max-features]] \n' +
  '\t\t[--fs-features=[[no]sparse,...]] [--global-heartbeat]\n' +
  '\t\t[--cluster-stack=stackname] [--cluster-name=clustername]\n' +
  '\t\t[--no-backup-super] device [blocks-count]\n';

export const UUID_WARNING =
  '\nWARNING!!! OCFS2 uses the UUID to uniquely identify a file system.\n' +
  'Having two OCFS2 file systems with the same UUID could, in the least,\n' +
  'cause erratic behavior, and if unlucky, cause file system damage.\n' +
  'Please choose the UUID with care.\n\n';

/** `Cluster stack: classic o2cb`, or the four lines of a volume that records its cluster. */
export function renderClusterStack(info: { stack: string; name: string; globalHeartbeat: boolean } | null): string {
  if (!info) return 'Cluster stack: classic o2cb\n';
  return `Cluster stack: ${info.stack}\nCluster name: ${info.name}\nStack Flags: 0x${info.globalHeartbeat ? 1 : 0}\nNOTE: Feature extended slot map may be enabled\n`;
}

/** print_state: the layout summary. */
export function renderMkfsSummary(p: MkfsPlan): string {
  const out: string[] = [];
  if (p.v14) {
    if (p.fsType) out.push(`Filesystem Type of ${p.fsType}`);
    out.push(`Filesystem label=${p.label}`);
    out.push(`Block size=${p.blockSize} (bits=${p.blockBits})`);
    out.push(`Cluster size=${p.clusterSize} (bits=${p.clusterBits})`);
    out.push(`Volume size=${p.volumeBytes} (${p.clusters} clusters) (${p.blocks} blocks)`);
    out.push(`${p.groups.groups} cluster groups (tail covers ${p.groups.tail} clusters, rest cover ${p.groups.cpg} clusters)`);
    out.push(p.hbDev ? 'Heartbeat device' : `Journal size=${p.journalBytes}`);
    out.push(`Initial number of node slots: ${p.slots}`);
    return out.join('\n') + '\n';
  }
  if (p.fsType) out.push(`Filesystem Type of ${p.fsType}`);
  out.push(`Label: ${p.label}`);
  out.push(`Features: ${p.features.join(' ')}`);
  out.push(`Block size: ${p.blockSize} (${p.blockBits} bits)`);
  out.push(`Cluster size: ${p.clusterSize} (${p.clusterBits} bits)`);
  out.push(`Volume size: ${p.volumeBytes} (${p.clusters} clusters) (${p.blocks} blocks)`);
  out.push(`Cluster groups: ${p.groups.groups} (tail covers ${p.groups.tail} clusters, rest cover ${p.groups.cpg} clusters)`);
  const cpg = p.chainCpg;
  out.push(`Extent allocator size: ${p.extentAllocClusters * p.clusterSize} (${cpg ? Math.floor(p.extentAllocClusters / cpg) : 0} groups)`);
  out.push(p.hbDev ? 'Heartbeat device' : `Journal size: ${p.journalBytes}`);
  out.push(`Node slots: ${p.slots}`);
  return out.join('\n') + '\n';
}

/** The format's progress lines down to `mkfs.ocfs2 successful` and its blank line. */
export function renderMkfsSteps(p: MkfsPlan): string {
  const out = ['Creating bitmaps: done', 'Initializing superblock: done', 'Writing system files: done', 'Writing superblock: done'];
  if (!p.hbDev) {
    if (!p.noBackupSuper) out.push(`Writing backup superblock: ${p.backups} block(s)`);
    out.push('Formatting Journals: done');
    if (!p.v14) out.push('Growing extent allocator: done');
    out.push('Formatting slot map: done');
    if (!p.v14) out.push('Formatting quota files: done');
    if (!p.v14 && p.features.includes('indexed-dirs') && !p.features.includes('inline-data')) out.push('Indexing system directories: done');
    out.push('Writing lost+found: done');
  }
  out.push('mkfs.ocfs2 successful', '');
  return out.join('\n') + '\n';
}
