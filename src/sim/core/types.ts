// The contract between the TypeScript world and the numeric core (wasm or reference model).
// The world owns structure; the core owns the hot numbers: CPU time (credit scheduler), block
// I/O counters, and multipath path state. Everything is addressed by small integer handles that
// the core hands out (-1 = none). Two implementations: the wasm core (default) and a plain
// TypeScript reference model with the same maths; both implement SimCore.
//
// Units: time in ms on the simulation clock unless a name says S (seconds); rates per second;
// sizes in 512-byte sectors. Counters are cumulative and integral (held as doubles).

/** An integer handle into one of the core's tables; -1 means "none". */
export type Handle = number;
export const NO_HANDLE = -1;

/** Table sizes, fixed when the core is created (no allocation afterwards). */
export interface CoreCapacities {
  hosts: number;
  /** Guests plus one dom0 per host. */
  domains: number;
  vcpus: number;
  vbds: number;
  /** Array target ports (controller ports): capacity and service time shared by their paths. */
  ports: number;
  luns: number;
  /** Multipath maps: one per (host, LUN) the host sees through multipath. */
  maps: number;
  paths: number;
  /** Ring of path/queueing events, drained by the storage model each tick. */
  events: number;
}

/** At least what the issue demands (256 hosts, 8,192 guests, 32,768 vCPUs, 4,096 LUNs, 65,536 paths). */
export const DEFAULT_CAPACITIES: CoreCapacities = {
  hosts: 256,
  domains: 8192 + 256,
  vcpus: 32768 + 8192,
  vbds: 16384,
  ports: 1024,
  luns: 4096,
  maps: 16384,
  paths: 65536,
  events: 4096,
};

/**
 * What the browser's engine asks for: a quarter of the above, still far beyond any scenario (a
 * pool of a few servers). Initialising the tables touches every page of them: 4 MB instead of
 * 16 MB takes the first boot's core init from ~105 ms to ~33 ms in Chromium on our machines.
 */
export const SANDBOX_CAPACITIES: CoreCapacities = {
  hosts: 64,
  domains: 2048 + 64,
  vcpus: 8192 + 2048,
  vbds: 4096,
  ports: 256,
  luns: 1024,
  maps: 4096,
  paths: 16384,
  events: 4096,
};

/** A map holds at most this many paths (and so at most this many path groups). */
export const MAX_PATHS_PER_MAP = 16;

// ---- multipath policy -------------------------------------------------------------------

/** multipath.conf `path_grouping_policy`. group_by_serial / group_by_node_name group by the path's `groupKey`. */
export type PathGrouping = 'failover' | 'multibus' | 'group_by_prio' | 'group_by_serial' | 'group_by_node_name';
/** multipath.conf `path_selector` (the "0" argument is implied). */
export type PathSelector = 'round-robin' | 'queue-length' | 'service-time';
/** multipath.conf `failback`: a number is "failback after N seconds". */
export type Failback = 'immediate' | 'manual' | 'followover' | number;
/** multipath.conf `no_path_retry` (`features "1 queue_if_no_path"` is 'queue'); a number counts checker intervals. */
export type NoPathRetry = 'fail' | 'queue' | number;

export interface MapPolicy {
  grouping: PathGrouping;
  selector: PathSelector;
  /** I/Os sent down one path before round-robin moves on (default 1000). */
  rrMinIo: number;
  failback: Failback;
  noPathRetry: NoPathRetry;
}

/** multipath-tools 0.4.9 compiled-in defaults (reference/cli-fidelity.md §4.6). */
export const DEFAULT_MAP_POLICY: MapPolicy = { grouping: 'failover', selector: 'round-robin', rrMinIo: 1000, failback: 'manual', noPathRetry: 'fail' };

/** Physical truth of a path (what a fault injects): `ghost` = passive/standby port (still serves I/O, reported as ghost). */
export type PathLink = 'up' | 'down' | 'ghost';
/** Device-mapper's view (`multipath -ll` "active"/"failed"). */
export type PathDmState = 'active' | 'failed';
/** The path checker's last verdict (`ready`/`faulty`/`ghost`). */
export type PathCheckerState = 'ready' | 'faulty' | 'ghost';

export interface PathStatus {
  link: PathLink;
  dm: PathDmState;
  checker: PathCheckerState;
  /** Index of the path's group in `mapGroups` order. */
  group: number;
  prio: number;
  /** Current checker interval in seconds (grows to 4× polling_interval while stable). */
  checkIntervalS: number;
}

export interface MapGroup {
  /** Average prio of the group's active paths (0 when none), as multipathd computes it. */
  priority: number;
  /** `active` is the group I/O goes to; others `enabled` (`disabled` when no path in it is active). */
  state: 'active' | 'enabled' | 'disabled';
  paths: Handle[];
}

