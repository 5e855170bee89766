// SAN faults on the default world: what the kernel and multipathd log, what multipath -ll and
// multipathd show before and after the checker notices, failback, a dead SP with trespass, a
// switch, no_path_retry's recovery mode, and a LUN whose page83 id changes.
import { describe, expect, test } from 'vitest';
import { changePage83, setCable, setSp, setSwitch, setHbaPort, setSpPort } from '../../../src/sim/storage/san/faults';
import { term, type Term } from './harness';

const REPO = '3600601602b10280002d61f3699caf148';
const SPARE = '3600601602b1028004156db4860badf66';

/** New lines of /var/log/messages since the last call, without the OCFS2 boot lines. */
function logSince(t: Term): () => string {
  let seen = t.type('cat /var/log/messages').length;
  return () => {
    const all = t.type('cat /var/log/messages');
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  };
}

describe('a pulled FC cable', () => {
  test('kernel fails the busy paths at once, multipathd the rest at its next check, all come back', () => {
    const t = term(42);
    const log = logSince(t);
    setCable(t.world, 'ovs01', 5, false);
    expect(log()).toMatchInlineSnapshot(`
      "Mar 20 21:22:34 ovs01 kernel: qla2xxx 0000:0b:00.0: LOOP DOWN detected (2 7 0 0).
      Mar 20 21:22:34 ovs01 kernel: sd 5:0:0:0: rejecting I/O to offline device
      Mar 20 21:22:34 ovs01 kernel: device-mapper: multipath: Failing path 8:16.
      Mar 20 21:22:34 ovs01 kernel: sd 5:0:1:1: rejecting I/O to offline device
      Mar 20 21:22:34 ovs01 kernel: device-mapper: multipath: Failing path 8:80.
      "
    `);
    expect(t.type(`multipath -ll ${REPO}`)).toMatchInlineSnapshot(`
      "3600601602b10280002d61f3699caf148 dm-1 DGC,RAID 5
      size=200G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
      |-+- policy='round-robin 0' prio=50 status=active
      | |- 5:0:1:1 sdf 8:80  failed faulty offline
      | \`- 6:0:1:1 sdl 8:176 active ready  running
      \`-+- policy='round-robin 0' prio=10 status=enabled
        |- 5:0:0:1 sdc 8:32  active faulty offline
        \`- 6:0:0:1 sdi 8:128 active ready  running
      "
    `);
    expect(t.type(`multipathd -k"show map ${REPO} topology"`)).toMatchInlineSnapshot(`
      "3600601602b10280002d61f3699caf148 dm-1 DGC,RAID 5
      size=200G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
      |-+- policy='round-robin 0' prio=50 status=active
      | |- 5:0:1:1 sdf 8:80  failed ready offline
      | \`- 6:0:1:1 sdl 8:176 active ready running
      \`-+- policy='round-robin 0' prio=10 status=enabled
        |- 5:0:0:1 sdc 8:32  active ready offline
        \`- 6:0:0:1 sdi 8:128 active ready running
      "
    `);
    t.advance(5);
    expect(log()).toMatchInlineSnapshot(`
      "Mar 20 21:22:39 ovs01 multipathd: sdb: tur checker reports path is down
      Mar 20 21:22:39 ovs01 multipathd: checker failed path 8:16 in map 3600601602b102800089e0c3e4e3d43a4
      Mar 20 21:22:39 ovs01 multipathd: 3600601602b102800089e0c3e4e3d43a4: remaining active paths: 3
      Mar 20 21:22:39 ovs01 multipathd: sde: tur checker reports path is down
      Mar 20 21:22:39 ovs01 kernel: device-mapper: multipath: Failing path 8:64.
      Mar 20 21:22:39 ovs01 multipathd: checker failed path 8:64 in map 3600601602b102800089e0c3e4e3d43a4
      Mar 20 21:22:39 ovs01 multipathd: 3600601602b102800089e0c3e4e3d43a4: remaining active paths: 2
      Mar 20 21:22:39 ovs01 multipathd: sdf: tur checker reports path is down
      Mar 20 21:22:39 ovs01 multipathd: checker failed path 8:80 in map 3600601602b10280002d61f3699caf148
      Mar 20 21:22:39 ovs01 multipathd: 3600601602b10280002d61f3699caf148: remaining active paths: 3
      Mar 20 21:22:39 ovs01 multipathd: sdc: tur checker reports path is down
      Mar 20 21:22:39 ovs01 kernel: device-mapper: multipath: Failing path 8:32.
      Mar 20 21:22:39 ovs01 multipathd: checker failed path 8:32 in map 3600601602b10280002d61f3699caf148
      Mar 20 21:22:39 ovs01 multipathd: 3600601602b10280002d61f3699caf148: remaining active paths: 2
      Mar 20 21:22:39 ovs01 multipathd: sdd: tur checker reports path is down
      Mar 20 21:22:39 ovs01 kernel: device-mapper: multipath: Failing path 8:48.
      Mar 20 21:22:39 ovs01 multipathd: checker failed path 8:48 in map 3600601602b1028004156db4860badf66
      Mar 20 21:22:39 ovs01 multipathd: 3600601602b1028004156db4860badf66: remaining active paths: 3
      Mar 20 21:22:39 ovs01 multipathd: sdg: tur checker reports path is down
      Mar 20 21:22:39 ovs01 kernel: device-mapper: multipath: Failing path 8:96.
      Mar 20 21:22:39 ovs01 multipathd: checker failed path 8:96 in map 3600601602b1028004156db4860badf66
      Mar 20 21:22:39 ovs01 multipathd: 3600601602b1028004156db4860badf66: remaining active paths: 2
      "
    `);
    expect(t.type('multipathd -k"show maps status"')).toMatchInlineSnapshot(`
      "name                              failback  queueing paths dm-st  write_prot 
      3600601602b102800089e0c3e4e3d43a4 immediate 12 chk   2     active rw         
      3600601602b10280002d61f3699caf148 immediate 12 chk   2     active rw         
      3600601602b1028004156db4860badf66 immediate 12 chk   2     active rw         
      "
    `);
    setCable(t.world, 'ovs01', 5, true);
    t.advance(5);
    expect(log()).toMatchInlineSnapshot(`
      "Mar 20 21:22:39 ovs01 kernel: qla2xxx 0000:0b:00.0: LOOP UP detected (4 Gbps).
      Mar 20 21:22:44 ovs01 multipathd: sdb: tur checker reports path is up
      Mar 20 21:22:44 ovs01 multipathd: 8:16: reinstated
      Mar 20 21:22:44 ovs01 multipathd: 3600601602b102800089e0c3e4e3d43a4: remaining active paths: 3
      Mar 20 21:22:44 ovs01 multipathd: sde: tur checker reports path is up
      Mar 20 21:22:44 ovs01 multipathd: 8:64: reinstated
      Mar 20 21:22:44 ovs01 multipathd: 3600601602b102800089e0c3e4e3d43a4: remaining active paths: 4
      Mar 20 21:22:44 ovs01 multipathd: sdf: tur checker reports path is up
      Mar 20 21:22:44 ovs01 multipathd: 8:80: reinstated
      Mar 20 21:22:44 ovs01 multipathd: 3600601602b10280002d61f3699caf148: remaining active paths: 3
      Mar 20 21:22:44 ovs01 multipathd: sdc: tur checker reports path is up
      Mar 20 21:22:44 ovs01 multipathd: 8:32: reinstated
      Mar 20 21:22:44 ovs01 multipathd: 3600601602b10280002d61f3699caf148: remaining active paths: 4
      Mar 20 21:22:44 ovs01 multipathd: sdd: tur checker reports path is up
      Mar 20 21:22:44 ovs01 multipathd: 8:48: reinstated
      Mar 20 21:22:44 ovs01 multipathd: 3600601602b1028004156db4860badf66: remaining active paths: 3
      Mar 20 21:22:44 ovs01 multipathd: sdg: tur checker reports path is up
      Mar 20 21:22:44 ovs01 multipathd: 8:96: reinstated
      Mar 20 21:22:44 ovs01 multipathd: 3600601602b1028004156db4860badf66: remaining active paths: 4
      "
    `);
    expect(t.type(`multipath -ll ${REPO}`)).toMatchInlineSnapshot(`
      "3600601602b10280002d61f3699caf148 dm-1 DGC,RAID 5
      size=200G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
      |-+- policy='round-robin 0' prio=50 status=active
      | |- 5:0:1:1 sdf 8:80  active ready running
      | \`- 6:0:1:1 sdl 8:176 active ready running
      \`-+- policy='round-robin 0' prio=10 status=enabled
        |- 5:0:0:1 sdc 8:32  active ready running
        \`- 6:0:0:1 sdi 8:128 active ready running
      "
    `);
  });

  test('an HBA port fault looks the same to the host; a switch takes one port of every host', () => {
    const t = term(42);
    const log = logSince(t);
    expect(setHbaPort(t.world, 'ovs01', 6, false)).toBe(true);
    expect(log()).toContain('qla2xxx 0000:0b:00.1: LOOP DOWN detected (2 7 0 0).');
    expect(setHbaPort(t.world, 'ovs01', 9, false)).toBe(false);
    setHbaPort(t.world, 'ovs01', 6, true);
    setSwitch(t.world, 0, false);
    t.advance(5);
    // States are listed in the checker's enum order (cli_handlers.c): down before up.
    expect(t.type('multipathd -k"show status"')).toBe('path checker states:\ndown                6\nup                  6\n\npaths: 12\nbusy: False\n');
    t.type('ssh ovs02');
    expect(t.type('multipathd -k"show status"')).toBe('path checker states:\ndown                6\nup                  6\n\npaths: 12\nbusy: False\n');
  });
});

