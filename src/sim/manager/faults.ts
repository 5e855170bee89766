// Manager-side faults (the labs' fault registry and the sandbox menu call these): a lost agent
// event, a corrupt pool file system, a Manager restart, a crash of the pool master.
import { crashHost } from '../power';
import type { WorldState } from '../types';
import { loseNextEvent } from './agent-events';
import { findPool, findVm, managerEvent, touch } from './state';

/** The next state event of this VM never reaches the Manager. Returns an error text or null. */
export function loseAgentEvent(world: WorldState, vmRef: string): string | null {
  const m = world.manager;
  const vm = m ? findVm(m, vmRef) : undefined;
  if (!m || !vm) return `no virtual machine ${vmRef} in the Manager`;
  loseNextEvent(m, vm);
  return null;
}

/** The pool file system is corrupt: the pool's repositories are unavailable, its VMs cannot be managed. */
export function corruptPoolFs(world: WorldState, poolRef?: string): string | null {
  const m = world.manager;
  const pool = m ? (poolRef ? findPool(m, poolRef) : m.pools[0]) : undefined;
  if (!m || !pool) return `no server pool ${poolRef ?? ''} in the Manager`;
  pool.poolFsOk = false;
  managerEvent(world, m, 'CRITICAL', pool.name, 'pool.poolfs', `The pool file system of ${pool.name} is corrupt`);
  for (const r of m.repositories.filter((x) => x.pool === pool.id)) {
    r.status = 'Unavailable';
    managerEvent(world, m, 'CRITICAL', r.name, 'repository.status', `Repository ${r.name} is unavailable: the pool file system is corrupt`);
  }
  touch(m);
  return null;
}

/** The Manager restarts: nothing answers for `downS` seconds; statuses catch up with the agents' next reports. */
export function restartManager(world: WorldState, downS = 60): string | null {
  const m = world.manager;
  if (!m) return 'no Oracle VM Manager in this data centre';
  m.up = false;
  m.upAtMs = world.clockMs + downS * 1000;
  // Jobs in flight are lost with the Manager's memory of them.
  for (const j of m.jobs) {
    if (j.status !== 'In Progress' && j.status !== 'Pending') continue;
    j.status = 'Failure';
    j.message = 'Job aborted: Oracle VM Manager was restarted';
    j.endMs = world.clockMs;
  }
  touch(m);
  return null;
}

/** The server the Manager believes is the pool master crashes (kernel panic). */
export function crashPoolMaster(world: WorldState, poolRef?: string, backAfterS = 600): string | null {
  const m = world.manager;
  const pool = m ? (poolRef ? findPool(m, poolRef) : m.pools[0]) : undefined;
  const host = pool?.master ? world.hosts[pool.master] : undefined;
  if (!host) return `no pool master to crash`;
  crashHost(world, host, backAfterS * 1000);
  return null;
}