export interface MapStatus {
  /** Index into mapGroups of the group in use (-1 when the map has no paths). */
  currentGroup: number;
  activePaths: number;
  /** Requests held in the map because no path is usable (queue_if_no_path). */
  queued: number;
  /** 'normal'; 'recovery' while queueing for no_path_retry N; 'failing' after queueing was disabled. */
  mode: 'normal' | 'recovery' | 'failing';
  /** Seconds left before queueing is disabled (recovery mode only), else 0. */
  retrySecondsLeft: number;
  /** Seconds left before a timed failback switches groups, else 0. */
  failbackSecondsLeft: number;
}

// ---- counters ---------------------------------------------------------------------------

export interface CoreVbdCounters {
  /** Requests the backend accepted (xentop VBD_RD/VBD_WR), including ones that later failed. */
  readReqs: number;
  writeReqs: number;
  readSectors: number;
  writeSectors: number;
  /** Requests refused because the ring was full while the map queued (xentop VBD_OO). */
  ooReqs: number;
  completed: number;
  /** Accepted but not yet completed (waiting in a queueing map). */
  pending: number;
  /** Failed with an I/O error (no usable path and the map does not, or no longer, queue). */
  errors: number;
  /** Mean latency of last tick's requests, ms. */
  latencyMs: number;
}

export interface PathCounters {
  reads: number;
  writes: number;
  readSectors: number;
  writeSectors: number;
  /** Mean number of requests in flight last tick (Little's law: rate × latency). */
  inFlight: number;
  latencyMs: number;
}

export interface LunCounters {
  reads: number;
  writes: number;
  readSectors: number;
  writeSectors: number;
}

export interface MapCounters {
  issued: number;
  completed: number;
  queued: number;
  errors: number;
}

export interface HostCpu {
  pcpus: number;
  /** Fraction (0..1) of the host's pCPU time handed out during the last tick. */
  utilisation: number;
  /** Cumulative pCPU seconds handed out to all domains (dom0 included). */
  busyS: number;
}

export interface PortStatus {
  up: boolean;
  /** Offered load / capacity during the last tick (may exceed 1 when saturated). */
  utilisation: number;
  latencyMs: number;
}

// ---- events -----------------------------------------------------------------------------

/**
 * Path and queueing events, in the order they happened, for syslog lines (§4.5):
 * - `path-failed`: dm failed a path; value 0 = kernel on an I/O error ("Failing path 8:48"), 1 = the checker found it down.
 * - `path-reinstated`: the checker found a failed path up again and reinstated it.
 * - `group-switch`: value = new group index; `path` = -1. Reason in `reason`: 'failover' | 'failback' | 'operator'.
 * - `queue-recovery`: last path gone with no_path_retry N: "Entering recovery mode: max_retries=N" (value = N).
 * - `queue-disabled`: retries used up: "Disable queueing"; value = requests failed.
 * - `queue-resumed`: a path is back after recovery/failing: "queue_if_no_path enabled" / "Recovered to normal mode".
 * - `io-error`: the map failed requests with no usable path (value = how many).
 */
export type CoreEventKind = 'path-failed' | 'path-reinstated' | 'group-switch' | 'queue-recovery' | 'queue-disabled' | 'queue-resumed' | 'io-error';

export interface CoreEvent {
  atMs: number;
  kind: CoreEventKind;
  host: Handle;
  map: Handle;
  path: Handle;
  value: number;
  reason?: 'failover' | 'failback' | 'operator';
}

// ---- the core ---------------------------------------------------------------------------

/**
 * The numeric core. Mutators are cheap and may be called any time (between ticks); `tick`
 * advances everything by dt. Invalid handles / out-of-range values throw (programming errors,
 * never user input: validate user input before calling). Capacities exhausted → throws.
 */
export interface SimCore {
  readonly kind: 'wasm' | 'reference';
  /** Version of the ABI the core was compiled with. */
  abiVersion(): number;
  readonly capacities: CoreCapacities;

  /**
   * Plain-JSON bookkeeping saved and restored with the tables (e.g. the Xen sync's name →
   * handle registry). Owners use their own key (`xen`, `storage`, …).
   */
  meta: Record<string, unknown>;

  /** A copy of the core's tables (and `meta`), for snapshots. Only used rows are stored. */
  saveTables(): Uint8Array;
  /** Replaces the core's tables with a copy from `saveTables`; throws (changing nothing) on bad bytes. */
  loadTables(bytes: Uint8Array): void;
  /** Empties every table and `meta`. */
  reset(): void;

  // clock
  /** Seed of the core's deterministic variation (derive it from the world's seed). */
  setSeed(seed: number): void;
  /** Advances the scheduler, block I/O and path checkers by dtMs (the engine's TICK_MS). */
  tick(dtMs: number): void;
  /** The core's own clock: the sum of dt passed to tick. */
  nowMs(): number;

  // hosts (CPU + multipathd)
  addHost(pcpus: number): Handle;
  removeHost(h: Handle): void;
  setHostPcpus(h: Handle, pcpus: number): void;
  /** multipathd polling_interval in seconds (default 5). */
  setHostPollingInterval(h: Handle, seconds: number): void;
  /** multipathd running? When stopped, nothing is checked, reinstated or failed back. */
  setHostChecker(h: Handle, running: boolean): void;
  hostCpu(h: Handle): HostCpu;

