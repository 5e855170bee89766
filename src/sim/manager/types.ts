// The Oracle VM Manager's database: what the Manager BELIEVES about the data centre, kept apart
// from the world's real state (DESIGN.md "Manager DB split from reality"). Plain JSON only.

/** The Manager's release: 3.x (web UI, OVM CLI, jobs) or 2.x (OC4J + Oracle XE, OVS schema). */
export type MgrRelease = '3.4' | '2.2';

/** VM statuses as each release's Manager shows them (3.x "Stopping", 2.x "Shutting Down"). */
export type MgrVmStatus = 'Running' | 'Stopped' | 'Starting' | 'Stopping' | 'Migrating' | 'Error' | 'Powered Off' | 'Shutting Down' | 'Initializing' | 'Paused';

export type MgrServerStatus = 'Running' | 'Stopped' | 'Starting' | 'Unreachable';

export interface MgrPool {
  id: string;
  name: string;
  /** Server name holding the master role (3.x pool master / 2.x Server Pool Master), or null. */
  master: string | null;
  virtualIp: string;
  /** High availability enabled on the pool. */
  ha: boolean;
  /** The O2CB cluster id of the pool file system (3.x). */
  clusterId: string | null;
  /** The pool file system: its id and the page83 id of its LUN (3.x). */
  poolFsId: string | null;
  poolFsDisk: string | null;
  /** False once the pool file system was found corrupt: no repository, no VM (seed 000). */
  poolFsOk: boolean;
}

export interface MgrServer {
  /** The server's id (SMBIOS uuid, colon-separated) in 3.x; the host name in 2.x. */
  id: string;
  name: string;
  ip: string;
  pool: string | null;
  /** 3.x: 'utility', 'xen'; 2.x: 'Server Pool Master', 'Utility Server', 'Virtual Machine Server'. */
  roles: string[];
  status: MgrServerStatus;
  memoryMiB: number;
  cpus: number;
  /** When the agent last reported (ms). */
  lastReportMs: number;
}

export interface MgrRepository {
  id: string;
  name: string;
  /** page83 id (WWID) of the LUN the Manager believes holds the repository, or null (NFS/local). */
  disk: string | null;
  mountPath: string;
  /** Server names the repository is presented to. */
  presentedTo: string[];
  pool: string | null;
  /** 'Orphaned' when its LUN (by page83 id) is gone; 'Unavailable' when the pool FS is corrupt. */
  status: 'OK' | 'Orphaned' | 'Unavailable';
}

export interface MgrDisk {
  /** Physical disk object id (0018 type code). */
  id: string;
  /** The page83 id (WWID) the Manager keys the disk by. */
  page83: string;
  name: string;
  sizeBytes: number;
  /** What the Manager uses it for. */
  usage: 'poolfs' | 'repository' | '';
  status: 'Online' | 'Offline';
}

export interface MgrVm {
  /** The VM's object id (its domain name in OVM 3; the image name in 2.x). */
  id: string;
  name: string;
  status: MgrVmStatus;
  server: string | null;
  pool: string | null;
  repository: string | null;
  ha: boolean;
  memoryMiB: number;
  vcpus: number;
  os: string;
  /** Edit Virtual Machine's other fields (absent in databases saved before they existed: see view.ts). */
  description?: string;
  maxMemoryMiB?: number;
  maxVcpus?: number;
  /** 1–100; the credit scheduler weight is priority × 550 (50 ↔ OVM's 27500). */
  priority?: number;
  /** Waiting for an agent event that was lost: only rediscover (3.x) or SQL (2.x) moves it. */
  stuck?: boolean;
}

export interface MgrNetwork {
  id: string;
  name: string;
  roles: string[];
  servers: string[];
}

export type MgrJobStatus = 'Pending' | 'In Progress' | 'Success' | 'Failure';

/** A job: data only, its behaviour is looked up by `action` in jobs-actions.ts (snapshots restore mid-job). */
export interface MgrJob {
  id: string;
  /** What the Jobs table shows, e.g. `Stop VM: sv101`. */
  summary: string;
  action: string;
  /** Jobs on the same object run one after another. */
  objectKey: string;
  args: Record<string, string>;
  status: MgrJobStatus;
  /** 0..100. */
  progress: number;
  createdMs: number;
  startMs: number | null;
  endMs: number | null;
  /** When the current step is due. */
  dueMs: number;
  step: number;
  message: string;
  user: string;
}

export type MgrSeverity = 'INFORMATIONAL' | 'WARNING' | 'ERROR' | 'CRITICAL';

export interface MgrEvent {
  id: string;
  atMs: number;
  severity: MgrSeverity;
  /** The object's name as the Manager shows it. */
  object: string;
  type: string;
  summary: string;
}

export interface ManagerState {
  release: MgrRelease;
  uuid: string;
  hostname: string;
  ip: string;
  /** False while the Manager restarts (nothing answers); back at `upAtMs`. */
  up: boolean;
  upAtMs: number | null;
  /** Bumped by every change, so the engine pushes a view only when something changed. */
  rev: number;
  pools: MgrPool[];
  servers: MgrServer[];
  repositories: MgrRepository[];
  disks: MgrDisk[];
  vms: MgrVm[];
  networks: MgrNetwork[];
  jobs: MgrJob[];
  events: MgrEvent[];
  /** The last job/event id handed out (ids are epoch ms, made unique). */
  lastId: number;
  /** VM ids whose next state event from the agent is lost (the "lost agent event" fault). */
  loseEventFor: string[];
  /** The last `backup.sh` dump (2.x): the database as it was, for a restore. */
  backup?: { atMs: number; dump: string; restored?: boolean };
  /** 3.x: the MySQL backups under /u01/app/oracle/mysql/dbbackup (dbbackup.ts), oldest first. */
  dbBackups?: MgrDbBackup[];
  /** 3.x: when the next automatic (daily) backup is due (simulation ms). */
  nextAutoBackupMs?: number;
}

/** One backup directory of the 3.x Manager's MySQL database: its name and the database it holds. */
export interface MgrDbBackup {
  /** `AutoFullBackup-MMDDYYYY_hhmmss` or `ManualBackup-MMDDYYYY_hhmmss`. */
  name: string;
  kind: 'auto' | 'manual';
  atMs: number;
  /** JSON of the pools, servers, repositories, disks, VMs and networks at that moment. */
  dump: string;
}
