// Rebuilding a server pool whose pool file system was lost (seed 000, "the corrupt PoolFS way"):
// clearing the Manager's database, the agent putting a server into a new pool's O2CB cluster, and
// the Manager finding repositories on its disks (mounting them: agent-repository.ts).
import { readDb, writeDb } from '../storage/agent/agent-db';
import { dictGet, dictSet, isDict, pyText } from '../storage/agent/agent-pyvalue';
import { createPoolFsLayout, parseOvsrepo } from '../storage/agent/repository';
import type { AgentDb } from '../storage/agent/agent-types';
import { listBlockDevices, type BlockDevice } from '../storage/san/block-devices';
import { CLUSTER_CONF, O2CB_SYSCONFIG, o2cbNode, readClusterConfig, setOffline, setOnline, startHeartbeat } from '../storage/ocfs2/o2cb';
import { defaultSysconfig, renderClusterConf, renderSysconfig } from '../storage/ocfs2/o2cb-config';
import { formatVolume, planVolume } from '../storage/ocfs2/ocfs2-mkfs';
import { volumeByUuid, volumeOnDevice } from '../storage/ocfs2/ocfs2-volumes';
import { mountOcfs2 } from '../storage/ocfs2/mounts';
import { mkdir, writeFile } from '../vfs';
import type { HostState, WorldState } from '../types';
import type { ManagerState, MgrDisk, MgrPool, MgrRepository } from './types';
import { managerEvent, touch } from './state';
import { agentAlive } from './agent';

/**
 * `ovm_upgrade.sh --deletedb`: the Manager's database is emptied (pools, servers, repositories,
 * disks, VMs, networks, jobs, events); the Manager keeps its own uuid, so the servers' agents still
 * know it. Refused while the Manager runs. Returns an error text or null.
 */
export function deleteManagerDb(world: WorldState, m: ManagerState): string | null {
  if (m.up || m.upAtMs !== null) return 'Oracle VM Manager is running: stop it first (service ovmm stop)';
  m.pools = [];
  m.servers = [];
  m.repositories = [];
  m.disks = [];
  m.vms = [];
  m.networks = [];
  m.jobs = [];
  m.events = [];
  m.loseEventFor = [];
  touch(m);
  return null;
}

/** `service ovmm stop`: nothing answers until it is started again; jobs in flight are lost. */
export function stopManagerService(world: WorldState, m: ManagerState): void {
  m.up = false;
  m.upAtMs = null;
  for (const j of m.jobs) {
    if (j.status !== 'In Progress' && j.status !== 'Pending') continue;
    j.status = 'Failure';
    j.message = 'Job aborted: Oracle VM Manager was stopped';
    j.endMs = world.clockMs;
  }
  touch(m);
}

/** How long `service ovmm start` takes until the Manager answers [INFERRED]. */
export const MANAGER_START_MS = 60_000;

/** `service ovmm start`: the Manager answers after MANAGER_START_MS (the Manager's tick brings it up). */
export function startManagerService(world: WorldState, m: ManagerState): void {
  if (m.up || m.upAtMs !== null) return;
  m.upAtMs = world.clockMs + MANAGER_START_MS;
  touch(m);
}

/** The host's multipath device of a LUN (by page83 id) that carries an OCFS2 volume, else its map. */
export function lunDevice(world: WorldState, host: string, page83: string): BlockDevice | undefined {
  const devs = listBlockDevices(world, host).filter((d) => d.visible && (d.kind === 'mpath' || d.kind === 'mpath-part') && d.wwid === page83);
  return devs.find((d) => volumeOnDevice(world, d)) ?? devs.find((d) => d.kind === 'mpath');
}

/** The pool file system the agent makes on the first join [INFERRED: as the repository's mkfs]. */
function formatPoolFs(world: WorldState, host: HostState, dev: BlockDevice, pool: MgrPool, uuid: string): string | null {
  const plan = planVolume(host, dev.sizeBytes, {
    label: 'OVS_Pool_Filesystem', slots: 32, fsType: 'datafiles', level: 'default', featuresOn: [], featuresOff: [], mount: null, force: true,
    dryRun: false, quiet: true, xtool: true, noBackupSuper: false, hbDev: false, globalHeartbeat: true,
  }, { stack: 'o2cb', name: pool.clusterId!, globalHeartbeat: true });
  if (!plan.ok) return plan.stderr.trim();
  formatVolume(world, host, dev, plan.plan, uuid);
  return null;
}

/**
 * The agent joins a pool that has a pool file system: its O2CB cluster becomes the pool's (cluster
 * id, global heartbeat on the pool file system, the pool's servers as nodes), the first server
 * formats the pool file system, and every member mounts it. A node whose old cluster still has
 * OCFS2 file systems mounted cannot leave it (a reboot or an unmount first). A pool without a pool
 * file system leaves the agent's cluster as it is. Returns the agent's error text or null.
 */
