// multipathd as a daemon on the simulation clock: the path checker (polling_interval, backing off
// to 4× while stable), the kernel failing active paths on I/O errors, no_path_retry recovery,
// timed failback; start/stop/reconfigure; and uevents for new paths. The tick system is
// `storageTick`, registered in sim/tick.ts.
import { syslog } from '../../logs';
import { readFile } from '../../vfs';
import type { Sim } from '../../sim';
import type { WorldState } from '../../types';
import { syncStorage } from './core-sync';
import { syncDevNodes } from './devnodes';
import { mapsWithIo } from './holders';
import { allPaths, commitMap, daemonConfig, MULTIPATH_CONF, planMaps } from './maps';
import { parseMultipathConf } from './multipath-conf';
import { pathPrio, pollingInterval } from './multipath-policy';
import { bestGroup, checkerDownAgain, daemonFailPath, daemonReinstatePath, kernelFailPath, recoveryTick, switchGroup } from './path-events';
import { bumpSan, diskReachable, hostSan, lunOfDisk, reachability } from '../san/san';
import type { MpMap, MpPath, ScsiDisk } from '../types';

function pathUp(world: WorldState, host: string, d: ScsiDisk | undefined): boolean {
  return !!d && d.state === 'running' && diskReachable(world, host, d);
}

/** The kernel fails active paths of the current group that I/O can no longer reach. */
export function kernelIo(world: WorldState, host: string): boolean {
  const hs = hostSan(world, host);
  if (!hs) return false;
  let changed = false;
  const reach = reachability(world, host);
  const disks = new Map(hs.disks.map((d) => [d.name, d]));
  const up = (dev: string) => {
    const d = disks.get(dev);
    return !!d && d.state === 'running' && reach(d);
  };
  // Cheap first: only when a current group holds a dead active path is it worth asking who does I/O.
  if (!hs.maps.some((m) => m.groups[m.activeGroup]?.paths.some((p) => p.dm === 'active' && !up(p.dev)))) return false;
  const io = mapsWithIo(world, host);
  for (const m of hs.maps) {
    if (m.suspended || !io.has(m.name)) continue;
    // Bounded: each pass fails at least one path or stops.
    for (let guard = 0; guard < 64; guard++) {
      const g = m.groups[m.activeGroup];
      const dead = g?.paths.find((p) => p.dm === 'active' && !up(p.dev));
      if (!dead) break;
      kernelFailPath(world, host, m, dead);
      changed = true;
    }
  }
  return changed;
}

function checkPath(world: WorldState, host: string, m: MpMap, p: MpPath, interval: number): void {
  const hs = hostSan(world, host)!;
  const d = hs.disks.find((x) => x.name === p.dev);
  const up = pathUp(world, host, d);
  if (!up) {
    if (p.chk !== 'faulty' || p.dm === 'active') daemonFailPath(world, host, m, p, true);
    else checkerDownAgain(world, host, m, p);
    p.checkint = interval;
  } else {
    // The prio callout runs with every check of a live path (ALUA state follows LUN ownership).
    const found = d ? lunOfDisk(world, d) : undefined;
    if (d?.to.kind === 'san' && found) p.prio = pathPrio(m.policy.prio, found.lun.owner === d.to.sp);
    if (p.chk !== 'ready' || p.dm === 'failed') {
      daemonReinstatePath(world, host, m, p, true);
      p.checkint = interval;
    } else p.checkint = Math.min(p.checkint * 2, 4 * interval);
  }
  p.tick = p.checkint;
}

function refreshGroupPrios(m: MpMap): void {
  for (const g of m.groups) {
    const live = g.paths.filter((p) => p.chk !== 'faulty');
    g.prio = live.length ? Math.floor(live.reduce((s, p) => s + p.prio, 0) / live.length) : 0;
  }
}

/** multipathd's checker loop on a host: path ticks count down from its last run. */
function daemonTick(world: WorldState, host: string): void {
  const hs = hostSan(world, host)!;
  const md = hs.multipathd;
  const now = world.clockMs;
  const epoch = world.san?.epoch ?? 0;
  // Asleep until the next path is due, unless the SAN changed meanwhile.
  if (md.sleepUntilMs !== undefined && now < md.sleepUntilMs && md.seenEpoch === epoch) return;
  const seconds = Math.max(0, (now - (md.lastRunMs ?? now - 1000)) / 1000);
  md.lastRunMs = now;
  const interval = pollingInterval(daemonConfig(world, host));
  let nextDue = Infinity;
  let timers = false;
  for (const m of hs.maps) {
    let checked = false;
    for (const g of m.groups) {
      for (const p of g.paths) {
        if (p.checkerDisabled) continue;
        p.tick -= seconds;
        if (p.tick <= 0) {
          checkPath(world, host, m, p, interval);
          checked = true;
        }
        nextDue = Math.min(nextDue, p.tick);
      }
    }
    if (checked) {
      refreshGroupPrios(m);
      if (m.policy.failback === 'immediate') {
        const best = bestGroup(m);
        if (best >= 0 && best !== m.activeGroup && m.groups[best]!.prio > (m.groups[m.activeGroup]?.prio ?? -1)) switchGroup(world, host, m, best);
      }
    }
    recoveryTick(world, host, m, seconds);
    if (m.failbackLeft !== null) {
      m.failbackLeft -= seconds;
      if (m.failbackLeft <= 0) {
        m.failbackLeft = null;
        const best = bestGroup(m);
        if (best >= 0) switchGroup(world, host, m, best);
      }
    }
    if (m.retryLeft !== null || m.failbackLeft !== null) timers = true;
  }
  // Timers count every second; otherwise sleep until the first path is due.
  md.sleepUntilMs = timers || !Number.isFinite(nextDue) ? now + 1000 : now + Math.max(1, Math.ceil(nextDue)) * 1000;
  md.seenEpoch = world.san?.epoch ?? 0;
}

