// mkfs.ocfs2 on the default world: the printed summary in order (version on stderr first), the
// option errors of get_state, and check.c's refusals (mounted, in use, in use in the cluster).
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from './fixture';
import { MKFS_USAGE } from '../../../src/sim/render/mkfs-ocfs2';
import { volumeAtPath } from '../../../src/sim/storage/ocfs2/ocfs2-volumes';
import { wholeDiskLabel } from '../../../src/sim/scenario/storage';

let f: Fixture;
beforeEach(() => {
  f = fixture();
});

const stack = (c: string) => `Cluster stack: o2cb\nCluster name: ${c}\nStack Flags: 0x1\nNOTE: Feature extended slot map may be enabled\n`;
const STEPS = 'Creating bitmaps: done\nInitializing superblock: done\nWriting system files: done\nWriting superblock: done\nWriting backup superblock: 3 block(s)\nFormatting Journals: done\nGrowing extent allocator: done\nFormatting slot map: done\nFormatting quota files: done\nWriting lost+found: done\nmkfs.ocfs2 successful\n\n';
const summary = (label: string, slots: number, ext: string) =>
  `Label: ${label}\nFeatures: sparse extended-slotmap backup-super unwritten inline-data strict-journal-super xattr indexed-dirs refcount discontig-bg clusterinfo append-dio\nBlock size: 4096 (12 bits)\nCluster size: 4096 (12 bits)\nVolume size: 53687091200 (13107200 clusters) (13107200 blocks)\nCluster groups: 407 (tail covers 11264 clusters, rest cover 32256 clusters)\nExtent allocator size: ${ext}\nJournal size: 268435456\nNode slots: ${slots}\n`;

