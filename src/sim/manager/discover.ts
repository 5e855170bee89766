// How the Manager learns: discovery (at install and when a server is added), rediscover of a
// server, refresh of a repository and of the storage. Each reads the world's reality through
// the agents and writes only the Manager's database.
import { readDb } from '../storage/agent/agent-db';
import { dictGet, isDict, pyText } from '../storage/agent/agent-pyvalue';
import { presentedLuns } from '../storage/san/san';
import type { DomainState, HostState, WorldState } from '../types';
import type { ManagerState, MgrRepository, MgrServer, MgrVm, MgrVmStatus } from './types';
import { managerEvent, setVmBelief, stableHex, statusWord, touch } from './state';
import { agentAlive } from './agent';
import { findRepositoriesOnDisks, repointRepository } from './rebuild';

/** The VM status the agent reports for a domain as it really is. */
export function realStatus(m: ManagerState, d: DomainState): MgrVmStatus {
  if (d.host === null || d.domid === null) return statusWord(m, 'stopped');
  if (d.xen?.migration) return statusWord(m, 'migrating');
  switch (d.state) {
    case 'paused': return statusWord(m, 'paused');
    case 'crashed': return statusWord(m, 'error');
    case 'shutdown': case 'dying': case 'halted': return statusWord(m, 'stopped');
    default: return statusWord(m, 'running');
  }
}

/** The repository a vm.cfg path lies in: /OVS/Repositories/<id>/… (3.x) or the pool's /OVS (2.x). */
export function repoIdOfPath(m: ManagerState, path: string): string | null {
  const r = /\/OVS\/Repositories\/([0-9a-f]{32})\//.exec(path);
  if (r) return r[1]!;
  return m.repositories.find((x) => path.startsWith(x.mountPath + '/'))?.id ?? m.repositories[0]?.id ?? null;
}

function serverId(world: WorldState, host: HostState, release: string): string {
  if (release === '2.2') return host.name;
  const db = readDb(world, host, 'server');
  const url = db.ok ? pyText(dictGet(db.db, 'manager_event_url')) : null;
  const id = url ? /\/Server\/([^/]+)\/Event/.exec(url)?.[1] : undefined;
  if (id) return id;
  const h = stableHex(`server:${host.name}`) + stableHex(`server2:${host.name}`);
  return h.match(/../g)!.join(':');
}

/** The server as its agent describes it (a new Manager object, not yet in the database). */
export function describeServer(world: WorldState, m: ManagerState, host: HostState, poolId: string | null, master: boolean): MgrServer {
  const roles = m.release === '2.2'
    ? (master ? ['Server Pool Master', 'Utility Server', 'Virtual Machine Server'] : ['Virtual Machine Server'])
    : ['utility', 'xen'];
  return {
    id: serverId(world, host, m.release),
    name: host.name,
    ip: host.ip,
    pool: poolId,
    roles,
    status: agentAlive(host) ? 'Running' : 'Unreachable',
    memoryMiB: host.memoryMiB,
    cpus: host.cpu.sockets * host.cpu.coresPerSocket * host.cpu.threadsPerCore,
    lastReportMs: world.clockMs,
  };
}

/** `/dev/mapper/<wwid>[p1]` → the WWID (page83 id) of the LUN under a repository or pool FS. */
export function page83OfDevice(path: string): string | null {
  return /\/dev\/mapper\/(3[0-9a-f]{16,40}?)(?:p\d+)?$/.exec(path)?.[1] ?? null;
}

