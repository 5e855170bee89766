// o2hb self-fencing: a node that loses every path to the pool file system LUN cannot write its
// global heartbeat; after the dead threshold (61 × 2 s less one) it restarts itself.
import { describe, expect, it } from 'vitest';
import { fixture } from './fixture';
import { setCable } from '../../../src/sim/storage/san/faults';
import { ocfs2Tick } from '../../../src/sim/storage/ocfs2/ocfs2-tick';
import { FENCE_EVENT } from '../../../src/sim/storage/ocfs2/ocfs2-fence';
import { readFile } from '../../../src/sim/vfs';

describe('o2hb fencing', () => {
  it('restarts a node whose heartbeat region stayed unreachable for the dead threshold', () => {
    const f = fixture();
    const tick = (s: number) => {
      for (let i = 0; i < s; i++) {
        f.world.clockMs += 1000;
        ocfs2Tick(f.sh.sim);
      }
    };
    for (const h of f.world.san!.hosts.ovs02!.hbas) setCable(f.world, 'ovs02', h.scsiHost, false);
    tick(121);
    expect(f.world.hosts.ovs02!.down).toBeUndefined();
    tick(2);
    expect(f.world.hosts.ovs02!.down?.reason).toBe('reboot');
    expect(f.world.events.filter((e) => e.kind === FENCE_EVENT).map((e) => e.text)).toEqual([`ovs02 fenced itself: heartbeat region ${f.poolFsUuid} on dm-0 unreachable for 120 s`]);
    const log = readFile(f.world, f.world.hosts.ovs02!, '/var/log/messages');
    expect(log.ok && log.value).toContain(`kernel: (o2hb-${f.poolFsUuid.slice(0, 10)},1210,0):o2hb_write_timeout:303 ERROR: Heartbeat write timeout to device dm-0 after 120000 milliseconds\n`);
    expect(log.ok && log.value).toContain('kernel: *** ocfs2 is very sorry to be fencing this system by restarting ***\n');
    // The survivor keeps going alone.
    expect(f.sh.run('ovs01', 'service o2cb status').out).toContain('Nodes in O2CB cluster: 0 \n');
    expect(f.world.hosts.ovs01!.down).toBeUndefined();
  });

  it('a path that comes back in time resets the clock', () => {
    const f = fixture();
    const hbas = f.world.san!.hosts.ovs02!.hbas;
    for (const h of hbas) setCable(f.world, 'ovs02', h.scsiHost, false);
    for (let i = 0; i < 100; i++) {
      f.world.clockMs += 1000;
      ocfs2Tick(f.sh.sim);
    }
    setCable(f.world, 'ovs02', hbas[0]!.scsiHost, true);
    for (let i = 0; i < 200; i++) {
      f.world.clockMs += 1000;
      ocfs2Tick(f.sh.sim);
    }
    expect(f.world.hosts.ovs02!.down).toBeUndefined();
  });
});
