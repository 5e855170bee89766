// The agent's side of presenting a repository to a server: mount_repository_fs mounts its OCFS2
// file system and records it in the agent's `repository` database; unmount_repository_fs undoes both.
import { readDb, writeDb } from '../storage/agent/agent-db';
import { dictGet, dictSet, isDict, pyDict, pyText } from '../storage/agent/agent-pyvalue';
import { repositoryRecord } from '../storage/agent/repository';
import type { AgentDb } from '../storage/agent/agent-types';
import { mountOcfs2, umountTarget } from '../storage/ocfs2/mounts';
import { mkdir } from '../vfs';
import type { HostState, WorldState } from '../types';
import type { ManagerState, MgrRepository } from './types';
import { lunDevice } from './rebuild';

/**
 * The agent mounts a repository it is presented (mount_repository_fs) and records it in its
 * `repository` database; mount.ocfs2's error when it cannot (e.g. the file system names another
 * cluster). Nothing to do for a repository already mounted there. Returns an error text or null.
 */
export function agentMountRepository(world: WorldState, m: ManagerState, host: HostState, r: MgrRepository): string | null {
  if (!r.disk || host.mounts.some((x) => x.path === r.mountPath)) return null;
  const dev = lunDevice(world, host.name, r.disk);
  if (!dev) return `Cannot find physical disk ${r.disk} on ${host.name}`;
  mkdir(world, host, r.mountPath, '/', true);
  const res = mountOcfs2(world, host, { device: dev.path, dir: r.mountPath, options: [], cwd: '/' });
  if (!res.ok) return res.stderr.trim();
  const db = readDb(world, host, 'repository');
  const rec: AgentDb = db.ok && isDict(db.db) ? db.db : (pyDict({}) as AgentDb);
  if (dictGet(rec, r.id) === undefined) {
    dictSet(rec, r.id, repositoryRecord({ alias: r.name, fsLocation: dev.path, managerUuid: m.uuid, mountPoint: r.mountPath }));
    writeDb(world, host, 'repository', rec);
  }
  return null;
}

/** The guests running on `host` whose vm.cfg or a file disk lies under `dir` (what keeps it busy). */
export function guestsRunningFrom(world: WorldState, host: HostState, dir: string): string[] {
  const inside = (p: string) => p === dir || p.startsWith(`${dir}/`);
  return Object.values(world.domains)
    .filter((d) => d.host === host.name && d.domid !== null && (inside(d.cfgPath) || d.disks.some((k) => k.kind === 'file' && inside(k.path))))
    .map((d) => d.name);
}

/**
 * The agent unmounts a repository no longer presented to it (unmount_repository_fs): umount of its
 * mount point, refused as umount refuses it while a guest on this server still runs from it (the
 * Manager believed none did), then its entry leaves the agent's `repository` database, so a
 * rediscover no longer finds it presented. Not mounted there: only the database entry goes.
 * Returns umount's error text or null.
 */
export function agentUnmountRepository(world: WorldState, host: HostState, r: MgrRepository): string | null {
  if (host.mounts.some((x) => x.path === r.mountPath)) {
    const res = umountTarget(world, host, r.mountPath, '/', (mt) => guestsRunningFrom(world, host, mt.path).length > 0);
    if (!res.ok) return res.stderr.trim();
  }
  const db = readDb(world, host, 'repository');
  if (db.ok && isDict(db.db) && dictGet(db.db, r.id) !== undefined) {
    db.db.$dict = db.db.$dict.filter(([k]) => pyText(k) !== r.id);
    writeDb(world, host, 'repository', db.db);
  }
  return null;
}
