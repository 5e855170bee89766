// fdisk's listing (reference §5.1): the geometry block of util-linux-ng 2.17.2 (OL6) or
// util-linux 2.13-pre7 (OL5), the partition table with its column widths, and 2.17's
// "does not end on cylinder boundary" notes. Pure formatting over a label and a size.
import { CYL, geometry, sortedParts, typeName } from '../storage/san/partition-table';
import type { DiskLabel } from '../storage/types';

export type FdiskVersion = '2.17' | '2.13';

export interface FdiskView {
  device: string;
  sizeBytes: number;
  label: DiskLabel | null;
  version: FdiskVersion;
  /** Display units: cylinders (default) or sectors (`-u`, `u`). */
  sectorUnits: boolean;
}

export function diskHeader(v: FdiskView): string {
  const { totalSectors, cylinders } = geometry(v.sizeBytes);
  const bytes = totalSectors * 512;
  const mb = Math.floor(bytes / 1000000);
  let size: string;
  if (mb < 10000) size = `${mb} MB`;
  else if (v.version === '2.17') {
    const hecto = Math.floor((mb + 50) / 100);
    size = `${Math.floor(hecto / 10)}.${hecto % 10} GB`;
  } else size = `${Math.floor(mb / 1000)}.${Math.floor(mb / 100) % 10} GB`;
  let out = `\nDisk ${v.device}: ${size}, ${bytes} bytes\n`;
  out += `255 heads, 63 sectors/track, ${cylinders} cylinders${v.sectorUnits ? `, total ${totalSectors} sectors` : ''}\n`;
  out += v.sectorUnits ? 'Units = sectors of 1 * 512 = 512 bytes\n' : 'Units = cylinders of 16065 * 512 = 8225280 bytes\n';
  if (v.version === '2.17') {
    out += 'Sector size (logical/physical): 512 bytes / 512 bytes\nI/O size (minimum/optimal): 512 bytes / 512 bytes\n';
    // A blank disk still gets an (all-zero) identifier: fdisk set up an in-memory DOS label.
    out += `Disk identifier: 0x${(v.label?.diskId ?? 0).toString(16).padStart(8, '0')}\n`;
  }
  return out + '\n';
}

/** Width fdisk gives the Device column: the name's length (+1 when it ends in a digit), at least 5. */
function nameWidth(device: string): number {
  let w = device.length;
  if (/\d$/.test(device)) w++;
  return Math.max(w, 5);
}

/** `/dev/sdb1 ` — the disk name, `p` if it ends in a digit, the number padded to two. */
export function partName(device: string, num: number): string {
  const p = /\d$/.test(device) ? 'p' : '';
  const w = nameWidth(device) + 1;
  return device.padStart(w - p.length - 2) + p + String(num).padEnd(2);
}

export function partitionTable(v: FdiskView): string {
  if (!v.label || v.label.kind !== 'dos') return '';
  const w = nameWidth(v.device);
  let out = `${'Device'.padStart(w + 1)} Boot      Start         End      Blocks   Id  System\n`;
  const notes: string[] = [];
  const unit = v.sectorUnits ? 1 : CYL;
  const round = (n: number) => (v.sectorUnits ? n : Math.floor(n / unit) + 1);
  for (const p of sortedParts(v.label)) {
    const end = p.startSector + p.sectors - (p.sectors ? 1 : 0);
    const blocks = Math.floor(p.sectors / 2);
    const odd = p.sectors % 2 ? '+' : ' ';
    out += `${partName(v.device, p.num)}  ${p.boot ? '*' : ' '} ${String(round(p.startSector)).padStart(11)} ${String(round(end)).padStart(11)} ${String(blocks).padStart(11)}${odd}  ${p.type.toString(16).padStart(2)}  ${typeName(p.type)}\n`;
    if (v.version === '2.17' && !v.sectorUnits && (end + 1) % CYL !== 0) notes.push(`Partition ${p.num} does not end on cylinder boundary.`);
    if (notes.length) {
      out += notes.join('\n') + '\n';
      notes.length = 0;
    }
  }
  return out;
}

/** One device of `fdisk -l`: stdout, plus the "no valid partition table" line for stderr. */
export function fdiskList(v: FdiskView): { stdout: string; stderr: string } {
  const stdout = diskHeader(v) + partitionTable(v);
  const stderr = v.label?.kind === 'dos' ? '' : `Disk ${v.device} doesn't contain a valid partition table\n`;
  return { stdout, stderr };
}