describe('mkfs.ocfs2', () => {
  it('formats the blank spare LUN: version, the running cluster recorded on disk, summary, steps', () => {
    const r = f.sh.run('ovs01', `mkfs.ocfs2 -T datafiles -N 8 -L repo2 ${f.spare}`);
    expect(r.out).toBe(
      'mkfs.ocfs2 1.8.6\n' + stack(f.cluster) +
        'Filesystem Type of datafiles\nLabel: repo2\nFeatures: sparse extended-slotmap backup-super unwritten inline-data strict-journal-super xattr indexed-dirs refcount discontig-bg clusterinfo append-dio\nBlock size: 4096 (12 bits)\nCluster size: 131072 (17 bits)\nVolume size: 53687091200 (409600 clusters) (13107200 blocks)\nCluster groups: 13 (tail covers 22528 clusters, rest cover 32256 clusters)\nExtent allocator size: 20971520 (5 groups)\nJournal size: 33554432\nNode slots: 8\n' +
        STEPS,
    );
    expect(r.exit).toBe(0);
    const vol = volumeAtPath(f.world, 'ovs02', f.spare).vol!;
    expect([vol.label, vol.slots, vol.clusterSize, vol.clusters, vol.clusterInfo]).toEqual(['repo2', 8, 131072, 409600, { stack: 'o2cb', name: f.cluster, globalHeartbeat: true }]);
  });

  it('-n prints the plan and writes nothing; -q prints only the cluster lines', () => {
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -n -L dry ${f.spare}`)).toEqual({ out: 'mkfs.ocfs2 1.8.6\n' + stack(f.cluster) + summary('dry', 8, '8388608 (2 groups)'), exit: 0 });
    expect(volumeAtPath(f.world, 'ovs01', f.spare).vol).toBeUndefined();
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -q -L quiet ${f.spare}`)).toEqual({ out: stack(f.cluster), exit: 0 });
    expect(volumeAtPath(f.world, 'ovs01', f.spare).vol?.label).toBe('quiet');
  });

  it('asks before overwriting an OCFS2 volume: n aborts, y formats, a pipe answers, -x does not ask', () => {
    f.sh.run('ovs01', `mkfs.ocfs2 -q -L first ${f.spare}`);
    const ask = 'mkfs.ocfs2 1.8.6\n' + stack(f.cluster) + 'Overwriting existing ocfs2 partition.\nProceed (y/N): ';
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -L again ${f.spare}`, 'n')).toEqual({ out: ask + 'n\nAborting operation.\n', exit: 1 });
    expect(volumeAtPath(f.world, 'ovs01', f.spare).vol?.label).toBe('first');
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -L again ${f.spare}`, 'y')).toEqual({ out: ask + 'y\n' + summary('again', 8, '8388608 (2 groups)') + STEPS, exit: 0 });
    expect(f.sh.run('ovs01', `echo y | mkfs.ocfs2 -q -L piped ${f.spare}`)).toEqual({ out: stack(f.cluster) + 'Overwriting existing ocfs2 partition.\nProceed (y/N): ', exit: 0 });
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -x -q -N 4 -L noask ${f.spare}`)).toEqual({ out: stack(f.cluster) + 'Overwriting existing ocfs2 partition.\n', exit: 0 });
    expect(volumeAtPath(f.world, 'ovs02', f.spare).vol?.slots).toBe(4);
  });

  it('refuses a mounted device, a path under multipath, a volume mounted elsewhere, a missing device', () => {
    expect(f.sh.run('ovs01', `mkfs.ocfs2 ${f.repoDev}`)).toEqual({ out: `mkfs.ocfs2 1.8.6\n${stack(f.cluster)}${f.repoDev} is mounted; will not make a ocfs2 volume here!\n`, exit: 1 });
    const p = f.sparePaths.ovs01![0]!;
    expect(f.sh.run('ovs01', `mkfs.ocfs2 ${p}`)).toEqual({ out: `mkfs.ocfs2 1.8.6\n${stack(f.cluster)}${p} is apparently in use by the system; will not make a ocfs2 volume here!\n`, exit: 1 });
    f.sh.run('ovs01', `mkfs.ocfs2 -q -L shared ${f.spare}`);
    f.sh.run('ovs02', `mkdir -p /mnt/s && mount -t ocfs2 ${f.spare} /mnt/s`);
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -L mine ${f.spare}`)).toEqual({
      out: `mkfs.ocfs2 1.8.6\n${stack(f.cluster)}Overwriting existing ocfs2 partition.\nmkfs.ocfs2: Trylock failed while locking the cluster\nThis volume appears to be in use in the cluster.\n`,
      exit: 1,
    });
    expect(f.sh.run('ovs01', 'mkfs.ocfs2 /dev/sdzz')).toEqual({ out: `mkfs.ocfs2 1.8.6\n${stack(f.cluster)}mkfs.ocfs2: Could not open device /dev/sdzz: No such file or directory\n`, exit: 1 });
  });

  it('with the cluster offline it writes a classic volume, and refuses to overwrite an existing one', () => {
    f.sh.run('ovs01', `mkfs.ocfs2 -q -L first ${f.spare}`);
    f.world.ocfs2!.nodes.ovs01!.running = null;
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -L second ${f.spare}`)).toEqual({
      out:
        'mkfs.ocfs2 1.8.6\n' + stack(f.cluster) + 'Overwriting existing ocfs2 partition.\n' +
        'mkfs.ocfs2: Unable to access cluster service while initializing the dlm\nAs this is an existing OCFS2 volume, it could be mounted on an another node in the cluster.\nHowever, as mkfs.ocfs2 is unable to initialize the dlm, it cannot detect if the volume is in use or not.\nTo skip this check, use --force or -F.\n',
      exit: 1,
    });
    const blank = f.sh.run('ovs01', `mkfs.ocfs2 -F -x -q -L third ${f.spare}`);
    expect(blank).toEqual({ out: stack(f.cluster) + 'Overwriting existing ocfs2 partition.\nWARNING: Cluster check disabled.\n', exit: 0 });
  });

  it('rejects bad options the way get_state does', () => {
    expect(f.sh.run('ovs01', 'mkfs.ocfs2')).toEqual({ out: MKFS_USAGE, exit: 1 });
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -z ${f.spare}`)).toEqual({ out: "mkfs.ocfs2: invalid option -- 'z'\n" + MKFS_USAGE, exit: 1 });
    expect(f.sh.run('ovs01', `mkfs.ocfs2 -L`)).toEqual({ out: "mkfs.ocfs2: option requires an argument -- 'L'\n" + MKFS_USAGE, exit: 1 });
    const one = (args: string, msg: string) => expect(f.sh.run('ovs01', `mkfs.ocfs2 ${args} ${f.spare}`)).toEqual({ out: `mkfs.ocfs2: ${msg}\n`, exit: 1 });
    one('-b 300', 'Specify a blocksize between 512 and 4096 in powers of 2');
    one('-C 2k', 'Specify a clustersize between 4096 and 1048576 in powers of 2');
    one('-N 300', 'Initial node slots must be no more than 255');
    one('-N 0', 'Initial node slots must be at least 1');
    one('-T bogus', 'Bad fs type option specified.');
    one(`-L ${'x'.repeat(64)}`, 'Volume label too long: must be less than 64 characters');
    one('-M shared', 'Invalid mount type shared');
    one('--fs-feature-level=newest', 'Unsupported feature(s) found when parsing fs-feature-level string');
    one('--fs-features=turbo', 'Unknown feature when parsing fs-features string');
    expect(f.sh.run('ovs01', 'mkfs.ocfs2 -V')).toEqual({ out: 'mkfs.ocfs2 1.8.6\n', exit: 0 });
    expect(f.sh.run('ovs01', `mkfs.ocfs2 ${f.spare} 12x`)).toEqual({ out: 'mkfs.ocfs2: Block count bad - 12x\n', exit: 1 });
  });

  it('a whole-LUN format wipes its partition table (clear_both_ends)', () => {
    // The repository LUN is formatted whole (OVM 3): give the spare a label, then format the map.
    const lun = f.world.san!.arrays[0]!.luns.find((l) => l.alu === f.world.san!.roles.spare!.alu)!;
    lun.label = wholeDiskLabel(lun.sizeBytes, 0x1234);
    f.sh.run('ovs01', `mkfs.ocfs2 -F -x -q ${f.spare}`);
    expect(lun.label).toBeNull();
  });
});
