// A host's SCSI layer: discovering LUNs through each HBA port (boot scan and `- - -` rescans),
// re-reading a disk's capacity and partition table (BLKRRPART, device/rescan), and the kernel
// lines those leave in /var/log/messages. What the kernel believes changes only here.
import { syslog } from '../../logs';
import type { WorldState } from '../../types';
import { sdMajorMinor, sdName } from '../multipath/naming';
import { findArray, hostSan, linkUp, lunOfDisk, presentedLuns, zonedPorts } from './san';
import type { DiskLabel, HbaPort, HostSan, PartitionEntry, ScsiDisk } from '../types';

const SECTOR = 512;

/** The kernel's string_get_size(): three significant digits, truncated. */
export function kernelSize(bytes: number, base: 1000 | 1024): string {
  const units = base === 1000 ? ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] : ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let v = bytes;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  const whole = Math.floor(v);
  const decimals = whole < 10 ? 2 : whole < 100 ? 1 : 0;
  const f = 10 ** decimals;
  const t = Math.floor(v * f + 1e-9) / f;
  return `${decimals ? t.toFixed(decimals) : String(whole)} ${units[i]}`;
}

/** The partitions the kernel creates from a label (primary and logical, not the extended box). */
export function kernelPartitions(label: DiskLabel | null): PartitionEntry[] {
  if (!label || label.kind !== 'dos') return [];
  return label.parts.filter((p) => p.sectors > 0 && p.type !== 0).map((p) => ({ ...p }));
}

const hctl = (d: ScsiDisk) => `${d.host}:${d.channel}:${d.target}:${d.lun}`;

/** The partition list line the kernel prints when it reads a table: ` sdh: sdh1 sdh2`, or that it found none. */
function partitionLine(d: ScsiDisk, label: DiskLabel | null): string {
  if (!label) return ` ${d.name}: unknown partition table`;
  return ` ${d.name}:${d.parts.map((p) => ` ${d.name}${p.num}`).join('')}`;
}

function attachLines(d: ScsiDisk, sgIndex: number, label: DiskLabel | null): string[] {
  const blocks = d.sizeBytes / SECTOR;
  return [
    `scsi ${hctl(d)}: Direct-Access     ${d.vendor.padEnd(8)} ${d.product.padEnd(16)} ${d.rev} PQ: 0 ANSI: 4`,
    `sd ${hctl(d)}: Attached scsi generic sg${sgIndex} type 0`,
    `sd ${hctl(d)}: [${d.name}] ${blocks} 512-byte logical blocks: (${kernelSize(d.sizeBytes, 1000)}/${kernelSize(d.sizeBytes, 1024)})`,
    `sd ${hctl(d)}: [${d.name}] Write Protect is off`,
    `sd ${hctl(d)}: [${d.name}] Write cache: enabled, read cache: enabled, doesn't support DPO or FUA`,
    partitionLine(d, label),
    `sd ${hctl(d)}: [${d.name}] Attached SCSI disk`,
  ];
}

/** Allocates the next sd name and numbers. */
function newDiskSlot(hs: HostSan): { name: string; major: number; minor: number } {
  const index = hs.nextSdIndex++;
  const [major, minor] = sdMajorMinor(index);
  return { name: sdName(index), major, minor };
}

/**
 * Scans one HBA port (`echo "- - -" > /sys/class/scsi_host/hostN/scan`): adds a disk for every
 * presented LUN behind every zoned, reachable target that the host does not have yet. Existing
 * disks are left alone — their capacity is not re-read by a scan. Returns the new disks.
 */
