// Rebuilding a pool around its repository after the pool file system was lost (seed 000, the
// corrupt-PoolFS way): the Manager's database emptied on its server, servers discovered again,
// a new pool whose cluster the agents join, the repository's cluster id, and what refuses.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { corruptPoolFs } from '../../../src/sim/manager/faults';
import { o2cbNode } from '../../../src/sim/storage/ocfs2/o2cb';

type H = Awaited<ReturnType<typeof mgrHarness>>;
const jobs = (h: H) => h.m.jobs.map((j) => [j.summary, j.status, j.message]);
const UPGRADE = '/u01/app/oracle/ovm-manager-3/ovm_upgrade/bin/ovm_upgrade.sh';

/** Empties the Manager's database from its own server and waits until it answers again. */
function clearManager(h: H): string[] {
  const out = ['ssh ovmm', 'service ovmm stop', `${UPGRADE} --deletedb --dbuser=appfw --dbpass=Welcome1`, 'service ovmm start', 'exit'].map((l) => h.run(l));
  h.tick(61);
  return out.slice(1);
}

describe('the corrupt-PoolFS way', () => {
  it('runs end to end: agent databases deleted, reboot, empty Manager, new pool, tunefs, present, assign, start', async () => {
    const h = await mgrHarness();
    const repo = h.m.repositories[0]!;
    const spare = h.m.disks.find((d) => d.usage === '')!.page83;
    const oldCluster = o2cbNode(h.sim.world, 'ovs01').running!.name;
    corruptPoolFs(h.sim.world);
    for (const host of ['ovs01', 'ovs02']) {
      expect(h.run('rm /etc/ovs-agent/db/{aproc,exports,server}', host)).toBe('');
      expect(h.run('ls /etc/ovs-agent/db', host)).toBe('repository\n');
      h.run('reboot', host);
    }
    h.tick(130);
    expect(h.run('mount -t ocfs2')).toBe('');
    expect(clearManager(h)).toEqual([
      'Stopping Oracle VM Manager                                  [  OK  ]\n',
      'Connecting to the database ... done\nDeleting the Oracle VM Manager database objects ... done\nThe database is empty: start Oracle VM Manager and discover the servers again.\n',
      'Starting Oracle VM Manager                                  [  OK  ]\n',
      'logout\nConnection to ovmm closed.\n',
    ]);
    expect([h.m.up, h.m.pools, h.m.servers, h.m.repositories, h.m.vms]).toEqual([true, [], [], [], []]);
    h.run('ovmm discover server ovs01 password=wrong');
    h.run('ovmm discover server ovs01 password=oracle');
    h.run('ovmm discover server ovs02 password=oracle');
    h.tick(14);
    expect(h.m.servers.map((s) => [s.name, s.pool]).sort()).toEqual([['ovs01', null], ['ovs02', null]]);
    h.run(`ovmm create pool pool2 poolfs=${spare}`);
    h.tick(11);
    h.run('ovmm add server ovs01 pool=pool2');
    h.tick(9);
    h.run('ovmm add server ovs02 pool=pool2');
    h.tick(9);
    const pool2 = h.m.pools[0]!;
    expect(o2cbNode(h.sim.world, 'ovs02').running!.name).toBe(pool2.clusterId);
    expect(h.run('mount -t ocfs2', 'ovs02')).toBe(`/dev/mapper/${spare} on /poolfsmnt/${pool2.poolFsId} type ocfs2 (rw,_netdev,heartbeat=global)\n`);
    h.run('ovmm refresh storage');
    h.tick(4);
    expect(h.m.repositories.map((r) => [r.id, r.name, r.disk, r.presentedTo, r.pool, r.status])).toEqual([[repo.id, repo.name, repo.disk, [], null, 'OK']]);
    h.run(`ovmm present repository ${repo.name} server=ovs01`);
    h.tick(5);
    h.run(`tunefs.ocfs2 --update-cluster-stack /dev/mapper/${repo.disk}\ry`);
    h.run(`ovmm present repository ${repo.name} server=ovs01`);
    h.run(`ovmm present repository ${repo.name} server=ovs02`);
    h.tick(10);
    h.run(`ovmm refresh repository ${repo.name}`);
    h.tick(5);
    expect(h.m.vms.map((v) => [v.name, v.pool])).toEqual([['sv101', null], ['sv102', null], ['sv103', null], ['sv104', null], ['sv105', null]]);
    h.run('ovmm start vm sv101');
    h.run('ovmm assign vm sv102 pool=pool2');
    h.tick(2);
    h.run('ovmm start vm sv102');
    h.tick(8);
    expect(jobs(h)).toEqual([
      ['Discover Server: ovs01', 'Failure', 'Unable to log in to the Oracle VM Agent on ovs01: invalid password'],
      ['Discover Server: ovs01', 'Success', ''],
      ['Discover Server: ovs02', 'Success', ''],
      ['Create Server Pool: pool2', 'Success', ''],
      ['Add Server: ovs01 to Server Pool: pool2', 'Success', ''],
      ['Add Server: ovs02 to Server Pool: pool2', 'Success', ''],
      ['Refresh Storage Array: SAN', 'Success', ''],
      [`Present Repository: ${repo.name} to ovs01`, 'Failure', 'mount.ocfs2: Invalid name for a cluster while trying to join the group'],
      [`Present Repository: ${repo.name} to ovs01`, 'Success', ''],
      [`Present Repository: ${repo.name} to ovs02`, 'Success', ''],
      [`Refresh Repository: ${repo.name}`, 'Success', ''],
      ['Start VM: sv101', 'Failure', 'No server available in the pool to start VM sv101'],
      ['Assign VM: sv102 to pool2', 'Success', ''],
      ['Start VM: sv102', 'Success', ''],
    ]);
    expect(oldCluster).not.toBe(pool2.clusterId);
    expect(h.m.vms.find((v) => v.name === 'sv102')).toMatchObject({ status: 'Running', pool: pool2.id });
  });

  it('refuses: the database while the Manager runs, a join with a stale agent database or with the old cluster still mounted', async () => {
    const h = await mgrHarness();
    const spare = h.m.disks.find((d) => d.usage === '')!.page83;
    const pool1 = h.m.pools[0]!.id;
    corruptPoolFs(h.sim.world);
    h.run('ssh ovmm');
    expect(h.run(`${UPGRADE} --deletedb --dbpass=Welcome1`)).toBe('Oracle VM Manager is running: stop it first (service ovmm stop)\n');
    expect(h.run('service ovmm stop')).toBe('Stopping Oracle VM Manager                                  [  OK  ]\n');
    expect(h.run(`${UPGRADE} --deletedb --dbpass=oracle`)).toBe('Connecting to the database ... failed: Access denied for user (using password: YES)\n');
    expect(h.run('service ovmm status')).toBe('Oracle VM Manager is stopped\n');
    h.run('exit');
    expect(h.m.pools.length).toBe(1);
    clearManager(h);
    h.run('rm -f /etc/ovs-agent/db/server', 'ovs02');
    for (const s of ['ovs01', 'ovs02']) h.run(`ovmm discover server ${s} password=oracle`);
    h.tick(7);
    h.run(`ovmm create pool pool2 poolfs=${spare}`);
    h.tick(11);
    h.run('ovmm add server ovs01 pool=pool2');
    h.run('ovmm add server ovs02 pool=pool2');
    h.tick(9);
    const cluster = o2cbNode(h.sim.world, 'ovs02').running!.name;
    expect(jobs(h).slice(-2)).toEqual([
      ['Add Server: ovs01 to Server Pool: pool2', 'Failure', `exceptions.Exception:Server already a member of pool: ${pool1}`],
      ['Add Server: ovs02 to Server Pool: pool2', 'Failure', `o2cb: cluster ${cluster} is online with OCFS2 file systems mounted: cannot configure cluster ${h.m.pools[0]!.clusterId}`],
    ]);
    expect(h.m.events.find((e) => e.type === 'server.pool')?.summary).toBe(`Server ovs01 reports membership of server pool ${pool1}, which this Manager does not know`);
  });
});
