// mount / umount with OCFS2's rules: the cluster must be online (and heartbeating in global mode),
// the node must see the device, a slot must be free, the mount point must exist; listing mtab;
// umount refused while a shell or a running guest uses the file system.
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from './fixture';
import { setCable } from '../../../src/sim/storage/san/faults';
import { readFile } from '../../../src/sim/vfs';

let f: Fixture;
beforeEach(() => {
  f = fixture();
});

const messages = (host: string) => {
  const t = readFile(f.world, f.world.hosts[host]!, '/var/log/messages');
  return t.ok ? t.value : '';
};

describe('mount listing', () => {
  it('lists /etc/mtab: root, pseudo file systems, configfs and dlmfs while O2CB is loaded, the OCFS2 mounts', () => {
    expect(f.sh.run('ovs01', 'mount')).toEqual({
      out:
        '/dev/sda2 on / type ext4 (rw)\nproc on /proc type proc (rw)\nsysfs on /sys type sysfs (rw)\ndevpts on /dev/pts type devpts (rw,gid=5,mode=620)\ntmpfs on /dev/shm type tmpfs (rw)\n' +
        'none on /proc/sys/fs/binfmt_misc type binfmt_misc (rw)\nnone on /proc/xen type xenfs (rw)\nsunrpc on /var/lib/nfs/rpc_pipefs type rpc_pipefs (rw)\nnone on /sys/kernel/config type configfs (rw)\nocfs2_dlmfs on /dlm type ocfs2_dlmfs (rw)\n' +
        `${f.poolDev} on ${f.poolPath} type ocfs2 (rw,_netdev,heartbeat=global)\n${f.repoDev} on ${f.repoPath} type ocfs2 (rw,_netdev,heartbeat=global)\n`,
      exit: 0,
    });
    expect(f.sh.run('ovs02', 'mount -l -t ocfs2')).toEqual({
      out: `${f.poolDev} on ${f.poolPath} type ocfs2 (rw,_netdev,heartbeat=global) [OVS_Pool_Filesystem]\n${f.repoDev} on ${f.repoPath} type ocfs2 (rw,_netdev,heartbeat=global) [pool1-repository]\n`,
      exit: 0,
    });
  });
});

