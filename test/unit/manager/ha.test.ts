// HA and master failover: a crashed server's HA VMs restart elsewhere, the others stay down; the
// master role moves to the server with the most free memory, only with one agent password.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { crashHost } from '../../../src/sim/power';
import { crashPoolMaster, restartManager } from '../../../src/sim/manager/faults';
import { setAgentPassword } from '../../../src/sim/agent-password';

const vm = (h: Awaited<ReturnType<typeof mgrHarness>>, name: string) => h.m.vms.find((v) => v.name === name)!;

describe('HA', () => {
  it('restarts the crashed server\'s HA VMs on another server; a VM without HA stays down', async () => {
    const h = await mgrHarness();
    h.run('ovmm edit pool pool1 ha=true');
    h.run('ovmm edit vm sv101 ha=true');
    h.tick(2);
    expect([h.m.pools[0]!.ha, vm(h, 'sv101').ha, vm(h, 'sv103').ha]).toEqual([true, true, false]);
    expect([vm(h, 'sv101').server, vm(h, 'sv103').server]).toEqual(['ovs01', 'ovs01']);
    crashHost(h.sim.world, h.sim.world.hosts.ovs01!, 600_000);
    h.tick(29);
    expect(h.m.servers[0]!.status).toBe('Running');
    h.tick(1);
    expect(h.m.servers[0]!.status).toBe('Unreachable');
    h.tick(8);
    const w = h.sim.world;
    expect(vm(h, 'sv101')).toMatchObject({ status: 'Running', server: 'ovs02' });
    expect(w.domains[vm(h, 'sv101').id]!.host).toBe('ovs02');
    expect(vm(h, 'sv103')).toMatchObject({ status: 'Stopped', server: null });
    expect(w.domains[vm(h, 'sv103').id]!.domid).toBeNull();
    expect(h.m.jobs.filter((j) => j.user === 'HA').map((j) => [j.summary, j.status])).toEqual([['Start VM: sv101', 'Success']]);
    expect(h.m.events.filter((e) => e.type === 'vm.ha' || e.type === 'vm.down').map((e) => e.summary)).toEqual([
      'HA: restarting virtual machine sv101 (its server ovs01 failed)',
      'Virtual machine sv103 went down with server ovs01 (HA is off for this VM)',
    ]);
  });

  it('without HA on the pool, no VM is restarted', async () => {
    const h = await mgrHarness();
    h.run('ovmm edit vm sv101 ha=true');
    h.tick(2);
    crashHost(h.sim.world, h.sim.world.hosts.ovs01!, 600_000);
    h.tick(40);
    expect(vm(h, 'sv101')).toMatchObject({ status: 'Stopped', server: null });
    expect(h.m.jobs.some((j) => j.user === 'HA')).toBe(false);
  });
});

describe('master failover', () => {
  it('moves the master role to the running server with the most free memory', async () => {
    const h = await mgrHarness();
    expect(h.m.pools[0]!.master).toBe('ovs01');
    expect(crashPoolMaster(h.sim.world)).toBeNull();
    h.tick(31);
    expect(h.m.pools[0]!.master).toBe('ovs02');
    expect(h.m.events.filter((e) => e.type === 'pool.master').map((e) => e.summary)).toEqual(['ovs02 is now the master of server pool pool1 (was ovs01)']);
  });

  it('fails when the agent password differs, and the pool cannot be managed until a master is back', async () => {
    const h = await mgrHarness();
    setAgentPassword(h.sim.world, h.sim.world.hosts.ovs02!, 'welcome1');
    crashPoolMaster(h.sim.world, 'pool1', 120);
    h.tick(31);
    expect(h.m.pools[0]!.master).toBeNull();
    expect(h.m.events.filter((e) => e.type === 'pool.master').map((e) => e.summary)).toEqual(['Master failover failed: the agent password on ovs02 differs from the other servers of pool1']);
    h.run('ovmm stop vm sv102');
    expect(h.m.jobs.at(-1)).toMatchObject({ status: 'Failure', message: 'Server pool pool1 has no master server: the pool cannot be managed' });
    h.tick(100);
    expect(h.m.servers[0]!.status).toBe('Running');
    expect(h.m.pools[0]!.master).toBe('ovs01');
  });
});

describe('Manager restart', () => {
  it('refuses actions while down; statuses catch up from the agents\' reports afterwards', async () => {
    const h = await mgrHarness();
    expect(restartManager(h.sim.world, 60)).toBeNull();
    expect(h.run('ovmm stop vm sv101')).toBe('ovmm: Oracle VM Manager is not running\n');
    h.run(`xm destroy ${vm(h, 'sv101').id}`);
    h.tick(60);
    expect(h.m.up).toBe(true);
    expect(vm(h, 'sv101').status).toBe('Running');
    h.tick(120);
    expect(vm(h, 'sv101').status).toBe('Stopped');
  });
});
