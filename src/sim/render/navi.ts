// naviseccli output (Navisphere Secure CLI 7.x against FLARE 29/30 pool LUNs): getagent,
// lun -list, storagegroup -list. Layouts follow the CLI reference; some field values are
// [INFERRED] stand-ins (signatures, PROM revision).
import type { LunState, SanArray, SpName } from '../storage/types';

/** The LUN's UID as Navisphere prints it: the page83 NAA id in colon-separated upper-case bytes. */
export const naviUid = (wwid: string): string => wwid.slice(1).toUpperCase().match(/../g)!.join(':');

export function getagent(a: SanArray, sp: SpName): string {
  return [
    `Agent Rev:           ${a.revision}`,
    'Name:                K10',
    'Desc:                ',
    `Node:                ${sp}-${a.serial}`,
    'Physical Node:       K10',
    `Signature:           ${sp === 'A' ? 3207532 : 3207533}`,
    `Peer Signature:      ${sp === 'A' ? 3207533 : 3207532}`,
    'Revision:            04.30.000.5.511',
    'SCSI Id:             0',
    `Model:               ${a.model}`,
    'Model Type:          Rackmount',
    'Prom Rev:            3.95.00',
    'SP Memory:           8192',
    `Serial No:           ${a.serial}`,
    `SP Identifier:       ${sp}`,
    'Cabinet:             SPE5',
    '',
  ].join('\n') + '\n';
}

const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(3);

export function lunBlock(l: LunState): string {
  return [
    `LOGICAL UNIT NUMBER ${l.alu}`,
    `Name:  ${l.name}`,
    `UID:  ${naviUid(l.wwid)}`,
    `Current Owner:  SP ${l.owner}`,
    `Default Owner:  SP ${l.defaultOwner}`,
    `Allocation Owner:  SP ${l.defaultOwner}`,
    `User Capacity (Blocks):  ${l.sizeBytes / 512}`,
    `User Capacity (GBs):  ${gb(l.sizeBytes)}`,
    `Consumed Capacity (Blocks):  ${l.sizeBytes / 512}`,
    `Consumed Capacity (GBs):  ${gb(l.sizeBytes)}`,
    'Pool Name:  Pool 0',
    `Raid Type:  r_${l.raidType.replace(/\D/g, '')}`,
    'Offset:  0',
    'Auto-Assign Enabled:  DISABLED',
    'Auto-Trespass Enabled:  DISABLED',
    'Current State:  Ready',
    'Status:  OK(0x0)',
    'Is Faulted:  false',
    'Is Transitioning:  false',
    'Current Operation:  None',
    'Current Operation State:  N/A',
    'Current Operation Status:  N/A',
    'Current Operation Percent Completed:  0',
    'Is Pool LUN:  Yes',
    'Is Thin LUN:  No',
    'Is Private:  No',
    'Is Compressed:  No',
    '',
  ].join('\n') + '\n';
}

export function storageGroups(a: SanArray, hbaRows: ReadonlyArray<{ group: string; uid: string; sp: SpName; port: number }>): string {
  let out = '';
  for (const sg of a.storageGroups) {
    out += `Storage Group Name:    ${sg.name}\n`;
    out += `Storage Group UID:     ${naviUid('3' + a.luns[0]!.wwid.slice(1, 9) + sg.name.split('').map((c) => c.charCodeAt(0).toString(16)).join('').padEnd(24, '0').slice(0, 24))}\n`;
    out += 'HBA/SP Pairs:\n\n  HBA UID                                          SP Name     SPPort\n  -------                                          -------     ------\n';
    for (const r of hbaRows.filter((x) => x.group === sg.name)) out += `  ${r.uid.padEnd(48)} SP ${r.sp}         ${r.port}\n`;
    out += '\nHLU/ALU Pairs:\n\n  HLU Number     ALU Number\n  ----------     ----------\n';
    for (const m of [...sg.luns].sort((x, y) => x.hlu - y.hlu)) out += `    ${String(m.hlu).padEnd(15)}${m.alu}\n`;
    out += 'Shareable:             YES\n\n';
  }
  return out;
}
