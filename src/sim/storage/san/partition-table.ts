// DOS partition tables as fdisk sees them: geometry (255 heads, 63 sectors, cylinders of
// 16065 sectors), partition type names, free space, and the edits fdisk makes in memory.
import type { DiskLabel, PartitionEntry } from '../types';

export const HEADS = 255;
export const SECTORS = 63;
export const CYL = HEADS * SECTORS;

export interface Geometry {
  totalSectors: number;
  cylinders: number;
}

export function geometry(sizeBytes: number): Geometry {
  const totalSectors = Math.floor(sizeBytes / 512);
  return { totalSectors, cylinders: Math.floor(totalSectors / CYL) };
}

/** fdisk's system type names (i386_sys_types), the common ones. */
export const PART_TYPES: ReadonlyArray<readonly [number, string]> = [
  [0x00, 'Empty'], [0x01, 'FAT12'], [0x02, 'XENIX root'], [0x03, 'XENIX usr'], [0x04, 'FAT16 <32M'], [0x05, 'Extended'],
  [0x06, 'FAT16'], [0x07, 'HPFS/NTFS'], [0x08, 'AIX'], [0x09, 'AIX bootable'], [0x0a, 'OS/2 Boot Manager'], [0x0b, 'W95 FAT32'],
  [0x0c, 'W95 FAT32 (LBA)'], [0x0e, 'W95 FAT16 (LBA)'], [0x0f, "W95 Ext'd (LBA)"], [0x10, 'OPUS'], [0x11, 'Hidden FAT12'],
  [0x12, 'Compaq diagnost'], [0x14, 'Hidden FAT16 <3'], [0x16, 'Hidden FAT16'], [0x17, 'Hidden HPFS/NTF'], [0x18, 'AST SmartSleep'],
  [0x1b, 'Hidden W95 FAT3'], [0x1c, 'Hidden W95 FAT3'], [0x1e, 'Hidden W95 FAT1'], [0x24, 'NEC DOS'], [0x39, 'Plan 9'],
  [0x3c, 'PartitionMagic'], [0x40, 'Venix 80286'], [0x41, 'PPC PReP Boot'], [0x42, 'SFS'], [0x4d, 'QNX4.x'], [0x4e, 'QNX4.x 2nd part'],
  [0x4f, 'QNX4.x 3rd part'], [0x50, 'OnTrack DM'], [0x51, 'OnTrack DM6 Aux'], [0x52, 'CP/M'], [0x53, 'OnTrack DM6 Aux'],
  [0x54, 'OnTrackDM6'], [0x55, 'EZ-Drive'], [0x56, 'Golden Bow'], [0x5c, 'Priam Edisk'], [0x61, 'SpeedStor'], [0x63, 'GNU HURD or SysV'],
  [0x64, 'Novell Netware'], [0x65, 'Novell Netware'], [0x70, 'DiskSecure Mult'], [0x75, 'PC/IX'], [0x80, 'Old Minix'],
  [0x81, 'Minix / old Lin'], [0x82, 'Linux swap / Solaris'], [0x83, 'Linux'], [0x84, 'OS/2 hidden C:'], [0x85, 'Linux extended'],
  [0x86, 'NTFS volume set'], [0x87, 'NTFS volume set'], [0x88, 'Linux plaintext'], [0x8e, 'Linux LVM'], [0x93, 'Amoeba'],
  [0x94, 'Amoeba BBT'], [0x9f, 'BSD/OS'], [0xa0, 'IBM Thinkpad hi'], [0xa5, 'FreeBSD'], [0xa6, 'OpenBSD'], [0xa7, 'NeXTSTEP'],
  [0xa8, 'Darwin UFS'], [0xa9, 'NetBSD'], [0xab, 'Darwin boot'], [0xaf, 'HFS / HFS+'], [0xb7, 'BSDI fs'], [0xb8, 'BSDI swap'],
  [0xbb, 'Boot Wizard hid'], [0xbe, 'Solaris boot'], [0xbf, 'Solaris'], [0xc1, 'DRDOS/sec (FAT-'], [0xc4, 'DRDOS/sec (FAT-'],
  [0xc6, 'DRDOS/sec (FAT-'], [0xc7, 'Syrinx'], [0xda, 'Non-FS data'], [0xdb, 'CP/M / CTOS / .'], [0xde, 'Dell Utility'],
  [0xdf, 'BootIt'], [0xe1, 'DOS access'], [0xe3, 'DOS R/O'], [0xe4, 'SpeedStor'], [0xeb, 'BeOS fs'], [0xee, 'GPT'],
  [0xef, 'EFI (FAT-12/16/'], [0xf0, 'Linux/PA-RISC b'], [0xf1, 'SpeedStor'], [0xf4, 'SpeedStor'], [0xf2, 'DOS secondary'],
  [0xfb, 'VMware VMFS'], [0xfc, 'VMware VMKCORE'], [0xfd, 'Linux raid auto'], [0xfe, 'LANstep'], [0xff, 'BBT'],
];

