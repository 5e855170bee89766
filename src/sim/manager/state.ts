// Small named operations on the Manager's database: lookups, the change counter, ids, its event
// log, and how a release names a VM status. Every change to the database goes through here or
// through the modules that import these.
import { hash32 } from '../processes';
import type { WorldState } from '../types';
import type { ManagerState, MgrEvent, MgrSeverity, MgrVm, MgrVmStatus, MgrServer, MgrPool, MgrRepository } from './types';

/** Bounded so a long sandbox cannot grow the snapshot without limit. */
const MAX_EVENTS = 500;
const MAX_JOBS = 300;

/** Marks the database changed (the engine pushes a new view). */
export function touch(m: ManagerState): void {
  m.rev++;
}

/** Job and event ids: the epoch milliseconds of their creation, made unique (OVM 3 job ids look so). */
export function nextId(world: WorldState, m: ManagerState): string {
  m.lastId = Math.max(m.lastId + 1, world.epochMs + world.clockMs);
  return String(m.lastId);
}

/** 16 hex digits derived from a name: ids of objects the Manager discovers (no draw from the seed). */
export function stableHex(key: string): string {
  return (hash32(key).toString(16).padStart(8, '0') + hash32(`${key}#2`).toString(16).padStart(8, '0')).slice(0, 16);
}

export function managerEvent(world: WorldState, m: ManagerState, severity: MgrSeverity, object: string, type: string, summary: string): void {
  const e: MgrEvent = { id: nextId(world, m), atMs: world.clockMs, severity, object, type, summary };
  m.events.push(e);
  if (m.events.length > MAX_EVENTS) m.events.splice(0, m.events.length - MAX_EVENTS);
  touch(m);
}

/** Drops the oldest finished jobs beyond the bound. */
export function pruneJobs(m: ManagerState): void {
  while (m.jobs.length > MAX_JOBS) {
    const i = m.jobs.findIndex((j) => j.status === 'Success' || j.status === 'Failure');
    if (i < 0) break;
    m.jobs.splice(i, 1);
  }
}

export const findVm = (m: ManagerState, ref: string): MgrVm | undefined => m.vms.find((v) => v.name === ref) ?? m.vms.find((v) => v.id === ref);
export const findServer = (m: ManagerState, ref: string): MgrServer | undefined => m.servers.find((s) => s.name === ref || s.id === ref || s.ip === ref);
export const findPool = (m: ManagerState, ref: string): MgrPool | undefined => m.pools.find((p) => p.name === ref || p.id === ref);
export const findRepo = (m: ManagerState, ref: string): MgrRepository | undefined => m.repositories.find((r) => r.name === ref || r.id === ref);

/** The status words of each release: 3.x Stopped/Stopping, 2.x Powered Off/Shutting Down. */
export function statusWord(m: ManagerState, s: 'running' | 'stopped' | 'stopping' | 'starting' | 'paused' | 'error' | 'migrating'): MgrVmStatus {
  const old = m.release === '2.2';
  switch (s) {
    case 'running': return 'Running';
    case 'stopped': return old ? 'Powered Off' : 'Stopped';
    case 'stopping': return old ? 'Shutting Down' : 'Stopping';
    case 'starting': return old ? 'Initializing' : 'Starting';
    case 'paused': return 'Paused';
    case 'error': return 'Error';
    case 'migrating': return 'Migrating';
  }
}

export const isRunningStatus = (s: MgrVmStatus): boolean => s === 'Running' || s === 'Paused' || s === 'Migrating';
export const isStoppedStatus = (s: MgrVmStatus): boolean => s === 'Stopped' || s === 'Powered Off';

/** Sets what the Manager believes about a VM (the only writer of vm.status). */
export function setVmBelief(m: ManagerState, vm: MgrVm, status: MgrVmStatus, server: string | null): void {
  if (vm.status === status && vm.server === server) return;
  vm.status = status;
  vm.server = server;
  touch(m);
}
