// OVM 2.2 (release ovm22): /OVS links the root repository, repos.py adds, lists, roots, mounts
// (--init on every server, OCFS2 1.4 local heartbeat) and deletes repositories.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildOvm22World } from '../../../src/sim/scenario/ovm22';
import { Shells } from '../ocfs2/shell';
import { readRepos } from '../../../src/sim/storage/agent/repository-ovm22';
import { lookup } from '../../../src/sim/vfs';

/** Where /OVS points (the sandbox has no readlink). */
const link = (s: Shells, h: string) => {
  const n = lookup(s.world, s.world.hosts[h]!, '/OVS', '/', true);
  return n.ok && n.value.type === 'link' ? n.value.target : null;
};

let sh: Shells;
let root: string;
const REPOS = '/opt/ovs-agent-2.3/utils/repos.py';
beforeEach(() => {
  sh = new Shells(buildOvm22World(42));
  root = readRepos(sh.world, sh.world.hosts.ovs01!).root!;
});

describe('the ovm22 world', () => {
  it('/OVS is a link to the root repository mounted on both servers, with the 2.2 pools', () => {
    for (const h of ['ovs01', 'ovs02']) {
      expect(link(sh, h)).toBe(`/var/ovs/mount/${root}`);
      expect(sh.run(h, 'mount -t ocfs2')).toEqual({ out: `/dev/mpath/mpath0p1 on /var/ovs/mount/${root} type ocfs2 (rw,_netdev,heartbeat=local)\n`, exit: 0 });
    }
    expect(sh.run('ovs02', 'ls /OVS | cat')).toEqual({ out: 'iso_pool\nlost+found\npublish_pool\nrunning_pool\nseed_pool\nsharedDisk\n', exit: 0 });
    expect(sh.run('ovs02', 'ls /OVS/running_pool | cat')).toEqual({ out: 'el5_db1\nel5_web1\n', exit: 0 });
    expect(sh.run('ovs01', 'cat /etc/ocfs2/cluster.conf').out).toBe(
      'node:\n\tip_port = 7777\n\tip_address = 10.10.20.11\n\tnumber = 0\n\tname = ovs01\n\tcluster = ocfs2\n\nnode:\n\tip_port = 7777\n\tip_address = 10.10.20.12\n\tnumber = 1\n\tname = ovs02\n\tcluster = ocfs2\n\ncluster:\n\tnode_count = 2\n\tname = ocfs2\n',
    );
    expect(sh.run('ovs01', 'service ovs-agent status')).toEqual({ out: 'ok! process OVSLogServer exists.\nok! process OVSMonitorServer exists.\nok! process OVSPolicyServer exists.\nok! process OVSAgentServer exists.\nok! process OVSRemasterServer exists.\nok! OVSAgentServer is alive.\n', exit: 0 });
    expect(sh.run('ovs01', 'ovs-agent-db dump_db server')).toEqual({ out: '-bash: ovs-agent-db: command not found\n', exit: 127 });
  });
});

describe('repos.py', () => {
  it('--list marks the root', () => {
    expect(sh.run('ovs01', `${REPOS} --list`)).toEqual({ out: `[ R ] ${root} => /dev/mpath/mpath0p1\n`, exit: 0 });
  });

  it('adds a new OCFS2 repository and --init mounts it on every server (seed 003 procedure)', () => {
    sh.run('ovs01', 'fdisk /dev/mpath/mpath1', 'n', 'p', '1', '', '', 'w');
    sh.run('ovs01', 'kpartx -a /dev/mpath/mpath1');
    sh.run('ovs01', 'mkfs.ocfs2 -q -Tdatafiles -N8 /dev/mpath/mpath1p1');
    expect(sh.run('ovs01', `${REPOS} --new /dev/mpath/mpath1p1`)).toEqual({ out: '', exit: 0 });
    const added = readRepos(sh.world, sh.world.hosts.ovs02!).repos[1]!.uuid;
    expect(sh.run('ovs02', `${REPOS} -l`)).toEqual({ out: `[ R ] ${root} => /dev/mpath/mpath0p1\n[   ] ${added} => /dev/mpath/mpath1p1\n`, exit: 0 });
    // ovs02 never ran kpartx: it cannot see the partition, so its mount fails.
    expect(sh.run('ovs01', `${REPOS} --init`)).toEqual({ out: 'ovs02: mount.ocfs2: Device name specified was not found while opening device /dev/mpath/mpath1p1\n', exit: 1 });
    sh.run('ovs02', 'kpartx -a /dev/mpath/mpath1');
    expect(sh.run('ovs01', `${REPOS} -i`)).toEqual({ out: '', exit: 0 });
    expect(sh.run('ovs02', `ls /var/ovs/mount/${added} | cat`)).toEqual({ out: 'iso_pool\nlost+found\npublish_pool\nrunning_pool\nseed_pool\nsharedDisk\n', exit: 0 });
    expect(sh.run('ovs02', `mounted.ocfs2 -f /dev/mpath/mpath1p1`)).toEqual({ out: 'Device                FS     Nodes\n/dev/mpath/mpath1p1   ocfs2  ovs01, ovs02\n', exit: 0 });
    expect(sh.run('ovs01', `${REPOS} --root ${added} && ${REPOS} -i`)).toEqual({ out: '', exit: 0 });
    expect([link(sh, 'ovs01'), link(sh, 'ovs02')]).toEqual([`/var/ovs/mount/${added}`, `/var/ovs/mount/${added}`]);
    expect(sh.run('ovs01', `${REPOS} -d ${root}`)).toEqual({ out: '', exit: 0 });
    expect(sh.run('ovs02', 'mount -t ocfs2')).toEqual({ out: `/dev/mpath/mpath1p1 on /var/ovs/mount/${added} type ocfs2 (rw,_netdev,heartbeat=local)\n`, exit: 0 });
  });

  it('refuses what is not a repository', () => {
    expect(sh.run('ovs01', `${REPOS} --new /dev/mpath/mpath1`)).toEqual({ out: 'Error: /dev/mpath/mpath1 is not an OCFS2 file system\n', exit: 1 });
    expect(sh.run('ovs01', `${REPOS} --new /dev/mpath/mpath0p1`)).toEqual({ out: 'Error: repository /dev/mpath/mpath0p1 already exists\n', exit: 1 });
    expect(sh.run('ovs01', `${REPOS} -d ${root}`)).toEqual({ out: `Error: repository ${root} is the cluster root\n`, exit: 1 });
    expect(sh.run('ovs01', `${REPOS} -r 0123`)).toEqual({ out: 'Error: repository 0123 not found\n', exit: 1 });
    expect(sh.run('ovs01', `${REPOS} --bogus`)).toEqual({ out: 'Usage: repos.py [options]\n\nrepos.py: error: no such option: --bogus\n', exit: 2 });
    expect(sh.run('ovs01', `${REPOS} -n`)).toEqual({ out: 'Usage: repos.py [options]\n\nrepos.py: error: -n option requires an argument\n', exit: 2 });
  });
});
