// The o2cb init script's words (vendor/common/o2cb.init.sh, reference §6.4): `status` for
// ocfs2-tools 1.8 (OVM 3) and 1.4 (OVM 2.2, with its unindented threshold line), and the
// step lines of load/online/offline/unload. Pure: takes the facts, returns text.
import type { O2cbRunning } from '../storage/ocfs2/ocfs2-types';

export interface O2cbStatusFacts {
  v14: boolean;
  loaded: boolean;
  /** The boot cluster's name (shown as Offline when not running). */
  clusterName: string;
  running: O2cbRunning | null;
  heartbeatActive: boolean;
  /** Global regions with the device carrying each. */
  regions: Array<{ uuid: string; device: string }>;
  liveNodes: number[];
}

const DRIVER_LINES = (loaded: boolean, v14: boolean): string[] => {
  const L = loaded ? 'Loaded' : 'Not loaded';
  const M = loaded ? 'Mounted' : 'Not mounted';
  const glue = v14 ? [] : [`Stack glue driver: ${L}`, `Stack plugin "o2cb": ${L}`];
  return [`Driver for "configfs": ${L}`, `Filesystem "configfs": ${M}`, ...glue, `Driver for "ocfs2_dlmfs": ${L}`, `Filesystem "ocfs2_dlmfs": ${M}`];
};

/** `service o2cb status`: text and exit status (0 online, 2 offline, 3 not loaded). */
export function renderO2cbStatus(f: O2cbStatusFacts): { text: string; code: number } {
  const out = DRIVER_LINES(f.loaded, f.v14);
  if (!f.loaded) return { text: out.join('\n') + '\n', code: 3 };
  if (!f.clusterName && !f.running) return { text: out.join('\n') + '\n', code: 1 };
  const name = f.running?.name ?? f.clusterName;
  const q = f.v14 ? name : `"${name}"`;
  if (!f.running) {
    out.push(`Checking O2CB cluster ${q}: Offline`);
    return { text: out.join('\n') + '\n', code: 2 };
  }
  const r = f.running;
  out.push(`Checking O2CB cluster ${q}: Online`);
  out.push(f.v14 ? `Heartbeat dead threshold = ${r.deadThreshold}` : `  Heartbeat dead threshold: ${r.deadThreshold}`);
  out.push(`  Network idle timeout: ${r.idleTimeoutMs}`, `  Network keepalive delay: ${r.keepaliveDelayMs}`, `  Network reconnect delay: ${r.reconnectDelayMs}`);
  if (!f.v14) out.push(`  Heartbeat mode: ${r.heartbeatMode === 'global' ? 'Global' : 'Local'}`);
  out.push(`Checking O2CB heartbeat: ${f.heartbeatActive ? 'Active' : 'Not active'}`);
  if (!f.v14 && r.heartbeatMode === 'global' && f.heartbeatActive) {
    for (const reg of f.regions) out.push(`  ${reg.uuid} ${reg.device}`);
    out.push(`Nodes in O2CB cluster: ${f.liveNodes.map((n) => `${n} `).join('')}`);
  }
  return { text: out.join('\n') + '\n', code: 0 };
}

/** The load sequence (`service o2cb load`, first half of `start`). */
export function renderLoadLines(v14: boolean): string {
  const lines = ['Loading filesystem "configfs": OK', 'Mounting configfs filesystem at /sys/kernel/config: OK', 'Loading stack plugin "o2cb": OK', 'Loading filesystem "ocfs2_dlmfs": OK', 'Mounting ocfs2_dlmfs filesystem at /dlm: OK'];
  if (!v14) lines.push('Setting cluster stack "o2cb": OK');
  return lines.join('\n') + '\n';
}

export function renderUnloadLines(): string {
  return ['Unmounting ocfs2_dlmfs filesystem: OK', 'Unloading module "ocfs2_dlmfs": OK', 'Unloading module "ocfs2_stack_o2cb": OK', 'Unmounting configfs filesystem: OK', 'Unloading module "configfs": OK'].join('\n') + '\n';
}

/** Bringing a cluster online; `hb` is null in local mode, else whether global heartbeat started. */
export function renderOnlineLines(v14: boolean, name: string, hb: boolean | null): string {
  if (v14) return `Starting O2CB cluster ${name}: OK\n`;
  let s = `Registering O2CB cluster "${name}": OK\nSetting O2CB cluster timeouts : OK\n`;
  if (hb !== null) s += `Starting global heartbeat for cluster "${name}": ${hb ? 'OK' : 'Failed'}\n`;
  return s;
}

/** Taking it offline; `busy` when a mounted volume keeps a heartbeat region active. */
export function renderOfflineLines(v14: boolean, name: string, global: boolean, busy: boolean): string {
  const fail = 'Unable to stop cluster as heartbeat region still active\n';
  if (v14) return busy ? `Stopping O2CB cluster ${name}: Failed\n${fail}` : `Stopping O2CB cluster ${name}: OK\n`;
  if (busy) return `${global ? `Stopping global heartbeat on cluster "${name}"` : `Unregistering O2CB cluster "${name}"`}: Failed\n${fail}`;
  return `${global ? `Stopping global heartbeat on cluster "${name}": OK\n` : ''}Unregistering O2CB cluster "${name}": OK\n`;
}

export const O2CB_USAGE = 'Usage: /etc/init.d/o2cb {start|stop|restart|force-reload|enable|disable|configure|load|unload|online|offline|force-offline|status}\n';
