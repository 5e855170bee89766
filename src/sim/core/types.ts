// The contract between the TypeScript world and the numeric core (wasm or reference model).
// The world owns structure and state machines (multipath path and group state included); the core
// owns the hot numbers: CPU time (credit scheduler), per-I/O path selection within the active
// group the world set, and block I/O counters. Everything is addressed by small integer handles that
// the core hands out (-1 = none). Two implementations: the wasm core (default) and a plain
// TypeScript reference model with the same maths; both implement SimCore.
//
// Units: time in ms on the simulation clock unless a name says S (seconds); rates per second;
// sizes in 512-byte sectors. Counters are cumulative and integral (held as doubles).

/** An integer handle into one of the core's tables; -1 means "none". */
export type Handle = number;

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
  /** Ring of I/O-error events, drained by the storage model each tick. */
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

// ---- multipath routing ------------------------------------------------------------------

/** multipath.conf `path_selector` (the "0" argument is implied). */
export type PathSelector = 'round-robin' | 'queue-length' | 'service-time';

/** How a map spreads I/O over the usable paths of its active group, and what it does with none. */
export interface MapRouting {
  selector: PathSelector;
  /** I/Os sent down one path before round-robin moves on (default 1000). */
  rrMinIo: number;
  /**
   * With no usable path: queue (the world's queue_if_no_path is set: `no_path_retry queue`, or N
   * while retrying) or fail the requests with an I/O error. The world flips it when retries run out.
   */
  queueIfNoPath: boolean;
}

export interface PathStatus {
  map: Handle;
  /** Index of the path's group, as the world numbers them. */
  group: number;
  /** The world's verdict: dm active and reachable. */
  usable: boolean;
}

export interface MapStatus {
  /** The group I/O goes to, as the world set it (-1 none). */
  activeGroup: number;
  /** Usable paths in the active group (0: I/O queues or fails). */
  usablePaths: number;
  /** Requests held in the map because no path is usable (queue_if_no_path). */
  queued: number;
  queueIfNoPath: boolean;
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
  /** Offered load / capacity during the last tick (may exceed 1 when saturated). */
  utilisation: number;
  latencyMs: number;
}

// ---- events -----------------------------------------------------------------------------

/**
 * What the core reports back, in the order it happened: `io-error`, a map failed requests with no
 * usable path and no queueing (value = how many), for the kernel's end_request lines. Path and
 * group events are the world's own (it owns that state).
 */
export type CoreEventKind = 'io-error';

export interface CoreEvent {
  atMs: number;
  kind: CoreEventKind;
  host: Handle;
  map: Handle;
  value: number;
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
  /** Advances the scheduler and block I/O by dtMs (the engine's TICK_MS). */
  tick(dtMs: number): void;
  /** The core's own clock: the sum of dt passed to tick. */
  nowMs(): number;

  // hosts
  addHost(pcpus: number): Handle;
  removeHost(h: Handle): void;
  setHostPcpus(h: Handle, pcpus: number): void;
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

  // storage: ports, LUNs, maps, paths (state pushed by the world; the core routes and counts)
  /** An array target port: IOPS it can serve and its base service time. */
  addPort(capacityIops: number, serviceTimeMs: number): Handle;
  setPort(p: Handle, capacityIops: number, serviceTimeMs: number): void;
  portStatus(p: Handle): PortStatus;
  addLun(): Handle;
  removeLun(l: Handle): void;
  lunCounters(l: Handle): LunCounters;
  /** The multipath map of `lun` on `host`: round-robin, rr_min_io 1000, failing I/O with no usable path (0.4.9's defaults); no active group. */
  addMap(host: Handle, lun: Handle): Handle;
  /** Removes the map (its paths go too); VBDs routed to it become unrouted. */
  removeMap(m: Handle): void;
  setMapRouting(m: Handle, routing: MapRouting): void;
  mapRouting(m: Handle): MapRouting;
  /** The group the world's kernel sends I/O to (-1: none); round-robin starts over in it. */
  setMapActiveGroup(m: Handle, group: number): void;
  mapStatus(m: Handle): MapStatus;
  mapCounters(m: Handle): MapCounters;
  /** A path of map `m` through array port `port`, in the world's group `group`; starts usable. */
  addPath(m: Handle, port: Handle, group: number): Handle;
  removePath(p: Handle): void;
  /** The world's verdict on a path: may I/O go down it (dm active and reachable)? */
  setPathUsable(p: Handle, usable: boolean): void;
  pathStatus(p: Handle): PathStatus;
  pathCounters(p: Handle): PathCounters;

  /** Events since the last drain, oldest first (the ring keeps the newest `capacities.events`). */
  drainEvents(): CoreEvent[];
}
