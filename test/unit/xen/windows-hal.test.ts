// A Windows guest converted from VMware (sim/xen/windows-*.ts, ntfs-loop-mount.ts): it blue-screens
// and reboots at every boot until hal.dll fits its drivers (HALMPS without the PV drivers, HALMACPI
// with them); dom0 changes hal.dll by loop-mounting the image with ntfs-3g; the guest sees only the
// disks qemu-dm emulates until its PV drivers run.
import { describe, expect, it } from 'vitest';
import { makeSimSync, terminal } from '../../support/harness';
import { applyOverrides } from '../../../src/labs/scenario';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { disksSeenByGuest } from '../../../src/sim/xen/guest-disks';
import { installPvDriversAndRestart } from '../../../src/sim/xen/windows-boot';

const WIN = '0004fb0000060000aaaaaaaaaaaaaaaa';
const hex = (c: string) => `0004fb0000120000${c.repeat(16)}`;

function world(lib = true) {
  const w = buildDefaultWorld(7);
  applyOverrides(w, {
    hosts: lib ? [{ name: 'ovs01', files: { '/usr/lib64/libntfs-3g.so.88': '' } }] : [],
    domains: [{
      simple: 'sv431', id: WIN, host: 'ovs01', state: 'running', vcpus: 2, os: 'Microsoft Windows Server 2003',
      disks: [
        { id: hex('1'), vdev: 'hda', size_gb: 40 },
        { id: hex('2'), vdev: 'hdb' },
        { id: `0004fb0000150000${'3'.repeat(16)}`, vdev: 'hdc', cdrom: true },
        { id: hex('4'), vdev: 'hdd' },
        { id: hex('5'), attached: false },
      ],
      windows: { hal: 'halmacpi.dll' },
    }],
  });
  return w;
}

function setup(lib = true) {
  const sim = makeSimSync({ world: world(lib), core: 'reference' });
  const t = terminal(sim, { host: 'ovs01' });
  const d = sim.world.domains[WIN]!;
  const repo = d.cfgPath.slice(0, d.cfgPath.indexOf('/VirtualMachines/'));
  const sys = `${repo}/VirtualDisks/${hex('1')}.img`;
  return { sim, t, d, repo, sys, cfg: d.cfgPath };
}

