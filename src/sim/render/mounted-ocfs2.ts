// mounted.ocfs2 -d / -f (mounted.c print_quick_detect / print_full_detect, reference §6.3):
// 1.8 columns Device Stack Cluster F UUID Label / Nodes, widths from the longest value (min 7);
// 1.4 (OVM 2.2) fixed columns Device FS Stack UUID Label / Device FS Nodes.
import type { Ocfs2Volume } from '../storage/ocfs2/ocfs2-types';

export interface MountedRow {
  device: string;
  vol: Ocfs2Volume;
  /** Node names (or numbers) holding slots, in slot order; empty = not mounted. */
  nodes: string[];
}

export const MOUNTED_USAGE = 'usage: mounted.ocfs2 [-dfv] [device]\n\t-d quick detect\n\t-f full detect\n\t-v verbose\n';

const stackOf = (v: Ocfs2Volume): string => (v.local ? 'None' : v.clusterInfo?.stack ?? 'o2cb');
const clusterOf = (v: Ocfs2Volume): string => (v.local ? '' : v.clusterInfo?.name ?? '');
const flagOf = (v: Ocfs2Volume): string => (v.clusterInfo?.globalHeartbeat && stackOf(v) === 'o2cb' ? 'G' : ' ');

export function renderMountedQuick(rows: readonly MountedRow[], v14: boolean): string {
  if (v14) {
    const line = (d: string, fs: string, st: string, u: string, l: string) => `${d.padEnd(20)}  ${fs.padEnd(5)}  ${st.padEnd(5)}  ${u.padEnd(32)}  ${l}\n`;
    return line('Device', 'FS', 'Stack', 'UUID', 'Label') + rows.map((r) => line(r.device, 'ocfs2', stackOf(r.vol), r.vol.uuid, r.vol.label)).join('');
  }
  const dw = Math.max(7, ...rows.map((r) => r.device.length));
  const cw = Math.max(7, ...rows.map((r) => clusterOf(r.vol).length));
  const line = (d: string, s: string, c: string, f: string, u: string, l: string) => `${d.padEnd(dw)}  ${s.padEnd(5)}  ${c.padEnd(cw)}  ${f}  ${u.padEnd(32)}  ${l}\n`;
  return line('Device', 'Stack', 'Cluster', 'F', 'UUID', 'Label') + rows.map((r) => line(r.device, stackOf(r.vol), clusterOf(r.vol), flagOf(r.vol), r.vol.uuid, r.vol.label)).join('');
}

export function renderMountedFull(rows: readonly MountedRow[], v14: boolean): string {
  const nodes = (r: MountedRow) => (r.nodes.length ? r.nodes.join(', ') : 'Not mounted');
  if (v14) {
    const line = (d: string, fs: string, n: string) => `${d.padEnd(20)}  ${fs.padEnd(5)}  ${n}\n`;
    return line('Device', 'FS', 'Nodes') + rows.map((r) => line(r.device, 'ocfs2', nodes(r))).join('');
  }
  const dw = Math.max(7, ...rows.map((r) => r.device.length));
  const cw = Math.max(7, ...rows.map((r) => clusterOf(r.vol).length));
  const line = (d: string, s: string, c: string, f: string, n: string) => `${d.padEnd(dw)}  ${s.padEnd(5)}  ${c.padEnd(cw)}  ${f}  ${n}\n`;
  return line('Device', 'Stack', 'Cluster', 'F', 'Nodes') + rows.map((r) => line(r.device, stackOf(r.vol), clusterOf(r.vol), flagOf(r.vol), nodes(r))).join('');
}
