// State changes of multipath paths and maps, each with the syslog lines the kernel and
// multipathd write for it (reference §4.5): the kernel failing a path on an I/O error, the
// checker failing or reinstating one, group switches, and no_path_retry's recovery mode.
import { syslog } from '../../logs';
import { recordEvent } from '../../events';
import type { WorldState } from '../../types';
import { activePathCount, daemonConfig } from './maps';
import { pollingInterval } from './multipath-policy';
import { bumpSan, hostSan } from '../san/san';
import type { MpMap, MpPath } from '../types';

const DOWN_MSG: Record<string, string> = {
  tur: 'tur checker reports path is down',
  directio: 'directio checker reports path is down',
  readsector0: 'readsector0 checker reports path is down',
  emc_clariion: 'emc_clariion_checker: sending query command failed',
};
const UP_MSG: Record<string, string> = {
  tur: 'tur checker reports path is up',
  directio: 'directio checker reports path is up',
  readsector0: 'readsector0 checker reports path is up',
  emc_clariion: 'emc_clariion_checker: Path healthy',
};

function devT(world: WorldState, host: string, dev: string): string {
  const d = hostSan(world, host)?.disks.find((x) => x.name === dev);
  return d ? `${d.major}:${d.minor}` : dev;
}

function hctlOf(world: WorldState, host: string, dev: string): string {
  const d = hostSan(world, host)?.disks.find((x) => x.name === dev);
  return d ? `${d.host}:${d.channel}:${d.target}:${d.lun}` : dev;
}

/** The highest-priority group with an active path (the one failback returns to). */
export function bestGroup(m: MpMap): number {
  let best = -1;
  m.groups.forEach((g, i) => {
    if (!g.paths.some((p) => p.dm === 'active')) return;
    if (best < 0 || g.prio > m.groups[best]!.prio) best = i;
  });
  return best;
}

/** After a path failed: the kernel moves I/O to the next group with an active path. */
function kernelReselect(m: MpMap): void {
  const cur = m.groups[m.activeGroup];
  if (cur?.paths.some((p) => p.dm === 'active')) return;
  const next = m.groups.findIndex((g) => g.paths.some((p) => p.dm === 'active'));
  if (next >= 0 && next !== m.activeGroup) {
    m.activeGroup = next;
    m.stats.switchGroup++;
  }
}

/** The kernel (dm-multipath) fails a path on an I/O error. */
export function kernelFailPath(world: WorldState, host: string, m: MpMap, p: MpPath): void {
  bumpSan(world);
  if (p.dm === 'failed') return;
  const h = world.hosts[host]!;
  const disk = hostSan(world, host)?.disks.find((x) => x.name === p.dev);
  const lines: string[] = [];
  if (disk?.state === 'offline') lines.push(`sd ${hctlOf(world, host, p.dev)}: rejecting I/O to offline device`);
  lines.push(`device-mapper: multipath: Failing path ${devT(world, host, p.dev)}.`);
  syslog(world, h, 'kernel', ...lines);
  p.dm = 'failed';
  m.stats.pathFaults++;
  pathEvent(world, host, m, p, 'failed');
  kernelReselect(m);
  afterPathLoss(world, host, m);
}

/** The event feed's line for a path that failed or came back (syslog has the details). */
function pathEvent(world: WorldState, host: string, m: MpMap, p: MpPath, what: 'failed' | 'reinstated'): void {
  const left = activePathCount(m);
  recordEvent(world, host, `path.${what}`, `${host}: path ${p.dev} of ${m.name} ${what}, ${left === 0 ? 'no active paths left' : `${left} active path${left === 1 ? '' : 's'}`}`);
}

/** multipathd's checker (or `fail path`) fails a path in DM and says how many remain. */
export function checkerDownAgain(world: WorldState, host: string, m: MpMap, p: MpPath): void {
  // 0.4.9 logs a down path's checker message at every check (LOG_MSG at level 2).
  syslog(world, world.hosts[host]!, 'multipathd', `${p.dev}: ${DOWN_MSG[m.policy.checker] ?? 'path is down'}`);
}