describe('a Windows guest with the wrong HAL', () => {
  it('blue-screens at every boot: xend sees a guest-requested reboot and the id climbs', () => {
    const { t, sim } = setup();
    t.tick(160);
    expect(t.run(`xm list ${WIN} | awk 'NR == 2 { print $2, $5 }'`)).toBe('6 -b----\n');
    expect(sim.world.domains[WIN]!.xen?.restartCount).toBe(3);
    const log = t.run(`grep -E 'shutdown: name=${WIN}|restart \\(' /var/log/xen/xend.log | cut -d' ' -f4-`);
    expect(log).toBe([
      `INFO (XendDomainInfo:2079) Domain has shutdown: name=${WIN} id=3 reason=reboot.`,
      `INFO (XendDomainInfo:2211) Domain restart (3): ${WIN}`,
      `INFO (XendDomainInfo:2079) Domain has shutdown: name=${WIN} id=4 reason=reboot.`,
      `INFO (XendDomainInfo:2211) Domain restart (4): ${WIN}`,
      `INFO (XendDomainInfo:2079) Domain has shutdown: name=${WIN} id=5 reason=reboot.`,
      `INFO (XendDomainInfo:2211) Domain restart (5): ${WIN}`,
      '',
    ].join('\n'));
    expect(disksSeenByGuest(sim.world, sim.world.domains[WIN]!)).toEqual([]);
  });

  it('boots with HALMPS, seeing the three emulated disks; the PV drivers then need HALMACPI', () => {
    const { t, sim, sys, cfg } = setup();
    expect(t.run(`xm destroy ${WIN}`)).toBe('');
    t.run('mkdir -p /mnt/c');
    expect(t.run(`mount -t ntfs-3g -o loop,offset=32256 ${sys} /mnt/c`)).toBe('');
    expect(t.run('mount | tail -n 1')).toBe('/dev/loop0 on /mnt/c type fuseblk (rw,nosuid,nodev,allow_other,blksize=4096)\n');
    expect(t.run('grep OriginalFilename /mnt/c/WINDOWS/system32/hal.dll')).toBe('OriginalFilename halmacpi.dll\n');
    expect(t.run('ls -1 /mnt/c/WINDOWS/system32')).toBe('drivers\nhalaacpi.dll\nhalacpi.dll\nhalapic.dll\nhal.dll\nhalmacpi.dll\nhalmps.dll\nntoskrnl.exe\n');
    t.run('cp -f /mnt/c/WINDOWS/system32/halmps.dll /mnt/c/WINDOWS/system32/hal.dll');
    expect(t.run(`xm create ${cfg}`)).toBe(
      `Using config file "${cfg}".\nError: Device 768 (vbd) could not be connected.\nFile ${sys} is loopback-mounted through /dev/loop0,\nwhich is mounted in the privileged domain,\nand so cannot be mounted by a guest.\n`,
    );
    expect(t.run('umount /mnt/c')).toBe('');
    t.run(`xm create ${cfg}`);
    t.tick(300);
    const d = sim.world.domains[WIN]!;
    expect(d.xen?.restartCount ?? 0).toBe(0);
    expect(disksSeenByGuest(sim.world, d).map((v) => v.vdev)).toEqual(['hda', 'hdb', 'hdd']);

    expect(installPvDriversAndRestart(sim.world, d)).toBe(true);
    t.tick(160);
    expect(d.xen?.restartCount).toBe(3);
    expect(disksSeenByGuest(sim.world, d)).toEqual([]);
  });

  it('sees every vbd once the PV drivers run under HALMACPI', () => {
    const { t, sim, sys, cfg, repo } = setup();
    const d = sim.world.domains[WIN]!;
    t.run(`xm destroy ${WIN}`);
    installPvDriversAndRestart(sim.world, d);
    t.run('mkdir -p /mnt/c');
    t.run(`mount -t ntfs-3g -o loop,offset=32256 ${sys} /mnt/c`);
    expect(t.run('ls -1 /mnt/c/WINDOWS/system32/drivers')).toBe('atapi.sys\nxenbus.sys\nxennet.sys\nxenvbd.sys\n');
    t.run('cp -f /mnt/c/WINDOWS/system32/halmacpi.dll /mnt/c/WINDOWS/system32/hal.dll');
    t.run('umount /mnt/c');
    t.run(`sed -i "s|,hdd,w'|,hdd,w', 'file:${repo}/VirtualDisks/${hex('5')}.img,hde,w'|" ${cfg}`);
    t.run(`xm create ${cfg}`);
    t.tick(160);
    expect(sim.world.domains[WIN]!.xen?.restartCount ?? 0).toBe(0);
    expect(disksSeenByGuest(sim.world, sim.world.domains[WIN]!).map((v) => v.vdev)).toEqual(['hda', 'hdb', 'hdd', 'hde']);
  });
});

describe('mount -t ntfs-3g of a guest image', () => {
  it('needs ntfs-3g, -o loop, the partition offset, and a stopped guest', () => {
    const { t, sys } = setup();
    t.run('mkdir -p /mnt/c');
    expect(t.run(`mount -t ntfs-3g -o loop,offset=32256 ${sys} /mnt/c`)).toBe(
      "The disk contains an unclean file system (0, 0).\nMetadata kept in Windows cache, refused to mount.\nFailed to mount '/dev/loop0': Operation not permitted\nThe NTFS partition is in an unsafe state. Please resume and shutdown\nWindows fully (no hibernation or fast restarting), or mount the volume\nread-only with the 'ro' mount option.\n",
    );
    t.run(`xm destroy ${WIN}`);
    expect(t.run(`mount -t ntfs-3g ${sys} /mnt/c`)).toBe(`mount: ${sys} is not a block device (maybe try \`-o loop'?)\n`);
    expect(t.run(`mount -t ntfs-3g -o loop ${sys} /mnt/c`)).toBe(
      "NTFS signature is missing.\nFailed to mount '/dev/loop0': Invalid argument\nThe device '/dev/loop0' doesn't seem to have a valid NTFS.\nMaybe the wrong device is used? Or the whole disk instead of a\npartition (e.g. /dev/sda, not /dev/sda1)? Or the other way around?\n",
    );
    expect(t.lastExit()).toBe(12);
    const other = setup(false);
    other.t.run(`xm destroy ${WIN}`);
    other.t.run('mkdir -p /mnt/c');
    expect(other.t.run(`mount -t ntfs-3g -o loop,offset=32256 ${other.sys} /mnt/c`)).toBe("mount: unknown filesystem type 'ntfs-3g'\n");
  });
});
