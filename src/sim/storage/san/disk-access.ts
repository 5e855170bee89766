// A block device as the disk tools use it: what label is on the medium at the device's offset,
// writing a label, and BLKRRPART's answer (0, EBUSY on a disk whose partitions are in use, EINVAL on dm devices).
import { ERRNO } from '../../errno';
import type { WorldState } from '../../types';
import type { BlockDevice } from './block-devices';
import { syncDevNodes } from '../multipath/devnodes';
import { diskPartitionsBusy } from '../multipath/holders';
import { hostSan, findLun } from './san';
import { rereadPartitions } from './scsi';
import type { DiskLabel } from '../types';

/** The DOS label at the start of the device (only whole disks and maps carry one here). */
export function readLabel(world: WorldState, host: string, dev: BlockDevice): DiskLabel | null {
  if (dev.kind !== 'disk' && dev.kind !== 'mpath') return null;
  if (dev.lun) return findLun(world, dev.lun)?.label ?? null;
  const id = dev.mediumKey.split(':')[2];
  return hostSan(world, host)?.localDisks.find((d) => d.id === id)?.label ?? null;
}

/** Writes a label to the medium behind the device (every host that sees the LUN sees it). */
export function writeLabel(world: WorldState, host: string, dev: BlockDevice, label: DiskLabel): void {
  const copy: DiskLabel = { ...label, parts: label.parts.map((p) => ({ ...p })) };
  if (dev.lun) {
    const lun = findLun(world, dev.lun);
    if (lun) lun.label = copy;
    return;
  }
  const id = dev.mediumKey.split(':')[2];
  const local = hostSan(world, host)?.localDisks.find((d) => d.id === id);
  if (local) local.label = copy;
}

/** BLKRRPART: re-read the partition table (and capacity) of a SCSI disk. Returns 0 or an errno. */
export function rereadPartitionTable(world: WorldState, host: string, dev: BlockDevice): number {
  if (dev.kind !== 'disk') return ERRNO.EINVAL;
  if (!dev.visible) return ERRNO.EIO;
  if (diskPartitionsBusy(world, host, dev.kname)) return ERRNO.EBUSY;
  const disk = hostSan(world, host)?.disks.find((d) => d.name === dev.kname);
  if (!disk || !rereadPartitions(world, host, disk)) return ERRNO.EIO;
  syncDevNodes(world, host);
  return 0;
}