  // domains (dom0 is an ordinary domain with weight 256)
  /** A domain on `host` with room for `maxVcpus` vCPUs (all online, weight 256, cap 0, demand 0, runnable). */
  addDomain(host: Handle, maxVcpus: number): Handle;
  removeDomain(d: Handle): void;
  /** Live migration: the domain keeps its counters and runs on `host` from the next tick. */
  moveDomain(d: Handle, host: Handle): void;
  /** Online vCPUs (xm vcpu-set), 1..maxVcpus. */
  setDomainVcpus(d: Handle, online: number): void;
  setDomainWeight(d: Handle, weight: number): void;
  /** Cap in percent of one pCPU (0 = none). */
  setDomainCap(d: Handle, cap: number): void;
  /** Demand per vCPU as a fraction of one pCPU (0..1). */
  setDomainDemand(d: Handle, perVcpu: number): void;
  /** False while paused (or otherwise not schedulable): gets no CPU and issues no I/O. */
  setDomainRunnable(d: Handle, runnable: boolean): void;
  /** Seeds cumulative CPU time (split evenly over online vCPUs), e.g. for a guest up for days. */
  setDomainCpuTime(d: Handle, seconds: number): void;
  /** Cumulative CPU seconds over all vCPUs. */
  domainCpuS(d: Handle): number;
  /** pCPUs used during the last tick (×100 = xentop CPU% over that tick). */
  domainShare(d: Handle): number;
  /** Per vCPU (length maxVcpus): cumulative seconds, pCPU last run on (-1 never/offline), busy fraction last tick. */
  domainVcpus(d: Handle): { timeS: number[]; pcpu: number[]; busy: number[] };

  // block devices
  /** A VBD of domain `d`, unrouted (served locally, no multipath) until routeVbd. */
  addVbd(d: Handle): Handle;
  /** Removes the VBD; requests it had queued in its map fail (counted as that map's errors). */
  removeVbd(v: Handle): void;
  /** Requests per second and mean request size in sectors (rounded to a whole number ≥ 1). */
  setVbdWorkload(v: Handle, readIops: number, writeIops: number, sectorsPerRequest: number): void;
  /** Sends the VBD's requests through multipath map `map` (or -1: local disk, never fails). Requests it had queued in its old map fail. */
  routeVbd(v: Handle, map: Handle): void;
  vbdCounters(v: Handle): CoreVbdCounters;

  // storage: ports, LUNs, maps, paths
  /** An array target port: IOPS it can serve and its base service time. */
  addPort(capacityIops: number, serviceTimeMs: number): Handle;
  setPort(p: Handle, capacityIops: number, serviceTimeMs: number): void;
  /** A port (or its whole controller) going down takes every path through it down. */
  setPortUp(p: Handle, up: boolean): void;
  portStatus(p: Handle): PortStatus;
  addLun(): Handle;
  removeLun(l: Handle): void;
  lunCounters(l: Handle): LunCounters;
  /** The multipath map of `lun` on `host`, with DEFAULT_MAP_POLICY. */
  addMap(host: Handle, lun: Handle): Handle;
  /** Removes the map (its paths go too); VBDs routed to it become unrouted. */
  removeMap(m: Handle): void;
  /** Applies a policy (regroups paths; I/O goes to the best group with an active path). */
  setMapPolicy(m: Handle, policy: MapPolicy): void;
  mapPolicy(m: Handle): MapPolicy;
  /** Groups in dm order (highest priority first), as `multipath -ll` lists them. */
  mapGroups(m: Handle): MapGroup[];
  mapStatus(m: Handle): MapStatus;
  mapCounters(m: Handle): MapCounters;
  /** Operator `multipathd -k"switchgroup map X group N"` (0-based index here). */
  switchGroup(m: Handle, group: number): void;
  /**
   * A path of map `m` through array port `port`; `prio` from the prio callout (group_by_prio),
   * `groupKey` the controller serial / target node (group_by_serial / group_by_node_name).
   * Starts up, active and ready. Regroups the map.
   */
  addPath(m: Handle, port: Handle, prio: number, groupKey: number): Handle;
  removePath(p: Handle): void;
  setPathPrio(p: Handle, prio: number): void;
  /** Fault injection: the physical state (cable, HBA port, switch, SP port). dm notices on I/O or at the next check. */
  setPathLink(p: Handle, link: PathLink): void;
  /** Operator `multipathd fail path` (the checker reinstates it if it is physically up). */
  failPath(p: Handle): void;
  /** Operator `multipathd reinstate path`. */
  reinstatePath(p: Handle): void;
  pathStatus(p: Handle): PathStatus;
  pathCounters(p: Handle): PathCounters;

  /** Events since the last drain, oldest first (the ring keeps the newest `capacities.events`). */
  drainEvents(): CoreEvent[];
}
