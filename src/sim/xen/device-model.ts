// Which of an HVM guest's disks qemu-dm emulates (qemu-xen-traditional's xenstore.c,
// xenstore_parse_domain_config, Xen 3.4–4.4): IDE hda–hdd (MAX_DISKS 4, the CD-ROM included) and
// SCSI sda–sdg (MAX_SCSI_DISKS 7); xvdX counts as hdX only when no hdX disk exists. Any other disk
// is skipped without a word — the guest boots, and never sees it until PV drivers bind the vbd.
import type { DomainState, VbdSpec } from '../types';

export const MAX_IDE_DISKS = 4;
export const MAX_SCSI_DISKS = 7;

/** The device name qemu-dm gives a vbd (`xvdb` → `hdb` when the guest has no hdX), or null when it skips it. */
export function emulatedName(d: DomainState, v: VbdSpec): string | null {
  const hdN = d.disks.some((x) => x.vdev.startsWith('hd'));
  const dev = !hdN && /^xvd[a-z]$/.test(v.vdev) ? `hd${v.vdev[3]}` : v.vdev;
  const scsi = dev.startsWith('sd');
  if ((!dev.startsWith('hd') && !scsi) || dev.length !== 3) return null;
  const index = dev.charCodeAt(2) - 97;
  return index >= 0 && index < (scsi ? MAX_SCSI_DISKS : MAX_IDE_DISKS) ? dev : null;
}

/** The disks the device model attaches, in vm.cfg order. */
export function emulatedDisks(d: DomainState): VbdSpec[] {
  return d.disks.filter((v) => emulatedName(d, v) !== null);
}
