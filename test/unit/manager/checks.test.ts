// The Manager's lab checks and faults: each check reads the Manager's database (not reality), and
// says why it fails; the faults change what the Manager believes or can do.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { checkRegistry } from '../../../src/labs/checks';
import { runFault } from '../../../src/labs/faults';

const check = (h: Awaited<ReturnType<typeof mgrHarness>>, name: string, args: Record<string, unknown>) =>
  checkRegistry[name]!.run({ sim: h.sim, world: h.sim.world, lab: undefined }, args as never);

describe('Manager checks', () => {
  it('VM status as the Manager shows it, and whether it matches reality', async () => {
    const h = await mgrHarness();
    const v = h.m.vms[0]!;
    expect(check(h, 'manager_vm_status', { vm: 'sv101', status: 'Running', server: 'ovs01' })).toEqual({ ok: true });
    expect(check(h, 'manager_in_sync', {})).toEqual({ ok: true });
    h.run(`xm destroy ${v.id}`);
    expect(check(h, 'manager_vm_status', { vm: 'sv101', status: 'Running' })).toEqual({ ok: true });
    expect(check(h, 'manager_in_sync', { vm: 'sv101' })).toEqual({ ok: false, detail: 'the Manager shows sv101 Running on ovs01, but it is Stopped' });
    expect(check(h, 'manager_vm_status', { vm: 'sv101', status: 'Stopped' })).toEqual({ ok: false, detail: 'the Manager shows sv101 Running on ovs01' });
  });

  it('pool membership, master, presented repositories, HA flags, job outcomes', async () => {
    const h = await mgrHarness();
    const repo = h.m.repositories[0]!.name;
    expect(check(h, 'manager_server_pool', { server: 'ovs02', pool: 'pool1' })).toEqual({ ok: true });
    expect(check(h, 'manager_server_pool', { server: 'ovs02' })).toEqual({ ok: false, detail: 'ovs02 is in server pool pool1' });
    expect(check(h, 'manager_pool_master', { pool: 'pool1', server: 'ovs01' })).toEqual({ ok: true });
    expect(check(h, 'manager_repo_presented', { repository: repo, server: 'ovs02' })).toEqual({ ok: true });
    expect(check(h, 'manager_ha', { pool: 'pool1', enabled: true })).toEqual({ ok: false, detail: 'HA is off for server pool pool1' });
    expect(check(h, 'manager_job', { summary: 'Edit Server Pool: pool1' })).toEqual({ ok: false, detail: 'no job "Edit Server Pool: pool1" has run' });
    h.run('ovmm edit pool pool1 ha=true');
    h.tick(2);
    expect(check(h, 'manager_ha', { pool: 'pool1', enabled: true })).toEqual({ ok: true });
    expect(check(h, 'manager_job', { summary: 'Edit Server Pool: pool1', status: 'Success' })).toEqual({ ok: true });
  });
});

describe('Manager faults', () => {
  it('a lost agent event, a corrupt pool file system, a Manager restart, a crashed pool master', async () => {
    const h = await mgrHarness();
    const w = h.sim.world;
    expect(runFault(h.sim, { lost_agent_event: { vm: 'sv102' } })).toBeNull();
    expect(h.m.loseEventFor).toEqual([h.m.vms[1]!.id]);
    expect(runFault(h.sim, { lost_agent_event: { vm: 'nosuch' } })).toBe('no virtual machine nosuch in the Manager');
    expect(runFault(h.sim, { poolfs_corrupt: {} })).toBeNull();
    expect([h.m.pools[0]!.poolFsOk, h.m.repositories[0]!.status]).toEqual([false, 'Unavailable']);
    expect(check(h, 'manager_repo_status', { repository: h.m.repositories[0]!.name, status: 'Unavailable' })).toEqual({ ok: true });
    h.run('ovmm start vm sv105');
    expect(h.m.jobs.at(-1)).toMatchObject({ status: 'Failure', message: 'Server pool pool1: the pool file system is not available' });
    expect(runFault(h.sim, { manager_restart: { down_s: 30 } })).toBeNull();
    expect(h.m.up).toBe(false);
    h.tick(30);
    expect(h.m.up).toBe(true);
    expect(runFault(h.sim, { pool_master_crash: {} })).toBeNull();
    expect(w.hosts.ovs01!.down?.reason).toBe('crash');
  });
});
