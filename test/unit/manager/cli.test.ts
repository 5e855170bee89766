// The OVM CLI over ssh: password, OVM> prompt, list/show blocks, an action that waits for its job
// and prints Status/Time/JobId, a failure with Error Msg, exit; the one-shot form `ssh … CMD`.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';

const TIME = /^Time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} UTC$/m;

describe('OVM CLI', () => {
  it('logs in, lists, stops a VM (waiting for the job), and exits', async () => {
    const h = await mgrHarness();
    expect(h.run('ssh admin@ovmm -p 10000')).toBe("admin@ovmm's password: ");
    expect(h.run('wrong')).toBe("\nPermission denied, please try again.\nadmin@ovmm's password: ");
    expect(h.run('Welcome1')).toBe('\nOVM> ');
    const list = h.run('list Vm');
    const vms = h.m.vms.map((v) => `  id:${v.id}  name:${v.name}`).join('\n');
    expect(list.replace(TIME, 'Time: T')).toBe(`Command: list Vm\nStatus: Success\nTime: T\nData: \n${vms}\nOVM> `);
    const v = h.m.vms[0]!;
    expect(h.run('stop Vm name=sv101')).toBe('');
    const out = h.tickOut(10);
    const job = h.m.jobs.at(-1)!;
    expect(out.replace(TIME, 'Time: T')).toBe(`Command: stop Vm name=sv101\nStatus: Success\nTime: T\nJobId: ${job.id}\nOVM> `);
    expect(h.sim.world.domains[v.id]!.domid).toBeNull();
    expect(h.run('stop Vm name=sv101').replace(TIME, 'Time: T')).toBe(`Command: stop Vm name=sv101\nStatus: Failure\nTime: T\nJobId: ${h.m.jobs.at(-1)!.id}\nError Msg: Job failed on Core: Cannot stop VM sv101: it is Stopped\nOVM> `);
    expect(h.run('show Vm name=nosuch').replace(TIME, 'Time: T')).toBe('Command: show Vm name=nosuch\nStatus: Failure\nTime: T\nError Msg: No such object (Vm): nosuch\nOVM> ');
    expect(h.run('exit')).toBe('Connection to ovmm closed.\n');
    expect(h.run('hostname -s')).toBe('ovs01\n');
  });

  it('runs one command given on the ssh line, after the password', async () => {
    const h = await mgrHarness();
    expect(h.run('ssh admin@10.10.10.254 -p 10000 show ServerPool name=pool1')).toBe("admin@10.10.10.254's password: ");
    const out = h.run('Welcome1').replace(TIME, 'Time: T');
    const p = h.m.pools[0]!;
    const s = h.m.servers;
    expect(out).toBe(
      `\nCommand: show ServerPool name=pool1\nStatus: Success\nTime: T\nData: \n  Name = pool1\n  Id = ${p.id}\n  Virtual IP = 10.10.10.250\n  Master Server = ${s[0]!.id}  [ovs01]\n  High Availability = No\n  Cluster Id = ${p.clusterId}\n  Server 1 = ${s[0]!.id}  [ovs01]\n  Server 2 = ${s[1]!.id}  [ovs02]\n`,
    );
  });

  it('is not there on another port, nor on a server', async () => {
    const h = await mgrHarness();
    expect(h.run('ssh admin@ovs02 -p 10000')).toBe('ssh: connect to host ovs02 port 10000: Connection refused\n');
  });
});
