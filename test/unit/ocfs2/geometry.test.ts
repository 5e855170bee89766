// mkfs.ocfs2's layout arithmetic against the reference's worked example (§6.1) and its rules.
import { describe, expect, it } from 'vitest';
import { planVolume, type MkfsOptions } from '../../../src/sim/storage/ocfs2/ocfs2-mkfs';
import { backupSupers, clusterGroups, defaultBlockSize, defaultSlots, extentAllocClusters, journalBlocks, overheadClusters } from '../../../src/sim/storage/ocfs2/ocfs2-geometry';
import { renderMkfsSteps, renderMkfsSummary } from '../../../src/sim/render/mkfs-ocfs2';
import type { HostState } from '../../../src/sim/types';

const GiB = 1024 ** 3;
const ovm34 = { release: 'ovm34' } as HostState;
const ovm22 = { release: 'ovm22' } as HostState;
const opts = (o: Partial<MkfsOptions> = {}): MkfsOptions => ({ fsType: null, level: 'default', featuresOn: [], featuresOff: [], mount: null, force: false, dryRun: false, quiet: false, xtool: false, noBackupSuper: false, hbDev: false, globalHeartbeat: false, ...o });

describe('mkfs.ocfs2 layout', () => {
  it('reproduces the reference summary for 200 GiB with -T datafiles (1.8.6 adds append-dio)', () => {
    const p = planVolume(ovm34, 200 * GiB, opts({ fsType: 'datafiles', label: 'repo1' }), null);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(renderMkfsSummary(p.plan)).toBe(
      'Filesystem Type of datafiles\n' +
        'Label: repo1\n' +
        'Features: sparse extended-slotmap backup-super unwritten inline-data strict-journal-super xattr indexed-dirs refcount discontig-bg append-dio\n' +
        'Block size: 4096 (12 bits)\n' +
        'Cluster size: 1048576 (20 bits)\n' +
        'Volume size: 214748364800 (204800 clusters) (52428800 blocks)\n' +
        'Cluster groups: 7 (tail covers 11264 clusters, rest cover 32256 clusters)\n' +
        'Extent allocator size: 83886080 (20 groups)\n' +
        'Journal size: 33554432\n' +
        'Node slots: 8\n',
    );
    expect(renderMkfsSteps(p.plan)).toBe(
      'Creating bitmaps: done\nInitializing superblock: done\nWriting system files: done\nWriting superblock: done\nWriting backup superblock: 4 block(s)\nFormatting Journals: done\nGrowing extent allocator: done\nFormatting slot map: done\nFormatting quota files: done\nWriting lost+found: done\nmkfs.ocfs2 successful\n\n',
    );
  });

  it('prints the 1.4 summary on OVM 2.2', () => {
    const p = planVolume(ovm22, 100 * GiB, opts({ fsType: 'datafiles', label: 'ovsroot', slots: 8 }), null);
    if (!p.ok) throw new Error('plan');
    expect(renderMkfsSummary(p.plan)).toBe(
      'Filesystem Type of datafiles\nFilesystem label=ovsroot\nBlock size=4096 (bits=12)\nCluster size=524288 (bits=19)\nVolume size=107374182400 (204800 clusters) (26214400 blocks)\n7 cluster groups (tail covers 11264 clusters, rest cover 32256 clusters)\nJournal size=33554432\nInitial number of node slots: 8\n',
    );
    expect(renderMkfsSteps(p.plan)).toBe(
      'Creating bitmaps: done\nInitializing superblock: done\nWriting system files: done\nWriting superblock: done\nWriting backup superblock: 4 block(s)\nFormatting Journals: done\nFormatting slot map: done\nWriting lost+found: done\nmkfs.ocfs2 successful\n\n',
    );
  });

  it('picks datafiles cluster sizes by volume size and refuses under 2 GiB', () => {
    const cs = (g: number) => {
      const p = planVolume(ovm34, g * GiB, opts({ fsType: 'datafiles' }), null);
      return p.ok ? p.plan.clusterSize : p.stderr;
    };
    expect([cs(10), cs(70), cs(100), cs(130)]).toEqual([131072, 262144, 524288, 1048576]);
    expect(cs(1)).toBe('mkfs.ocfs2: Selected file system type requires a device of at least 2 gigabytes\n\n');
  });

  it('defaults: slots by size, 4K blocks from 1 GiB, 4K clusters, journal 1/160 of blocks clamped', () => {
    expect([defaultSlots(1 * GiB, false), defaultSlots(5 * GiB, false), defaultSlots(500 * GiB, false), defaultSlots(2048 * GiB, false), defaultSlots(500 * GiB, true)]).toEqual([2, 4, 8, 16, 1]);
    expect([defaultBlockSize(2 * GiB), defaultBlockSize(600 * 1024 ** 2), defaultBlockSize(3 * 1024 ** 2)]).toEqual([4096, 2048, 512]);
    expect([journalBlocks(null, 20000, 4096), journalBlocks(null, 200000, 4096), journalBlocks(null, 52428800, 4096), journalBlocks(null, 2000000, 4096)]).toEqual([1024, 4096, 65536, 16384]);
    expect([journalBlocks('vmstore', 100000, 4096), journalBlocks('mail', 600000, 4096)]).toEqual([8192, 65536]);
    const p = planVolume(ovm34, 50 * GiB, opts(), null);
    if (!p.ok) throw new Error('plan');
    expect([p.plan.clusterSize, p.plan.slots, p.plan.journalBytes]).toEqual([4096, 8, 65536 * 4096]);
  });

  it('cluster groups, backup superblocks and the extent allocator follow the source formulas', () => {
    expect(clusterGroups(204800, 4096)).toEqual({ groups: 7, tail: 11264, cpg: 32256 });
    expect(clusterGroups(32256, 4096)).toEqual({ groups: 1, tail: 32256, cpg: 32256 });
    expect([backupSupers(GiB), backupSupers(2 * GiB), backupSupers(300 * GiB), backupSupers(2048 * GiB)]).toEqual([0, 1, 5, 6]);
    expect(extentAllocClusters('datafiles', 8, 4096, 1048576, 200 * GiB)).toBe(80);
    expect(extentAllocClusters(null, 8, 4096, 4096, 200 * GiB)).toBe(1024 * 7);
  });

  it('a fresh volume already uses its journals and allocators', () => {
    const p = planVolume(ovm34, 200 * GiB, opts({ fsType: 'datafiles' }), null);
    if (!p.ok) throw new Error('plan');
    const used = overheadClusters({ ...p.plan, journalClusters: p.plan.journalBytes / p.plan.clusterSize, extentAllocClusters: p.plan.extentAllocClusters });
    expect(used).toBe(1 + 7 + 1 + 1 + 1 + 0 + 4 + 8 * (32 + 80));
  });
});
