// Checks over what a guest's OS makes of its virtual hardware: whether a Windows guest gets
// through its boot (its HAL fits its drivers), and how many of its disks the OS sees.
import { disksSeenByGuest } from '../../sim/xen/guest-disks';
import { bootsCleanly } from '../../sim/xen/windows-volume';
import { defineCheck, describeRange, failWith, findGuest, guestLabel, inRange, isRunning, pass, rangeArgs, str, type Range } from '../check-kit';

const windowsBoots = defineCheck<{ domain: string; host?: string }>({
  summary: 'A guest runs (optionally on a host) and gets through its boot: a Windows guest\'s hal.dll is the HAL its drivers need (HALMPS without the PV drivers, HALMACPI with them), else it blue-screens and reboots every boot.',
  args: { domain: str, host: str },
  required: ['domain'],
  run({ world }, a) {
    const d = findGuest(world, a.domain);
    if (!d) return failWith(`${a.domain} does not exist`);
    if (!isRunning(d) || (a.host !== undefined && d.host !== a.host)) return failWith(`${guestLabel(d)} is not running${a.host ? ` on ${a.host}` : ''}`);
    return bootsCleanly(world, d) ? pass() : failWith(`${guestLabel(d)} stops with a blue screen during boot and restarts`);
  },
});

const guestDisksSeen = defineCheck<{ domain: string } & Range>({
  summary: 'How many of a running guest\'s hard disks (CD-ROMs aside) its OS sees: an HVM guest without PV drivers sees only those qemu-dm emulates (IDE hda–hdd with the CD-ROM among them, SCSI sda–sdg); a guest that cannot boot sees none.',
  args: { domain: str, ...rangeArgs },
  required: ['domain'],
  run({ world }, a) {
    const d = findGuest(world, a.domain);
    if (!d) return failWith(`${a.domain} does not exist`);
    const seen = disksSeenByGuest(world, d).length;
    return inRange(seen, a) ? pass() : failWith(`${guestLabel(d)}'s OS sees ${seen} disk${seen === 1 ? '' : 's'} (wanted ${describeRange(a)})`);
  },
});

export const windowsChecks = {
  windows_boots: windowsBoots,
  guest_disks_seen: guestDisksSeen,
};