/** The System column: `Linux`, `Linux LVM`, … (fdisk -l prints the full name of a few). */
export function typeName(id: number): string {
  if (id === 0x82) return 'Linux swap / Solaris';
  if (id === 0xfd) return 'Linux raid autodetect';
  return PART_TYPES.find(([t]) => t === id)?.[1] ?? 'Unknown';
}

export const isExtended = (type: number): boolean => type === 0x05 || type === 0x0f || type === 0x85;

export function sortedParts(label: DiskLabel): PartitionEntry[] {
  return [...label.parts].sort((a, b) => a.num - b.num);
}

/** Sectors of the disk already used by primary (and extended) partitions. */
function usedRanges(label: DiskLabel): Array<[number, number]> {
  return label.parts.filter((p) => p.num <= 4).map((p): [number, number] => [p.startSector, p.startSector + p.sectors - 1]);
}

/** Whether a sector is inside an existing primary/extended partition. */
export function sectorUsed(label: DiskLabel, sector: number): boolean {
  return usedRanges(label).some(([a, b]) => sector >= a && sector <= b);
}

/** First free cylinder (1-based) at or after `from`, or null. Cylinder 1 starts at sector 63. */
export function firstFreeCylinder(label: DiskLabel, geo: Geometry, from = 1): number | null {
  for (let c = from; c <= geo.cylinders; c++) {
    const start = c === 1 ? SECTORS : (c - 1) * CYL;
    if (!sectorUsed(label, start)) return c;
  }
  return null;
}

/** The last cylinder a partition starting at `startCyl` may end on (before the next used one). */
export function lastFreeCylinder(label: DiskLabel, geo: Geometry, startCyl: number): number {
  let c = startCyl;
  while (c < geo.cylinders && !sectorUsed(label, c * CYL)) c++;
  return c;
}

/** Start and length of a partition spanning cylinders a..b (DOS mode: cylinder 1 skips track 0). */
export function cylinderExtent(a: number, b: number): { startSector: number; sectors: number } {
  const start = a === 1 ? SECTORS : (a - 1) * CYL;
  return { startSector: start, sectors: b * CYL - start };
}

/** Parses a `Last cylinder` answer: a number, `+N` cylinders or `+N{K,M,G}` from `first`. */
export function parseLast(answer: string, first: number, unitSectors: number): number | null {
  const m = /^\+(\d+)([KMGkmg]?)$/.exec(answer);
  if (m) {
    const n = Number(m[1]);
    if (!m[2]) return first + n;
    const bytes = n * (m[2].toUpperCase() === 'K' ? 1024 : m[2].toUpperCase() === 'M' ? 1024 ** 2 : 1024 ** 3);
    const units = Math.floor(bytes / 512 / unitSectors);
    return first + Math.max(units, 1) - 1;
  }
  if (/^\d+$/.test(answer)) return Number(answer);
  return null;
}
