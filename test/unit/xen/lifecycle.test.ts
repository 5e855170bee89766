// xm commands that wait on the clock: shutdown -w / reboot -w print as domains go (a PV guest
// takes seconds), Ctrl-C kills the client but not the shutdown; a paused guest does not act.
import { describe, expect, it } from 'vitest';
import { xenSession } from './helpers';

const PV = '0004fb0000060000cb4eb1190fe468a2'; // seed 42, ovs02, domid 1, PV
const HVM = '0004fb000006000076a6527dd6f3f821'; // seed 42, ovs02, domid 2, HVM with PV drivers

describe('xm shutdown -w', () => {
  it('waits for the guest, printing each domain as it goes, then returns to the prompt', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    expect(s.run(`xm shutdown -w ${PV}`)).toBe('');
    expect(s.busy()).toBe(true);
    expect(s.tick(4)).toBe('');
    expect(s.tick(1)).toBe(`Domain ${PV} terminated\nAll domains terminated\n[root@ovs02 ~]# `);
    expect(s.busy()).toBe(false);
    expect(s.run('echo $?')).toBe('0\n');
    expect(s.run('xm list 1')).toBe("Error: Domain '1' does not exist.\n");
  });

  it('-a takes every guest but dom0', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    s.run('xm shutdown -a -w');
    const out = s.tick(6);
    expect(out).toBe(`Domain ${HVM} terminated\nDomain ${PV} terminated\nAll domains terminated\n[root@ovs02 ~]# `);
    expect(s.run('xm list')).toBe('Name                                        ID   Mem VCPUs      State   Time(s)\nDomain-0                                     0  1845    16     r----- 367018.5\n');
  });

  it('Ctrl-C kills xm (SIGINT is SIG_DFL: ^C, status 130) but the guest still shuts down', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    s.run(`xm shutdown -w ${PV}`);
    s.tick(1);
    expect(s.keys('\x03')).toBe('^C\r\n[root@ovs02 ~]# ');
    expect(s.run('echo $?')).toBe('130\n');
    s.tick(5);
    expect(s.run(`xm domid ${PV}`)).toBe(`Error: Domain '${PV}' does not exist.\n`);
  });

  it('a paused guest does not act on the request until it runs again', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    s.run('xm pause 1');
    s.run('xm shutdown 1');
    s.tick(10);
    expect(s.run('xm domstate 1')).toBe('paused by admin\n');
    s.run('xm unpause 1');
    s.tick(5);
    expect(s.run('xm domstate 1')).toBe("Error: Domain '1' does not exist.\n");
  });

  it('xm reboot -w reports the reboot; the guest comes back with a new id and a fresh uptime', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    s.tick(30);
    s.run(`xm reboot -w ${HVM}`);
    expect(s.tick(5)).toBe(`Domain ${HVM} rebooted\nAll domains rebooted\n[root@ovs02 ~]# `);
    expect(s.run(`xm domid ${HVM}`)).toBe('3\n');
    expect(s.run('xm uptime 3')).toBe(`Name                                ID Uptime \n${HVM}     3  0:00:00\n`);
  });
});
