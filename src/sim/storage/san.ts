// Lookups over the SAN state: the array a LUN lives on, the LUN behind a host's SCSI disk,
// which LUNs a host is presented, and whether one path (HBA port → fabric → SP port) carries
// light right now. Pure reads; mutations live in scsi.ts, faults.ts and array-ops.ts.
import type { WorldState } from '../types';
import type { HbaPort, HostSan, LunRef, LunState, SanArray, SanState, ScsiDisk, SpName } from './types';

export function sanOf(world: WorldState): SanState | undefined {
  return world.san;
}

export function hostSan(world: WorldState, host: string): HostSan | undefined {
  return world.san?.hosts[host];
}

export function findArray(world: WorldState, serial: string): SanArray | undefined {
  return world.san?.arrays.find((a) => a.serial === serial);
}

export function findLun(world: WorldState, ref: LunRef): LunState | undefined {
  return findArray(world, ref.array)?.luns.find((l) => l.alu === ref.alu);
}

export const lunKey = (ref: LunRef): string => `${ref.array}:${ref.alu}`;

/** The LUN behind a SCSI disk, if it is a SAN disk and the LUN still exists. */
export function lunOfDisk(world: WorldState, d: ScsiDisk): { array: SanArray; lun: LunState } | undefined {
  if (d.to.kind !== 'san') return undefined;
  const array = findArray(world, d.to.array);
  const alu = d.to.alu;
  const lun = array?.luns.find((l) => l.alu === alu);
  return array && lun ? { array, lun } : undefined;
}

/** LUNs presented to a host through its storage groups: host LUN number → LUN. */
export function presentedLuns(array: SanArray, host: string): Array<{ hlu: number; lun: LunState }> {
  const out: Array<{ hlu: number; lun: LunState }> = [];
  for (const sg of array.storageGroups) {
    if (!sg.hosts.includes(host)) continue;
    for (const m of sg.luns) {
      const lun = array.luns.find((l) => l.alu === m.alu);
      if (lun) out.push({ hlu: m.hlu, lun });
    }
  }
  return out.sort((a, b) => a.hlu - b.hlu);
}

/** SP ports zoned to an HBA port: every port of both SPs on the HBA's fabric, SP A first. */
export function zonedPorts(array: SanArray, hba: HbaPort): Array<{ sp: SpName; port: number }> {
  const out: Array<{ sp: SpName; port: number }> = [];
  for (const sp of ['A', 'B'] as const) {
    for (const p of array.sps[sp].ports) if (p.fabric === hba.fabric) out.push({ sp, port: p.index });
  }
  return out;
}

/** Light end to end: HBA port, cable, switch, SP port and SP all up. */
export function linkUp(world: WorldState, hba: HbaPort, array: SanArray, sp: SpName, port: number): boolean {
  const fabric = world.san?.fabrics[hba.fabric];
  const p = array.sps[sp].ports.find((x) => x.index === port);
  return hba.up && hba.cable && !!fabric?.up && array.sps[sp].up && !!p?.up;
}

/** Whether I/O on this SCSI disk reaches its LUN right now (local disks always do). */
export function diskReachable(world: WorldState, host: string, d: ScsiDisk): boolean {
  if (d.to.kind === 'local') return true;
  const hs = hostSan(world, host);
  if (!hs) return false;
  const hba = hs.hbas.find((h) => h.scsiHost === d.host);
  const array = findArray(world, d.to.array);
  if (!hba || !array) return false;
  const lun = array.luns.find((l) => l.alu === (d.to as { alu: number }).alu);
  if (!lun) return false;
  // Unpresenting a LUN makes the path answer "LUN not supported": as dead as a pulled cable.
  if (!presentedLuns(array, host).some((p) => p.lun.alu === lun.alu && p.hlu === d.lun)) return false;
  return linkUp(world, hba, array, d.to.sp, d.to.port);
}

/** The LUN's identity as a SCSI inquiry shows it now (page83 may have changed since discovery). */
export function currentWwid(world: WorldState, d: ScsiDisk, hs: HostSan): string {
  if (d.to.kind === 'local') {
    const id = d.to.diskId;
    return hs.localDisks.find((l) => l.id === id)?.wwid ?? d.wwid;
  }
  return lunOfDisk(world, d)?.lun.wwid ?? d.wwid;
}
