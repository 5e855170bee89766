// Pool membership: a server removed cleanly leaves its pool in its agent database too (so it can
// join another), an OCFS2 repository is presented to one pool's servers only, a pool left without
// a master re-elects once the agent passwords agree, and the checks and override the labs use.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { checkRegistry } from '../../../src/labs/checks';
import { applyOverrides } from '../../../src/labs/scenario';
import { readDb } from '../../../src/sim/storage/agent/agent-db';
import { dictGet, pyText } from '../../../src/sim/storage/agent/agent-pyvalue';
import { crashPoolMaster } from '../../../src/sim/manager/faults';
import { checkAgentPassword, setAgentPassword } from '../../../src/sim/agent-password';

type H = Awaited<ReturnType<typeof mgrHarness>>;
const check = (h: H, name: string, args: Record<string, unknown>) => checkRegistry[name]!.run({ sim: h.sim, world: h.sim.world, lab: undefined }, args as never);
const jobs = (h: H) => h.m.jobs.map((j) => [j.summary, j.status, j.message]);
const poolKeys = (h: H, host: string) => {
  const db = readDb(h.sim.world, h.sim.world.hosts[host]!, 'server');
  if (!db.ok) return null;
  return ['pool_uuid', 'pool_alias', 'is_master', 'clustered'].map((k) => { const v = dictGet(db.db, k); return typeof v === 'boolean' ? v : pyText(v) ?? null; });
};

describe('moving a server to another pool', () => {
  it('the clean way: the agent forgets pool1 when removed, joins pool2, the repository follows once unpresented everywhere', async () => {
    const h = await mgrHarness();
    const pool1 = h.m.pools[0]!.id;
    const repo = h.m.repositories[0]!.name;
    for (const vm of ['sv101', 'sv102', 'sv103', 'sv104']) h.run(`ovmm stop vm ${vm}`);
    h.tick(15);
    h.run('ovmm remove server ovs02');
    h.run('ovmm create pool pool2');
    h.tick(15);
    expect(poolKeys(h, 'ovs02')).toEqual([null, null, false, false]);
    h.run('ovmm add server ovs02 pool=pool2');
    h.tick(10);
    const pool2 = h.m.pools[1]!.id;
    expect(poolKeys(h, 'ovs02')).toEqual([pool2, 'pool2', true, true]);
    expect(poolKeys(h, 'ovs01')).toEqual([pool1, 'pool1', true, true]);
    h.run(`ovmm present repository ${repo} server=ovs02`);
    h.tick(5);
    h.run(`ovmm unpresent repository ${repo} server=ovs01`);
    h.tick(5);
    h.run(`ovmm present repository ${repo} server=ovs02`);
    h.tick(5);
    expect(jobs(h).slice(4)).toEqual([
      ['Remove Server: ovs02 from Server Pool', 'Success', ''],
      ['Create Server Pool: pool2', 'Success', ''],
      ['Add Server: ovs02 to Server Pool: pool2', 'Success', ''],
      [`Present Repository: ${repo} to ovs02`, 'Failure', `Repository ${repo} is still presented to ovs01 in pool1: unpresent it there first`],
      [`Unpresent Repository: ${repo} from ovs01`, 'Success', ''],
      [`Present Repository: ${repo} to ovs02`, 'Success', ''],
    ]);
    expect(h.m.repositories[0]).toMatchObject({ pool: pool2, presentedTo: ['ovs02'] });
  });

  it('refuses to present an OCFS2 repository to a server in no pool', async () => {
    const h = await mgrHarness();
    const repo = h.m.repositories[0]!.name;
    for (const vm of ['sv102', 'sv104']) h.run(`ovmm stop vm ${vm}`);
    h.tick(15);
    h.run('ovmm remove server ovs02');
    h.tick(6);
    h.run(`ovmm present repository ${repo} server=ovs02`);
    h.tick(5);
    expect(jobs(h).slice(2)).toEqual([
      ['Remove Server: ovs02 from Server Pool', 'Success', ''],
      [`Present Repository: ${repo} to ovs02`, 'Failure', 'Server ovs02 is not in a server pool: an OCFS2 repository needs the pool\'s cluster'],
    ]);
  });
});

describe('a pool left without a master', () => {
  it('re-elects once the agent passwords agree again, and not before', async () => {
    const h = await mgrHarness();
    setAgentPassword(h.sim.world, h.sim.world.hosts.ovs02!, 'welcome1');
    crashPoolMaster(h.sim.world, 'pool1', 86400);
    h.tick(60);
    expect(h.m.pools[0]!.master).toBeNull();
    setAgentPassword(h.sim.world, h.sim.world.hosts.ovs02!, 'oracle');
    h.tick(1);
    expect(h.m.pools[0]!.master).toBe('ovs02');
    expect(h.m.events.filter((e) => e.type === 'pool.master').map((e) => e.summary)).toEqual([
      'Master failover failed: the agent password on ovs02 differs from the other servers of pool1',
      'ovs02 is now the master of server pool pool1 (the agent passwords agree again)',
    ]);
  });
});

describe('lab checks and override', () => {
  it('manager_vm_pool: the pool a VM is assigned to, or unassigned', async () => {
    const h = await mgrHarness();
    expect(check(h, 'manager_vm_pool', { vm: 'sv105', pool: 'pool1' })).toEqual({ ok: true });
    expect(check(h, 'manager_vm_pool', { vm: 'sv105' })).toEqual({ ok: false, detail: 'sv105 is in server pool pool1' });
    h.run('ovmm unassign vm sv105');
    h.tick(2);
    expect(check(h, 'manager_vm_pool', { vm: 'sv105' })).toEqual({ ok: true });
    expect(check(h, 'manager_vm_pool', { vm: 'sv105', pool: 'pool1' })).toEqual({ ok: false, detail: 'sv105 is unassigned' });
    expect(check(h, 'manager_vm_pool', { vm: 'sv999' })).toEqual({ ok: false, detail: 'the Manager has no VM sv999' });
  });

  it('agent_password and the hosts[].agent_password override', async () => {
    const h = await mgrHarness();
    applyOverrides(h.sim.world, { hosts: [{ name: 'ovs02', agent_password: 'Kr4nj-ovm' }] });
    expect(checkAgentPassword(h.sim.world, h.sim.world.hosts.ovs02!, 'oracle', 'Kr4nj-ovm')).toBe(true);
    expect(check(h, 'agent_password', { host: 'ovs02', password: 'Kr4nj-ovm' })).toEqual({ ok: true });
    expect(check(h, 'agent_password', { host: 'ovs01', password: 'Kr4nj-ovm' })).toEqual({ ok: false, detail: 'ovs01\'s agent has another password' });
    expect(check(h, 'agent_password', { host: 'ovs01', password: 'oracle' })).toEqual({ ok: true });
    expect(check(h, 'agent_password', { host: 'ovs09', password: 'oracle' })).toEqual({ ok: false, detail: 'no host ovs09' });
  });
});
