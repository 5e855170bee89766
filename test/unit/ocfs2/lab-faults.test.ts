// The OCFS2 fault actions of labs (src/labs/faults-ocfs2.ts): a node back from a reboot without
// the shared repository (three causes, each with its own error and its own fix), and a file
// system copied in from another pool's cluster.
import { describe, expect, it } from 'vitest';
import { Shells } from '../../support/harness';
import { buildOvm22World } from '../../../src/sim/scenario/ovm22';
import { buildScenarioWorld } from '../../../src/labs/scenario';
import { runFault } from '../../../src/labs/faults';
import { listBlockDevices } from '../../../src/sim/storage/san/block-devices';
import type { ScenarioBase } from '../../../src/labs/types';

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** An OVM 2.2 pool whose guest on ovs02 was stopped, then the fault. */
function lost(cause: string) {
  const sh = new Shells(buildOvm22World(42));
  expect(sh.run('ovs02', 'xm destroy el5_db1')).toEqual({ out: '', exit: 0 });
  expect(runFault(sh.sim, { ocfs2_lost: { host: 'ovs02', lun: 'repository', cause } })).toBeNull();
  const root = sh.world.hosts.ovs01!.mounts.find((m) => m.fsType === 'ocfs2')!.path;
  return { sh, root };
}

const mountLine = (root: string) => `/dev/mpath/mpath0p1 on ${root} type ocfs2 (rw,_netdev,heartbeat=local)\n`;

describe('ocfs2_lost', () => {
  it('is refused while a guest of the host runs from the file system (through the /OVS link)', () => {
    const sh = new Shells(buildOvm22World(42));
    expect(runFault(sh.sim, { ocfs2_lost: { host: 'ovs02', lun: 'repository', cause: 'kpartx' } })).toBe('el5_db1 runs on ovs02 from that file system');
    expect(runFault(sh.sim, { ocfs2_lost: { host: 'ovs02', lun: 'repository', cause: 'o2cb' } })).toBe('el5_db1 runs on ovs02 from that file system');
    expect(sh.world.hosts.ovs02!.mounts.filter((m) => m.fsType === 'ocfs2')).toHaveLength(1);
    expect(runFault(sh.sim, { ocfs2_lost: { host: 'ovs09', lun: 'repository', cause: 'o2cb' } })).toBe('no host ovs09');
  });

  it('kpartx: the partition map is gone; kpartx -a brings it back and the repository mounts', () => {
    const { sh, root } = lost('kpartx');
    expect(sh.run('ovs02', 'repos.py --init')).toEqual({ out: 'ovs02: mount.ocfs2: Device name specified was not found while opening device /dev/mpath/mpath0p1\n', exit: 1 });
    expect(plain(sh.run('ovs02', 'ls /dev/mpath').out)).toBe('mpath0\tmpath1\n');
    expect(sh.run('ovs02', 'kpartx -l /dev/mpath/mpath0')).toEqual({ out: 'mpath0p1 : 0 209712447 /dev/mpath/mpath0 63\n', exit: 0 });
    expect(sh.run('ovs02', 'kpartx -a -p p /dev/mpath/mpath0')).toEqual({ out: '', exit: 0 });
    expect(sh.run('ovs02', 'repos.py --init')).toEqual({ out: '', exit: 0 });
    expect(sh.run('ovs02', 'mount -t ocfs2')).toEqual({ out: mountLine(root), exit: 0 });
    // ovs01 never noticed.
    expect(sh.run('ovs01', 'mount -t ocfs2')).toEqual({ out: mountLine(root), exit: 0 });
  });

  it('paths: the map has no paths left; a scan of the HBAs fills it again', () => {
    const { sh, root } = lost('paths');
    expect(sh.run('ovs02', 'repos.py --init')).toEqual({ out: 'ovs02: mount.ocfs2: I/O error on channel while opening device /dev/mpath/mpath0p1\n', exit: 1 });
    const wwid = listBlockDevices(sh.world, 'ovs01').find((d) => d.path === '/dev/mapper/mpath0')!.wwid;
    expect(plain(sh.run('ovs02', 'multipath -ll mpath0').out)).toBe(`mpath0 (${wwid}) dm-0 DGC,RAID 5\n[size=100G][features=1 queue_if_no_path][hwhandler=1 emc][rw]\n`);
    expect(sh.run('ovs02', 'tail -n 2 /var/log/messages').out.replace(/^\w+ +\d+ [\d:]+ /gm, '')).toBe('ovs02 kernel: sd 2:0:1:0: [sdh] Synchronizing SCSI cache\novs02 multipathd: sdh: remove path (uevent)\n');
    expect(sh.run('ovs02', 'for h in /sys/class/scsi_host/host*/scan; do echo "- - -" > $h; done')).toEqual({ out: '', exit: 0 });
    expect(plain(sh.run('ovs02', 'multipath -ll mpath0').out)).toBe(
      `mpath0 (${wwid}) dm-0 DGC,RAID 5\n[size=100G][features=1 queue_if_no_path][hwhandler=1 emc][rw]\n` +
        '\\_ round-robin 0 [prio=2][active]\n \\_ 1:0:0:0 sdj 8:144 [active][ready]\n \\_ 2:0:0:0 sdl 8:176 [active][ready]\n' +
        '\\_ round-robin 0 [prio=0][enabled]\n \\_ 1:0:1:0 sdk 8:160 [active][ready]\n \\_ 2:0:1:0 sdm 8:192 [active][ready]\n',
    );
    expect(sh.run('ovs02', 'repos.py --init')).toEqual({ out: '', exit: 0 });
    expect(sh.run('ovs02', 'mount -t ocfs2')).toEqual({ out: mountLine(root), exit: 0 });
  });

  it('o2cb: disabled at boot, so `start` does nothing until it is enabled', () => {
    const { sh, root } = lost('o2cb');
    expect(sh.run('ovs02', 'repos.py --init')).toEqual({ out: 'ovs02: mount.ocfs2: Unable to access cluster service Cannot initialize cluster\n', exit: 1 });
    expect(sh.run('ovs02', 'service o2cb status')).toEqual({ out: 'Driver for "configfs": Not loaded\nFilesystem "configfs": Not mounted\nDriver for "ocfs2_dlmfs": Not loaded\nFilesystem "ocfs2_dlmfs": Not mounted\n', exit: 3 });
    expect(sh.run('ovs02', 'grep ENABLED= /etc/sysconfig/o2cb')).toEqual({ out: 'O2CB_ENABLED=false\n', exit: 0 });
    expect(sh.run('ovs02', 'service o2cb start')).toEqual({ out: '', exit: 0 });
    expect(sh.run('ovs02', 'repos.py --init').exit).toBe(1);
    expect(sh.run('ovs02', 'service o2cb enable')).toEqual({ out: 'Writing O2CB configuration: OK\n', exit: 0 });
    expect(sh.run('ovs02', 'service o2cb start')).toEqual({
      out: 'Loading filesystem "configfs": OK\nMounting configfs filesystem at /sys/kernel/config: OK\nLoading stack plugin "o2cb": OK\nLoading filesystem "ocfs2_dlmfs": OK\nMounting ocfs2_dlmfs filesystem at /dlm: OK\nStarting O2CB cluster ocfs2: OK\n',
      exit: 0,
    });
    expect(sh.run('ovs02', 'repos.py --init')).toEqual({ out: '', exit: 0 });
    expect(sh.run('ovs02', 'mount -t ocfs2')).toEqual({ out: mountLine(root), exit: 0 });
  });
});

