// A failed HBA swapped for a new card (datacentre work, for labs and the fault menu): the
// kernel drops every SCSI disk of the old port as the card goes, the new card's loop comes up,
// and — as on a real server — nothing is found behind it until someone scans the port.
import type { WorldState } from '../../types';
import { setCable, setHbaPort } from './faults';
import { hostSan } from './san';
import { deleteDisk } from './sysfs';

/**
 * Replaces the HBA port `scsiHost` of a host: its disks are removed (multipathd drops their
 * paths), the new port is up and cabled. Returns false when the host has no such port.
 */
export function replaceHba(world: WorldState, host: string, scsiHost: number): boolean {
  const hs = hostSan(world, host);
  if (!hs?.hbas.some((b) => b.scsiHost === scsiHost)) return false;
  for (const d of hs.disks.filter((x) => x.host === scsiHost && x.to.kind === 'san')) deleteDisk(world, host, d.name);
  setHbaPort(world, host, scsiHost, true);
  setCable(world, host, scsiHost, true);
  return true;
}