export function scanHba(world: WorldState, host: string, hba: HbaPort, quiet = false): ScsiDisk[] {
  const hs = hostSan(world, host);
  const h = world.hosts[host];
  if (!hs || !h || !world.san) return [];
  const added: ScsiDisk[] = [];
  let target = 0;
  for (const array of world.san.arrays) {
    for (const port of zonedPorts(array, hba)) {
      const t = target++;
      if (!linkUp(world, hba, array, port.sp, port.port)) continue;
      for (const { hlu, lun } of presentedLuns(array, host)) {
        if (hs.disks.some((d) => d.host === hba.scsiHost && d.channel === 0 && d.target === t && d.lun === hlu)) continue;
        const slot = newDiskSlot(hs);
        const d: ScsiDisk = {
          ...slot,
          host: hba.scsiHost,
          channel: 0,
          target: t,
          lun: hlu,
          to: { kind: 'san', array: array.serial, sp: port.sp, port: port.port, alu: lun.alu },
          sizeBytes: lun.sizeBytes,
          state: 'running',
          wwid: lun.wwid,
          vendor: lun.vendor,
          product: lun.product,
          rev: lun.rev,
          parts: kernelPartitions(lun.label),
        };
        hs.disks.push(d);
        added.push(d);
        if (!quiet) syslog(world, h, 'kernel', ...attachLines(d, hs.disks.length - 1, lun.label));
      }
    }
  }
  return added;
}

/**
 * Re-reads a disk's capacity (sd_revalidate_disk): what BLKRRPART and `device/rescan` do.
 * Returns false when the device does not answer (dead link or offline).
 */
export function revalidateDisk(world: WorldState, host: string, d: ScsiDisk): boolean {
  const h = world.hosts[host];
  if (!h) return false;
  if (d.to.kind === 'local') return true;
  const found = lunOfDisk(world, d);
  const hs = hostSan(world, host);
  const hba = hs?.hbas.find((x) => x.scsiHost === d.host);
  const array = findArray(world, d.to.array);
  if (!found || !hba || !array || d.state !== 'running' || !linkUp(world, hba, array, d.to.sp, d.to.port)) return false;
  const size = found.lun.sizeBytes;
  if (size !== d.sizeBytes) {
    syslog(
      world,
      h,
      'kernel',
      `sd ${hctl(d)}: [${d.name}] ${size / SECTOR} 512-byte logical blocks: (${kernelSize(size, 1000)}/${kernelSize(size, 1024)})`,
      `${d.name}: detected capacity change from ${d.sizeBytes} to ${size}`,
    );
    d.sizeBytes = size;
  }
  return true;
}

/** Reads the partition table again (after revalidating): the kernel's `sdh: sdh1` line. */
export function rereadPartitions(world: WorldState, host: string, d: ScsiDisk): boolean {
  if (!revalidateDisk(world, host, d)) return false;
  const h = world.hosts[host]!;
  const label = d.to.kind === 'san' ? (lunOfDisk(world, d)?.lun.label ?? null) : (hostSan(world, host)?.localDisks.find((l) => l.id === (d.to as { diskId: string }).diskId)?.label ?? null);
  d.parts = kernelPartitions(label);
  syslog(world, h, 'kernel', partitionLine(d, label));
  return true;
}

/** The label on the medium behind a disk (the LUN's, or the local disk's). */
export function diskLabel(world: WorldState, host: string, d: ScsiDisk): DiskLabel | null {
  if (d.to.kind === 'san') return lunOfDisk(world, d)?.lun.label ?? null;
  const id = d.to.diskId;
  return hostSan(world, host)?.localDisks.find((l) => l.id === id)?.label ?? null;
}

/** Adds the host's local disks (controller host 0) as the boot scan finds them. */
export function attachLocalDisks(world: WorldState, host: string): void {
  const hs = hostSan(world, host);
  if (!hs) return;
  for (const [i, ld] of hs.localDisks.entries()) {
    if (hs.disks.some((d) => d.to.kind === 'local' && d.to.diskId === ld.id)) continue;
    const slot = newDiskSlot(hs);
    hs.disks.push({
      ...slot,
      host: 0,
      channel: 0,
      target: i,
      lun: 0,
      to: { kind: 'local', diskId: ld.id },
      sizeBytes: ld.sizeBytes,
      state: 'running',
      wwid: ld.wwid,
      vendor: ld.vendor,
      product: ld.product,
      rev: ld.rev,
      parts: kernelPartitions(ld.label),
    });
  }
}
