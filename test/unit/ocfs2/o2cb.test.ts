// The O2CB cluster stack per host: `service o2cb` status/offline/stop/start with the 1.8 script's
// wording, cluster.conf as OVM 3 writes it, live nodes, and the refusal to stop under mounts.
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from './fixture';
import { renderO2cbStatus } from '../../../src/sim/render/o2cb';

let f: Fixture;
beforeEach(() => {
  f = fixture();
  // No guests: nothing keeps the repository busy.
  for (const d of Object.values(f.world.domains)) Object.assign(d, { host: null, domid: null, state: 'halted' });
});

const DRIVERS = 'Driver for "configfs": Loaded\nFilesystem "configfs": Mounted\nStack glue driver: Loaded\nStack plugin "o2cb": Loaded\nDriver for "ocfs2_dlmfs": Loaded\nFilesystem "ocfs2_dlmfs": Mounted\n';
const online = (c: string, region: string, nodes: string) =>
  `${DRIVERS}Checking O2CB cluster "${c}": Online\n  Heartbeat dead threshold: 61\n  Network idle timeout: 60000\n  Network keepalive delay: 2000\n  Network reconnect delay: 2000\n  Heartbeat mode: Global\nChecking O2CB heartbeat: Active\n  ${region} /dev/dm-0\nNodes in O2CB cluster: ${nodes}\n`;

describe('service o2cb', () => {
  it('status of an OVM 3.4 node: global heartbeat on the pool file system, both nodes live', () => {
    expect(f.sh.run('ovs01', 'service o2cb status')).toEqual({ out: online(f.cluster, f.poolFsUuid, '0 1 '), exit: 0 });
  });

  it('cluster.conf: the cluster stanza, the nodes of the pool, the heartbeat region', () => {
    expect(f.sh.run('ovs02', 'cat /etc/ocfs2/cluster.conf').out).toBe(
      `cluster:\n\theartbeat_mode = global\n\tnode_count = 2\n\tname = ${f.cluster}\n\n` +
        `node:\n\tnumber = 0\n\tcluster = ${f.cluster}\n\tip_port = 7777\n\tip_address = 10.10.10.11\n\tname = ovs01\n\n` +
        `node:\n\tnumber = 1\n\tcluster = ${f.cluster}\n\tip_port = 7777\n\tip_address = 10.10.10.12\n\tname = ovs02\n\n` +
        `heartbeat:\n\tcluster = ${f.cluster}\n\tregion = ${f.poolFsUuid}\n`,
    );
  });

  it('will not go offline while a volume is mounted', () => {
    expect(f.sh.run('ovs01', 'service o2cb offline')).toEqual({ out: `Stopping global heartbeat on cluster "${f.cluster}": Failed\nUnable to stop cluster as heartbeat region still active\n`, exit: 1 });
  });

  it('stop, status while stopped, start: the node leaves and rejoins the live nodes', () => {
    f.sh.run('ovs02', `umount ${f.repoPath} && umount ${f.poolPath}`);
    expect(f.sh.run('ovs02', 'service o2cb stop')).toEqual({
      out: `Stopping global heartbeat on cluster "${f.cluster}": OK\nUnregistering O2CB cluster "${f.cluster}": OK\nUnmounting ocfs2_dlmfs filesystem: OK\nUnloading module "ocfs2_dlmfs": OK\nUnloading module "ocfs2_stack_o2cb": OK\nUnmounting configfs filesystem: OK\nUnloading module "configfs": OK\n`,
      exit: 0,
    });
    expect(f.sh.run('ovs02', 'service o2cb status')).toEqual({ out: 'Driver for "configfs": Not loaded\nFilesystem "configfs": Not mounted\nStack glue driver: Not loaded\nStack plugin "o2cb": Not loaded\nDriver for "ocfs2_dlmfs": Not loaded\nFilesystem "ocfs2_dlmfs": Not mounted\n', exit: 3 });
    expect(f.sh.run('ovs01', 'service o2cb status').out).toBe(online(f.cluster, f.poolFsUuid, '0 '));
    expect(f.sh.run('ovs02', `mount -t ocfs2 ${f.repoDev} ${f.repoPath}`)).toEqual({ out: 'mount.ocfs2: Unable to access cluster service while trying initialize cluster\n', exit: 1 });
    expect(f.sh.run('ovs02', 'mount -t configfs')).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs02', 'service o2cb start')).toEqual({
      out: `Loading filesystem "configfs": OK\nMounting configfs filesystem at /sys/kernel/config: OK\nLoading stack plugin "o2cb": OK\nLoading filesystem "ocfs2_dlmfs": OK\nMounting ocfs2_dlmfs filesystem at /dlm: OK\nSetting cluster stack "o2cb": OK\nRegistering O2CB cluster "${f.cluster}": OK\nSetting O2CB cluster timeouts : OK\nStarting global heartbeat for cluster "${f.cluster}": OK\n`,
      exit: 0,
    });
    expect(f.sh.run('ovs02', 'service o2cb status').out).toBe(online(f.cluster, f.poolFsUuid, '0 1 '));
    expect(f.sh.run('ovs02', 'service o2cb online')).toEqual({ out: `Cluster "${f.cluster}" already online\n`, exit: 0 });
    expect(f.sh.run('ovs02', `mount -t ocfs2 ${f.repoDev} ${f.repoPath}`)).toEqual({ out: '', exit: 0 });
  });

  it('online reads cluster.conf: a node missing from it cannot join', () => {
    f.sh.run('ovs02', `umount ${f.repoPath} && umount ${f.poolPath} && service o2cb offline`);
    f.sh.run('ovs02', "sed -i 's/name = ovs02/name = other/' /etc/ocfs2/cluster.conf");
    expect(f.sh.run('ovs02', 'service o2cb online')).toEqual({ out: `Registering O2CB cluster "${f.cluster}": Failed\no2cb_ctl: Unable to find node "ovs02" in cluster "${f.cluster}"\n`, exit: 1 });
  });
});

describe('o2cb status of ocfs2-tools 1.4 (OVM 2.2)', () => {
  it('has the unindented threshold line and no heartbeat mode', () => {
    const r = renderO2cbStatus({
      v14: true, loaded: true, clusterName: 'ocfs2', heartbeatActive: true, regions: [], liveNodes: [],
      running: { name: 'ocfs2', heartbeatMode: 'local', nodes: [], regions: [], deadThreshold: 31, idleTimeoutMs: 30000, keepaliveDelayMs: 2000, reconnectDelayMs: 2000 },
    });
    expect(r).toEqual({
      text: 'Driver for "configfs": Loaded\nFilesystem "configfs": Mounted\nDriver for "ocfs2_dlmfs": Loaded\nFilesystem "ocfs2_dlmfs": Mounted\nChecking O2CB cluster ocfs2: Online\nHeartbeat dead threshold = 31\n  Network idle timeout: 30000\n  Network keepalive delay: 2000\n  Network reconnect delay: 2000\nChecking O2CB heartbeat: Active\n',
      code: 0,
    });
  });
});