describe('a storage processor', () => {
  test('SP B dies: its LUNs trespass to SP A, ALUA priorities follow, I/O stays on the array', () => {
    const t = term(42);
    const serial = t.world.san!.arrays[0]!.serial;
    setSp(t.world, serial, 'B', false);
    t.advance(20);
    expect(t.type(`multipath -ll ${REPO}`)).toMatchInlineSnapshot(`
      "3600601602b10280002d61f3699caf148 dm-1 DGC,RAID 5
      size=200G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
      |-+- policy='round-robin 0' prio=0 status=enabled
      | |- 5:0:1:1 sdf 8:80  failed faulty offline
      | \`- 6:0:1:1 sdl 8:176 failed faulty offline
      \`-+- policy='round-robin 0' prio=50 status=active
        |- 5:0:0:1 sdc 8:32  active ready  running
        \`- 6:0:0:1 sdi 8:128 active ready  running
      "
    `);
    expect(t.type('naviseccli -h 10.10.10.202 getagent')).toBe('Error: getagent command failed\nUnable to connect to the host 10.10.10.202. Verify the host is reachable.\n');
    expect(t.lastExit()).toBe(1);
    setSp(t.world, serial, 'B', true);
    t.advance(20);
    expect(t.type(`multipath -ll ${REPO}`)).toMatchInlineSnapshot(`
      "3600601602b10280002d61f3699caf148 dm-1 DGC,RAID 5
      size=200G features='1 queue_if_no_path' hwhandler='1 alua' wp=rw
      |-+- policy='round-robin 0' prio=10 status=enabled
      | |- 5:0:1:1 sdf 8:80  active ready running
      | \`- 6:0:1:1 sdl 8:176 active ready running
      \`-+- policy='round-robin 0' prio=50 status=active
        |- 5:0:0:1 sdc 8:32  active ready running
        \`- 6:0:0:1 sdi 8:128 active ready running
      "
    `);
  });

  test('one SP port down fails only the paths through it', () => {
    const t = term(42);
    setSpPort(t.world, t.world.san!.arrays[0]!.serial, 'A', 0, false);
    t.advance(10);
    expect(t.type('multipathd -k"show paths"')).toMatchInlineSnapshot(`
      "hcil    dev dev_t pri dm_st  chk_st dev_st  next_check      
      5:0:0:0 sdb 8:16  50  failed faulty offline .......... 0/5  
      5:0:0:1 sdc 8:32  10  failed faulty offline .......... 0/5  
      5:0:0:2 sdd 8:48  50  failed faulty offline .......... 0/5  
      5:0:1:0 sde 8:64  10  active ready  running XXXXX..... 5/10 
      5:0:1:1 sdf 8:80  50  active ready  running XXXXX..... 5/10 
      5:0:1:2 sdg 8:96  10  active ready  running XXXXX..... 5/10 
      6:0:0:0 sdh 8:112 50  active ready  running XXXXX..... 5/10 
      6:0:0:1 sdi 8:128 10  active ready  running XXXXX..... 5/10 
      6:0:0:2 sdj 8:144 50  active ready  running XXXXX..... 5/10 
      6:0:1:0 sdk 8:160 10  active ready  running XXXXX..... 5/10 
      6:0:1:1 sdl 8:176 50  active ready  running XXXXX..... 5/10 
      6:0:1:2 sdm 8:192 10  active ready  running XXXXX..... 5/10 
      "
    `);
  });
});