describe('ocfs2_foreign_cluster', () => {
  const base: ScenarioBase = { name: 'pool-34', title: '', description: '', builder: 'default' } as ScenarioBase;

  it('is refused while guests run from the file system', () => {
    const sh = new Shells(buildScenarioWorld(base, 42));
    expect(runFault(sh.sim, { ocfs2_foreign_cluster: { lun: 'repository', cluster: '0123456789abcdef' } })).toBe('sv101 runs on ovs01 from that file system');
    expect(runFault(sh.sim, { ocfs2_foreign_cluster: { lun: 'spare', cluster: '0123456789abcdef' } })).toBe('no OCFS2 file system on LUN spare');
  });

  it('unmounts it everywhere; mount refuses the stranger until tunefs writes the running cluster', () => {
    const w = buildScenarioWorld(base, 42, { repositories: [{ lun: 'spare', alias: 'moved' }] });
    const sh = new Shells(w);
    const dev = listBlockDevices(w, 'ovs01').find((d) => d.kind === 'mpath' && d.lun?.alu === w.san!.roles.spare!.alu)!.path;
    const mnt = w.hosts.ovs01!.mounts.find((m) => m.device === dev)!;
    const cluster = sh.run('ovs01', "awk '/name =/ {print $3; exit}' /etc/ocfs2/cluster.conf").out.trim();
    expect(runFault(sh.sim, { ocfs2_foreign_cluster: { lun: 'spare', cluster: '0123456789abcdef' } })).toBeNull();
    for (const h of ['ovs01', 'ovs02']) expect(w.hosts[h]!.mounts.some((m) => m.device === dev)).toBe(false);
    expect(sh.run('ovs01', `mounted.ocfs2 -f ${dev}`)).toEqual({ out: `${'Device'.padEnd(dev.length)}  Stack  Cluster           F  Nodes\n${dev}  o2cb   0123456789abcdef  G  Not mounted\n`, exit: 0 });
    expect(sh.run('ovs01', `mount -t ocfs2 ${dev} ${mnt.path}`)).toEqual({ out: 'mount.ocfs2: Invalid name for a cluster while trying to join the group\n', exit: 1 });
    expect(sh.run('ovs01', `tunefs.ocfs2 -L other ${dev}`)).toEqual({ out: `tunefs.ocfs2: Invalid name for a cluster while opening device "${dev}"\n`, exit: 1 });
    expect(sh.run('ovs01', `tunefs.ocfs2 --update-cluster-stack ${dev}`, 'y')).toEqual({
      out: 'Updating on-disk cluster information to match the running cluster.\nDANGER: YOU MUST BE ABSOLUTELY SURE THAT NO OTHER NODE IS USING THIS FILESYSTEM BEFORE MODIFYING ITS CLUSTER CONFIGURATION.\nUpdate the on-disk cluster information? y\n',
      exit: 0,
    });
    expect(sh.run('ovs01', `mounted.ocfs2 -f ${dev}`).out).toBe(`${'Device'.padEnd(dev.length)}  Stack  Cluster           F  Nodes\n${dev}  o2cb   ${cluster}  G  Not mounted\n`);
    for (const h of ['ovs01', 'ovs02']) expect(sh.run(h, `mount -t ocfs2 ${dev} ${mnt.path}`)).toEqual({ out: '', exit: 0 });
    expect(plain(sh.run('ovs01', `ls ${mnt.path}`).out).split(/\s+/).filter(Boolean).sort()).toEqual(['Assemblies', 'ISOs', 'Templates', 'VirtualDisks', 'VirtualMachines', 'lost+found']);
  });
});
