// Pool membership as the Manager and the agents keep it: a server's agent database joining and
// leaving a pool, and where an OCFS2 repository may be presented (the pool whose cluster it is in).
import { readDb, writeDb } from '../storage/agent/agent-db';
import { dictSet, isDict, pyList, pyText } from '../storage/agent/agent-pyvalue';
import type { AgentDb } from '../storage/agent/agent-types';
import type { HostState, WorldState } from '../types';
import type { ManagerState, MgrPool, MgrRepository, MgrServer } from './types';
import { findServer, touch } from './state';

/** The pool keys of the agent's `server` database, which a server that left a pool no longer has. */
const POOL_KEYS = ['pool_uuid', 'pool_alias', 'pool_master_ip', 'pool_member_ip_list', 'poolfs_target', 'poolfs_uuid', 'poolfs_type', 'poolfs_nfsbase_uuid'];

/** The agent forgets its pool (leave_server_pool): without this, joining another pool is refused. */
export function agentLeavePool(world: WorldState, host: HostState): void {
  const db = readDb(world, host, 'server');
  if (!db.ok) return;
  db.db.$dict = db.db.$dict.filter(([k]) => !POOL_KEYS.includes(pyText(k) ?? ''));
  dictSet(db.db, 'is_master', false);
  dictSet(db.db, 'clustered', false);
  writeDb(world, host, 'server', db.db);
}

/** The agent joins a pool (create_server_pool / join): its `server` database names the pool. */
export function agentJoinPool(world: WorldState, m: ManagerState, host: HostState, pool: MgrPool): void {
  const db = readDb(world, host, 'server');
  const rec: AgentDb = db.ok ? db.db : { $dict: [] };
  if (!isDict(rec)) return;
  const members = m.servers.filter((s) => s.pool === pool.id || s.name === host.name).map((s) => s.ip);
  const master = pool.master ? findServer(m, pool.master) : undefined;
  dictSet(rec, 'pool_uuid', pool.id);
  dictSet(rec, 'pool_alias', pool.name);
  dictSet(rec, 'pool_master_ip', master?.ip ?? host.ip);
  dictSet(rec, 'pool_member_ip_list', pyList([...new Set(members)]));
  dictSet(rec, 'is_master', !master || master.name === host.name);
  dictSet(rec, 'clustered', true);
  writeDb(world, host, 'server', rec);
}

/**
 * Whether a repository may be presented to a server, or why not [INFERRED from the product's
 * rule that an OCFS2 repository lives in one pool's cluster]: a repository on a LUN needs a
 * server in a pool, and none of another pool's servers may still have it presented.
 */
export function presentBlocker(m: ManagerState, r: MgrRepository, server: MgrServer): string | null {
  if (!r.disk) return null;
  if (!server.pool) return `Server ${server.name} is not in a server pool: an OCFS2 repository needs the pool's cluster`;
  const other = r.presentedTo.map((n) => findServer(m, n)).find((s) => s && s.pool !== server.pool);
  if (other) {
    const pool = m.pools.find((p) => p.id === other.pool)?.name ?? 'no server pool';
    return `Repository ${r.name} is still presented to ${other.name} in ${pool}: unpresent it there first`;
  }
  return null;
}

/** A repository presented to a pool's server belongs to that pool (its file system joins the pool's cluster). */
export function claimRepository(m: ManagerState, r: MgrRepository, server: MgrServer): void {
  if (r.pool === server.pool) return;
  r.pool = server.pool;
  touch(m);
}
