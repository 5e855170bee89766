// Curriculum C2 (seed 002, "Enlarging a Repository on a shared LUN"): the array grows the LUN,
// every server re-reads every path device and resizes its map, then ONE server runs
// tunefs.ocfs2 -S. The wrong orders and what they really do: tunefs before the maps grew (nothing
// happens), a map resized before all its paths were re-read (multipathd says fail), and tunefs
// while another node still has the old map size (it works, and that node's writes then fail).
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from '../ocfs2/fixture';
import { ocfs2Tick, BEYOND_END_EVENT } from '../../../src/sim/storage/ocfs2/ocfs2-tick';
import { readFile } from '../../../src/sim/vfs';

let f: Fixture;
const MNT = '/OVS/Repositories/grow';
const HOSTS = ['ovs01', 'ovs02'] as const;
const dfLine = (size: string, used: string, avail: string, pct: string) => `Filesystem            Size  Used Avail Use% Mounted on\n${f.spare}\n${' '.repeat(20)} ${size.padStart(5)} ${used.padStart(5)} ${avail.padStart(5)} ${pct.padStart(4)} ${MNT}\n`;

beforeEach(() => {
  f = fixture();
  // An OVM 3 repository: OCFS2 on the whole LUN, mounted on both servers.
  f.sh.run('ovs01', `mkfs.ocfs2 -q -T datafiles -N 8 -L grow ${f.spare}`);
  for (const h of HOSTS) f.sh.run(h, `mkdir -p ${MNT} && mount ${f.spare} ${MNT}`);
  // Step 1: the storage team grows the LUN from 50 to 80 GB.
  expect(f.sh.run('ovs01', `naviseccli -h 10.10.10.201 lun -expand -l ${f.world.san!.roles.spare!.alu} -capacity 80 -sq gb -o`).exit).toBe(0);
});

/** Step 2 on one server: re-read every path device of the LUN. */
const reread = (h: string) => f.sh.run(h, f.sparePaths[h]!.map((p) => `blockdev --rereadpt ${p}`).join(' && '));
/** Step 3 on one server: resize its map. */
const resize = (h: string) => f.sh.run(h, `multipathd -k"resize map ${f.spareWwid}"`);

describe('grow a repository on a shared LUN', () => {
  it('the four steps: every node re-reads and resizes, one node runs tunefs.ocfs2 -S, df agrees everywhere', () => {
    for (const h of HOSTS) {
      expect(reread(h)).toEqual({ out: '', exit: 0 });
      expect(resize(h)).toEqual({ out: 'ok\n', exit: 0 });
    }
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -S ${f.spare}`)).toEqual({ out: '', exit: 0 });
    for (const h of HOSTS) expect(f.sh.run(h, `df -h ${MNT}`).out).toBe(dfLine('80G', '421M', '80G', '1%'));
    expect(f.sh.run('ovs02', `tunefs.ocfs2 -Q "%T\\n" ${f.spare}`).out).toBe('131072\n');
    // Running it again on the other node finds nothing to do.
    expect(f.sh.run('ovs02', `tunefs.ocfs2 -v -S ${f.spare}`)).toEqual({ out: `Filesystem on device "${f.spare}" is already 655360 clusters; nothing to do\n`, exit: 0 });
  });

  it('wrong order: tunefs.ocfs2 -S before the servers see the new size does nothing', () => {
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -S ${f.spare}`)).toEqual({ out: '', exit: 0 });
    for (const h of HOSTS) expect(f.sh.run(h, `df -h ${MNT}`).out).toBe(dfLine('50G', '420M', '50G', '1%'));
  });

  it('wrong order: resizing the map before every path device was re-read fails', () => {
    f.sh.run('ovs01', `blockdev --rereadpt ${f.sparePaths.ovs01![0]}`);
    expect(resize('ovs01')).toEqual({ out: 'fail\n', exit: 0 });
    const log = readFile(f.world, f.world.hosts.ovs01!, '/var/log/messages');
    expect(log.ok && log.value).toMatch(/too small for target: start=0, len=167772160, dev_size=104857600\n.*device-mapper: ioctl: error adding target to table\n.*multipathd: \w+: failed to resize map\n$/);
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -S ${f.spare}`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs01', `df -h ${MNT}`).out).toBe(dfLine('50G', '420M', '50G', '1%'));
  });

  it('wrong order: tunefs.ocfs2 -S while the other node still has the old map succeeds, and hurts that node', () => {
    reread('ovs01');
    resize('ovs01');
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -S ${f.spare}`)).toEqual({ out: '', exit: 0 });
    // df tells the truth on both: the size is in the shared global bitmap...
    for (const h of HOSTS) expect(f.sh.run(h, `df -h ${MNT}`).out).toBe(dfLine('80G', '421M', '80G', '1%'));
    // ...but ovs02's map is still 50 GB: its guest's writes to the new clusters fail.
    expect(f.sh.run('ovs02', `blockdev --getsize64 ${f.spare}`)).toEqual({ out: '53687091200\n', exit: 0 });
    const guest = Object.values(f.world.domains).find((d) => d.host === 'ovs02' && d.domid !== null)!;
    guest.disks[0]!.path = `${MNT}/VirtualDisks/disk.img`;
    ocfs2Tick(f.sh.sim);
    ocfs2Tick(f.sh.sim);
    const log = readFile(f.world, f.world.hosts.ovs02!, '/var/log/messages');
    expect(log.ok && log.value).toMatch(/ovs02 kernel: attempt to access beyond end of device\n.* ovs02 kernel: dm-\d+: rw=1, want=104857856, limit=104857600\n.* ovs02 kernel: Buffer I\/O error on device dm-\d+, logical block 13107200\n.* ovs02 kernel: \(qemu-dm,\d+,1\):ocfs2_write_begin_nolock:1928 ERROR: status = -5\n$/);
    expect(f.world.events.filter((e) => e.kind === BEYOND_END_EVENT).map((e) => e.host)).toEqual(['ovs02']);
    expect(f.world.events.some((e) => e.kind === BEYOND_END_EVENT && e.host === 'ovs01')).toBe(false);
  });
});
