// The default world's shared storage as OVM 3.4 leaves it: an O2CB cluster with global heartbeat on
// the pool file system, the pool file system (OCFS2 on the whole pool LUN, /poolfsmnt/<id>), the
// repository (OCFS2 on partition 1 of the repository LUN, /OVS/Repositories/<id>) mounted on
// every host, agent databases and agent.ini. Two steps so the guest builder can write into the
// repository before the SAN exists, without changing the order of random draws before it.
import { nextHex } from '../../lib/rng';
import { ovmId } from '../ids';
import { mkdir, newDir, writeFile } from '../vfs';
import { listBlockDevices, type BlockDevice } from '../storage/san/block-devices';
import { formatVolume, planVolume, type MkfsOptions } from '../storage/ocfs2/ocfs2-mkfs';
import { CLUSTER_CONF, O2CB_SYSCONFIG, readClusterConfig, setOnline, startHeartbeat } from '../storage/ocfs2/o2cb';
import { defaultSysconfig, renderClusterConf, renderSysconfig } from '../storage/ocfs2/o2cb-config';
import { mountOcfs2 } from '../storage/ocfs2/mounts';
import { writeDb } from '../storage/agent/agent-db';
import { pyDict } from '../storage/agent/agent-pyvalue';
import { AGENT_INI, agentIni } from '../storage/agent/agent-service';
import { createPoolFsLayout, createRepositoryLayout, repositoryRecord, serverRecord, type MetaEntry } from '../storage/agent/repository';
import type { HostState, WorldState } from '../types';
import type { LunRef } from '../storage/types';
import type { Ocfs2ClusterInfo } from '../storage/ocfs2/ocfs2-types';
import type { AgentDb } from '../storage/agent/agent-types';

export interface RepositoryTree {
  repoId: string;
  repoPath: string;
  /** Key of the tree until the real volume adopts it. */
  fsId: string;
}

/** Step 1, no random draws: the repository directory tree mounted on every host. */
export function mountRepositoryTree(world: WorldState, hosts: readonly HostState[], repoId: string): RepositoryTree {
  const repoPath = `/OVS/Repositories/${repoId}`;
  const fsId = `ocfs2:${repoId}`;
  world.filesystems[fsId] = newDir(0);
  for (const h of hosts) {
    mkdir(world, h, repoPath, '/', true);
    h.mounts.push({ path: repoPath, fsId, fsType: 'ocfs2', device: '/dev/mapper/repo1', options: 'rw,_netdev,heartbeat=global' });
  }
  for (const d of ['VirtualMachines', 'VirtualDisks', 'Templates', 'ISOs', 'Assemblies']) mkdir(world, hosts[0]!, `${repoPath}/${d}`);
  return { repoId, repoPath, fsId };
}

/** mkfs options the agent uses for pool and repository file systems [INFERRED: -T datafiles -N 32]. */
function agentMkfs(label: string): MkfsOptions {
  return { label, slots: 32, fsType: 'datafiles', level: 'default', featuresOn: [], featuresOff: [], mount: null, force: true, dryRun: false, quiet: true, xtool: true, noBackupSuper: false, hbDev: false, globalHeartbeat: true };
}

function lunDevice(world: WorldState, host: string, ref: LunRef | undefined, kind: 'mpath'): BlockDevice | null {
  if (!ref) return null;
  return listBlockDevices(world, host).find((d) => d.kind === kind && d.lun?.array === ref.array && d.lun.alu === ref.alu) ?? null;
}

/** A stand-in device when a world has no SAN (tests of other subsystems): same fields, no medium. */
function unbacked(key: string, path: string, bytes: number): BlockDevice {
  return { kname: 'dm-0', path, kind: 'mpath', major: 253, minor: 0, sizeBytes: bytes, lun: null, mediumKey: `unbacked:${key}`, startSector: 0, partition: null, wwid: key, visible: true };
}

