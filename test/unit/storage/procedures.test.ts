// Whole procedures from the seeds, on the storage side: a new shared LUN partitioned once and
// made visible on every node (fdisk → kpartx -a on each), and the same seed and inputs giving
// the same world byte for byte.
import { describe, expect, test } from 'vitest';
import { resolveBlockDevice } from '../../../src/sim/storage/san/block-devices';
import { growLun, setCable } from '../../../src/sim/storage/san/faults';
import { REBOOT_MS, rebootHost } from '../../../src/sim/power';
import { term } from './harness';

const SPARE = '3600601602b1028004156db4860badf66';

describe('a new shared LUN for a repository (seed 003: fdisk, then kpartx on every node)', () => {
  test('partition on one node; the other nodes need kpartx -a; both then see the same partition', () => {
    const t = term(42);
    t.type(`fdisk /dev/mapper/${SPARE}`);
    for (const k of ['n', 'p', '1', '', '']) t.type(k);
    expect(t.type('w')).toBe('The partition table has been altered!\n\nCalling ioctl() to re-read partition table.\n\nWARNING: Re-reading the partition table failed with error 22: Invalid argument.\nThe kernel still uses the old table. The new table will be used at\nthe next reboot or after you run partprobe(8) or kpartx(8)\nSyncing disks.\n');
    expect(t.lastExit()).toBe(1);
    expect(resolveBlockDevice(t.world, 'ovs01', `/dev/mapper/${SPARE}p1`)).toBeNull();
    expect(t.type(`kpartx -a /dev/mapper/${SPARE}`)).toBe('');
    const here = resolveBlockDevice(t.world, 'ovs01', `/dev/mapper/${SPARE}p1`)!;
    expect([here.sizeBytes, here.startSector, here.partition]).toEqual([(6527 * 16065 - 63) * 512, 63, 1]);
    t.type('ssh ovs02');
    expect(t.type(`kpartx -l /dev/mapper/${SPARE}`)).toBe(`${SPARE}p1 : 0 104856192 /dev/mapper/${SPARE} 63\n`);
    expect(resolveBlockDevice(t.world, 'ovs02', `/dev/mapper/${SPARE}p1`)).toBeNull();
    expect(t.type(`kpartx -av /dev/mapper/${SPARE}`)).toBe(`add map ${SPARE}p1 (253:3): 0 104856192 linear /dev/mapper/${SPARE} 63\n`);
    const there = resolveBlockDevice(t.world, 'ovs02', `/dev/mapper/${SPARE}p1`)!;
    expect([there.mediumKey, there.startSector, there.sizeBytes]).toEqual([here.mediumKey, here.startSector, here.sizeBytes]);
    // kpartx -d takes the unused partition map away again.
    expect(t.type(`kpartx -dv /dev/mapper/${SPARE}`)).toBe(`del devmap : ${SPARE}p1\n`);
    expect(resolveBlockDevice(t.world, 'ovs02', `/dev/mapper/${SPARE}p1`)).toBeNull();
  });
});

describe('a reboot', () => {
  test('the kernel rediscovers everything: same maps and names, a grown LUN at its new size', () => {
    const t = term(42);
    const before = t.type('multipath -ll');
    growLun(t.world, t.world.san!.roles.spare!, 60 * 1024 ** 3);
    rebootHost(t.world, t.world.hosts.ovs02!);
    expect(t.world.san!.hosts.ovs02!.maps).toEqual([]);
    t.advance(REBOOT_MS / 1000 + 1);
    t.type('ssh ovs02');
    expect(t.type('multipath -ll')).toBe(before.replace('size=50G', 'size=60G'));
  });
});

describe('determinism', () => {
  test('same seed, same commands and faults, same world', () => {
    const run = () => {
      const t = term(7);
      t.type(`multipathd -k"fail path sdd"`);
      setCable(t.world, 'ovs01', 6, false);
      t.advance(12);
      t.type(`fdisk /dev/mapper/${t.world.san!.hosts.ovs01!.maps[2]!.name}`);
      for (const k of ['o', 'n', 'p', '1', '', '+5G', 'w']) t.type(k);
      t.advance(30);
      return JSON.stringify(t.world);
    };
    expect(run()).toBe(run());
  });
});
