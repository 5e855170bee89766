// `xm list` exactly as xend's main.py xm_brief_list prints it (reference §1.4):
// header '%-40s %5s %5s %5s %10s %9s', rows '%-40s %5s %5d %5d %10s %8.1f'.
import { fixed, lines, padLeft, padRight } from '../../lib/format';
import type { DomainRunState } from '../types';

export interface XmListRow {
  name: string;
  /** Null for a managed domain that is not running (printed blank). */
  domid: number | null;
  memMiB: number;
  vcpus: number;
  state: string;
  cpuTimeS: number;
}

export const XM_LIST_HEADER = `${padRight('Name', 40)} ${padLeft('ID', 5)} ${padLeft('Mem', 5)} ${padLeft('VCPUs', 5)} ${padLeft('State', 10)} ${padLeft('Time(s)', 9)}`;

export function xmListRow(r: XmListRow): string {
  return `${padRight(r.name, 40)} ${padLeft(r.domid ?? '', 5)} ${padLeft(r.memMiB, 5)} ${padLeft(r.vcpus, 5)} ${padLeft(r.state, 10)} ${fixed(r.cpuTimeS, 8, 1)}`;
}

export function renderXmList(rows: readonly XmListRow[]): string {
  return lines([XM_LIST_HEADER, ...rows.map(xmListRow)]);
}

/** The six-letter r b p s c d state string (XendConfig._get_old_state_string). */
export function stateString(state: DomainRunState): string {
  const flags = { running: 'r-----', blocked: '-b----', paused: '--p---', shutdown: '---s--', crashed: '----c-', dying: '-----d', halted: '------' };
  return flags[state];
}
