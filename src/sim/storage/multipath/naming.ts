// Kernel device names and numbers: sd names (sda … sdz, sdaa …), their major:minor (sd_major),
// device-mapper minors, and the multipath map name a WWID gets (WWID, mpathN, mpathX, alias).
import type { Release } from '../../types';

/** `sda`, …, `sdz`, `sdaa`, … for index 0, 1, … (sd_format_disk_name). */
export function sdName(index: number): string {
  let s = '';
  let n = index;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return 'sd' + s;
}

/** Inverse of sdName; -1 when `name` is not an sd disk name. */
export function sdIndex(name: string): number {
  const m = /^sd([a-z]+)$/.exec(name);
  if (!m) return -1;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n - 1;
}

/** SCSI disk majors: 8, 65–71, then 128–135; 16 minors per disk. */
export function sdMajorMinor(index: number): [number, number] {
  const group = Math.floor(index / 16);
  const major = group === 0 ? 8 : group <= 7 ? 64 + group : 128 + (group - 8);
  return [major, (index % 16) * 16];
}

/** The device-mapper major on OL5/OL6 dom0s. */
export const DM_MAJOR = 253;

/** user_friendly_names alias for the n-th binding: `mpath0` (OL5) or `mpatha` (OL6). */
export function friendlyName(release: Release, n: number): string {
  if (release === 'ovm22') return `mpath${n}`;
  return 'mpath' + sdName(n).slice(2);
}

/** kpartx's partition name: `<name>p<N>` when the name ends in a digit or `-p p` is given. */
export function partName(mapName: string, num: number, delim?: string): string {
  const d = delim ?? (/\d$/.test(mapName) ? 'p' : '');
  return `${mapName}${d}${num}`;
}