describe('mount -t ocfs2', () => {
  beforeEach(() => {
    f.sh.run('ovs01', `mkfs.ocfs2 -q -N 2 -L two ${f.spare}`);
    for (const h of ['ovs01', 'ovs02']) f.sh.run(h, 'mkdir -p /mnt/s');
  });

  it('mounts on every node, logs the DLM join and the slot, and shows in mount and mounted.ocfs2 -f', () => {
    expect(f.sh.run('ovs01', `mount -t ocfs2 ${f.spare} /mnt/s`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs02', `mount -v ${f.spare} /mnt/s`)).toEqual({ out: `${f.spare} on /mnt/s type ocfs2 (rw,_netdev,heartbeat=global)\n`, exit: 0 });
    expect(messages('ovs02')).toMatch(/ovs02 kernel: o2dlm: Joining domain [0-9A-F]{32} \( 0 1 \) 2 nodes\n.* ovs02 kernel: ocfs2: Mounting device \(253,\d+\) on \(node 1, slot 1\) with ordered data mode\.\n$/);
    const dev = f.spare.padEnd(Math.max(7, f.spare.length));
    expect(f.sh.run('ovs01', `mounted.ocfs2 -f ${f.spare}`)).toEqual({ out: `${'Device'.padEnd(dev.length)}  Stack  Cluster           F  Nodes\n${dev}  o2cb   ${f.cluster}  G  ovs01, ovs02\n`, exit: 0 });
  });

  it('refuses when no slot is free', () => {
    f.world.hosts.ovs03 = { ...f.world.hosts.ovs02!, name: 'ovs03', mounts: [...f.world.hosts.ovs02!.mounts] };
    const vol = Object.values(f.world.ocfs2!.volumes).find((v) => v.label === 'two')!;
    vol.slotMap = ['ovs02', 'ovs03'];
    f.world.hosts.ovs02!.mounts.push({ path: '/mnt/s', fsId: vol.fsId, fsType: 'ocfs2', device: f.spare, options: 'rw' });
    f.world.hosts.ovs03.mounts.push({ path: '/mnt/s', fsId: vol.fsId, fsType: 'ocfs2', device: f.spare, options: 'rw' });
    expect(f.sh.run('ovs01', `mount -t ocfs2 ${f.spare} /mnt/s`)).toEqual({ out: `mount.ocfs2: Invalid argument while mounting ${f.spare} on /mnt/s. Check 'dmesg' for more information on this error.\n`, exit: 1 });
    expect(messages('ovs01')).toMatch(/ocfs2_find_slot:492 ERROR: no free slots available!\n/);
  });

  it('needs the cluster online and heartbeating', () => {
    f.world.ocfs2!.nodes.ovs01!.activeRegions = [];
    expect(f.sh.run('ovs01', `mount -t ocfs2 ${f.spare} /mnt/s`)).toEqual({ out: `mount.ocfs2: Transport endpoint is not connected while mounting ${f.spare} on /mnt/s. Check 'dmesg' for more information on this error.\n`, exit: 1 });
    f.world.ocfs2!.nodes.ovs01!.running = null;
    expect(f.sh.run('ovs01', `mount -t ocfs2 ${f.spare} /mnt/s`)).toEqual({ out: 'mount.ocfs2: Unable to access cluster service while trying initialize cluster\n', exit: 1 });
  });

  it('cannot mount a device the node cannot see, or that holds no OCFS2', () => {
    expect(f.sh.run('ovs02', `mount -t ocfs2 ${f.spare}p1 /mnt/s`)).toEqual({ out: `mount.ocfs2: Device name specified was not found while opening device ${f.spare}p1\n`, exit: 1 });
    const hbas = f.world.san!.hosts.ovs02!.hbas;
    for (const h of hbas) setCable(f.world, 'ovs02', h.scsiHost, false);
    expect(f.sh.run('ovs02', `mount -t ocfs2 ${f.spare} /mnt/s`)).toEqual({ out: `mount.ocfs2: I/O error on channel while opening device ${f.spare}\n`, exit: 1 });
    expect(f.sh.run('ovs01', 'mount -t ocfs2 /dev/sda1 /mnt/s')).toEqual({ out: 'mount.ocfs2: Bad magic number in superblock while opening device /dev/sda1\n', exit: 1 });
    expect(f.sh.run('ovs01', 'mount /dev/sda1 /mnt/s')).toEqual({ out: 'mount: you must specify the filesystem type\n', exit: 32 });
    expect(f.sh.run('ovs01', 'mount /dev/sdzz /mnt/s')).toEqual({ out: 'mount: special device /dev/sdzz does not exist\n', exit: 32 });
    expect(f.sh.run('ovs01', `mount -t ocfs2 ${f.spare} /nowhere`)).toEqual({ out: 'mount.ocfs2: mount directory /nowhere does not exist\n', exit: 1 });
    expect(f.sh.run('ovs01', `mount -t ocfs2 ${f.sparePaths.ovs01![0]} /mnt/s`)).toEqual({
      out: `mount.ocfs2: Device or resource busy while mounting ${f.sparePaths.ovs01![0]} on /mnt/s. Check 'dmesg' for more information on this error.\n`,
      exit: 1,
    });
    expect(f.sh.run('ovs01', `mount -t xfs ${f.spare} /mnt/s`)).toEqual({
      out: `mount: wrong fs type, bad option, bad superblock on ${f.spare},\n       missing codepage or helper program, or other error\n       In some cases useful info is found in syslog - try\n       dmesg | tail  or so\n\n`,
      exit: 32,
    });
  });
});

describe('umount', () => {
  it('refuses while running guests use the repository, unmounts the pool file system', () => {
    expect(f.sh.run('ovs01', `umount ${f.repoPath}`)).toEqual({
      out: `umount: ${f.repoPath}: device is busy.\n        (In some cases useful info about processes that use\n         the device is found by lsof(8) or fuser(1))\n`,
      exit: 1,
    });
    expect(f.sh.run('ovs01', `umount ${f.poolDev}`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs01', `umount ${f.poolPath}`)).toEqual({ out: `umount: ${f.poolPath}: not mounted\n`, exit: 1 });
    expect(f.sh.run('ovs01', 'umount /nowhere')).toEqual({ out: 'umount: /nowhere: not found\n', exit: 1 });
    expect(f.sh.run('ovs01', 'mount -t ocfs2')).toEqual({ out: `${f.repoDev} on ${f.repoPath} type ocfs2 (rw,_netdev,heartbeat=global)\n`, exit: 0 });
    expect(messages('ovs01')).toMatch(/ovs01 kernel: ocfs2: Unmounting device \(253,\d+\) on \(node 0\)\n$/);
  });

  it('refuses while this shell sits inside the mount', () => {
    f.sh.run('ovs02', `mkfs.ocfs2 -q -L here ${f.spare} && mkdir -p /mnt/s && mount ${f.spare} /mnt/s && cd /mnt/s`);
    expect(f.sh.run('ovs02', 'umount /mnt/s').exit).toBe(1);
    expect(f.sh.run('ovs02', 'cd / && umount /mnt/s')).toEqual({ out: '', exit: 0 });
  });
});
