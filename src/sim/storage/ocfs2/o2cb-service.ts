// `service o2cb …` and `service ocfs2 …`: the handlers registered in sim/services.ts.
// They only import types from services.ts (the table imports this module at load time).
import { readFile, writeFile } from '../../vfs';
import { syslog } from '../../logs';
import { O2CB_USAGE, renderLoadLines, renderO2cbStatus, renderOfflineLines, renderOnlineLines, renderUnloadLines } from '../../render/o2cb';
import { parseSysconfig, renderSysconfig } from './o2cb-config';
import {
  O2CB_SYSCONFIG, heartbeatActive, liveNodes, loadStack, o2cbNode, readClusterConfig, regionDevice, setOffline, setOnline, startHeartbeat, unloadStack,
} from './o2cb';
import type { ServiceCtx, ServiceDef, ServiceOut } from '../../services';

const v14 = (c: ServiceCtx) => c.host.release === 'ovm22';

function bootCluster(c: ServiceCtx): string {
  const sys = readFile(c.world, c.host, O2CB_SYSCONFIG);
  return parseSysconfig(sys.ok ? sys.value : '', c.host.release).bootCluster;
}

function status(c: ServiceCtx): ServiceOut {
  const node = o2cbNode(c.world, c.host.name);
  const regions = (node.running?.heartbeatMode === 'global' ? node.activeRegions : []).map((uuid) => ({ uuid, device: regionDevice(c.world, c.host.name, uuid) ?? '' }));
  const r = renderO2cbStatus({
    v14: v14(c),
    loaded: node.loaded,
    clusterName: bootCluster(c),
    running: node.running,
    heartbeatActive: heartbeatActive(c.world, c.host.name),
    regions,
    liveNodes: liveNodes(c.world, c.host.name),
  });
  return { stdout: r.text, exitCode: r.code };
}

function load(c: ServiceCtx): string {
  if (!loadStack(c.world, c.host.name)) return '';
  // What the modules print as they load (UEK's OCFS2 1.8 / OVM 2.2's 1.4) [INFERRED versions].
  const ver = v14(c) ? '1.4.3' : '1.8.0';
  syslog(c.world, c.host, 'kernel', `OCFS2 Node Manager ${ver}`, `OCFS2 DLM ${ver}`, 'ocfs2: Registered cluster interface o2cb', `OCFS2 DLMFS ${ver}`, 'OCFS2 User DLM kernel interface loaded', `OCFS2 ${ver}`);
  return renderLoadLines(v14(c));
}

/** Kernel lines when the node joins: heartbeat mode, then a connection to every live peer. */
function logOnline(c: ServiceCtx, global: boolean): void {
  const lines: string[] = [];
  if (global) lines.push('o2hb: Heartbeat mode set to global');
  const r = o2cbNode(c.world, c.host.name).running;
  for (const n of r?.nodes ?? []) {
    if (n.name === c.host.name || !liveNodes(c.world, c.host.name).includes(n.number)) continue;
    lines.push(`o2net: Connected to node ${n.name} (num ${n.number}) at ${n.ip}:${n.port}`);
  }
  if (lines.length) syslog(c.world, c.host, 'kernel', ...lines);
}

function online(c: ServiceCtx): ServiceOut {
  let out = load(c);
  const node = o2cbNode(c.world, c.host.name);
  const name = bootCluster(c);
  if (node.running) return { stdout: out + `Cluster ${v14(c) ? node.running.name : `"${node.running.name}"`} already online\n`, exitCode: 0 };
  if (!name) return { stdout: out, exitCode: 0 };
  const cfg = readClusterConfig(c.world, c.host, name);
  if (!cfg.ok) {
    // o2cb_ctl cannot find the cluster (or this node) in cluster.conf [INFERRED wording].
    out += v14(c) ? `Starting O2CB cluster ${name}: Failed\n` : `Registering O2CB cluster "${name}": Failed\n`;
    out += cfg.error.kind === 'not-in-cluster' ? `o2cb_ctl: Unable to find node "${c.host.name}" in cluster "${name}"\n` : `o2cb_ctl: Unable to load cluster configuration file "/etc/ocfs2/cluster.conf"\n`;
    return { stdout: out, exitCode: 1 };
  }
  setOnline(c.world, c.host.name, cfg.running);
  c.host.services.o2cb = 'running';
  let hb: boolean | null = null;
  if (cfg.running.heartbeatMode === 'global') hb = startHeartbeat(c.world, c.host.name).length === 0;
  logOnline(c, cfg.running.heartbeatMode === 'global');
  out += renderOnlineLines(v14(c), name, hb);
  return { stdout: out, exitCode: hb === false ? 1 : 0 };
}

function offline(c: ServiceCtx): ServiceOut {
  const node = o2cbNode(c.world, c.host.name);
  if (!node.running) return { stdout: '', exitCode: 0 };
  const global = node.running.heartbeatMode === 'global';
  const name = node.running.name;
  if (!setOffline(c.world, c.host.name)) return { stdout: renderOfflineLines(v14(c), name, global, true), exitCode: 1 };
  c.host.services.o2cb = 'stopped';
  return { stdout: renderOfflineLines(v14(c), name, global, false), exitCode: 0 };
}

