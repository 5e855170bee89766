// xm migrate as a program (reference §1.13, seeds 001/003): the transfer takes time by memory
// size and link speed; the guest keeps its uptime on the target; xend makes no memory check
// there, so a guest sent to a full host dies; another pool refuses the connection; a target
// with another CPU fails the restore and the guest stays; Ctrl-C leaves the migration running.
import { describe, expect, it } from 'vitest';
import { migrationSeconds } from '../../../src/sim/xen/migrate';
import { readFile } from '../../../src/sim/vfs';
import { xenSession } from './helpers';

const G2 = '0004fb0000060000da180242fd96ddfe'; // seed 42, ovs01 id 2: HVM, 2048 MiB, 4 vCPUs
const G1 = '0004fb0000060000d93de77deddd1788'; // seed 42, ovs01 id 1: HVM, 8192 MiB

describe('xm migrate', () => {
  it('live: blocks silently for the transfer time, then the guest runs on the target with a new id and its uptime', async () => {
    const s = await xenSession();
    const d = s.sim.world.domains[G2]!;
    const started = d.startedAtMs;
    const secs = migrationSeconds(d, true);
    expect(secs).toBe(26);
    expect(s.run(`xm migrate -l ${G2} ovs02`)).toBe('');
    expect(s.busy()).toBe(true);
    expect(s.tick(secs - 1)).toBe('');
    expect(d.host).toBe('ovs01');
    expect(d.state).toBe('blocked');
    expect(s.tick(1)).toBe('[root@ovs01 ~]# ');
    expect(s.run('echo $?')).toBe('0\n');
    expect([d.host, d.domid, d.state, d.startedAtMs]).toEqual(['ovs02', 3, 'blocked', started]);
    expect(s.run('xm list 2')).toBe("Error: Domain '2' does not exist.\n");
    expect(s.sim.world.events.filter((e) => e.kind.startsWith('domain.migrat')).map((e) => e.text)).toEqual([
      `${G2} migrating from ovs01 to ovs02 (live)`,
      `${G2} migrated from ovs01 to ovs02 (id 3)`,
    ]);
  });

  it('non-live: the guest is paused on the source while its memory is copied', async () => {
    const s = await xenSession();
    s.run(`xm migrate ${G2} 10.10.10.12`);
    s.tick(2);
    expect(s.sim.world.domains[G2]!.state).toBe('paused');
    s.tick(migrationSeconds(s.sim.world.domains[G2]!, false));
    expect(s.busy()).toBe(false);
    expect(s.sim.world.domains[G2]!.host).toBe('ovs02');
    expect(s.sim.world.domains[G2]!.state).toBe('blocked');
  });

  it('makes no memory check on the target: the guest arrives, finds no room and dies there', async () => {
    const s = await xenSession();
    // ovs02's dom0 takes almost everything: about 2 GiB left, the guest needs 8 GiB.
    s.sim.world.hosts.ovs02!.dom0MemMiB = 52000;
    expect(s.run(`xm migrate -l ${G1} ovs02`)).toBe('');
    s.tick(migrationSeconds(s.sim.world.domains[G1]!, true));
    expect(s.busy()).toBe(false);
    expect(s.run('echo $?')).toBe('0\n');
    const d = s.sim.world.domains[G1]!;
    expect([d.host, d.domid, d.state]).toEqual([null, null, 'halted']);
    expect(s.sim.world.events.filter((e) => e.kind === 'domain.crashed').map((e) => e.text)).toEqual([`${G1} crashed on ovs02 after migration from ovs01: not enough free memory`]);
    const log = readFile(s.sim.world, s.sim.world.hosts.ovs02!, '/var/log/xen/xend.log');
    expect(log.ok && log.value.includes('VmError: Not enough free memory and enable-dom0-ballooning is False, so I cannot release any more.  I need 8400860 KiB but only have')).toBe(true);
  });

  it('a target with another CPU fails the restore: xm prints xc_save failed, the guest keeps running here', async () => {
    const s = await xenSession();
    s.sim.world.hosts.ovs02!.cpu = { ...s.sim.world.hosts.ovs02!.cpu, model: 'AMD Opteron(tm) Processor 6376', virtFlag: 'svm' };
    s.run(`xm migrate -l 2 ovs02`);
    const out = s.tick(migrationSeconds(s.sim.world.domains[G2]!, true));
    expect(out).toBe(
      'Error: /usr/lib64/xen/bin/xc_save 22 2 0 0 1 failed\nUsage: xm migrate <Domain> <Host>\n\nMigrate a domain to another machine.\n\nOptions:\n\n-h, --help           Print this help.\n-l, --live           Use live migration.\n-p=portnum, --port=portnum\n                     Use specified port for migration.\n-n=nodenum, --node=nodenum\n                     Use specified NUMA node on target.\n-s, --ssl            Use ssl connection for migration.\n-c, --change_home_server\n                     Change home server for managed domains.\n\n[root@ovs01 ~]# ',
    );
    expect(s.run('echo $?')).toBe('1\n');
    const d = s.sim.world.domains[G2]!;
    expect([d.host, d.domid, d.state]).toEqual(['ovs01', 2, 'blocked']);
  });

  it('a host of another pool refuses the connection at once', async () => {
    const s = await xenSession();
    s.sim.world.hosts.ovs02!.poolId = 'another-pool';
    expect(s.run(`xm migrate -l 2 ovs02`).split('\n')[0]).toBe("Error: can't connect: [Errno 111] Connection refused");
    expect(s.busy()).toBe(false);
    expect(s.sim.world.domains[G2]!.host).toBe('ovs01');
  });

  it('Ctrl-C kills the client (^C, 130); xend finishes the migration anyway', async () => {
    const s = await xenSession();
    s.run(`xm migrate -l 2 ovs02`);
    s.tick(3);
    expect(s.keys('\x03')).toBe('^C\r\n[root@ovs01 ~]# ');
    expect(s.run('echo $?')).toBe('130\n');
    expect(s.sim.world.domains[G2]!.host).toBe('ovs01');
    s.tick(30);
    expect(s.sim.world.domains[G2]!.host).toBe('ovs02');
  });
});
