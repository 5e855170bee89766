// Lookups over the SAN state: the array a LUN lives on, the LUN behind a host's SCSI disk,
// which LUNs a host is presented, and whether one path (HBA port → fabric → SP port) carries
// light right now. Pure reads; mutations live in scsi.ts, faults.ts and array-ops.ts.
import type { WorldState } from '../../types';
import type { HbaPort, HostSan, LunRef, LunState, SanArray, ScsiDisk, SpName } from '../types';

/** Marks the SAN changed: the kernel, multipathd and the core sync look again at the next tick. */
export function bumpSan(world: WorldState): void {
  if (world.san) world.san.epoch = (world.san.epoch ?? 0) + 1;
}

export function hostSan(world: WorldState, host: string): HostSan | undefined {
  return world.san?.hosts[host];
}

export function findArray(world: WorldState, serial: string): SanArray | undefined {
  return world.san?.arrays.find((a) => a.serial === serial);
}

/** alu → LUN of an array, rebuilt when the LUN list changes length (LUNs are only ever added). */
const LUN_INDEX = new WeakMap<LunState[], { n: number; byAlu: Map<number, LunState> }>();

export function lunByAlu(array: SanArray, alu: number): LunState | undefined {
  let ix = LUN_INDEX.get(array.luns);
  if (!ix || ix.n !== array.luns.length) {
    ix = { n: array.luns.length, byAlu: new Map(array.luns.map((l) => [l.alu, l])) };
    LUN_INDEX.set(array.luns, ix);
  }
  const l = ix.byAlu.get(alu);
  return l && l.alu === alu ? l : array.luns.find((x) => x.alu === alu);
}

export function findLun(world: WorldState, ref: LunRef): LunState | undefined {
  const a = findArray(world, ref.array);
  return a ? lunByAlu(a, ref.alu) : undefined;
}

export const lunKey = (ref: LunRef): string => `${ref.array}:${ref.alu}`;

/** The LUN behind a SCSI disk, if it is a SAN disk and the LUN still exists. */
export function lunOfDisk(world: WorldState, d: ScsiDisk): { array: SanArray; lun: LunState } | undefined {
  if (d.to.kind !== 'san') return undefined;
  const array = findArray(world, d.to.array);
  const lun = array ? lunByAlu(array, d.to.alu) : undefined;
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

/** Per storage group: `alu:hlu` pairs, rebuilt when the group's LUN list changes length (entries are added or removed, never edited in place). */
const SG_INDEX = new WeakMap<Array<{ hlu: number; alu: number }>, { n: number; pairs: Set<string> }>();

/** The LUN is presented to the host under this host LUN number. */
export function isPresented(array: SanArray, host: string, alu: number, hlu: number): boolean {
  for (const sg of array.storageGroups) {
    if (!sg.hosts.includes(host)) continue;
    let ix = SG_INDEX.get(sg.luns);
    if (!ix || ix.n !== sg.luns.length) {
      ix = { n: sg.luns.length, pairs: new Set(sg.luns.map((m) => `${m.alu}:${m.hlu}`)) };
      SG_INDEX.set(sg.luns, ix);
    }
    if (ix.pairs.has(`${alu}:${hlu}`)) return true;
  }
  return false;
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
  const lun = lunByAlu(array, d.to.alu);
  if (!lun) return false;
  // Unpresenting a LUN makes the path answer "LUN not supported": as dead as a pulled cable.
  if (!isPresented(array, host, lun.alu, d.lun)) return false;
  return linkUp(world, hba, array, d.to.sp, d.to.port);
}

/**
 * diskReachable for many disks of one host: the lookups (HBAs, arrays, presentation) are built
 * once, so that listing 1,000 paths stays cheap.
 */
export function reachability(world: WorldState, host: string): (d: ScsiDisk) => boolean {
  const hs = hostSan(world, host);
  const hbas = new Map((hs?.hbas ?? []).map((b) => [b.scsiHost, b]));
  const arrays = new Map<string, { array: SanArray; lun: Map<number, LunState>; presented: Set<number> }>();
  for (const array of world.san?.arrays ?? []) {
    // alu × 65536 + hlu: a number key, no string per lookup.
    const presented = new Set<number>();
    for (const sg of array.storageGroups) if (sg.hosts.includes(host)) for (const m of sg.luns) presented.add(m.alu * 65536 + m.hlu);
    arrays.set(array.serial, { array, lun: new Map(array.luns.map((l) => [l.alu, l])), presented });
  }
  const fabrics = world.san?.fabrics ?? [];
  return (d) => {
    if (d.to.kind === 'local') return true;
    const hba = hbas.get(d.host);
    const a = arrays.get(d.to.array);
    if (!hba || !a || !a.lun.has(d.to.alu) || !a.presented.has(d.to.alu * 65536 + d.lun)) return false;
    if (!hba.up || !hba.cable || !fabrics[hba.fabric]?.up) return false;
    const sp = a.array.sps[d.to.sp];
    const port = d.to.port;
    return sp.up && sp.ports.some((p) => p.index === port && p.up);
  };
}

/** The LUN's identity as a SCSI inquiry shows it now (page83 may have changed since discovery). */
export function currentWwid(world: WorldState, d: ScsiDisk, hs: HostSan): string {
  if (d.to.kind === 'local') {
    const id = d.to.diskId;
    return hs.localDisks.find((l) => l.id === id)?.wwid ?? d.wwid;
  }
  return lunOfDisk(world, d)?.lun.wwid ?? d.wwid;
}
