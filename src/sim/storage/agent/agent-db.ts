// The agent's databases as files: /etc/ovs-agent/db/<name> on each server, db/<name> on the pool
// file system for the cluster-wide ones (`ovs-agent-db -c`). A database file holds the dict as
// JSON (the real ones are Berkeley DB; `cat` shows bytes either way), so `rm`, `cp` and restoring
// a backup behave as on a real server.
import { lookup, mkdir, readFile, writeFile } from '../../vfs';
import { isDict } from './agent-pyvalue';
import type { HostState, WorldState } from '../../types';
import type { AgentDb, PyValue } from './agent-types';

export const AGENT_DB_DIR = '/etc/ovs-agent/db';

/** Where the pool file system is mounted on this host (`/poolfsmnt/<id>`), or null. */
export function poolFsMount(host: HostState): string | null {
  return host.mounts.find((m) => m.path.startsWith('/poolfsmnt/'))?.path ?? null;
}

export function dbPath(host: HostState, name: string, cluster: boolean): string | null {
  if (!cluster) return `${AGENT_DB_DIR}/${name}`;
  const mnt = poolFsMount(host);
  return mnt ? `${mnt}/db/${name}` : null;
}

export type DbRead = { ok: true; db: AgentDb } | { ok: false; error: 'no-db' | 'no-poolfs' | 'corrupt' };

export function readDb(world: WorldState, host: HostState, name: string, cluster = false): DbRead {
  const path = dbPath(host, name, cluster);
  if (!path) return { ok: false, error: 'no-poolfs' };
  const text = readFile(world, host, path);
  if (!text.ok) return { ok: false, error: 'no-db' };
  try {
    const v = JSON.parse(text.value) as PyValue;
    if (v && isDict(v)) return { ok: true, db: v };
  } catch {
    /* a file the agent did not write */
  }
  return { ok: false, error: 'corrupt' };
}

export function writeDb(world: WorldState, host: HostState, name: string, db: AgentDb, cluster = false): boolean {
  const path = dbPath(host, name, cluster);
  if (!path) return false;
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (!lookup(world, host, dir).ok) mkdir(world, host, dir, '/', true);
  return writeFile(world, host, path, JSON.stringify(db)).ok;
}

/** Names of the databases present (files in the db directory), sorted. */
export function listDbs(world: WorldState, host: HostState, cluster = false): string[] {
  const path = dbPath(host, '_', cluster);
  if (!path) return [];
  const dir = lookup(world, host, path.slice(0, path.lastIndexOf('/')));
  if (!dir.ok || dir.value.type !== 'dir') return [];
  return Object.keys(dir.value.children).sort();
}
