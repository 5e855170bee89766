// Edit Virtual Machine: name, description, memory and maximum, processors and maximum, priority and
// HA change the Manager's database and, through the agent, the VM's vm.cfg on the repository; a
// stopped VM's next start uses them; a running VM takes memory, processors and priority live and
// refuses new maxima (OVMRU_005002E); impossible values are refused at submission.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { readFile } from '../../../src/sim/vfs';

type H = Awaited<ReturnType<typeof mgrHarness>>;
const vmOf = (h: H, name: string) => h.m.vms.find((v) => v.name === name)!;
const cfg = (h: H, id: string) => {
  const d = h.sim.world.domains[id]!;
  const r = readFile(h.sim.world, h.sim.world.hosts.ovs01!, d.cfgPath);
  return r.ok ? r.value : '';
};
const lastJob = (h: H) => h.m.jobs[h.m.jobs.length - 1]!;

describe('edit vm', () => {
  it('a stopped VM: the database, its vm.cfg (other keys kept) and its next start', async () => {
    const h = await mgrHarness();
    const vm = vmOf(h, 'sv105');
    expect(vm.status).toBe('Stopped');
    const before = cfg(h, vm.id);
    h.run(`ovmm edit vm sv105 name=web01 "description=front end, Bob's" memory=1024 memoryLimit=4096 cpuCount=2 cpuCountLimit=4 cpuPriority=80 ha=true`);
    h.tick(3);
    expect([lastJob(h).summary, lastJob(h).status, lastJob(h).message]).toEqual(['Edit VM: sv105', 'Success', '']);
    expect(vm).toMatchObject({ name: 'web01', description: "front end, Bob's", memoryMiB: 1024, maxMemoryMiB: 4096, vcpus: 2, maxVcpus: 4, priority: 80, ha: true });
    const after = cfg(h, vm.id);
    for (const line of ["OVM_simple_name = 'web01'", "OVM_description = 'front end, Bob\\'s'", 'memory = 1024', 'maxmem = 4096', 'vcpus = 2', 'maxvcpus = 4', 'cpu_weight = 44000', 'OVM_high_availability = True']) {
      expect(after.split('\n')).toContain(line);
    }
    // Every other line is kept as it was.
    expect(before.split('\n').filter((l) => !/^(OVM_simple_name|OVM_description|memory|maxmem|vcpus|maxvcpus|cpu_weight|OVM_high_availability) =/.test(l)).every((l) => after.includes(l))).toBe(true);
    expect(h.sim.world.domains[vm.id]).toMatchObject({ simpleName: 'web01', memoryMiB: 1024, maxMemMiB: 4096, vcpus: 2, maxVcpus: 4, weight: 44000 });
    expect(h.run('cat /var/log/ovs-agent.log')).toMatch(/call start: update_vm\('[0-9a-f]+', '[0-9a-f]+'\)\n.*call complete: update_vm/);

    h.run('ovmm start vm web01');
    h.tick(10);
    expect(vm.status).toBe('Running');
    const line = h.run('xm list', vm.server!).split('\n').find((l) => l.startsWith(vm.id))!;
    expect(line.split(/\s+/).slice(2, 4)).toEqual(['1024', '2']);
  });

  it('a running VM takes memory, processors and priority live; new maxima are refused until it is stopped', async () => {
    const h = await mgrHarness();
    const vm = vmOf(h, 'sv101');
    const d = h.sim.world.domains[vm.id]!;
    const cfgBefore = cfg(h, vm.id);
    h.run(`ovmm edit vm sv101 memoryLimit=${d.maxMemMiB * 2}`);
    h.tick(3);
    expect(lastJob(h).status).toBe('Failure');
    expect(lastJob(h).message).toMatch(/^OVMRU_005002E Operation not allowed- Virtual Machine: sv101, is not STOPPED\. It is RUNNING\. \[\w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4}\]$/);
    expect(cfg(h, vm.id)).toBe(cfgBefore);

    const mem = d.memoryMiB / 2;
    h.run(`ovmm edit vm sv101 memory=${mem} cpuCount=1 cpuPriority=10`);
    h.tick(3);
    expect(lastJob(h).status).toBe('Success');
    expect(d).toMatchObject({ memoryMiB: mem, vcpus: 1, weight: 5500, maxMemMiB: vm.maxMemoryMiB });
    expect(d.domid).not.toBeNull();
    expect(cfg(h, vm.id).split('\n')).toEqual(expect.arrayContaining([`memory = ${mem}`, 'vcpus = 1', 'cpu_weight = 5500']));
    // xm list: the new target (plus what xend shows above it for a PV guest).
    expect(Number(h.run(`xm list ${vm.id}`, vm.server!).split('\n')[1]!.split(/\s+/)[2]) - mem).toBeLessThan(8);
  });

  it('refuses impossible values at submission, with no job', async () => {
    const h = await mgrHarness();
    const jobs = h.m.jobs.length;
    const v = vmOf(h, 'sv105');
    expect(h.run(`ovmm edit vm sv105 memory=${v.memoryMiB * 4}`)).toBe(`ovmm: Memory (${v.memoryMiB * 4} MB) cannot be greater than the maximum memory (${v.maxMemoryMiB} MB)\n`);
    expect(h.run('ovmm edit vm sv105 cpuCount=8 cpuCountLimit=4')).toBe('ovmm: Processors (8) cannot be greater than the maximum processors (4)\n');
    expect(h.run('ovmm edit vm sv105 cpuPriority=101')).toBe('ovmm: Invalid value for attribute cpuPriority: 101 (1 to 100)\n');
    expect(h.run('ovmm edit vm sv105 memory=lots')).toBe('ovmm: Invalid value for attribute memory: lots\n');
    expect(h.run('ovmm edit vm sv105 name=sv101')).toBe('ovmm: Virtual Machine name sv101 is already in use\n');
    expect(h.m.jobs.length).toBe(jobs);
  });

  it('through the OVM CLI: edit Vm with the CLI attribute names', async () => {
    const h = await mgrHarness();
    h.run('ssh admin@ovmm -p 10000');
    h.run('Welcome1');
    h.run('edit Vm name=sv105 memory=1024 cpuPriority=60 description=batch');
    const out = h.tickOut(5);
    expect(out).toMatch(/^Command: edit Vm name=sv105 memory=1024 cpuPriority=60 description=batch\nStatus: Success\n/);
    expect(vmOf(h, 'sv105')).toMatchObject({ memoryMiB: 1024, priority: 60, description: 'batch' });
  });
});