/** Repositories the agents of these hosts report (3.x agent db; 2.x the /OVS mounts). */
export function discoverRepositories(world: WorldState, m: ManagerState, hosts: HostState[], poolId: string | null): void {
  for (const h of hosts) {
    const db = readDb(world, h, 'repository');
    if (db.ok) {
      for (const [k, rec] of db.db.$dict) {
        const id = pyText(k);
        if (!id || !isDict(rec)) continue;
        const loc = pyText(dictGet(rec, 'fs_location')) ?? '';
        upsertRepo(m, { id, name: pyText(dictGet(rec, 'alias')) ?? id, disk: page83OfDevice(loc), mountPath: pyText(dictGet(rec, 'mount_point')) ?? `/OVS/Repositories/${id}`, pool: poolId }, h.name);
      }
    }
    for (const mt of h.mounts) {
      const m3 = /^\/OVS\/Repositories\/([0-9a-f]{32})$/.exec(mt.path);
      const m2 = /^\/var\/ovs\/mount\/([0-9A-F]{32})$/.exec(mt.path);
      const id = m3?.[1] ?? m2?.[1];
      if (id) upsertRepo(m, { id, name: m2 ? 'OVS' : id, disk: page83OfDevice(mt.device), mountPath: mt.path, pool: poolId }, h.name);
    }
  }
}

function upsertRepo(m: ManagerState, r: Omit<MgrRepository, 'presentedTo' | 'status'>, server: string): void {
  let repo = m.repositories.find((x) => x.id === r.id);
  if (!repo) {
    repo = { ...r, presentedTo: [], status: 'OK' };
    m.repositories.push(repo);
  }
  if (!repo.disk && r.disk) repo.disk = r.disk;
  if (!repo.presentedTo.includes(server)) repo.presentedTo.push(server);
  touch(m);
}

/** The LUNs presented to these hosts, keyed by page83 id (a changed id is a new disk). */
export function discoverDisks(world: WorldState, m: ManagerState, hosts: HostState[]): string[] {
  const found: string[] = [];
  const roles = world.san?.roles ?? {};
  for (const array of world.san?.arrays ?? []) {
    for (const h of hosts) {
      for (const { lun } of presentedLuns(array, h.name)) {
        if (found.includes(lun.wwid)) continue;
        found.push(lun.wwid);
        const role = Object.entries(roles).find(([, r]) => r.array === array.serial && r.alu === lun.alu)?.[0];
        if (m.disks.some((d) => d.page83 === lun.wwid)) continue;
        m.disks.push({
          id: `0004fb0000180000${stableHex(`disk:${lun.wwid}`)}`,
          page83: lun.wwid,
          name: `${array.name}-${lun.name}`.replace(/\s+/g, '_'),
          sizeBytes: lun.sizeBytes,
          usage: role === 'poolfs' ? 'poolfs' : role === 'repository' ? 'repository' : '',
          status: 'Online',
        });
        touch(m);
      }
    }
  }
  return found;
}

/** The Manager's priority (1–100) of a credit-scheduler weight (priority × 550, 50 ↔ 27500) [INFERRED from OVM's default pair]. */
export const priorityOfWeight = (weight: number): number => Math.min(100, Math.max(1, Math.round(weight / 550)));

/** A VM the Manager learns of: its object, with what the agent reports now. */
export function describeVm(m: ManagerState, d: DomainState, poolId: string | null): MgrVm {
  return {
    id: d.name,
    name: d.simpleName || d.name,
    status: realStatus(m, d),
    server: d.host !== null && d.domid !== null ? d.host : null,
    pool: poolId,
    repository: repoIdOfPath(m, d.cfgPath),
    ha: false,
    memoryMiB: d.memoryMiB,
    vcpus: d.vcpus,
    os: d.osType,
    description: '',
    maxMemoryMiB: d.maxMemMiB,
    maxVcpus: d.maxVcpus,
    priority: priorityOfWeight(d.weight),
  };
}

/** Rediscover a server: its own facts, its repositories, and the real state of every VM it runs or the Manager puts on it. */
export function rediscoverServer(world: WorldState, m: ManagerState, server: MgrServer): void {
  const host = world.hosts[server.name];
  if (!agentAlive(host)) return;
  server.status = 'Running';
  server.memoryMiB = host.memoryMiB;
  server.lastReportMs = world.clockMs;
  discoverRepositories(world, m, [host], server.pool);
  discoverDisks(world, m, [host]);
  syncVmsOf(world, m, server.name, true);
  touch(m);
}

