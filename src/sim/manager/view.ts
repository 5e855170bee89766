// The Manager as its UI and CLI show it: a plain JSON view built from the Manager's database only
// (never from reality), with names resolved, times as the Manager prints them, newest jobs first.
import { ymdHms } from '../../lib/calendar';
import { wallTime } from '../clock';
import type { WorldState } from '../types';
import type { ManagerState, MgrJobStatus, MgrSeverity, MgrVm, MgrVmStatus } from './types';

export interface ManagerView {
  release: '3.4' | '2.2';
  hostname: string;
  ip: string;
  up: boolean;
  rev: number;
  pools: Array<{ id: string; name: string; master: string | null; ha: boolean; virtualIp: string; clusterId: string | null; poolFsOk: boolean; servers: string[] }>;
  servers: Array<{ id: string; name: string; ip: string; pool: string | null; status: string; master: boolean; roles: string; memoryMiB: number; cpus: number; vms: number }>;
  vms: Array<{
    id: string; name: string; status: MgrVmStatus; server: string | null; pool: string | null; repository: string | null; ha: boolean; memoryMiB: number; vcpus: number; os: string;
    description: string; maxMemoryMiB: number; maxVcpus: number; priority: number;
  }>;
  repositories: Array<{ id: string; name: string; status: string; disk: string | null; presentedTo: string[]; pool: string | null }>;
  disks: Array<{ id: string; page83: string; name: string; sizeGiB: number; usage: string; status: string }>;
  networks: Array<{ id: string; name: string; roles: string; servers: string[] }>;
  jobs: Array<{ id: string; summary: string; status: MgrJobStatus; progress: number; message: string; user: string; started: string; ended: string }>;
  events: Array<{ id: string; time: string; severity: MgrSeverity; object: string; type: string; summary: string }>;
}

/** Edit Virtual Machine's fields, with the values a database saved before they existed stands for. */
export function vmEditFields(v: MgrVm): { description: string; maxMemoryMiB: number; maxVcpus: number; priority: number } {
  return { description: v.description ?? '', maxMemoryMiB: v.maxMemoryMiB ?? v.memoryMiB, maxVcpus: v.maxVcpus ?? v.vcpus, priority: v.priority ?? 50 };
}

/** How many jobs and events the view carries (the tables page through the newest). */
const MAX_ROWS = 200;

/** `2026-03-02 08:01:02`: the Manager's job and event time stamps (UTC here). */
export function managerTime(world: WorldState, ms: number): string {
  return ymdHms(wallTime(world, ms));
}

export function buildManagerView(world: WorldState, m: ManagerState): ManagerView {
  const poolName = (id: string | null) => (id ? (m.pools.find((p) => p.id === id)?.name ?? id) : null);
  const repoName = (id: string | null) => (id ? (m.repositories.find((r) => r.id === id)?.name ?? id) : null);
  const vmCount = new Map<string, number>();
  for (const v of m.vms) if (v.server) vmCount.set(v.server, (vmCount.get(v.server) ?? 0) + 1);
  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    release: m.release,
    hostname: m.hostname,
    ip: m.ip,
    up: m.up,
    rev: m.rev,
    pools: m.pools.map((p) => ({ id: p.id, name: p.name, master: p.master, ha: p.ha, virtualIp: p.virtualIp, clusterId: p.clusterId, poolFsOk: p.poolFsOk, servers: m.servers.filter((s) => s.pool === p.id).map((s) => s.name) })).sort(byName),
    servers: m.servers.map((s) => ({
      id: s.id, name: s.name, ip: s.ip, pool: poolName(s.pool), status: s.status, master: m.pools.some((p) => p.master === s.name),
      roles: s.roles.join(', '), memoryMiB: s.memoryMiB, cpus: s.cpus, vms: vmCount.get(s.name) ?? 0,
    })).sort(byName),
    vms: m.vms.map((v) => ({
      id: v.id, name: v.name, status: v.status, server: v.server, pool: poolName(v.pool), repository: repoName(v.repository), ha: v.ha, memoryMiB: v.memoryMiB, vcpus: v.vcpus, os: v.os,
      ...vmEditFields(v),
    })).sort(byName),
    repositories: m.repositories.map((r) => ({ id: r.id, name: r.name, status: r.status, disk: r.disk, presentedTo: [...r.presentedTo].sort(), pool: poolName(r.pool) })).sort(byName),
    disks: m.disks.map((d) => ({ id: d.id, page83: d.page83, name: d.name, sizeGiB: Math.round(d.sizeBytes / 1024 ** 3), usage: d.usage, status: d.status })),
    networks: m.networks.map((n) => ({ id: n.id, name: n.name, roles: n.roles.join(', '), servers: n.servers })),
    jobs: m.jobs.slice(-MAX_ROWS).reverse().map((j) => ({
      id: j.id, summary: j.summary, status: j.status, progress: j.progress, message: j.message, user: j.user,
      started: j.startMs === null ? '' : managerTime(world, j.startMs), ended: j.endMs === null ? '' : managerTime(world, j.endMs),
    })),
    events: m.events.slice(-MAX_ROWS).reverse().map((e) => ({ id: e.id, time: managerTime(world, e.atMs), severity: e.severity, object: e.object, type: e.type, summary: e.summary })),
  };
}
