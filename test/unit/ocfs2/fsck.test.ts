// fsck.ocfs2 (fsck.c main): the summary of the superblock, -n skipping slot recovery, a clean
// volume's message, the warning and question for a volume mounted on this node.
import { describe, expect, it } from 'vitest';
import { fixture } from './fixture';

describe('fsck.ocfs2', () => {
  it('checks an unmounted volume read-only, or read-write with the cluster locked', () => {
    const f = fixture();
    f.sh.run('ovs01', `mkfs.ocfs2 -q -T datafiles -N 4 -L chk ${f.spare}`);
    const head = `fsck.ocfs2 1.8.6\nChecking OCFS2 filesystem in ${f.spare}:\n  Label:              chk\n  UUID:               ${Object.values(f.world.ocfs2!.volumes).find((v) => v.label === 'chk')!.uuid}\n  Number of blocks:   13107200\n  Block size:         4096\n  Number of clusters: 409600\n  Cluster size:       131072\n  Number of slots:    4\n\n`;
    expect(f.sh.run('ovs01', `fsck.ocfs2 -n ${f.spare}`)).toEqual({ out: `${head}** Skipping slot recovery because -n was given. **\n${f.spare} is clean.  It will be checked after 20 additional mounts.\n`, exit: 0 });
    expect(f.sh.run('ovs02', `fsck.ocfs2 -y ${f.spare}`)).toEqual({ out: `${head}${f.spare} is clean.  It will be checked after 20 additional mounts.\n`, exit: 0 });
    f.sh.run('ovs02', `mkdir -p /mnt/s && mount ${f.spare} /mnt/s`);
    expect(f.sh.run('ovs01', `fsck.ocfs2 -y ${f.spare}`)).toEqual({ out: 'fsck.ocfs2 1.8.6\nfsck.ocfs2: Trylock failed while locking down the cluster\n', exit: 0 });
    expect(f.sh.run('ovs02', `echo y | fsck.ocfs2 -n ${f.spare}`)).toEqual({
      out: `fsck.ocfs2 1.8.6\n\nWARNING!!! Running fsck.ocfs2 (read-only) on a mounted filesystem may detect invalid errors.\n\nDo you really want to continue (y/N): ${head.slice('fsck.ocfs2 1.8.6\n'.length)}** Skipping slot recovery because -n was given. **\n${f.spare} is clean.  It will be checked after 20 additional mounts.\n`,
      exit: 0,
    });
    expect(f.sh.run('ovs01', 'fsck.ocfs2 -n')).toEqual({ out: expect.stringMatching(/^Missing filename\nUsage: fsck.ocfs2 \{-y\|-n\|-p\}/) as unknown as string, exit: 16 });
  });
});