describe('no_path_retry', () => {
  test('all paths gone: queueing for 12 checker intervals, then I/O errors; a path back recovers', () => {
    const t = term(42);
    const log = logSince(t);
    setCable(t.world, 'ovs01', 5, false);
    setCable(t.world, 'ovs01', 6, false);
    t.advance(5);
    log();
    expect(t.type('multipathd -k"show maps status"')).toMatchInlineSnapshot(`
      "name                              failback  queueing paths dm-st  write_prot 
      3600601602b102800089e0c3e4e3d43a4 immediate 55 sec   0     active rw         
      3600601602b10280002d61f3699caf148 immediate 55 sec   0     active rw         
      3600601602b1028004156db4860badf66 immediate 59 sec   0     active rw         
      "
    `);
    t.advance(60);
    expect(log().split('\n').filter((l) => l.includes('queueing') || l.includes('recovery'))).toMatchInlineSnapshot(`
      [
        "Mar 20 21:23:34 ovs01 multipathd: 3600601602b102800089e0c3e4e3d43a4: Disable queueing",
        "Mar 20 21:23:34 ovs01 multipathd: 3600601602b10280002d61f3699caf148: Disable queueing",
        "Mar 20 21:23:38 ovs01 multipathd: 3600601602b1028004156db4860badf66: Disable queueing",
      ]
    `);
    expect(t.type(`multipath -ll ${SPARE} | head -2`)).toMatchInlineSnapshot(`
      "3600601602b1028004156db4860badf66 dm-2 DGC,RAID 5
      size=50G features='0' hwhandler='1 alua' wp=rw
      "
    `);
    setCable(t.world, 'ovs01', 6, true);
    t.advance(5);
    expect(log().split('\n').filter((l) => l.includes(SPARE))).toMatchInlineSnapshot(`
      [
        "Mar 20 21:23:44 ovs01 multipathd: 3600601602b1028004156db4860badf66: remaining active paths: 1",
        "Mar 20 21:23:44 ovs01 multipathd: 3600601602b1028004156db4860badf66: queue_if_no_path enabled",
        "Mar 20 21:23:44 ovs01 multipathd: 3600601602b1028004156db4860badf66: Recovered to normal mode",
        "Mar 20 21:23:44 ovs01 multipathd: 3600601602b1028004156db4860badf66: remaining active paths: 2",
      ]
    `);
  });
});

