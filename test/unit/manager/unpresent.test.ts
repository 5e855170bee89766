// Unpresenting a repository goes through the server's agent: unmount_repository_fs unmounts it and
// drops it from the agent's repository database (so a rediscover does not bring it back); refused
// while VMs the Manager believes running there use it, and by umount when one runs behind its back.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { readDb } from '../../../src/sim/storage/agent/agent-db';
import { dictGet } from '../../../src/sim/storage/agent/agent-pyvalue';
import { readFile } from '../../../src/sim/vfs';

type H = Awaited<ReturnType<typeof mgrHarness>>;
const lastJob = (h: H) => h.m.jobs[h.m.jobs.length - 1]!;
const mounted = (h: H, host: string) => h.sim.world.hosts[host]!.mounts.some((x) => x.path === h.m.repositories[0]!.mountPath);
const inAgentDb = (h: H, host: string) => {
  const db = readDb(h.sim.world, h.sim.world.hosts[host]!, 'repository');
  return db.ok && dictGet(db.db, h.m.repositories[0]!.id) !== undefined;
};
const agentLog = (h: H, host: string) => {
  const r = readFile(h.sim.world, h.sim.world.hosts[host]!, '/var/log/ovs-agent.log');
  return r.ok ? r.value : '';
};
/** The VMs the Manager shows on ovs02, stopped through the Manager. */
async function ovs02Stopped(): Promise<H> {
  const h = await mgrHarness();
  for (const v of h.m.vms.filter((x) => x.server === 'ovs02')) h.run(`ovmm stop vm ${v.name}`);
  h.tick(15);
  expect(h.m.vms.filter((x) => x.server === 'ovs02')).toEqual([]);
  return h;
}

describe('unpresent repository', () => {
  it('unmounts it on the server through the agent and forgets it there; a rediscover does not bring it back; present mounts it again', async () => {
    const h = await ovs02Stopped();
    const repo = h.m.repositories[0]!;
    expect([mounted(h, 'ovs02'), inAgentDb(h, 'ovs02')]).toEqual([true, true]);
    h.run(`ovmm unpresent repository ${repo.name} server=ovs02`);
    h.tick(5);
    expect([lastJob(h).summary, lastJob(h).status]).toEqual([`Unpresent Repository: ${repo.name} from ovs02`, 'Success']);
    expect(repo.presentedTo).toEqual(['ovs01']);
    expect([mounted(h, 'ovs02'), inAgentDb(h, 'ovs02')]).toEqual([false, false]);
    expect([mounted(h, 'ovs01'), inAgentDb(h, 'ovs01')]).toEqual([true, true]);
    expect(agentLog(h, 'ovs02')).toMatch(new RegExp(`call start: unmount_repository_fs\\('${repo.mountPath}'\\)\\n.*call complete: unmount_repository_fs\\n$`));
    expect(h.run('mount | grep -c Repositories', 'ovs02').trim()).toBe('0');

    h.run('ovmm rediscover server ovs02');
    h.tick(10);
    expect(repo.presentedTo).toEqual(['ovs01']);

    h.run(`ovmm present repository ${repo.name} server=ovs02`);
    h.tick(5);
    expect(lastJob(h).status).toBe('Success');
    expect([mounted(h, 'ovs02'), inAgentDb(h, 'ovs02')]).toEqual([true, true]);
    expect([...repo.presentedTo].sort()).toEqual(['ovs01', 'ovs02']);
  });

  it('is refused while VMs the Manager believes running on that server use the repository; nothing is unmounted', async () => {
    const h = await mgrHarness();
    const repo = h.m.repositories[0]!;
    const running = h.m.vms.filter((v) => v.server === 'ovs01').map((v) => v.name).sort();
    h.run(`ovmm unpresent repository ${repo.name} server=ovs01`);
    h.tick(5);
    expect(lastJob(h).status).toBe('Failure');
    expect(lastJob(h).message).toBe(`Operation not allowed- Repository: ${repo.name}, cannot be unpresented from Server: ovs01. It is in use by running Virtual Machine(s): ${running.join(', ')}`);
    expect([mounted(h, 'ovs01'), inAgentDb(h, 'ovs01')]).toEqual([true, true]);
    expect([...repo.presentedTo].sort()).toEqual(['ovs01', 'ovs02']);
    expect(agentLog(h, 'ovs01')).not.toContain('unmount_repository_fs');
  });

  it('fails with umount\'s error when a guest started behind the Manager\'s back still runs from it', async () => {
    const h = await ovs02Stopped();
    const repo = h.m.repositories[0]!;
    const d = Object.values(h.sim.world.domains).find((x) => x.simpleName === 'sv102')!;
    h.run(`xm create ${d.cfgPath}`, 'ovs02');
    expect(h.run('xm list', 'ovs02')).toContain(d.name);
    expect(h.m.vms.find((v) => v.id === d.name)!.status).toBe('Stopped');
    h.run(`ovmm unpresent repository ${repo.name} server=ovs02`);
    h.tick(5);
    expect(lastJob(h).status).toBe('Failure');
    expect(lastJob(h).message).toMatch(new RegExp(`^umount: ${repo.mountPath}: device is busy\\.`));
    expect(agentLog(h, 'ovs02')).toContain(`ERROR (service:97) catch_error: unmount_repository_fs: umount: ${repo.mountPath}: device is busy.`);
    expect([mounted(h, 'ovs02'), inAgentDb(h, 'ovs02')]).toEqual([true, true]);
    expect([...repo.presentedTo].sort()).toEqual(['ovs01', 'ovs02']);
  });
});
