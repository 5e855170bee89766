// The block devices a host's kernel has: SCSI disks and their partitions, multipath maps and
// kpartx partition maps. THE API other subsystems use (OCFS2, mount, /proc/partitions, xm's
// phy: disks): list, resolve a /dev path, and the host's view of a LUN's size. Read-only.
import { normalizePath } from '../../vfs';
import type { WorldState } from '../../types';
import { DM_MAJOR } from '../multipath/naming';
import { diskReachable, hostSan, lunKey, reachability } from './san';
import type { HostSan, LunRef, MpMap, PartitionEntry, ScsiDisk } from '../types';

export type BlockKind = 'disk' | 'part' | 'mpath' | 'mpath-part';

export interface BlockDevice {
  /** Kernel name as in /proc/partitions: `sdh`, `sdh1`, `dm-4`. */
  kname: string;
  /** The path a user would type for it: `/dev/sdh1`, `/dev/mapper/NAME`, `/dev/mapper/NAMEp1`. */
  path: string;
  kind: BlockKind;
  major: number;
  minor: number;
  /** Size as this host's kernel sees it now (may lag the array after a LUN grows). */
  sizeBytes: number;
  /** The SAN LUN underneath, or null for a local disk. */
  lun: LunRef | null;
  /**
   * Stable key of the medium the bytes live on, the same on every host that sees it:
   * `<array serial>:<alu>` for a LUN, `local:<host>:<disk id>` for a local disk.
   */
  mediumKey: string;
  /** Offset of this device's first sector on the medium (0 for a whole disk or map). */
  startSector: number;
  /** Partition number for `part`/`mpath-part`, else null. */
  partition: number | null;
  /** WWID the kernel/multipath knows the device by. */
  wwid: string;
  /** Multipath map name for `mpath`/`mpath-part`. */
  mapName?: string;
  /** I/O can reach the medium now (a path device with a live link, or a map with one). */
  visible: boolean;
}

const SECTOR = 512;

function diskMedium(host: string, d: ScsiDisk): { lun: LunRef | null; key: string } {
  if (d.to.kind === 'san') {
    const lun = { array: d.to.array, alu: d.to.alu };
    return { lun, key: lunKey(lun) };
  }
  return { lun: null, key: `local:${host}:${d.to.diskId}` };
}

function diskDevices(host: string, d: ScsiDisk, reach: (d: ScsiDisk) => boolean): BlockDevice[] {
  const { lun, key } = diskMedium(host, d);
  const visible = d.state === 'running' && reach(d);
  const base: BlockDevice = {
    kname: d.name,
    path: `/dev/${d.name}`,
    kind: 'disk',
    major: d.major,
    minor: d.minor,
    sizeBytes: d.sizeBytes,
    lun,
    mediumKey: key,
    startSector: 0,
    partition: null,
    wwid: d.wwid,
    visible,
  };
  const parts = d.parts.map((p: PartitionEntry): BlockDevice => ({
    ...base,
    kname: `${d.name}${p.num}`,
    path: `/dev/${d.name}${p.num}`,
    kind: 'part',
    minor: d.minor + p.num,
    sizeBytes: p.type === 0x05 || p.type === 0x0f || p.type === 0x85 ? 1024 : p.sectors * SECTOR,
    startSector: p.startSector,
    partition: p.num,
  }));
  return [base, ...parts];
}

/** Whether any path of the map reaches its LUN now. */
export function mapVisible(world: WorldState, host: string, hs: HostSan, m: MpMap, disks?: ReadonlyMap<string, ScsiDisk>, reach?: (d: ScsiDisk) => boolean): boolean {
  for (const g of m.groups) {
    for (const p of g.paths) {
      const d = disks ? disks.get(p.dev) : hs.disks.find((x) => x.name === p.dev);
      if (d && d.state === 'running' && (reach ? reach(d) : diskReachable(world, host, d))) return true;
    }
  }
  return false;
}

/** The LUN a map's paths lead to (its first SAN path). */
export function mapLun(hs: HostSan, m: MpMap): LunRef | null {
  for (const g of m.groups) {
    for (const p of g.paths) {
      const d = hs.disks.find((x) => x.name === p.dev);
      if (d?.to.kind === 'san') return { array: d.to.array, alu: d.to.alu };
    }
  }
  return null;
}

function mapMedium(host: string, m: MpMap, disks: ReadonlyMap<string, ScsiDisk>): { lun: LunRef | null; key: string } {
  for (const g of m.groups) {
    for (const p of g.paths) {
      const d = disks.get(p.dev);
      if (d) return diskMedium(host, d);
    }
  }
  return { lun: null, key: `wwid:${m.wwid}` };
}