/**
 * The agent's report of what runs on `server`: VMs running there become Running on it; VMs the
 * Manager placed there that are not running become Stopped. Stuck VMs wait for their lost event
 * unless `clearStuck` (a rediscover). New domains in a known repository are added.
 */
export function syncVmsOf(world: WorldState, m: ManagerState, server: string, clearStuck: boolean): void {
  const pool = m.servers.find((s) => s.name === server)?.pool ?? null;
  for (const d of Object.values(world.domains)) {
    const runsHere = d.host === server && d.domid !== null;
    let vm = m.vms.find((v) => v.id === d.name);
    if (!vm) {
      if (!runsHere) continue;
      vm = describeVm(m, d, pool);
      m.vms.push(vm);
      managerEvent(world, m, 'INFORMATIONAL', vm.name, 'vm.discovered', `Virtual machine ${vm.name} discovered on ${server}`);
      continue;
    }
    if (!runsHere && vm.server !== server) continue;
    if (vm.stuck && !clearStuck) continue;
    if (clearStuck) delete vm.stuck;
    const status = realStatus(m, d);
    const before = vm.status;
    setVmBelief(m, vm, status, runsHere ? server : null);
    if (before !== status) managerEvent(world, m, 'INFORMATIONAL', vm.name, 'vm.status', `Virtual machine ${vm.name} is ${status}${runsHere ? ` on ${server}` : ''}`);
  }
}

/** Refresh a repository: the VMs whose vm.cfg lies in it are (re)read; new ones are Unassigned. Returns an error text or null. */
export function refreshRepository(world: WorldState, m: ManagerState, repo: MgrRepository): string | null {
  if (repo.status !== 'OK') return `Repository ${repo.name} is ${repo.status}: its physical disk ${repo.disk ?? ''} cannot be found`;
  for (const d of Object.values(world.domains)) {
    if (!d.cfgPath.startsWith(repo.mountPath + '/')) continue;
    let vm = m.vms.find((v) => v.id === d.name);
    if (!vm) {
      vm = describeVm(m, d, null);
      m.vms.push(vm);
      managerEvent(world, m, 'INFORMATIONAL', vm.name, 'vm.discovered', `Virtual machine ${vm.name} found in repository ${repo.name}`);
    }
  }
  touch(m);
  return null;
}

/**
 * Refresh the storage: the LUNs are read again by page83 id. A LUN whose id changed appears as a
 * NEW disk; the old disk goes Offline and the repository (or pool file system) on it is orphaned
 * (seed 000: "OVM Manager database gets corrupted when disk ID (Page83) changes") — unless it was
 * presented to no server, when it follows its file system to the new disk (repointRepository).
 */
export function refreshStorage(world: WorldState, m: ManagerState): void {
  const hosts = m.servers.map((s) => world.hosts[s.name]).filter((h): h is HostState => agentAlive(h));
  const seen = discoverDisks(world, m, hosts);
  for (const disk of m.disks) {
    const online = seen.includes(disk.page83);
    if ((disk.status === 'Online') === online) continue;
    disk.status = online ? 'Online' : 'Offline';
    managerEvent(world, m, online ? 'INFORMATIONAL' : 'ERROR', disk.name, 'disk.status', `Physical disk ${disk.name} (page83 ${disk.page83}) is ${disk.status}`);
  }
  for (const repo of m.repositories) {
    if (!repo.disk || repo.status === 'Unavailable') continue;
    const ok = m.disks.some((d) => d.page83 === repo.disk && d.status === 'Online') || repointRepository(world, m, repo);
    const next = ok ? 'OK' : 'Orphaned';
    if (repo.status !== next) {
      repo.status = next;
      managerEvent(world, m, ok ? 'INFORMATIONAL' : 'CRITICAL', repo.name, 'repository.status', ok ? `Repository ${repo.name} is available` : `Repository ${repo.name} lost its physical disk (page83 ${repo.disk})`);
    }
  }
  findRepositoriesOnDisks(world, m);
  touch(m);
}
