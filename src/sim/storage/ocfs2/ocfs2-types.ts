// The plain-JSON state of OCFS2: volumes as their superblocks describe them (they live on a
// medium — a LUN or local disk — at a sector offset, so every host that sees the medium sees the
// same volume) and each host's O2CB cluster stack. No behaviour here.

/** mkfs.ocfs2 -T profiles; null when none was given. */
export type Ocfs2FsType = 'datafiles' | 'mail' | 'vmstore';

/** Cluster information written into the superblock (`--cluster-stack/--cluster-name`, OVM 3). */
export interface Ocfs2ClusterInfo {
  stack: string;
  name: string;
  globalHeartbeat: boolean;
}

export interface Ocfs2Volume {
  /** 32 upper-case hex digits, as mounted.ocfs2 and tunefs -Q %U print it. */
  uuid: string;
  label: string;
  /** block-devices' medium key (`<array>:<alu>`, `local:<host>:<disk>`) the bytes live on. */
  mediumKey: string;
  /** First 512-byte sector of the volume on its medium (a partition's start, 0 for a whole disk). */
  startSector: number;
  blockSize: number;
  clusterSize: number;
  /** File system size in clusters (the global bitmap's total; tunefs -S grows it). */
  clusters: number;
  slots: number;
  /** Journal size of each slot, clusters. */
  journalClusters: number;
  /** Extent allocator each slot got at format time, clusters. */
  extentAllocClusters: number;
  /** Feature names in libocfs2's print order. */
  features: string[];
  fsType: Ocfs2FsType | null;
  /** Null for a classic o2cb volume (no cluster name on disk). */
  clusterInfo: Ocfs2ClusterInfo | null;
  /** Local (single node) mount type. */
  local: boolean;
  /** Version of the mkfs.ocfs2 that formatted it. */
  toolsVersion: string;
  /** Slot map: the host holding each slot (null = free). */
  slotMap: Array<string | null>;
  /** Key of the volume's directory tree in `world.filesystems`. */
  fsId: string;
  formattedAtMs: number;
  /** A resize was interrupted (the `aborted-resize` incompat flag). Never set by the tools here yet. */
  resizeInProgress?: boolean;
}

/** The O2CB configuration a node runs with: read from cluster.conf and sysconfig at `online`. */
export interface O2cbRunning {
  name: string;
  heartbeatMode: 'local' | 'global';
  nodes: Array<{ number: number; name: string; ip: string; port: number }>;
  /** Global heartbeat regions (volume uuids), in cluster.conf order. */
  regions: string[];
  deadThreshold: number;
  idleTimeoutMs: number;
  keepaliveDelayMs: number;
  reconnectDelayMs: number;
}

export interface O2cbNode {
  /** configfs, the stack plugin and ocfs2_dlmfs are loaded (`service o2cb load`). */
  loaded: boolean;
  /** The cluster is registered with the kernel (`online`), null when offline. */
  running: O2cbRunning | null;
  /** Global heartbeat regions this node heartbeats on now. */
  activeRegions: string[];
  /** Regions whose device stopped answering on this node, since when (ms): o2hb fences after the dead threshold. */
  regionLostAtMs?: Record<string, number>;
}

export interface Ocfs2State {
  /** Volumes by uuid. */
  volumes: Record<string, Ocfs2Volume>;
  /** Each host's cluster stack, by host name (absent = derived from the service state). */
  nodes: Record<string, O2cbNode>;
  /** Hosts that already logged `attempt to access beyond end of device` per volume (one burst each). */
  beyondEnd?: Record<string, string[]>;
}
