// Who holds a block device open on a host: mounts, partition maps stacked on a map, running
// domains' VBDs (phy: devices, or file: images on a file system mounted from the device) and
// OCFS2 global heartbeat regions. Decides "map in use", BLKRRPART busy, and where I/O flows.
import { mountFor } from '../../vfs';
import type { WorldState } from '../../types';
import { listBlockDevices, resolveIn, type BlockDevice } from '../san/block-devices';
import { partitionMaps } from './maps';
import { hostSan } from '../san/san';
import type { MpMap } from '../types';

export type HolderKind = 'mount' | 'partition' | 'domain' | 'heartbeat';

export interface Holder {
  kind: HolderKind;
  /** Mount point, partition map name, domain name or volume uuid. */
  what: string;
  /** The device held (a map, a partition map, a disk or a disk partition). */
  device: BlockDevice;
  /** Held through a file system (a file: VBD on a mounted repository), not opened itself. */
  indirect?: boolean;
}

/** Everything on this host that keeps some block device open, with the device it holds. */
export function allHolders(world: WorldState, host: string): Holder[] {
  const h = world.hosts[host];
  if (!h) return [];
  const devs = listBlockDevices(world, host);
  const resolveBlockDevice = (_w: WorldState, _h: string, path: string) => resolveIn(devs, world, host, path);
  const out: Holder[] = [];
  for (const m of h.mounts) {
    const dev = resolveBlockDevice(world, host, m.device);
    if (dev) out.push({ kind: 'mount', what: m.path, device: dev });
  }
  for (const d of Object.values(world.domains)) {
    if (d.host !== host || d.domid === null) continue;
    for (const vbd of d.disks) {
      let dev: BlockDevice | null = null;
      if (vbd.kind === 'phy') dev = resolveBlockDevice(world, host, vbd.path.startsWith('/') ? vbd.path : `/dev/${vbd.path}`);
      else dev = resolveBlockDevice(world, host, mountFor(h, vbd.path).device);
      if (dev) out.push({ kind: 'domain', what: d.name, device: dev, indirect: vbd.kind !== 'phy' });
    }
  }
  const node = world.ocfs2?.nodes[host];
  for (const uuid of node?.activeRegions ?? []) {
    const vol = world.ocfs2?.volumes[uuid];
    if (!vol) continue;
    const hs = hostSan(world, host);
    // The region's device is the map (or partition map) whose medium and offset match the volume.
    for (const m of hs?.maps ?? []) {
      const dev = resolveBlockDevice(world, host, `/dev/mapper/${m.name}`);
      if (!dev || dev.mediumKey !== vol.mediumKey) continue;
      const part = vol.startSector ? partitionMaps(hs!, m).find((p) => p.startSector === vol.startSector) : undefined;
      const held = part ? resolveBlockDevice(world, host, `/dev/mapper/${part.name}`) : dev;
      if (held) out.push({ kind: 'heartbeat', what: uuid, device: held });
    }
  }
  return out;
}

/** Holders of a multipath map: its partition maps, and whatever holds the map or them. */
export function mapHolders(world: WorldState, host: string, map: MpMap): Holder[] {
  const hs = hostSan(world, host);
  if (!hs) return [];
  const out = allHolders(world, host).filter((x) => x.device.mapName === map.name);
  const devs = listBlockDevices(world, host);
  for (const p of partitionMaps(hs, map)) {
    const dev = resolveIn(devs, world, host, `/dev/mapper/${p.name}`);
    if (dev) out.push({ kind: 'partition', what: p.name, device: dev });
  }
  return out;
}

/** Names of the maps that carry I/O now (held by something other than their partition maps). */
export function mapsWithIo(world: WorldState, host: string): Set<string> {
  const out = new Set<string>();
  for (const x of allHolders(world, host)) if (x.device.mapName) out.add(x.device.mapName);
  return out;
}

/** The map is open (flush refuses with "map in use"). */
export function mapInUse(world: WorldState, host: string, map: MpMap): boolean {
  return mapHolders(world, host, map).length > 0;
}

/** Partitions of a SCSI disk that are open (BLKRRPART on it fails with EBUSY). */
export function diskPartitionsBusy(world: WorldState, host: string, disk: string): boolean {
  return allHolders(world, host).some((x) => x.device.kind === 'part' && x.device.kname.replace(/\d+$/, '') === disk);
}
