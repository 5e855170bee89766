// A pool member reboots: it leaves the DLM domains (the others log it), its slots are free; at boot
// o2cb comes back from its configuration and the agent mounts the pool file system and repository.
import { describe, expect, it } from 'vitest';
import { fixture } from './fixture';
import { bootHost, rebootHost } from '../../../src/sim/power';
import { readFile } from '../../../src/sim/vfs';

describe('reboot of a pool member', () => {
  it('leaves and rejoins the cluster and the shared file systems', () => {
    const f = fixture();
    const ovs02 = f.world.hosts.ovs02!;
    rebootHost(f.world, ovs02);
    const log = readFile(f.world, f.world.hosts.ovs01!, '/var/log/messages');
    const tail = (log.ok ? log.value : '').trimEnd().split('\n').slice(-3).map((l) => l.replace(/^\w+ +\d+ [\d:]+ /, ''));
    expect(tail).toEqual([
      `ovs01 kernel: o2dlm: Node 1 leaves domain ${f.poolFsUuid} ( 0 ) 1 node`,
      `ovs01 kernel: o2dlm: Node 1 leaves domain ${f.repoFsUuid} ( 0 ) 1 node`,
      'ovs01 kernel: o2net: No longer connected to node ovs02 (num 1) at 10.10.10.12:7777',
    ]);
    const pad = f.poolDev.padEnd(Math.max(7, f.poolDev.length));
    expect(f.sh.run('ovs01', `mounted.ocfs2 -f ${f.poolDev}`).out).toBe(`${'Device'.padEnd(pad.length)}  Stack  Cluster           F  Nodes\n${pad}  o2cb   ${f.cluster}  G  ovs01\n`);
    expect(ovs02.mounts.map((m) => m.path)).toEqual(['/']);
    expect(f.sh.run('ovs01', 'service o2cb status').out).toContain('Nodes in O2CB cluster: 0 \n');
    bootHost(f.world, ovs02);
    expect(ovs02.mounts.map((m) => m.path)).toEqual(['/', f.poolPath, f.repoPath]);
    expect(f.sh.run('ovs01', `mounted.ocfs2 -f ${f.poolDev}`).out).toBe(`${'Device'.padEnd(pad.length)}  Stack  Cluster           F  Nodes\n${pad}  o2cb   ${f.cluster}  G  ovs01, ovs02\n`);
    expect(f.sh.run('ovs02', 'service o2cb status').out).toContain('Nodes in O2CB cluster: 0 1 \n');
    const agent = readFile(f.world, ovs02, '/var/log/ovs-agent.log');
    expect((agent.ok ? agent.value : '').replace(/^\[[^\]]+\]/gm, '[T]')).toBe(`[T] INFO (storage_plugin:312) mounted ${f.poolDev} on ${f.poolPath}\n[T] INFO (storage_plugin:312) mounted ${f.repoDev} on ${f.repoPath}\n`);
  });
});
