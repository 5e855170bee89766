// What the Manager does on its own as time passes: it notices a server that stopped answering,
// restarts that server's HA VMs elsewhere (the others stay down), moves the master role to the
// server with the most free memory (only if every server has the same agent password; a pool
// left without one re-elects once they agree), takes a server back when its agent answers again,
// and syncs VM states from each agent's periodic report.
import { freeMemoryMiB } from '../memory';
import { hash32 } from '../processes';
import type { WorldState } from '../types';
import type { ManagerState, MgrPool, MgrServer } from './types';
import { managerEvent, statusWord, touch } from './state';
import { agentAlive, agentPasswordOf } from './agent';
import { rediscoverServer, syncVmsOf } from './discover';
import { submitJob } from './jobs';

/** How long the cluster heartbeat waits before a silent server is declared dead. */
export const HEARTBEAT_TIMEOUT_MS = 30_000;
/** Each agent reports the state of its VMs this often (seed 001: status catches up after ~2 minutes). */
export const REPORT_MS = 120_000;

/** A server whose agent stopped answering long enough: Unreachable, its VMs handled, master moved. */
export function serverLost(world: WorldState, m: ManagerState, s: MgrServer): void {
  s.status = 'Unreachable';
  touch(m);
  managerEvent(world, m, 'CRITICAL', s.name, 'server.offline', `Server ${s.name} is not responding: heartbeat lost`);
  const pool = m.pools.find((p) => p.id === s.pool);
  for (const vm of m.vms.filter((v) => v.server === s.name)) {
    vm.status = statusWord(m, 'stopped');
    vm.server = null;
    delete vm.stuck;
    if (pool?.ha && vm.ha) {
      managerEvent(world, m, 'WARNING', vm.name, 'vm.ha', `HA: restarting virtual machine ${vm.name} (its server ${s.name} failed)`);
      submitJob(world, m, 'start_vm', { vm: vm.id, ha: 'yes' }, 'HA');
    } else {
      managerEvent(world, m, 'WARNING', vm.name, 'vm.down', `Virtual machine ${vm.name} went down with server ${s.name}${pool?.ha ? ' (HA is off for this VM)' : ''}`);
    }
  }
  if (pool && pool.master === s.name) failover(world, m, pool, s);
}

/**
 * The master is gone: the running server with the most free memory takes the role, provided every
 * server of the pool has the same agent password (seed 003). 2.x does this only with HA on.
 */
export function failover(world: WorldState, m: ManagerState, pool: MgrPool, old: MgrServer): void {
  pool.master = null;
  touch(m);
  if (m.release === '2.2' && !pool.ha) {
    managerEvent(world, m, 'CRITICAL', pool.name, 'pool.master', `Server Pool Master ${old.name} failed: the server pool cannot be managed until it is restored`);
    return;
  }
  const members = m.servers.filter((s) => s.pool === pool.id);
  const oldHost = world.hosts[old.name];
  const wanted = oldHost ? agentPasswordOf(world, oldHost) : null;
  const differs = members.find((s) => world.hosts[s.name] && agentPasswordOf(world, world.hosts[s.name]!) !== wanted);
  if (differs) {
    managerEvent(world, m, 'CRITICAL', pool.name, 'pool.master', `Master failover failed: the agent password on ${differs.name} differs from the other servers of ${pool.name}`);
    return;
  }
  const candidates = members.filter((s) => s !== old && s.status === 'Running' && agentAlive(world.hosts[s.name]));
  candidates.sort((a, b) => freeMemoryMiB(world, world.hosts[b.name]!) - freeMemoryMiB(world, world.hosts[a.name]!) || (a.name < b.name ? -1 : 1));
  const next = candidates[0];
  if (!next) {
    managerEvent(world, m, 'CRITICAL', pool.name, 'pool.master', `Master failover failed: no running server left in ${pool.name}`);
    return;
  }
  setMaster(m, pool, next);
  managerEvent(world, m, 'WARNING', pool.name, 'pool.master', `${next.name} is now the master of server pool ${pool.name} (was ${old.name})`);
}

/**
 * A pool left without a master (its failover failed) takes one as soon as every member's agent
 * password agrees again (the agents re-elect, auto_remaster): the running server with the most
 * free memory. Silent while they still differ (failover already said so).
 */
export function electMaster(world: WorldState, m: ManagerState, pool: MgrPool): void {
  if (pool.master || (m.release === '2.2' && !pool.ha)) return;
  const members = m.servers.filter((s) => s.pool === pool.id);
  const digests = new Set(members.map((s) => world.hosts[s.name]).filter((h) => !!h).map((h) => agentPasswordOf(world, h!)));
  if (digests.size !== 1) return;
  const candidates = members.filter((s) => s.status === 'Running' && agentAlive(world.hosts[s.name]));
  candidates.sort((a, b) => freeMemoryMiB(world, world.hosts[b.name]!) - freeMemoryMiB(world, world.hosts[a.name]!) || (a.name < b.name ? -1 : 1));
  const next = candidates[0];
  if (!next) return;
  setMaster(m, pool, next);
  managerEvent(world, m, 'WARNING', pool.name, 'pool.master', `${next.name} is now the master of server pool ${pool.name} (the agent passwords agree again)`);
}

/** Gives the master role to a server (2.x: the Server Pool Master role moves with it). */
export function setMaster(m: ManagerState, pool: MgrPool, s: MgrServer): void {
  const old = m.servers.find((x) => x.name === pool.master);
  pool.master = s.name;
  if (m.release === '2.2') {
    if (old) old.roles = old.roles.filter((r) => r !== 'Server Pool Master');
    if (!s.roles.includes('Server Pool Master')) s.roles = ['Server Pool Master', ...s.roles];
  }
  touch(m);
}

/** A lost server answers again: Running, rediscovered; it takes the master role if nobody has it. */
export function serverBack(world: WorldState, m: ManagerState, s: MgrServer): void {
  rediscoverServer(world, m, s);
  managerEvent(world, m, 'INFORMATIONAL', s.name, 'server.online', `Server ${s.name} is running`);
  const pool = m.pools.find((p) => p.id === s.pool);
  if (pool && !pool.master && !(m.release === '2.2' && !pool.ha)) setMaster(m, pool, s);
}

/** The Manager's own tick: restart, liveness, HA, periodic reports. */
export function watchServers(world: WorldState, m: ManagerState): void {
  if (!m.up) {
    if (m.upAtMs !== null && world.clockMs >= m.upAtMs) {
      m.up = true;
      m.upAtMs = null;
      managerEvent(world, m, 'INFORMATIONAL', m.hostname, 'manager.started', 'Oracle VM Manager started');
    }
    return;
  }
  for (const s of m.servers) {
    const host = world.hosts[s.name];
    const alive = agentAlive(host);
    if (s.status === 'Running' && !alive) {
      const since = world.hosts[s.name]?.down?.sinceMs ?? s.lastReportMs;
      if (world.clockMs - since >= HEARTBEAT_TIMEOUT_MS) serverLost(world, m, s);
      continue;
    }
    if (s.status !== 'Running' && alive) {
      serverBack(world, m, s);
      continue;
    }
    if (!alive) continue;
    // The agent answers: its heartbeat is fresh; its periodic report syncs the VM states.
    s.lastReportMs = world.clockMs;
    if ((world.clockMs / 1000 + (hash32(s.name) % (REPORT_MS / 1000))) % (REPORT_MS / 1000) === 0) syncVmsOf(world, m, s.name, false);
  }
  for (const p of m.pools) if (!p.master) electMaster(world, m, p);
}
