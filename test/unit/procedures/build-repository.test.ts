// Curriculum C1 (seed 003): build a shared repository on a new LUN — fdisk on one node, kpartx on
// every node, mkfs.ocfs2 -T datafiles -N 8, mount on every node — and what goes wrong when a step
// is skipped on a node.
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from '../ocfs2/fixture';
import { allVolumes } from '../../../src/sim/storage/ocfs2/ocfs2-volumes';
import { hostsMounting } from '../../../src/sim/storage/ocfs2/mounts';

let f: Fixture;
const MNT = '/OVS/Repositories/newrepo';
beforeEach(() => {
  f = fixture();
});

function partition(): void {
  const r = f.sh.run('ovs01', `fdisk ${f.spare}`, 'n', 'p', '1', '', '', 'w');
  // The map is not a partitionable disk: the kernel refuses BLKRRPART, kpartx must do it.
  expect(r.out).toContain('WARNING: Re-reading the partition table failed with error 22: Invalid argument.');
}

describe('build a shared repository on a new LUN', () => {
  it('fdisk → kpartx on every node → mkfs.ocfs2 → mount on every node', () => {
    partition();
    for (const h of ['ovs01', 'ovs02']) expect(f.sh.run(h, `kpartx -a ${f.spare}`)).toEqual({ out: '', exit: 0 });
    const mk = f.sh.run('ovs01', `mkfs.ocfs2 -T datafiles -N 8 -L newrepo ${f.spare}p1`);
    expect(mk.exit).toBe(0);
    expect(mk.out).toContain('Node slots: 8\n');
    expect(mk.out.endsWith('mkfs.ocfs2 successful\n\n')).toBe(true);
    for (const h of ['ovs01', 'ovs02']) expect(f.sh.run(h, `mkdir -p ${MNT} && mount -t ocfs2 ${f.spare}p1 ${MNT}`)).toEqual({ out: '', exit: 0 });
    const vol = allVolumes(f.world).find((v) => v.label === 'newrepo')!;
    expect([vol.slots, vol.clusterSize, vol.fsType, hostsMounting(f.world, vol)]).toEqual([8, 131072, 'datafiles', ['ovs01', 'ovs02']]);
    const dev = `${f.spare}p1`;
    expect(f.sh.run('ovs02', `mounted.ocfs2 -f ${dev}`)).toEqual({ out: `${'Device'.padEnd(dev.length)}  Stack  Cluster           F  Nodes\n${dev}  o2cb   ${f.cluster}  G  ovs01, ovs02\n`, exit: 0 });
    for (const h of ['ovs01', 'ovs02']) expect(f.sh.run(h, `df -h ${MNT}`).out).toBe(`Filesystem            Size  Used Avail Use% Mounted on\n${dev}\n                       50G  420M   50G   1% ${MNT}\n`);
    // A file written on one node is there on the other: one shared tree.
    f.sh.run('ovs01', `echo hello > ${MNT}/marker`);
    expect(f.sh.run('ovs02', `cat ${MNT}/marker`)).toEqual({ out: 'hello\n', exit: 0 });
  });

  it('without kpartx on the second node it cannot see the partition', () => {
    partition();
    f.sh.run('ovs01', `kpartx -a ${f.spare} && mkfs.ocfs2 -q -T datafiles -N 8 ${f.spare}p1`);
    expect(f.sh.run('ovs02', `mkdir -p ${MNT} && mount -t ocfs2 ${f.spare}p1 ${MNT}`)).toEqual({ out: `mount.ocfs2: Device name specified was not found while opening device ${f.spare}p1\n`, exit: 1 });
  });

  it('mkfs on the whole map after kpartx refuses: the partition map holds it', () => {
    partition();
    f.sh.run('ovs01', `kpartx -a ${f.spare}`);
    const r = f.sh.run('ovs01', `mkfs.ocfs2 -T datafiles -N 8 ${f.spare}`);
    expect(r).toEqual({ out: `mkfs.ocfs2 1.8.6\nCluster stack: o2cb\nCluster name: ${f.cluster}\nStack Flags: 0x1\nNOTE: Feature extended slot map may be enabled\n${f.spare} is apparently in use by the system; will not make a ocfs2 volume here!\n`, exit: 1 });
  });

  it('a node whose cluster is offline cannot mount it', () => {
    partition();
    for (const h of ['ovs01', 'ovs02']) f.sh.run(h, `kpartx -a ${f.spare}`);
    f.sh.run('ovs01', `mkfs.ocfs2 -q -T datafiles -N 8 ${f.spare}p1`);
    for (const d of Object.values(f.world.domains)) if (d.host === 'ovs02') Object.assign(d, { host: null, domid: null, state: 'halted' });
    f.sh.run('ovs02', `umount ${f.repoPath} && umount ${f.poolPath} && service o2cb stop`);
    expect(f.sh.run('ovs02', `mkdir -p ${MNT} && mount -t ocfs2 ${f.spare}p1 ${MNT}`)).toEqual({ out: 'mount.ocfs2: Unable to access cluster service while trying initialize cluster\n', exit: 1 });
  });
});
