// The reference model's state: plain objects in arrays indexed by handle, with the same handle
// allocation as the wasm tables (high-water mark + LIFO reuse), so both hand out equal handles.

export interface RefHost { pcpus: number; util: number; busyS: number }
/** A vCPU's time at its domain's last fold (vcpu/vcpus.ts derives the rest). */
export interface RefVcpu { base: number }
export interface RefDomain {
  host: number; vcpus: RefVcpu[]; online: number; weight: number; cap: number; demand: number; runnable: boolean;
  /** Σ share·dt (cumulative CPU seconds), and its value at the last fold. */
  cpuS: number; cpu0: number;
  /** Σ share²·dt, and its value at the last fold. */
  q: number; q0: number;
  share: number;
  /** This tick's demand (pCPUs). */
  dem: number;
  /** Last tick it got CPU (0 never). */
  lastRun: number;
}
export interface RefVbd {
  dom: number; map: number; readIops: number; writeIops: number; spr: number; carryR: number; carryW: number;
  rd: number; wr: number; rs: number; ws: number; oo: number; done: number; pend: number; err: number;
}
export interface RefPort { cap: number; svc: number; util: number; lat: number }
export interface RefLun { rd: number; wr: number; rs: number; ws: number }
export interface RefMap {
  host: number; lun: number; selector: number; rrMinIo: number;
  /** Queue (true) or fail I/O with no usable path, as the world says. */
  queue: boolean;
  /** Path handles in the order added. */
  paths: number[];
  /** The world's active group (-1 none). */
  cur: number; rrPos: number; rrUsed: number;
  queued: number; lat: number; issued: number; done: number; err: number;
}
export interface RefPath {
  map: number; port: number;
  /** The world's group index, and its verdict on whether I/O may use the path. */
  group: number; usable: boolean;
  rd: number; wr: number; rs: number; ws: number;
  /** Mean requests in flight during tick `stamp` (none in other ticks). */
  inFlight: number; stamp: number;
}
export interface RefEvent { atMs: number; kind: number; host: number; map: number; value: number }

/** Rows by handle (null = free), the high-water mark implied by the length, and freed handles. */
export interface Table<T> { rows: (T | null)[]; free: number[] }

/** Bumped with the wasm ABI when the state's shape changes: older saved states are refused. */
export const REF_LAYOUT = 3;

export interface RefState {
  layout: number;
  nowMs: number;
  tick: number;
  seed: number;
  hosts: Table<RefHost>;
  domains: Table<RefDomain>;
  vbds: Table<RefVbd>;
  ports: Table<RefPort>;
  luns: Table<RefLun>;
  maps: Table<RefMap>;
  paths: Table<RefPath>;
  /** vCPU rows in use (the wasm core reserves contiguous blocks; the reference only counts them). */
  vcpusUsed: number;
  events: RefEvent[];
}

export const emptyTable = <T>(): Table<T> => ({ rows: [], free: [] });

export function emptyState(): RefState {
  return {
    layout: REF_LAYOUT, nowMs: 0, tick: 0, seed: 0,
    hosts: emptyTable(), domains: emptyTable(), vbds: emptyTable(), ports: emptyTable(), luns: emptyTable(), maps: emptyTable(), paths: emptyTable(),
    vcpusUsed: 0, events: [],
  };
}

/** Inserts a row the way the wasm allocator does; -1 when `cap` rows are in use. */
export function insert<T>(t: Table<T>, row: T, cap: number): number {
  const h = t.free.pop();
  if (h !== undefined) {
    t.rows[h] = row;
    return h;
  }
  if (t.rows.length >= cap) return -1;
  t.rows.push(row);
  return t.rows.length - 1;
}

export function release<T>(t: Table<T>, h: number): void {
  t.rows[h] = null;
  t.free.push(h);
}

export const get = <T>(t: Table<T>, h: number): T | null => (Number.isInteger(h) && h >= 0 && h < t.rows.length ? (t.rows[h] ?? null) : null);
