// The SAN's plain-JSON state: arrays (SPs, ports, LUNs, storage groups), the two FC fabrics,
// and each host's view of it (HBA ports, SCSI disks, device-mapper devices, multipathd).
// What the array holds (LUN size, partition table) is separate from what a host's kernel
// believes (cached capacity, partitions read at the last re-read): the growing labs hinge on it.

export type SpName = 'A' | 'B';

/** A front-end FC port of a storage processor (`SP A port 0`). */
export interface ArrayPort {
  index: number;
  wwpn: string;
  /** Fabric index the port is cabled to. */
  fabric: number;
  up: boolean;
}

export interface StorageProcessor {
  name: SpName;
  /** Management address naviseccli talks to. */
  ip: string;
  up: boolean;
  ports: ArrayPort[];
}

/** One DOS partition table entry, in 512-byte sectors. */
export interface PartitionEntry {
  num: number;
  boot: boolean;
  /** System id (0x83 Linux, 0x8e LVM, 0x82 swap, 0x05 extended …). */
  type: number;
  startSector: number;
  sectors: number;
}

/** What is written in the first sector of a disk. */
export interface DiskLabel {
  kind: 'dos' | 'gpt';
  /** The NT disk signature fdisk prints as `Disk identifier: 0x…`. */
  diskId: number;
  parts: PartitionEntry[];
}

export interface LunState {
  /** Array LUN number (ALU), what naviseccli calls `LOGICAL UNIT NUMBER`. */
  alu: number;
  name: string;
  /** `3` + the NAA page 0x83 identifier: what scsi_id reports and multipath keys maps by. */
  wwid: string;
  /** Current capacity on the array (grows with `lun -expand`). */
  sizeBytes: number;
  raidType: string;
  vendor: string;
  product: string;
  rev: string;
  owner: SpName;
  defaultOwner: SpName;
  /** Partition table on the LUN's first sector, or null for a blank LUN. */
  label: DiskLabel | null;
}

export interface StorageGroup {
  name: string;
  /** Hosts (world host names) connected to the group. */
  hosts: string[];
  /** Host LUN number → array LUN number. */
  luns: Array<{ hlu: number; alu: number }>;
}

export interface SanArray {
  /** Array serial, e.g. `APM00093801234`. */
  serial: string;
  /** Navisphere name. */
  name: string;
  model: string;
  /** Agent revision naviseccli getagent reports. */
  revision: string;
  sps: Record<SpName, StorageProcessor>;
  luns: LunState[];
  storageGroups: StorageGroup[];
}

export interface Fabric {
  index: number;
  /** Switch name, e.g. `fcsw-a`. */
  switchName: string;
  up: boolean;
}

/** One FC HBA port of a host: a SCSI host adapter (`host5`). */
export interface HbaPort {
  scsiHost: number;
  fabric: number;
  wwpn: string;
  pciAddr: string;
  driver: 'qla2xxx' | 'lpfc';
  /** The port itself works (an HBA port fault clears it). */
  up: boolean;
  /** The cable between port and switch is plugged in. */
  cable: boolean;
}

/** Where a SCSI disk of a host points: a LUN through one array port, or a local disk. */
export type ScsiTarget =
  | { kind: 'san'; array: string; sp: SpName; port: number; alu: number }
  | { kind: 'local'; diskId: string };

/** A SCSI disk (`sdX`) as the host's kernel knows it. */
export interface ScsiDisk {
  name: string;
  host: number;
  channel: number;
  target: number;
  lun: number;
  major: number;
  minor: number;
  to: ScsiTarget;
  /** Capacity the kernel read at the last scan/rescan/re-read (bytes). */
  sizeBytes: number;
  /** sysfs `device/state`. */
  state: 'running' | 'offline';
  /** WWID scsi_id reported when the disk was discovered. */
  wwid: string;
  vendor: string;
  product: string;
  rev: string;
  /** Partitions the kernel created at the last partition-table read (`sdh1`…). */
  parts: PartitionEntry[];
}

/** A local (non-SAN) disk of a host: its contents live here, not on an array. */
export interface LocalDisk {
  id: string;
  sizeBytes: number;
  vendor: string;
  product: string;
  rev: string;
  wwid: string;
  label: DiskLabel | null;
}