describe('a LUN whose page83 id changes', () => {
  test('multipath builds a new map for the new WWID; the old one loses its paths', () => {
    const t = term(42);
    const wwid = changePage83(t.world, t.world.san!.roles.spare!, '3600601602b1028000000000000000042');
    expect(wwid).toBe('3600601602b1028000000000000000042');
    expect(t.type(`multipath -ll ${SPARE} | head -1`)).toBe(`${SPARE} dm-2 DGC,RAID 5\n`);
    expect(t.type('multipath')).toMatchInlineSnapshot(`
      "create: 3600601602b1028000000000000000042 undef DGC,RAID 5
      size=50G features='1 queue_if_no_path' hwhandler='1 alua' wp=undef
      |-+- policy='round-robin 0' prio=50 status=undef
      | |- 5:0:0:2 sdd 8:48  undef ready running
      | \`- 6:0:0:2 sdj 8:144 undef ready running
      \`-+- policy='round-robin 0' prio=10 status=undef
        |- 5:0:1:2 sdg 8:96  undef ready running
        \`- 6:0:1:2 sdm 8:192 undef ready running
      "
    `);
    expect(t.type('multipath -ll -v1')).toMatchInlineSnapshot(`
      "3600601602b102800089e0c3e4e3d43a4
      3600601602b10280002d61f3699caf148
      3600601602b1028004156db4860badf66
      3600601602b1028000000000000000042
      "
    `);
  });
});
