// Growing the repository LUN (seed 002, C2) and the block-devices view other subsystems read:
// the array's size, each path device's size, the map's size, and the wrong orders.
import { describe, expect, test } from 'vitest';
import { arrayLunSize, hostLunSize, hostMapForLun, listBlockDevices, resolveBlockDevice } from '../../../src/sim/storage/san/block-devices';
import { growLun } from '../../../src/sim/storage/san/faults';
import { buildOvm22World } from '../../../src/sim/scenario/ovm22';
import { term } from './harness';

const GiB = 1024 ** 3;
const REPO = '3600601602b10280002d61f3699caf148';

describe('block-devices API', () => {
  test('resolves every name of a device to the same medium and extent', () => {
    const t = term(42);
    const ref = t.world.san!.roles.repository!;
    // OVM 3 formats the repository LUN whole (seed 002's fs_location has no p1): no partition.
    const map = resolveBlockDevice(t.world, 'ovs01', `/dev/mapper/${REPO}`)!;
    expect(map).toEqual({ kname: 'dm-1', path: `/dev/mapper/${REPO}`, kind: 'mpath', major: 253, minor: 1, sizeBytes: 200 * GiB, lun: ref, mediumKey: `${ref.array}:21`, startSector: 0, partition: null, wwid: REPO, mapName: REPO, visible: true });
    expect(resolveBlockDevice(t.world, 'ovs01', '/dev/dm-1')).toEqual(map);
    expect(resolveBlockDevice(t.world, 'ovs01', '/dev/sdf')!.mediumKey).toBe(map.mediumKey);
    expect(resolveBlockDevice(t.world, 'ovs01', `/dev/mapper/${REPO}p1`)).toBeNull();
    expect(resolveBlockDevice(t.world, 'ovs01', `/dev/mpath/${REPO}`)).toBeNull(); // OL6 has no /dev/mpath
    expect(resolveBlockDevice(t.world, 'ovs01', '/dev/sdzz')).toBeNull();
    expect(resolveBlockDevice(t.world, 'ovs02', `/dev/mapper/${REPO}`)!.mediumKey).toBe(map.mediumKey);
    expect(hostMapForLun(t.world, 'ovs01', ref)!.path).toBe(`/dev/mapper/${REPO}`);
    expect(listBlockDevices(t.world, 'ovs01').map((d) => d.kname).join(' ')).toBe('sda sda1 sda2 sda3 sdb sdc sdd sde sdf sdg sdh sdi sdj sdk sdl sdm dm-0 dm-1 dm-2');
  });

  test('OVM 2.2: /dev/mpath names resolve', () => {
    const t = term(42, 'ovs01', buildOvm22World(42));
    expect(resolveBlockDevice(t.world, 'ovs01', '/dev/mpath/mpath0p1')!.kind).toBe('mpath-part');
  });
});

describe('growing a LUN', () => {
  test('the right order: rescan every path, then resize map; the other host still sees the old size', () => {
    const t = term(42);
    const ref = t.world.san!.roles.repository!;
    expect(growLun(t.world, ref, 300 * GiB)).toBe(true);
    expect(growLun(t.world, ref, 100 * GiB)).toBe(false);
    expect([arrayLunSize(t.world, ref), hostLunSize(t.world, 'ovs01', ref)]).toEqual([300 * GiB, 200 * GiB]);
    for (const d of ['sdc', 'sdf', 'sdi', 'sdl']) expect(t.type(`blockdev --rereadpt /dev/${d}`)).toBe('');
    expect(hostLunSize(t.world, 'ovs01', ref)).toBe(200 * GiB);
    expect(t.type(`multipathd -k"resize map ${REPO}"`)).toBe('ok\n');
    expect(hostLunSize(t.world, 'ovs01', ref)).toBe(300 * GiB);
    expect(hostLunSize(t.world, 'ovs02', ref)).toBe(200 * GiB);
    expect(t.type(`blockdev --getsize64 /dev/mapper/${REPO} /dev/sdc`)).toBe('322122547200\n322122547200\n');
  });

  test('wrong order 1: resize map before any rescan changes nothing (and says so in the log)', () => {
    const t = term(42);
    const ref = t.world.san!.roles.repository!;
    growLun(t.world, ref, 300 * GiB);
    expect(t.type(`multipathd -k"resize map ${REPO}"`)).toBe('ok\n');
    expect(t.type('tail -1 /var/log/messages')).toMatch(/multipathd: 3600601602b10280002d61f3699caf148: map is still the same size \(419430400\)\n$/);
    expect(hostLunSize(t.world, 'ovs01', ref)).toBe(200 * GiB);
  });

  test('wrong order 2: only some paths rescanned — the kernel refuses the bigger table', () => {
    const t = term(42);
    const ref = t.world.san!.roles.repository!;
    growLun(t.world, ref, 300 * GiB);
    t.type('blockdev --rereadpt /dev/sdf');
    expect(t.type(`multipathd -k"resize map ${REPO}"`)).toBe('fail\n');
    expect(t.type('tail -3 /var/log/messages').replace(/^.*ovs01 /gm, '')).toBe(
      'kernel: device-mapper: table: 253:1: sdl too small for target: start=0, len=629145600, dev_size=419430400\nkernel: device-mapper: ioctl: error adding target to table\nmultipathd: 3600601602b10280002d61f3699caf148: failed to resize map\n',
    );
    // multipath itself refuses paths whose size differs from the first one's (sdc, not rescanned).
    expect(t.type('multipath -v2 | head -2').replace(/^\w{3} \d\d [\d:]{8} \| /gm, '')).toBe('8:80: size 629145600, expected 419430400. Discard\nreject: 3600601602b10280002d61f3699caf148 undef DGC,RAID 5\n');
    expect(hostLunSize(t.world, 'ovs01', ref)).toBe(200 * GiB);
  });

  test('echo 1 > device/rescan re-reads a capacity too; a SCSI host scan does not', () => {
    const t = term(42);
    const ref = t.world.san!.roles.repository!;
    growLun(t.world, ref, 250 * GiB);
    t.type('echo "- - -" > /sys/class/scsi_host/host5/scan');
    expect(t.type('cat /sys/block/sdc/size')).toBe('419430400\n');
    t.type('echo 1 > /sys/block/sdc/device/rescan');
    expect(t.type('cat /sys/block/sdc/size')).toBe('524288000\n');
  });
});