function unload(c: ServiceCtx): ServiceOut {
  const node = o2cbNode(c.world, c.host.name);
  if (!node.loaded) return { stdout: '', exitCode: 0 };
  if (!unloadStack(c.world, c.host.name)) return { stdout: '', exitCode: 1 };
  return { stdout: renderUnloadLines(), exitCode: 0 };
}

function start(c: ServiceCtx): ServiceOut {
  const sys = readFile(c.world, c.host, O2CB_SYSCONFIG);
  if (!parseSysconfig(sys.ok ? sys.value : '', c.host.release).enabled) return { stdout: '', exitCode: 0 };
  return online(c);
}

function stop(c: ServiceCtx): ServiceOut {
  const off = offline(c);
  if (off.exitCode) return off;
  const un = unload(c);
  return { stdout: off.stdout + un.stdout, exitCode: un.exitCode };
}

/** `configure` with every question answered by Enter: keeps the values, rewrites the file. */
function configure(c: ServiceCtx): ServiceOut {
  const sys = readFile(c.world, c.host, O2CB_SYSCONFIG);
  const cfg = parseSysconfig(sys.ok ? sys.value : '', c.host.release);
  const y = cfg.enabled ? 'y' : 'n';
  const lines = [
    'Configuring the O2CB driver.',
    '',
    'This will configure the on-boot properties of the O2CB driver.',
    'The following questions will determine whether the driver is loaded on',
    "boot.  The current values will be shown in brackets ('[]').  Hitting",
    '<ENTER> without typing an answer will keep that current value.  Ctrl-C',
    'will abort.',
    '',
    `Load O2CB driver on boot (y/n) [${y}]: `,
    `Cluster stack backing O2CB [${cfg.stack}]: `,
    `Cluster to start on boot (Enter "none" to clear) [${cfg.bootCluster}]: `,
    `Specify heartbeat dead threshold (>=7) [${cfg.deadThreshold}]: `,
    `Specify network idle timeout in ms (>=5000) [${cfg.idleTimeoutMs}]: `,
    `Specify network keepalive delay in ms (>=1000) [${cfg.keepaliveDelayMs}]: `,
    `Specify network reconnect delay in ms (>=2000) [${cfg.reconnectDelayMs}]: `,
    'Writing O2CB configuration: OK',
  ];
  writeFile(c.world, c.host, O2CB_SYSCONFIG, renderSysconfig(cfg));
  const on = cfg.enabled ? online(c) : { stdout: '', exitCode: 0 };
  return { stdout: lines.join('\n') + '\n' + on.stdout, exitCode: on.exitCode };
}

function setEnabled(enabled: boolean) {
  return (c: ServiceCtx): ServiceOut => {
    const sys = readFile(c.world, c.host, O2CB_SYSCONFIG);
    const cfg = parseSysconfig(sys.ok ? sys.value : '', c.host.release);
    cfg.enabled = enabled;
    writeFile(c.world, c.host, O2CB_SYSCONFIG, renderSysconfig(cfg));
    return { stdout: 'Writing O2CB configuration: OK\n', exitCode: 0 };
  };
}

const usage = (): ServiceOut => ({ stdout: O2CB_USAGE, exitCode: 1 });

/** The o2cb script: registered with one line in sim/services.ts. */
export const O2CB_SERVICE: Partial<ServiceDef> & { name: string } = {
  name: 'o2cb',
  daemon: false,
  verbs: ['start', 'stop', 'restart', 'force-reload', 'enable', 'disable', 'configure', 'load', 'unload', 'online', 'offline', 'force-offline', 'status'],
  actions: {
    status,
    start,
    stop,
    restart: (c) => {
      const a = stop(c);
      if (a.exitCode) return a;
      const b = start(c);
      return { stdout: a.stdout + b.stdout, exitCode: b.exitCode };
    },
    'force-reload': (c) => {
      const a = stop(c);
      const b = start(c);
      return { stdout: a.stdout + b.stdout, exitCode: b.exitCode };
    },
    load: (c) => ({ stdout: load(c), exitCode: 0 }),
    unload,
    online,
    offline,
    'force-offline': offline,
    configure,
    enable: setEnabled(true),
    disable: setEnabled(false),
    reload: usage,
    condrestart: usage,
  },
};

/** The ocfs2 script mounts fstab's ocfs2 entries; OVM mounts through its agent, so fstab has none. */
export const OCFS2_SERVICE: Partial<ServiceDef> & { name: string } = {
  name: 'ocfs2',
  daemon: false,
  verbs: ['start', 'stop', 'restart', 'force-reload', 'status'],
  actions: {
    status: (c) => {
      const active = c.host.mounts.filter((m) => m.fsType === 'ocfs2').map((m) => m.path);
      return { stdout: `Configured OCFS2 mountpoints: \n${active.length ? `Active OCFS2 mountpoints:  ${active.join(' ')}\n` : ''}`, exitCode: 0 };
    },
    start: (c) => {
      c.host.services.ocfs2 = 'running';
      return { stdout: '', exitCode: 0 };
    },
  },
};