export function agentJoinCluster(world: WorldState, m: ManagerState, host: HostState, pool: MgrPool): string | null {
  if (!pool.poolFsDisk || !pool.poolFsId || !pool.clusterId) return null;
  const old = o2cbNode(world, host.name).running;
  if (old && old.name !== pool.clusterId && host.mounts.some((x) => x.fsType === 'ocfs2')) {
    return `o2cb: cluster ${old.name} is online with OCFS2 file systems mounted: cannot configure cluster ${pool.clusterId}`;
  }
  const dev = lunDevice(world, host.name, pool.poolFsDisk);
  if (!dev) return `Cannot find the pool file system disk ${pool.poolFsDisk} on ${host.name}`;
  const uuid = pool.poolFsId.toUpperCase();
  const fresh = !volumeByUuid(world, uuid);
  if (fresh) {
    const err = formatPoolFs(world, host, dev, pool, uuid);
    if (err) return err;
  }
  if (old && old.name !== pool.clusterId) setOffline(world, host.name);
  const members = [...m.servers.filter((s) => s.pool === pool.id && s.name !== host.name).map((s) => world.hosts[s.name]), host].filter((h): h is HostState => !!h);
  const spec = { name: pool.clusterId, heartbeatMode: 'global' as const, nodes: members.map((h, i) => ({ number: i, name: h.name, ip: h.ip })), regions: [uuid] };
  for (const h of members) {
    mkdir(world, h, '/etc/ocfs2', '/', true);
    writeFile(world, h, CLUSTER_CONF, renderClusterConf(spec, h.release));
    writeFile(world, h, O2CB_SYSCONFIG, renderSysconfig(defaultSysconfig(h.release, pool.clusterId)));
    if (h !== host && !agentAlive(h)) continue;
    const cfg = readClusterConfig(world, h);
    if (!cfg.ok) continue;
    setOnline(world, h.name, cfg.running);
    h.services.o2cb = 'running';
    startHeartbeat(world, h.name);
  }
  const dir = `/poolfsmnt/${pool.poolFsId}`;
  if (!host.mounts.some((x) => x.path === dir)) {
    mkdir(world, host, dir, '/', true);
    const r = mountOcfs2(world, host, { device: dev.path, dir, options: [], cwd: '/' });
    if (!r.ok) return r.stderr.trim();
  }
  if (fresh) createPoolFsLayout(world, host, dir, pool.id);
  const db = readDb(world, host, 'server');
  const rec: AgentDb = db.ok && isDict(db.db) ? db.db : { $dict: [] };
  dictSet(rec, 'poolfs_target', dev.path);
  dictSet(rec, 'poolfs_uuid', pool.poolFsId);
  dictSet(rec, 'poolfs_type', 'lun');
  writeDb(world, host, 'server', rec);
  return null;
}

/**
 * A storage refresh reads the file systems of the Manager's physical disks: a repository (an
 * OCFS2 file system with `.ovsrepo` at its root) the Manager does not know yet appears, presented
 * to no server and in no pool (how a Manager with an empty database finds them again).
 */
export function findRepositoriesOnDisks(world: WorldState, m: ManagerState): void {
  for (const { disk, uuid, alias } of repositoriesOnDisks(world, m)) {
    if (m.repositories.some((x) => x.id === uuid)) continue;
    const name = alias ?? uuid;
    m.repositories.push({ id: uuid, name, disk: disk.page83, mountPath: `/OVS/Repositories/${uuid}`, presentedTo: [], pool: null, status: 'OK' });
    managerEvent(world, m, 'INFORMATIONAL', name, 'repository.discovered', `Repository ${name} found on physical disk ${disk.name}`);
  }
}

/** The repositories (`.ovsrepo` at the root of an OCFS2 file system) on the Manager's online disks, as its running servers read them. */
function repositoriesOnDisks(world: WorldState, m: ManagerState): Array<{ disk: MgrDisk; uuid: string; alias: string | undefined }> {
  const hosts = m.servers.map((s) => world.hosts[s.name]).filter((h): h is HostState => agentAlive(h));
  const found: Array<{ disk: MgrDisk; uuid: string; alias: string | undefined }> = [];
  for (const disk of m.disks) {
    if (disk.status !== 'Online') continue;
    for (const h of hosts) {
      const dev = lunDevice(world, h.name, disk.page83);
      const vol = dev ? volumeOnDevice(world, dev) : undefined;
      const root = vol ? world.filesystems[vol.fsId] : undefined;
      const file = root?.type === 'dir' ? root.children['.ovsrepo'] : undefined;
      if (file?.type !== 'file') continue;
      const repo = parseOvsrepo(file.content);
      if (repo.uuid) found.push({ disk, uuid: repo.uuid, alias: repo.alias ?? undefined });
      break;
    }
  }
  return found;
}

/**
 * A storage refresh finds a repository's physical disk gone (a SAN-to-SAN copy has a new page83
 * id). A repository presented to no server, and not orphaned already, follows its file system: when
 * another online disk carries it, the Manager re-points it there (true). One still presented — the
 * servers' mounts named the old disk — is orphaned by the refresh instead, and an orphaned one is
 * never re-pointed: its database entry is left pointing at a disk that no longer exists (seed 000,
 * "OVM Manager database gets corrupted when disk ID (Page83) changes"; a backup restored from before
 * the refresh is the way back).
 */
export function repointRepository(world: WorldState, m: ManagerState, repo: MgrRepository): boolean {
  if (repo.status !== 'OK' || repo.presentedTo.length > 0) return false;
  const moved = repositoriesOnDisks(world, m).find((x) => x.uuid === repo.id && x.disk.page83 !== repo.disk);
  if (!moved) return false;
  const old = repo.disk;
  repo.disk = moved.disk.page83;
  managerEvent(world, m, 'INFORMATIONAL', repo.name, 'repository.disk', `Repository ${repo.name} found on physical disk ${moved.disk.name} (page83 ${moved.disk.page83}; was ${old ?? 'none'})`);
  touch(m);
  return true;
}

/** What the server's agent says of its pool: the pool uuid of its `server` database, or null. */
export function agentPoolUuid(world: WorldState, host: HostState): string | null {
  const db = readDb(world, host, 'server');
  return db.ok ? pyText(dictGet(db.db, 'pool_uuid')) : null;
}