export type DmState = 'active' | 'failed';
export type CheckerState = 'ready' | 'faulty' | 'ghost' | 'shaky' | 'undef';

/** One path of a multipath map: its kernel (dm) state and multipathd's checker state. */
export interface MpPath {
  dev: string;
  dm: DmState;
  chk: CheckerState;
  prio: number;
  /** `fail path` stopped the checker for this path until `reinstate path`. */
  checkerDisabled: boolean;
  /** Current checker interval, seconds (grows to 4 × polling_interval while stable). */
  checkint: number;
  /** Seconds until the next check. */
  tick: number;
}

export interface MpGroup {
  prio: number;
  paths: MpPath[];
}

/** Effective per-map settings (defaults ← device section ← multipaths section). */
export interface MapPolicy {
  pgPolicy: 'failover' | 'multibus' | 'group_by_prio' | 'group_by_serial' | 'group_by_node_name';
  selector: string;
  features: string;
  hwhandler: string;
  checker: string;
  prio: string;
  /** 'immediate' | 'manual' | seconds. */
  failback: 'immediate' | 'manual' | number;
  /** 'fail' | 'queue' | checker intervals. */
  noPathRetry: 'fail' | 'queue' | number;
  rrMinIo: number;
  flushOnLastDel: boolean;
}

/** A multipath map loaded in the kernel (device-mapper `multipath` target). */
export interface MpMap {
  name: string;
  wwid: string;
  dmMinor: number;
  /** Table length in bytes (what `resize map` changes). */
  sizeBytes: number;
  vendor: string;
  product: string;
  policy: MapPolicy;
  groups: MpGroup[];
  /** Index of the group the kernel sends I/O to. */
  activeGroup: number;
  suspended: boolean;
  /** Kernel queue_if_no_path currently set. */
  queueing: boolean;
  /** no_path_retry N: checker intervals left before queueing is disabled (null = not in recovery). */
  retryLeft: number | null;
  /** failback N: seconds left until switching back (null = none pending). */
  failbackLeft: number | null;
  stats: { pathFaults: number; switchGroup: number; mapLoads: number };
}

/** A device-mapper device: a multipath map or a kpartx partition (`linear`) on top of one. */
export interface DmDevice {
  name: string;
  minor: number;
  target: 'multipath' | 'linear';
  /** DM uuid: `mpath-<wwid>` or `part1-mpath-<wwid>`. */
  uuid: string;
  /** For linear partition maps: the parent map's name, partition number and extent. */
  parent?: string;
  partNum?: number;
  startSector?: number;
  sectors?: number;
}

export interface MultipathdState {
  running: boolean;
  /** Text of /etc/multipath.conf in force (null = none, compiled-in defaults). */
  configText: string | null;
  /** When the daemon started. */
  startedAtMs: number;
  /** When its checker loop last ran (path `tick`s count down from then). */
  lastRunMs?: number;
  /** Nothing is due before this time: the loop sleeps until then (unless the SAN changed). */
  sleepUntilMs?: number;
  /** SAN epoch the daemon and the kernel last looked at. */
  seenEpoch?: number;
}

export interface HostSan {
  hbas: HbaPort[];
  localDisks: LocalDisk[];
  disks: ScsiDisk[];
  /** Next sd index to hand out (sda = 0); names are not reused until reboot. */
  nextSdIndex: number;
  dm: DmDevice[];
  maps: MpMap[];
  nextDmMinor: number;
  multipathd: MultipathdState;
  /** user_friendly_names bindings: alias → wwid. */
  bindings: Record<string, string>;
}

/** LUNs with a role in the scenario, for the other subsystems (repository, pool FS, lab spare). */
export interface LunRef {
  array: string;
  alu: number;
}

export interface SanState {
  arrays: SanArray[];
  fabrics: Fabric[];
  hosts: Record<string, HostSan>;
  roles: Record<string, LunRef>;
  /** Bumped by every change that matters to path states or I/O routing (faults, maps, daemon verdicts). */
  epoch?: number;
}
