// The Manager's database against reality: jobs that act through the agents, drift when dom0 is
// changed behind the Manager's back, a lost agent event, serialised jobs, a page83 id change.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { loseAgentEvent } from '../../../src/sim/manager/faults';
import { changePage83 } from '../../../src/sim/storage/san/faults';
import { readFile } from '../../../src/sim/vfs';

const vm = (h: Awaited<ReturnType<typeof mgrHarness>>, name: string) => h.m.vms.find((v) => v.name === name)!;
const job = (h: Awaited<ReturnType<typeof mgrHarness>>, id: string) => h.m.jobs.find((j) => j.id === id)!;
const jobId = (out: string) => /^Job (\d+) submitted/.exec(out)![1]!;

describe('Manager jobs act on reality through the agent', () => {
  it('stop VM: Stopping, then the guest is gone from xm list and the job ends in Success', async () => {
    const h = await mgrHarness();
    const v = vm(h, 'sv101');
    expect(v.server).toBe('ovs01');
    const out = h.run('ovmm stop vm sv101');
    const id = jobId(out);
    expect(out).toBe(`Job ${id} submitted: Stop VM: sv101\n`);
    expect(job(h, id)).toMatchObject({ status: 'In Progress', summary: 'Stop VM: sv101' });
    expect(v.status).toBe('Stopping');
    h.tick(10);
    expect(job(h, id)).toMatchObject({ status: 'Success', progress: 100, message: '' });
    expect(v).toMatchObject({ status: 'Stopped', server: null });
    expect(h.run('xm list')).not.toContain(v.id);
    const log = readFile(h.sim.world, h.sim.world.hosts.ovs01!, '/var/log/ovs-agent.log');
    expect(log.ok && log.value).toMatch(new RegExp(`DEBUG \\(service:77\\) call start: stop_vm\\('${v.repository}', '${v.id}'\\)\\n.*DEBUG \\(service:79\\) call complete: stop_vm\\n$`));
  });

  it('start VM picks the server with the most free memory and runs the guest there', async () => {
    const h = await mgrHarness();
    const v = vm(h, 'sv105');
    expect(v.status).toBe('Stopped');
    const id = jobId(h.run('ovmm start vm sv105'));
    expect(v.status).toBe('Starting');
    h.tick(7);
    expect(job(h, id).status).toBe('Success');
    const d = h.sim.world.domains[v.id]!;
    expect(v).toMatchObject({ status: 'Running', server: d.host });
    expect(d.domid).not.toBeNull();
  });

  it('jobs on one object run one after another: the second waits, then fails on the new state', async () => {
    const h = await mgrHarness();
    const a = jobId(h.run('ovmm stop vm sv101'));
    const b = jobId(h.run('ovmm kill vm sv101'));
    expect([job(h, a).status, job(h, b).status]).toEqual(['In Progress', 'Pending']);
    h.tick(10);
    expect(job(h, a).status).toBe('Success');
    expect(job(h, b)).toMatchObject({ status: 'Failure', message: 'Cannot kill VM sv101: it is Stopped' });
  });

  it('an unknown object is refused at once, with no job', async () => {
    const h = await mgrHarness();
    const before = h.m.jobs.length;
    expect(h.run('ovmm stop vm nosuch')).toBe('ovmm: No such object (Vm): nosuch\n');
    expect(h.run('ovmm frobnicate vm sv101')).toBe('usage: ovmm VERB TYPE [NAME] [key=value ...]\n');
    expect(h.m.jobs.length).toBe(before);
  });
});

describe('drift: the Manager believes what the agents last told it', () => {
  it('xm destroy on dom0 leaves the Manager showing Running until a rediscover', async () => {
    const h = await mgrHarness();
    const v = vm(h, 'sv101');
    expect(h.run(`xm destroy ${v.id}`)).toBe('');
    h.tick(5);
    expect(v.status).toBe('Running');
    const id = jobId(h.run('ovmm rediscover server ovs01'));
    h.tick(6);
    expect(job(h, id).status).toBe('Success');
    expect(v).toMatchObject({ status: 'Stopped', server: null });
  });

  it('the agent\'s periodic report corrects the belief within two minutes', async () => {
    const h = await mgrHarness();
    const v = vm(h, 'sv103');
    h.run(`xm destroy ${v.id}`);
    h.tick(60);
    const mid = v.status;
    h.tick(61);
    expect([mid === 'Running' || mid === 'Stopped', v.status]).toEqual([true, 'Stopped']);
  });

  it('stopping a VM the server no longer runs fails with the agent\'s error', async () => {
    const h = await mgrHarness();
    const v = vm(h, 'sv101');
    h.run(`xm destroy ${v.id}`);
    const id = jobId(h.run('ovmm stop vm sv101'));
    expect(job(h, id)).toMatchObject({ status: 'Failure', message: `Command: ['xm', 'shutdown', '${v.id}'] failed (1): Error: Domain '${v.id}' does not exist.` });
    expect(v.status).toBe('Running');
  });

  it('a lost agent event leaves the VM Stopping for good; only a rediscover clears it', async () => {
    const h = await mgrHarness();
    const v = vm(h, 'sv103');
    expect(loseAgentEvent(h.sim.world, 'sv103')).toBeNull();
    const id = jobId(h.run('ovmm stop vm sv103'));
    h.tick(300);
    expect(job(h, id).status).toBe('Success');
    expect(h.sim.world.domains[v.id]!.domid).toBeNull();
    expect(v).toMatchObject({ status: 'Stopping', stuck: true });
    h.run('ovmm rediscover server ovs01');
    h.tick(6);
    expect(v.status).toBe('Stopped');
    expect(v.stuck).toBeUndefined();
  });

  it('a page83 id change is a new disk to the Manager and orphans the repository on the old one', async () => {
    const h = await mgrHarness();
    const repo = h.m.repositories[0]!;
    const old = repo.disk!;
    expect(changePage83(h.sim.world, h.sim.world.san!.roles.repository!)).not.toBeNull();
    h.run('ovmm refresh storage');
    h.tick(4);
    expect(h.m.disks.find((d) => d.page83 === old)!.status).toBe('Offline');
    expect(h.m.disks.length).toBe(4);
    expect(repo.status).toBe('Orphaned');
    const id = jobId(h.run(`ovmm refresh repository ${repo.name}`));
    h.tick(5);
    expect(job(h, id)).toMatchObject({ status: 'Failure', message: `Repository ${repo.name} is Orphaned: its physical disk ${old} cannot be found` });
  });

  it('a stale agent database refuses to join another pool (seed 000: delete /etc/ovs-agent/db/server)', async () => {
    const h = await mgrHarness();
    h.run('ovmm create pool pool2');
    h.tick(11);
    const s = h.m.servers.find((x) => x.name === 'ovs02')!;
    s.pool = null; // the Manager forgot it, the agent did not
    const id = jobId(h.run('ovmm add server ovs02 pool=pool2'));
    h.tick(9);
    expect(job(h, id)).toMatchObject({ status: 'Failure', message: `exceptions.Exception:Server already a member of pool: ${h.m.pools[0]!.id}` });
    h.run('rm -f /etc/ovs-agent/db/server', 'ovs02');
    const again = jobId(h.run('ovmm add server ovs02 pool=pool2'));
    h.tick(9);
    expect(job(h, again).status).toBe('Success');
    expect(s.pool).toBe(h.m.pools[1]!.id);
  });
});