function dmDevices(world: WorldState, host: string, hs: HostSan, reach: (d: ScsiDisk) => boolean): BlockDevice[] {
  const out: BlockDevice[] = [];
  const disks = new Map(hs.disks.map((d) => [d.name, d]));
  const maps = new Map(hs.maps.map((m) => [m.name, m]));
  const seen = new Map<string, { lun: LunRef | null; key: string; visible: boolean }>();
  for (const dev of [...hs.dm].sort((a, b) => a.minor - b.minor)) {
    const mapName = dev.target === 'multipath' ? dev.name : dev.parent!;
    const m = maps.get(mapName);
    if (!m) continue;
    let info = seen.get(mapName);
    if (!info) seen.set(mapName, (info = { ...mapMedium(host, m, disks), visible: mapVisible(world, host, hs, m, disks, reach) }));
    const { lun, key, visible } = info;
    if (dev.target === 'multipath') {
      out.push({ kname: `dm-${dev.minor}`, path: `/dev/mapper/${dev.name}`, kind: 'mpath', major: DM_MAJOR, minor: dev.minor, sizeBytes: m.sizeBytes, lun, mediumKey: key, startSector: 0, partition: null, wwid: m.wwid, mapName, visible });
    } else {
      out.push({ kname: `dm-${dev.minor}`, path: `/dev/mapper/${dev.name}`, kind: 'mpath-part', major: DM_MAJOR, minor: dev.minor, sizeBytes: (dev.sectors ?? 0) * SECTOR, lun, mediumKey: key, startSector: dev.startSector ?? 0, partition: dev.partNum ?? null, wwid: m.wwid, mapName, visible });
    }
  }
  return out;
}

/** Every block device of the host, in /proc/partitions order (sd disks by probe order, then dm). */
export function listBlockDevices(world: WorldState, host: string): BlockDevice[] {
  const hs = hostSan(world, host);
  if (!hs) return [];
  const disks = [...hs.disks].sort((a, b) => a.major - b.major || a.minor - b.minor);
  const reach = reachability(world, host);
  const out: BlockDevice[] = [];
  for (const d of disks) for (const b of diskDevices(host, d, reach)) out.push(b);
  for (const b of dmDevices(world, host, hs, reach)) out.push(b);
  return out;
}

/**
 * Resolves a device path as the host's /dev has it: `/dev/sdh`, `/dev/sdh1`, `/dev/dm-4`,
 * `/dev/mapper/NAME`, `/dev/mapper/NAMEp1`, and on OVM 2.2 (OL5) `/dev/mpath/NAME`. Null when
 * no such device node exists on this host.
 */
export function resolveBlockDevice(world: WorldState, host: string, path: string, cwd = '/'): BlockDevice | null {
  return resolveIn(listBlockDevices(world, host), world, host, path, cwd);
}

/** resolveBlockDevice against an already computed device list (for callers resolving many paths). */
export function resolveIn(devs: readonly BlockDevice[], world: WorldState, host: string, path: string, cwd = '/'): BlockDevice | null {
  const abs = normalizePath(path, cwd);
  let m: RegExpExecArray | null;
  if ((m = /^\/dev\/dm-(\d+)$/.exec(abs))) return devs.find((d) => d.major === DM_MAJOR && d.minor === Number(m![1])) ?? null;
  if ((m = /^\/dev\/mapper\/(.+)$/.exec(abs))) return devs.find((d) => d.path === abs) ?? null;
  if ((m = /^\/dev\/mpath\/(.+)$/.exec(abs))) {
    if (world.hosts[host]?.release !== 'ovm22') return null;
    return devs.find((d) => d.path === `/dev/mapper/${m![1]}`) ?? null;
  }
  return devs.find((d) => d.path === abs && (d.kind === 'disk' || d.kind === 'part')) ?? null;
}

/** The array's current size of a LUN (what the array knows, whatever hosts believe). */
export function arrayLunSize(world: WorldState, ref: LunRef): number | null {
  const arr = world.san?.arrays.find((a) => a.serial === ref.array);
  return arr?.luns.find((l) => l.alu === ref.alu)?.sizeBytes ?? null;
}

/**
 * This host's view of a LUN's size: its multipath map's table size when there is a map,
 * else the largest capacity any of its path devices read. Null when the host has no device.
 */
export function hostLunSize(world: WorldState, host: string, ref: LunRef): number | null {
  const hs = hostSan(world, host);
  if (!hs) return null;
  for (const m of hs.maps) {
    const l = mapLun(hs, m);
    if (l && l.array === ref.array && l.alu === ref.alu) return m.sizeBytes;
  }
  let best: number | null = null;
  for (const d of hs.disks) {
    if (d.to.kind === 'san' && d.to.array === ref.array && d.to.alu === ref.alu) best = Math.max(best ?? 0, d.sizeBytes);
  }
  return best;
}

/** The multipath map (block device) through which this host reaches a LUN, if any. */
export function hostMapForLun(world: WorldState, host: string, ref: LunRef): BlockDevice | null {
  return listBlockDevices(world, host).find((d) => d.kind === 'mpath' && d.lun?.array === ref.array && d.lun.alu === ref.alu) ?? null;
}