export function daemonFailPath(world: WorldState, host: string, m: MpMap, p: MpPath, byChecker: boolean): void {
  bumpSan(world);
  const h = world.hosts[host]!;
  if (byChecker) syslog(world, h, 'multipathd', `${p.dev}: ${DOWN_MSG[m.policy.checker] ?? 'path is down'}`);
  p.chk = byChecker ? 'faulty' : p.chk;
  const wasActive = p.dm === 'active';
  if (wasActive) {
    syslog(world, h, 'kernel', `device-mapper: multipath: Failing path ${devT(world, host, p.dev)}.`);
    p.dm = 'failed';
    m.stats.pathFaults++;
    pathEvent(world, host, m, p, 'failed');
  }
  if (byChecker) syslog(world, h, 'multipathd', `checker failed path ${devT(world, host, p.dev)} in map ${m.name}`);
  syslog(world, h, 'multipathd', `${m.name}: remaining active paths: ${activePathCount(m)}`);
  kernelReselect(m);
  if (wasActive) afterPathLoss(world, host, m);
}

/** multipathd reinstates a path (checker saw it up, or `reinstate path`). */
export function daemonReinstatePath(world: WorldState, host: string, m: MpMap, p: MpPath, byChecker: boolean): void {
  bumpSan(world);
  const h = world.hosts[host]!;
  if (byChecker) syslog(world, h, 'multipathd', `${p.dev}: ${UP_MSG[m.policy.checker] ?? 'path is up'}`);
  const hadNone = activePathCount(m) === 0;
  const wasActive = p.dm === 'active';
  p.dm = 'active';
  if (byChecker) p.chk = 'ready';
  if (!wasActive) pathEvent(world, host, m, p, 'reinstated');
  syslog(world, h, 'multipathd', `${devT(world, host, p.dev)}: reinstated`, `${m.name}: remaining active paths: ${activePathCount(m)}`);
  if (hadNone) {
    // The kernel had nothing to send I/O to: the first path back becomes current.
    m.activeGroup = m.groups.findIndex((g) => g.paths.includes(p));
    if (m.retryLeft !== null || !m.queueing) {
      if (m.policy.noPathRetry !== 'fail') {
        m.queueing = true;
        syslog(world, h, 'multipathd', `${m.name}: queue_if_no_path enabled`, `${m.name}: Recovered to normal mode`);
      }
      m.retryLeft = null;
    }
  }
  planFailback(world, host, m);
}

/** Failback per policy after a path came back: immediate switch, a timer, or nothing (manual). */
export function planFailback(world: WorldState, host: string, m: MpMap): void {
  const best = bestGroup(m);
  if (best < 0 || best === m.activeGroup) return;
  if (m.groups[best]!.prio <= (m.groups[m.activeGroup]?.prio ?? -1) && m.groups[m.activeGroup]?.paths.some((x) => x.dm === 'active')) return;
  if (m.policy.failback === 'immediate') switchGroup(world, host, m, best);
  else if (typeof m.policy.failback === 'number' && m.failbackLeft === null) m.failbackLeft = m.policy.failback;
}

export function switchGroup(world: WorldState, host: string, m: MpMap, group: number): void {
  bumpSan(world);
  if (group === m.activeGroup) return;
  m.activeGroup = group;
  m.stats.switchGroup++;
  m.failbackLeft = null;
  syslog(world, world.hosts[host]!, 'multipathd', `${m.name}: switch to path group #${group + 1}`);
}

/** The last path went: queue (no_path_retry queue / N) or fail I/O (fail). */
function afterPathLoss(world: WorldState, host: string, m: MpMap): void {
  if (activePathCount(m) > 0) return;
  const h = world.hosts[host]!;
  if (typeof m.policy.noPathRetry === 'number' && m.queueing && m.retryLeft === null) {
    // retry_tick: no_path_retry checker intervals, counted in seconds.
    m.retryLeft = m.policy.noPathRetry * pollingInterval(daemonConfig(world, host));
    syslog(world, h, 'multipathd', `${m.name}: Entering recovery mode: max_retries=${m.policy.noPathRetry}`);
  }
}

/** One second passed with no path: count it, and stop queueing when the retries are used up. */
export function recoveryTick(world: WorldState, host: string, m: MpMap, seconds: number): void {
  if (m.retryLeft === null || activePathCount(m) > 0) return;
  m.retryLeft -= seconds;
  if (m.retryLeft <= 0) {
    bumpSan(world);
    m.retryLeft = null;
    m.queueing = false;
    syslog(world, world.hosts[host]!, 'multipathd', `${m.name}: Disable queueing`);
  }
}
