// qemu-dm's disk limits (sim/xen/device-model.ts, after qemu-xen-traditional's xenstore.c): IDE
// hda–hdd with the CD-ROM among them, SCSI sda–sdg; xvdX is renamed hdX only without any hdX;
// every other disk is skipped without an error.
import { describe, expect, it } from 'vitest';
import { emulatedDisks, emulatedName } from '../../../src/sim/xen/device-model';
import { newDomain } from '../../../src/sim/xen/new-domain';
import type { VbdSpec } from '../../../src/sim/types';

const disk = (vdev: string, cdrom = false): VbdSpec => ({ kind: 'file', path: `/OVS/${vdev}.img`, vdev, mode: cdrom ? 'r' : 'w', cdrom });

function guest(...disks: VbdSpec[]) {
  return newDomain({
    name: 'w', uuid: 'u', simpleName: 'w', memoryMiB: 1024, maxMemMiB: 1024, vcpus: 1, maxVcpus: 1, hvm: true, osType: 'Microsoft Windows Server 2003',
    cfgPath: '/OVS/vm.cfg', workload: { cpuDemand: 0, readIops: 0, writeIops: 0, sectorsPerRequest: 16 }, disks, vifs: [],
  });
}

describe('qemu-dm disk limits', () => {
  it('emulates four IDE devices, the CD-ROM included, and skips a fifth', () => {
    const d = guest(disk('hda'), disk('hdb'), disk('hdc', true), disk('hdd'), disk('hde'));
    expect(emulatedDisks(d).map((v) => v.vdev)).toEqual(['hda', 'hdb', 'hdc', 'hdd']);
    expect(emulatedName(d, d.disks[4]!)).toBeNull();
  });

  it('renames xvdX to hdX only when the guest has no hdX disk', () => {
    const pvOnly = guest(disk('xvda'), disk('xvdb'), disk('xvde'));
    expect(pvOnly.disks.map((v) => emulatedName(pvOnly, v))).toEqual(['hda', 'hdb', null]);
    const mixed = guest(disk('hda'), disk('xvdb'));
    expect(mixed.disks.map((v) => emulatedName(mixed, v))).toEqual(['hda', null]);
  });

  it('emulates seven SCSI disks', () => {
    const d = guest(...'abcdefgh'.split('').map((c) => disk(`sd${c}`)));
    expect(emulatedDisks(d).map((v) => v.vdev)).toEqual(['sda', 'sdb', 'sdc', 'sdd', 'sde', 'sdf', 'sdg']);
  });
});
