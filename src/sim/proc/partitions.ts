// /proc/partitions: every block device of the host. Devices come from the storage model
// (sim/storage/san/block-devices); a host the storage model does not know gets the OVM
// installer's local disk layout.
import { listBlockDevices } from '../storage/san/block-devices';
import type { HostState, WorldState } from '../types';

export interface PartitionRow {
  major: number;
  minor: number;
  /** Size in 1 KiB blocks. */
  blocks: number;
  name: string;
}

/** The boot disk the OVM installer lays out: /boot, / and swap on a 300 GB disk. */
const DEFAULT_ROOT_DISK: PartitionRow[] = [
  { major: 8, minor: 0, blocks: 292_968_750, name: 'sda' },
  { major: 8, minor: 1, blocks: 512_000, name: 'sda1' },
  { major: 8, minor: 2, blocks: 52_428_800, name: 'sda2' },
  { major: 8, minor: 3, blocks: 4_194_304, name: 'sda3' },
];

export function partitionRows(world: WorldState, host: HostState): PartitionRow[] {
  const devs = listBlockDevices(world, host.name);
  const rows = devs.map((d) => ({ major: d.major, minor: d.minor, blocks: Math.floor(d.sizeBytes / 1024), name: d.kname }));
  return rows.length ? rows : DEFAULT_ROOT_DISK;
}

/** The kernel's format: `"%4d  %7d %10llu %s\n"` under `major minor  #blocks  name`. */
export function procPartitions(world: WorldState, host: HostState): string {
  const rows = partitionRows(world, host).map((r) => `${String(r.major).padStart(4)}  ${String(r.minor).padStart(7)} ${String(r.blocks).padStart(10)} ${r.name}\n`);
  return `major minor  #blocks  name\n\n${rows.join('')}`;
}
