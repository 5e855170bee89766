// The world's serialisable state: plain JSON data only (no classes, no functions), so that
// snapshots, undo, replay and byte-for-byte comparisons are trivial. Behaviour lives in modules
// that take a World; numeric hot state (CPU time, I/O counters) lives in the core (sim/core).
import type { RngState } from '../lib/rng';
import type { SanState } from './storage/types';
import type { Ocfs2State } from './storage/ocfs2/ocfs2-types';
import type { ManagerState } from './manager/types';

/** Which Oracle VM release a host runs: picks output formats and behaviour. */
export type Release = 'ovm34' | 'ovm22';

export type ServiceState = 'running' | 'stopped';

/** A node of a virtual file system tree. Directories hold children by name. */
export type FsNode =
  | { type: 'dir'; mode: number; mtimeMs: number; children: Record<string, FsNode> }
  | { type: 'file'; mode: number; mtimeMs: number; content: string; /** apparent size when content is a stand-in (disk images) */ sizeBytes?: number }
  | { type: 'link'; mode: number; mtimeMs: number; target: string };

/** A file system mounted at `path` on a host; `fsId` keys `WorldState.filesystems`. */
export interface Mount {
  path: string;
  fsId: string;
  fsType: string;
  device: string;
  options: string;
}

export interface CpuInfo {
  sockets: number;
  coresPerSocket: number;
  threadsPerCore: number;
  mhz: number;
  model: string;
  /** 'vmx' (Intel) or 'svm' (AMD): HVM guests need one. */
  virtFlag: 'vmx' | 'svm' | '';
}

export interface HostState {
  name: string;
  domain: string;
  ip: string;
  release: Release;
  poolId: string;
  cpu: CpuInfo;
  memoryMiB: number;
  dom0MemMiB: number;
  dom0Vcpus: number;
  bootMs: number;
  /** Next domain id handed out by xend (ids are never reused until reboot). */
  nextDomId: number;
  services: Record<string, ServiceState>;
  mounts: Mount[];
  /** Dom0's own CPU time, seconds (grows as dom0 works). */
  dom0CpuS: number;
  /** chkconfig changes: service → runlevels it is on in ('' = off everywhere). Absent = package default. */
  chkconfig?: Record<string, string>;
  /** Daemons (re)started or killed since boot: pid, start time, and `dead` when killed (stale pid file). */
  pids?: Record<string, { pid: number; atMs: number; dead?: boolean }>;
  /** The next pid the kernel hands out on this host. */
  nextPid?: number;
  /** Set while the host is down (reboot, crash, halt); cleared when it is up again. */
  down?: { sinceMs: number; upAtMs: number | null; reason: 'reboot' | 'crash' | 'halt' };
  /** When `dmesg -c` last cleared the kernel ring buffer (sim ms). */
  dmesgClearedMs?: number;
  /** Dom0's static maximum (`dom0_mem=max:N`), MiB; absent = `no limit` (sim/xen). */
  dom0MaxMemMiB?: number;
  /** Dom0's credit scheduler weight and cap (`xm sched-credit -d 0`); absent = 256 and 0. */
  dom0Weight?: number;
  dom0Cap?: number;
  /** The hypervisor console ring after boot (`xm dmesg`): appended lines; `cleared` by `xm dmesg -c`. */
  xenConsole?: { lines: string[]; cleared: boolean };
}

/** r b p s c d flags of `xm list`, plus 'halted' for a defined but stopped VM. */
export type DomainRunState = 'running' | 'blocked' | 'paused' | 'shutdown' | 'crashed' | 'dying' | 'halted';

export interface WorkloadProfile {
  /** Demand per vCPU as a fraction of one pCPU (0..1). */
  cpuDemand: number;
  /** Read and write requests per second across all VBDs. */
  readIops: number;
  writeIops: number;
  /** Mean request size in 512-byte sectors. */
  sectorsPerRequest: number;
}

export interface VbdSpec {
  /** `file:` or `phy:` as written in vm.cfg (`tap:aio:` counts as file). */
  kind: 'file' | 'phy';
  /** The prefix as written when it is not plain `file:`/`phy:` (`tap:aio:`). */
  prefix?: string;
  path: string;
  vdev: string;
  mode: string;
  cdrom: boolean;
}

export interface VifSpec {
  mac: string;
  bridge: string;
  /** vm.cfg `type=`/`model=`/`vifname=` when given (HVM emulated NICs: type=ioemu). */
  type?: string;
  model?: string;
  vifname?: string;
}

/** A live migration under way (sim/xen/migrate.ts): the domain moves to `to` at `endMs`. */
export interface MigrationState {
  to: string;
  live: boolean;
  startMs: number;
  endMs: number;
  /** Decided at the start: 'ok'; 'crash' (no room on the target: the guest dies there); 'fail' (target refused). */
  outcome: 'ok' | 'crash' | 'fail';
}