/** Seconds until a path's next check, as `show paths` counts it (the loop may be asleep). */
export function pathTickNow(world: WorldState, host: string, tick: number): number {
  const md = hostSan(world, host)?.multipathd;
  return tick - (md?.lastRunMs !== undefined ? (world.clockMs - md.lastRunMs) / 1000 : 0);
}

/** The tick system: kernel I/O failures, then multipathd's checker, on every host with a SAN view. */
export function storageTick(sim: Sim, _dtMs: number): void {
  const world = sim.world;
  if (!world.san) return;
  for (const host of Object.keys(world.san.hosts)) {
    if (world.hosts[host]?.down) continue;
    const hs = world.san.hosts[host]!;
    // The kernel only has new dead paths to fail after something changed on the SAN.
    if (hs.multipathd.seenEpoch !== (world.san.epoch ?? 0) || !hs.multipathd.running) kernelIo(world, host);
    if (hs.multipathd.running) daemonTick(world, host);
    else hs.multipathd.seenEpoch = world.san.epoch ?? 0;
  }
  syncStorage(sim);
}

// ---- lifecycle ------------------------------------------------------------------------------

/** Creates or reloads maps for every path (what the daemon does at start and on reconfigure). */
export function configureMaps(world: WorldState, host: string, logNew: boolean): void {
  const cfg = daemonConfig(world, host);
  for (const action of planMaps(world, host, cfg)) {
    if (action.kind === 'reject') continue;
    const created = action.kind === 'create';
    commitMap(world, host, action);
    if (created && logNew) syslog(world, world.hosts[host]!, 'multipathd', `${action.map.name}: event checker started`);
  }
  syncDevNodes(world, host);
}

/** Starts the daemon: reads the config (a broken file keeps it from starting), then configures maps. */
export function startMultipathd(world: WorldState, host: string): { ok: boolean; error?: string } {
  const hs = hostSan(world, host);
  const h = world.hosts[host];
  if (!hs || !h) return { ok: true };
  const text = readFile(world, h, MULTIPATH_CONF);
  const parsed = text.ok ? parseMultipathConf(text.value) : null;
  if (parsed && !parsed.ok) return { ok: false, error: parsed.error };
  hs.multipathd = { running: true, configText: text.ok ? text.value : null, startedAtMs: world.clockMs };
  bumpSan(world);
  syslog(world, h, 'multipathd', '--------start up--------', `read ${MULTIPATH_CONF}`, 'path checkers start up');
  configureMaps(world, host, true);
  return { ok: true };
}

export function stopMultipathd(world: WorldState, host: string): void {
  const hs = hostSan(world, host);
  const h = world.hosts[host];
  if (!hs || !h || !hs.multipathd.running) return;
  hs.multipathd.running = false;
  bumpSan(world);
  syslog(world, h, 'multipathd', '--------shut down-------');
}

/** `reconfigure`: re-read multipath.conf; on a syntax error the config in force stays. */
export function reconfigure(world: WorldState, host: string): { ok: boolean; messages: string[] } {
  const hs = hostSan(world, host);
  const h = world.hosts[host];
  if (!hs || !h) return { ok: false, messages: [] };
  const text = readFile(world, h, MULTIPATH_CONF);
  const parsed = text.ok ? parseMultipathConf(text.value) : null;
  const messages = parsed ? [...parsed.warnings] : [];
  if (parsed && !parsed.ok) {
    syslog(world, h, 'multipathd', ...messages, parsed.error, 'reconfigure failed: keeping the previous configuration');
    return { ok: false, messages: [...messages, parsed.error] };
  }
  hs.multipathd.configText = text.ok ? text.value : null;
  syslog(world, h, 'multipathd', ...messages, 'reconfigure (operator)');
  const interval = pollingInterval(daemonConfig(world, host));
  configureMaps(world, host, true);
  for (const m of hs.maps) for (const p of allPaths(m)) p.checkint = Math.min(p.checkint, interval);
  return { ok: true, messages };
}

/** New SCSI disks appeared (a rescan): multipathd adds them as paths, creating maps as needed. */
export function uevents(world: WorldState, host: string, added: readonly ScsiDisk[]): void {
  const hs = hostSan(world, host);
  const h = world.hosts[host];
  if (!hs || !h || !added.length) return;
  if (hs.multipathd.running) {
    for (const d of added) syslog(world, h, 'multipathd', `${d.name}: add path (uevent)`);
    configureMaps(world, host, true);
  } else syncDevNodes(world, host);
}