/** Step 2, after the SAN: real volumes, the cluster, the agent. Returns the ids labs may need. */
export function buildSharedStorage(world: WorldState, tree: RepositoryTree): { poolFsUuid: string; repoFsUuid: string; clusterName: string; managerUuid: string } {
  const rng = world.rng;
  const pool = world.pools[0]!;
  const hosts = pool.hosts.map((n) => world.hosts[n]!).filter(Boolean);
  const first = hosts[0]!;
  const clusterName = nextHex(rng, 16);
  const managerUuid = ovmId(rng, 'manager');
  const poolFsId = ovmId(rng, 'filesystem');
  const repoFsId = ovmId(rng, 'filesystem');
  const serverUuids = hosts.map(() => nextHex(rng, 32).match(/../g)!.join(':'));
  const poolFsUuid = poolFsId.toUpperCase();
  const repoFsUuid = repoFsId.toUpperCase();

  // The cluster: the same cluster.conf and sysconfig on every node, online with global heartbeat.
  const spec = { name: clusterName, heartbeatMode: 'global' as const, nodes: hosts.map((h, i) => ({ number: i, name: h.name, ip: h.ip })), regions: [poolFsUuid] };
  for (const h of hosts) {
    mkdir(world, h, '/etc/ocfs2', '/', true);
    writeFile(world, h, CLUSTER_CONF, renderClusterConf(spec, h.release));
    writeFile(world, h, O2CB_SYSCONFIG, renderSysconfig(defaultSysconfig(h.release, clusterName)));
    const cfg = readClusterConfig(world, h);
    if (cfg.ok) setOnline(world, h.name, cfg.running);
    h.services.o2cb = 'running';
  }

  // The pool file system and the repository each on a whole LUN: OVM 3 never partitions them
  // (seed 002: fs_location '/dev/mapper/<wwid>'), which is what lets tunefs.ocfs2 -S grow one.
  const info: Ocfs2ClusterInfo = { stack: 'o2cb', name: clusterName, globalHeartbeat: true };
  const roles = world.san?.roles ?? {};
  const poolDev = lunDevice(world, first.name, roles.poolfs, 'mpath') ?? unbacked('poolfs', '/dev/mapper/poolfs', 20 * 1024 ** 3);
  const repoDev = lunDevice(world, first.name, roles.repository, 'mpath') ?? unbacked('repository', '/dev/mapper/repo1', 200 * 1024 ** 3);
  const poolPlan = planVolume(first, poolDev.sizeBytes, agentMkfs('OVS_Pool_Filesystem'), info);
  const repoPlan = planVolume(first, repoDev.sizeBytes, agentMkfs(`${pool.name}-repository`), info);
  if (!poolPlan.ok || !repoPlan.ok) throw new Error('shared storage: LUNs too small for OCFS2');
  const poolVol = formatVolume(world, first, poolDev, poolPlan.plan, poolFsUuid);
  const repoVol = formatVolume(world, first, repoDev, repoPlan.plan, repoFsUuid);
  poolVol.formattedAtMs = repoVol.formattedAtMs = -86400_000 * 40;

  // The repository keeps the tree the guests were written into, under the volume's key.
  const fresh = world.filesystems[repoVol.fsId];
  const files = world.filesystems[tree.fsId]!;
  if (files.type === 'dir' && fresh?.type === 'dir') files.children['lost+found'] = fresh.children['lost+found']!;
  world.filesystems[repoVol.fsId] = files;
  if (tree.fsId !== repoVol.fsId) delete world.filesystems[tree.fsId];
  for (const h of hosts) h.mounts = h.mounts.filter((m) => m.fsId !== tree.fsId);

  const poolPath = `/poolfsmnt/${poolFsId}`;
  const fsLocation = (h: HostState, d: BlockDevice) => lunDevice(world, h.name, d === poolDev ? roles.poolfs : roles.repository, 'mpath')?.path ?? d.path;
  for (const h of hosts) {
    startHeartbeat(world, h.name);
    mkdir(world, h, poolPath, '/', true);
    const p = mountOcfs2(world, h, { device: fsLocation(h, poolDev), dir: poolPath, options: [], cwd: '/' });
    const r = mountOcfs2(world, h, { device: fsLocation(h, repoDev), dir: tree.repoPath, options: [], cwd: '/' });
    if (!p.ok || !r.ok) throw new Error(`shared storage: mount failed on ${h.name}: ${p.ok ? '' : p.stderr}${r.ok ? '' : r.stderr}`);
  }

  const alias = `${pool.name}-repository`;
  const meta: MetaEntry[] = Object.values(world.domains)
    .flatMap((d) => d.disks.filter((k) => k.path.startsWith(tree.repoPath + '/VirtualDisks/')).map((k) => ({ file: k.path.slice(k.path.lastIndexOf('/') + 1), objectType: 'VIRTUAL_DISK' as const, simpleName: `${d.simpleName}-system` })))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  createRepositoryLayout(world, first, tree.repoPath, { uuid: tree.repoId, version: '3.0', managerUuid, alias }, meta);
  createPoolFsLayout(world, first, poolPath, pool.id);

  // Agent databases: each server's own, and the pool's on the pool file system.
  const master = world.hosts[pool.masterHost] ?? first;
  hosts.forEach((h, i) => {
    writeFile(world, h, AGENT_INI, agentIni(h));
    const server = serverRecord({
      clusterState: 'DLM_Ready', fsStatUuids: [repoFsId], isMaster: h.name === master.name, managerIp: '10.10.10.254', managerUuid, serverUuid: serverUuids[i]!,
      nodeNumber: i, poolAlias: pool.name, poolMasterIp: master.ip, poolMemberIps: hosts.map((x) => x.ip), poolUuid: pool.id,
      poolFsTarget: fsLocation(h, poolDev), poolFsUuid: poolFsId, hostname: h.name, ip: h.ip,
    });
    writeDb(world, h, 'server', pyDict(server) as AgentDb);
    writeDb(world, h, 'repository', pyDict({ [tree.repoId]: repositoryRecord({ alias, fsLocation: fsLocation(h, repoDev), managerUuid, mountPoint: tree.repoPath }) }) as AgentDb);
    writeDb(world, h, 'aproc', pyDict({}) as AgentDb);
    writeDb(world, h, 'exports', pyDict({}) as AgentDb);
  });
  writeDb(world, first, 'server_pool', pyDict({ auto_remaster: true, pool_alias: pool.name, pool_master_hostname: master.name, pool_uuid: pool.id, pool_virtual_ip: master.ip }) as AgentDb, true);
  writeDb(world, first, 'server_pool_servers', pyDict(Object.fromEntries(hosts.map((h, i) => [h.name, pyDict({ is_master: h.name === master.name, node_number: i, registered_ip: h.ip, roles: { $set: ['utility', 'xen'] } })]))) as AgentDb, true);
  return { poolFsUuid, repoFsUuid, clusterName, managerUuid };
}
