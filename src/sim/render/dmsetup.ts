// `dmsetup ls|table|status|info` formats (LVM2 tools/dmsetup.c; kernel dm-mpath status): the
// old `(253, 2)` of OL5's LVM2 and the `(253:2)` of later OL6 builds.
import { allPaths } from '../storage/multipath/maps';
import type { DmDevice, MpMap, ScsiDisk } from '../storage/types';

export const lsLine = (name: string, minor: number, oldStyle: boolean): string => `${name}\t(253${oldStyle ? ', ' : ':'}${minor})\n`;

const devT = (disks: readonly ScsiDisk[], dev: string): string => {
  const d = disks.find((x) => x.name === dev);
  return d ? `${d.major}:${d.minor}` : dev;
};

/** `0 419430400 multipath 1 queue_if_no_path 1 alua 2 1 round-robin 0 2 1 8:80 1000 …` */
export function multipathTable(m: MpMap, features: string, disks: readonly ScsiDisk[]): string {
  const groups = m.groups.map((g) => `${m.policy.selector} ${g.paths.length} 1 ${g.paths.map((p) => `${devT(disks, p.dev)} ${m.policy.rrMinIo}`).join(' ')}`);
  return `0 ${m.sizeBytes / 512} multipath ${features} ${m.policy.hwhandler} ${m.groups.length} ${m.groups.length ? m.activeGroup + 1 : 0}${groups.length ? ' ' + groups.join(' ') : ''}`;
}

/** The kernel's status line: queue size, pg_init count, then each group's state and paths. */
export function multipathStatus(m: MpMap, disks: readonly ScsiDisk[]): string {
  const anyActive = allPaths(m).some((p) => p.dm === 'active');
  const groups = m.groups.map((g, i) => {
    const state = anyActive && i === m.activeGroup ? 'A' : 'E';
    return `${state} 0 ${g.paths.length} 0 ${g.paths.map((p) => `${devT(disks, p.dev)} ${p.dm === 'active' ? 'A' : 'F'} 0`).join(' ')}`;
  });
  return `0 ${m.sizeBytes / 512} multipath 2 0 0 0 ${m.groups.length} ${m.groups.length ? m.activeGroup + 1 : 0}${groups.length ? ' ' + groups.join(' ') : ''} `;
}

export function linearTable(d: DmDevice, parentMinor: number): string {
  return `0 ${d.sectors} linear 253:${parentMinor} ${d.startSector}`;
}

export interface DmInfo {
  name: string;
  suspended: boolean;
  openCount: number;
  minor: number;
  uuid: string;
}

export function infoBlock(i: DmInfo): string {
  return `Name:              ${i.name}\nState:             ${i.suspended ? 'SUSPENDED' : 'ACTIVE'}\nRead Ahead:        256\nTables present:    LIVE\nOpen count:        ${i.openCount}\nEvent number:      0\nMajor, minor:      253, ${i.minor}\nNumber of targets: 1\nUUID: ${i.uuid}\n\n`;
}
