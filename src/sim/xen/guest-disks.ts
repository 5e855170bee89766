// The disks a running HVM guest's OS sees: the ones qemu-dm emulates (./device-model.ts), or every
// vbd once its PV drivers run (a Windows guest's drivers run only when it boots: ./windows-volume.ts).
import { emulatedName } from './device-model';
import { bootsCleanly, hasPvDrivers, systemVolume } from './windows-volume';
import type { DomainState, VbdSpec, WorldState } from '../types';

/** The hard disks (not CD-ROMs) the guest's OS sees; none while it is not running or cannot boot. */
export function disksSeenByGuest(world: WorldState, d: DomainState): VbdSpec[] {
  if (d.domid === null || d.host === null || !bootsCleanly(world, d)) return [];
  const disks = d.disks.filter((v) => !v.cdrom);
  if (!d.hvm) return disks;
  const vol = systemVolume(world, d);
  if (vol && hasPvDrivers(vol)) return disks;
  return disks.filter((v) => emulatedName(d, v) !== null);
}