/** What xend keeps about a domain beyond the basics (sim/xen): vm.cfg actions, pins, pending work. */
export interface XenDomainExtras {
  onPoweroff: string;
  onReboot: string;
  onCrash: string;
  bootloader?: string;
  kernel?: string;
  /** HVM `serial='pty'` (a console to attach to). */
  serial?: string;
  vnc?: boolean;
  keymap?: string;
  boot?: string;
  /** Per-vCPU affinity (`xm vcpu-pin`); null or absent = any cpu. */
  affinity?: Array<number[] | null>;
  /** Paused with `xm pause` (`xm domstate` says "paused by admin"). */
  pausedByAdmin?: boolean;
  /** A requested shutdown/reboot the guest completes at `atMs`. */
  pending?: { kind: 'poweroff' | 'reboot' | 'halt'; atMs: number };
  migration?: MigrationState;
  /** Reboots so far (xend's restart count). */
  restartCount?: number;
  /** vm.cfg OVM_domain_type ('xen_pvm', 'xen_hvm' = no PV drivers, 'xen_hvm_pv'/'xen_pvhvm'). */
  domainType?: string;
  /** Started by virt-install to run an OS installer from this source (its console shows the installer). */
  installing?: string;
}

export interface DomainState {
  /** OVM 3: 32 hex digits; OVM 2.2: a human name. Unique in the world. */
  name: string;
  uuid: string;
  simpleName: string;
  /** Host the domain runs on, or null when it is not running anywhere. */
  host: string | null;
  domid: number | null;
  state: DomainRunState;
  memoryMiB: number;
  maxMemMiB: number;
  vcpus: number;
  maxVcpus: number;
  weight: number;
  cap: number;
  hvm: boolean;
  osType: string;
  /** Path of its vm.cfg (under a repository). */
  cfgPath: string;
  startedAtMs: number;
  /** Accumulated CPU seconds (cumulative, all vCPUs). */
  cpuTimeS: number;
  workload: WorkloadProfile;
  disks: VbdSpec[];
  vifs: VifSpec[];
  /** A production VM, which labs protect with constraints. */
  production: boolean;
  /** Defined in xend with `xm new` on this host: listed, startable and deletable while halted. */
  managedOn?: string;
  /** xend's extra per-domain state (sim/xen); absent until xend has seen the domain. */
  xen?: XenDomainExtras;
  /** The guest's virtual disk file system was corrupted (sim/xen/migration-alert.ts): the kernel lines it logs. */
  diskCorrupt?: { device: string; atMs: number; lines: string[] };
}

export interface PoolState {
  id: string;
  name: string;
  hosts: string[];
  /** Virtual IP of the pool master. */
  masterHost: string;
}

export interface EventEntry {
  atMs: number;
  host: string | null;
  kind: string;
  text: string;
}

/**
 * A lab attempt's progress, kept inside the world (written only by src/labs/runtime.ts) so that
 * snapshots and journal replay restore it exactly. Absent in a sandbox world.
 */
export interface LabRecord {
  labId: string;
  /** Variable values drawn from the seed. */
  vars: Record<string, string | number>;
  /** Objectives met at the last evaluation, in lab order. */
  met: string[];
  /** Milestone objectives latched as met: id → clock ms. */
  latched: Record<string, number>;
  /** Constraints broken (they stay broken): id → clock ms. */
  broken: Record<string, number>;
  /** Faults that have fired: id → clock ms. */
  fired: Record<string, number>;
  /** Hints revealed per objective. */
  hints: Record<string, number>;
  /** Quiz answers per objective: the last answer, whether it was right, how many tries. */
  answers: Record<string, { value: string; correct: boolean; tries: number }>;
  solutionShownMs: number | null;
  solvedMs: number | null;
}

export interface WorldState {
  /** Version of this shape; bump with a migration in sim/snapshot.ts. */
  schemaVersion: number;
  seed: number;
  rng: RngState;
  clockMs: number;
  /** Wall-clock epoch (ms) that simulation time 0 corresponds to: fixed per seed, never Date.now(). */
  epochMs: number;
  pools: PoolState[];
  hosts: Record<string, HostState>;
  /** Domains by name. */
  domains: Record<string, DomainState>;
  filesystems: Record<string, FsNode>;
  events: EventEntry[];
  /** The SAN: arrays, fabrics and each host's SCSI/multipath view (sim/storage). */
  san?: SanState;
  /** OCFS2 volumes and each host's O2CB cluster stack (sim/storage/ocfs2/, o2cb*). */
  ocfs2?: Ocfs2State;
  /** Set when the world is a lab attempt's (src/labs/runtime.ts). */
  lab?: LabRecord;
  /** The Oracle VM Manager's database: what it believes, apart from reality (sim/manager). */
  manager?: ManagerState;
}
