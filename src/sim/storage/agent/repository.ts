// OVM 3 repositories and the pool file system on disk (reference §8.2, seed 002): the repository
// directories, .ovsrepo (KEY=VALUE), .ovsmeta (JSON per virtual disk), .generic_fs_stamp, the
// pool file system's .ovspoolfs and db/, and the agent's repository and server records.
import { lookup, mkdir, readFile, writeFile } from '../../vfs';
import { pyDict, pyList, pySet, pyU } from './agent-pyvalue';
import type { HostState, WorldState } from '../../types';
import type { PyValue } from './agent-types';

export const REPO_DIRS = ['Assemblies', 'ISOs', 'Templates', 'VirtualDisks', 'VirtualMachines'] as const;

export interface OvsRepo {
  uuid: string;
  version: string;
  managerUuid: string;
  alias: string;
}

/** .ovsrepo exactly as seed 002 shows it. */
export function renderOvsrepo(r: OvsRepo): string {
  return `OVS_REPO_UUID=${r.uuid}\nOVS_REPO_VERSION=${r.version}\nOVS_REPO_MGR_UUID=${r.managerUuid}\nOVS_REPO_ALIAS=${r.alias}\n`;
}

export function parseOvsrepo(text: string): Partial<OvsRepo> {
  const out: Partial<OvsRepo> = {};
  for (const line of text.split('\n')) {
    const m = /^OVS_REPO_(UUID|VERSION|MGR_UUID|ALIAS)=(.*)$/.exec(line);
    if (!m) continue;
    const key = { UUID: 'uuid', VERSION: 'version', MGR_UUID: 'managerUuid', ALIAS: 'alias' }[m[1] as 'UUID'] as keyof OvsRepo;
    out[key] = m[2]!;
  }
  return out;
}

export interface MetaEntry {
  file: string;
  objectType: 'VIRTUAL_DISK' | 'ISO';
  simpleName: string;
}

/** .ovsmeta (OVM 3.4): one JSON object per disk image, laid out as seed 002 shows the file. */
export function renderOvsmeta(entries: readonly MetaEntry[]): string {
  if (!entries.length) return '{}\n';
  const body = entries.map((e) => `"${e.file}": {\n  "OBJECT_TYPE": "${e.objectType}",\n  "SIMPLE_NAME": "${e.simpleName}"}`).join(',\n');
  return `{ ${body}}\n`;
}

/** Creates the repository skeleton inside a mounted repository file system. */
export function createRepositoryLayout(world: WorldState, host: HostState, mountPath: string, repo: OvsRepo, meta: readonly MetaEntry[] = []): void {
  for (const d of REPO_DIRS) mkdir(world, host, `${mountPath}/${d}`, '/', true);
  writeFile(world, host, `${mountPath}/.ovsrepo`, renderOvsrepo(repo));
  if (host.release !== 'ovm22') writeFile(world, host, `${mountPath}/.ovsmeta`, renderOvsmeta(meta));
  writeFile(world, host, `${mountPath}/.generic_fs_stamp`, '');
}

/** Reads the repository metadata a mounted repository carries (null when there is no .ovsrepo). */
export function readOvsrepo(world: WorldState, host: HostState, mountPath: string): Partial<OvsRepo> | null {
  const t = readFile(world, host, `${mountPath}/.ovsrepo`);
  return t.ok ? parseOvsrepo(t.value) : null;
}

/** The pool file system's marker files and the cluster database directory. */
export function createPoolFsLayout(world: WorldState, host: HostState, mountPath: string, poolUuid: string): void {
  writeFile(world, host, `${mountPath}/.ovspoolfs`, `OVS_POOLFS_UUID=${poolUuid}\n`);
  writeFile(world, host, `${mountPath}/.generic_fs_stamp`, '');
  if (!lookup(world, host, `${mountPath}/db`).ok) mkdir(world, host, `${mountPath}/db`, '/', true);
}

/** The agent's `repository` database entry for one repository (the second record of seed 002). */
export function repositoryRecord(r: { alias: string; fsLocation: string; managerUuid: string; mountPoint: string }): PyValue {
  return pyDict({ alias: r.alias, filesystem: 'ocfs2', fs_location: r.fsLocation, manager_uuid: r.managerUuid, mount_point: r.mountPoint, version: pyU('3.0') });
}

export interface ServerRecordSpec {
  clusterState: string;
  fsStatUuids: string[];
  isMaster: boolean;
  managerIp: string;
  managerUuid: string;
  serverUuid: string;
  nodeNumber: number;
  poolAlias: string;
  poolMasterIp: string;
  poolMemberIps: string[];
  poolUuid: string;
  poolFsTarget: string;
  poolFsUuid: string;
  hostname: string;
  ip: string;
}

/** The agent's `server` database (seed 002 `ovs-agent-db dump_db server`). */
export function serverRecord(s: ServerRecordSpec): Record<string, PyValue> {
  const base = `https://${s.managerIp}:7002/ovm/core/wsapi/rest/internal/Server/${s.serverUuid}`;
  return {
    cluster_state: s.clusterState,
    clustered: true,
    fs_stat_uuid_list: pyList(s.fsStatUuids),
    is_master: s.isMaster,
    manager_event_url: `${base}/Event`,
    manager_ip: s.managerIp,
    manager_statistic_url: `${base}/Statistic`,
    manager_uuid: s.managerUuid,
    node_number: s.nodeNumber,
    pool_alias: s.poolAlias,
    pool_master_ip: s.poolMasterIp,
    pool_member_ip_list: pyList(s.poolMemberIps),
    pool_uuid: s.poolUuid,
    poolfs_nfsbase_uuid: '',
    poolfs_target: s.poolFsTarget,
    poolfs_type: 'lun',
    poolfs_uuid: s.poolFsUuid,
    registered_hostname: s.hostname,
    registered_ip: s.ip,
    roles: pySet(['utility', 'xen']),
  };
}
