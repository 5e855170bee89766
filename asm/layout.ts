// The core's tables: struct-of-arrays columns in linear memory, laid out once by layoutInit from
// the requested capacities (the only time memory grows). Every column is documented here; the
// descriptor table lets the TypeScript wrapper save/load exactly the used rows of each column.

// ---- entities (also the descriptor's "entity" code, used by rowsOf) ----
export const ENT_GLOBALS: i32 = 0;
export const ENT_HOST: i32 = 1;
export const ENT_DOM: i32 = 2;
export const ENT_VCPU: i32 = 3;
export const ENT_VBD: i32 = 4;
export const ENT_PORT: i32 = 5;
export const ENT_LUN: i32 = 6;
export const ENT_MAP: i32 = 7;
export const ENT_PATH: i32 = 8;
export const ENT_EVENT: i32 = 9;
/** Free-handle stacks: entity code FREE_BASE + ENT_x. */
export const FREE_BASE: i32 = 10;

/** Paths (and so groups) per map. */
export const MAXP: i32 = 16;

// ---- globals: f64 slots in the G region (saved with the tables) ----
export const G_NOW: i32 = 0; // ms on the core's clock
export const G_TICK: i32 = 1; // ticks run
export const G_SEED: i32 = 2; // u32 seed of the variation hash
export const G_VTOP: i32 = 3; // vCPU bump pointer (rows in use, including freed holes)
export const G_EV_HEAD: i32 = 4; // next event slot
export const G_EV_COUNT: i32 = 5; // events not drained (≤ CAP_E)
export const G_TOPO: i32 = 6; // bumped on any change of routing input (path usable, path added/removed, active group)
/** High-water mark of entity e (rows ever used): slot G_HW + e. */
export const G_HW: i32 = 8;
/** Top of the free stack of entity e: slot G_FT + e. */
export const G_FT: i32 = 20;
const G_SLOTS: i32 = 32;

export let CAP_H: i32 = 0;
export let CAP_D: i32 = 0;
export let CAP_V: i32 = 0;
export let CAP_B: i32 = 0;
export let CAP_P: i32 = 0;
export let CAP_L: i32 = 0;
export let CAP_M: i32 = 0;
export let CAP_A: i32 = 0;
export let CAP_E: i32 = 0;

export let G: usize = 0;

// hosts
export let H_LIVE: usize = 0; // i32 1 = in use
export let H_PCPUS: usize = 0; // i32 physical CPUs
export let H_UTIL: usize = 0; // f64 fraction of pCPU time handed out last tick
export let H_BUSY: usize = 0; // f64 cumulative pCPU seconds handed out
export let H_FIRST: usize = 0; // i32 first domain on the host (list in handle order), -1 none

// domains (dom0 included)
export let D_HOST: usize = 0; // i32 host handle, -1 = free row
export let D_VSTART: usize = 0; // i32 first vCPU row (contiguous block of D_VMAX rows)
export let D_VMAX: usize = 0; // i32 vCPU rows reserved
export let D_VON: usize = 0; // i32 online vCPUs (xm vcpu-set)
export let D_WEIGHT: usize = 0; // f64 credit weight (default 256)
export let D_CAP: usize = 0; // f64 cap, % of one pCPU (0 = none)
export let D_DEMAND: usize = 0; // f64 demand per vCPU, fraction of a pCPU
export let D_RUN: usize = 0; // i32 1 = runnable (not paused)
export let D_CPU: usize = 0; // f64 cumulative CPU seconds, all vCPUs
export let D_SHARE: usize = 0; // f64 pCPUs used last tick
export let D_NEXT: usize = 0; // i32 next domain on the same host (handle order), -1 last
export let D_CPU0: usize = 0; // f64 D_CPU when the vCPU split was last folded into V_BASE (vcpu-set)
export let D_Q: usize = 0; // f64 Σ share² × dt (the per-vCPU skew term accumulates with it)
export let D_Q0: usize = 0; // f64 D_Q at the last fold
export let D_LASTRUN: usize = 0; // f64 last tick the domain got CPU (0 never): its vCPUs' pCPUs derive from it
export let D_DEM: usize = 0; // f64 this tick's demand (online vCPUs × per-vCPU demand with variation)

// vCPUs
export let V_DOM: usize = 0; // i32 owning domain, -1 = free row
export let V_IDX: usize = 0; // i32 index within the domain
export let V_BASE: usize = 0; // f64 cumulative seconds at the domain's last fold (see sched.ts)

// VBDs
export let B_DOM: usize = 0; // i32 domain, -1 = free row
export let B_MAP: usize = 0; // i32 multipath map, -1 = local disk
export let B_RIOPS: usize = 0; // f64 read requests/s
export let B_WIOPS: usize = 0; // f64 write requests/s
export let B_SPR: usize = 0; // f64 sectors per request
export let B_CARRYR: usize = 0; // f64 fractional read requests carried to the next tick
export let B_CARRYW: usize = 0; // f64 same for writes
export let B_RD: usize = 0; // f64 read requests accepted (VBD_RD)
export let B_WR: usize = 0; // f64 write requests accepted (VBD_WR)
export let B_RS: usize = 0; // f64 sectors read (VBD_RSECT)
export let B_WS: usize = 0; // f64 sectors written (VBD_WSECT)
export let B_OO: usize = 0; // f64 requests refused, ring full (VBD_OO)
export let B_DONE: usize = 0; // f64 completed
export let B_PEND: usize = 0; // f64 accepted, waiting in a queueing map
export let B_ERR: usize = 0; // f64 failed with an I/O error
export let B_NEXTM: usize = 0; // i32 next VBD routed to the same map (handle order), -1 last
export let B_WANTR: usize = 0; // f64 scratch: reads wanted this tick
export let B_WANTW: usize = 0; // f64 scratch: writes wanted this tick

// array target ports
export let P_LIVE: usize = 0; // i32 1 = in use
export let P_CAP: usize = 0; // f64 IOPS capacity
export let P_SVC: usize = 0; // f64 base service time, ms
export let P_DEM: usize = 0; // f64 scratch: requests offered this tick
export let P_PHI: usize = 0; // f64 scratch: fraction of offered requests served
export let P_UTIL: usize = 0; // f64 offered / capacity last tick
export let P_LAT: usize = 0; // f64 latency last tick, ms (M/M/1: svc / (1 - ρ))

// LUNs
export let L_LIVE: usize = 0; // i32 1 = in use
export let L_RD: usize = 0; // f64 reads served
export let L_WR: usize = 0; // f64 writes served
export let L_RS: usize = 0; // f64 sectors read
export let L_WS: usize = 0; // f64 sectors written

// multipath maps
export let M_HOST: usize = 0; // i32 host, -1 = free row
export let M_LUN: usize = 0; // i32 LUN
export let M_SEL: usize = 0; // i32 selector (SEL_*)
export let M_RRMIN: usize = 0; // i32 rr_min_io
export let M_QUEUE: usize = 0; // i32 1 = queue I/O when no path is usable (the world's queue_if_no_path), 0 = fail it
export let M_NPATHS: usize = 0; // i32 paths in M_PATHS
export let M_PATHS: usize = 0; // i32[MAXP] path handles in the order added
export let M_CUR: usize = 0; // i32 active group (pushed by the world; -1 none)
export let M_RRPOS: usize = 0; // i32 slot of the round-robin path
export let M_RRUSED: usize = 0; // i32 I/Os sent on it so far
export let M_QUEUED: usize = 0; // f64 requests held with no usable path
export let M_LAT: usize = 0; // f64 latency last tick, ms
export let M_ISSUED: usize = 0; // f64 requests accepted from VBDs
export let M_DONE: usize = 0; // f64 completed
export let M_ERR: usize = 0; // f64 failed
export let M_WANTR: usize = 0; // f64 scratch: reads wanted this tick (zeroed once read)
export let M_WANTW: usize = 0; // f64 scratch: writes wanted
export let M_WANTS: usize = 0; // f64 scratch: sectors wanted
export let M_TR: usize = 0; // f64 scratch: this tick's M_WANTR, kept for pass 5 (maps needing corrections)
export let M_TW: usize = 0; // f64 scratch: this tick's M_WANTW
export let M_ELIGN: usize = 0; // i32 usable paths of the active group (valid while M_CLEAN == G_TOPO)
export let M_ELIG: usize = 0; // u8[MAXP] their slots
export let M_ACC: usize = 0; // f64 scratch: requests served by paths
export let M_DRAIN: usize = 0; // f64 scratch: served from the queue
export let M_NEWACC: usize = 0; // f64 scratch: served from this tick's wants
export let M_PENDT: usize = 0; // f64 scratch: queued before draining
export let M_CUMP: usize = 0; // f64 scratch: running pending (drain attribution)
export let M_CUMW: usize = 0; // f64 scratch: running wants (acceptance attribution)
export let M_LATSUM: usize = 0; // f64 scratch: Σ served × latency
export let M_FLAG: usize = 0; // i32 scratch: OUT_* outcome this tick
export let M_FIRSTB: usize = 0; // i32 first VBD routed to the map, -1 none
export let M_CLEAN: usize = 0; // f64 G_TOPO when M_ELIGN/M_ELIG were last computed

// paths
export let A_MAP: usize = 0; // i32 map, -1 = free row
export let A_PORT: usize = 0; // i32 array port
export let A_GROUP: usize = 0; // i32 group index within the map (pushed by the world)
export let A_OK: usize = 0; // i32 1 = usable: dm active and reachable (pushed by the world)
export let A_X: usize = 0; // f64 scratch: requests dispatched this tick
export let A_RD: usize = 0; // f64 reads served
export let A_WR: usize = 0; // f64 writes served
export let A_RS: usize = 0; // f64 sectors read
export let A_WS: usize = 0; // f64 sectors written
export let A_INFL: usize = 0; // f64 mean requests in flight during tick A_STAMP (Little's law)
export let A_STAMP: usize = 0; // f64 tick A_INFL belongs to (0 elsewhere: nothing in flight)

// events (ring)
export let E_AT: usize = 0; // f64 ms
export let E_KIND: usize = 0; // i32 EV_*
export let E_HOST: usize = 0; // i32
export let E_MAP: usize = 0; // i32
export let E_VAL: usize = 0; // f64

// free stacks
export let F_H: usize = 0;
export let F_D: usize = 0;
export let F_B: usize = 0;
export let F_P: usize = 0;
export let F_L: usize = 0;
export let F_M: usize = 0;
export let F_A: usize = 0;

// scratch for per-map selection (MAXP entries each)
export let S_W: usize = 0; // f64 selector weights
export let S_FIX: usize = 0; // i32 maps whose VBDs need correcting this tick
export let S_LIM: usize = 0; // f64 one host's domain limits, contiguous, for the water-filling passes
export let S_WT: usize = 0; // f64 their weights
export let S_SAT: usize = 0; // i32 1 = saturated

// ---- descriptors: (entity, bytesPerRow, offset) per saved column ----
let descBase: usize = 0;
let nCols: i32 = 0;
let bump: usize = 0;
let tablesStart: usize = 0;
let tablesEnd: usize = 0;

export function colCount(): i32 {
  return nCols;
}
export function colEntity(i: i32): i32 {
  return load<i32>(descBase + (<usize>i) * 12);
}
export function colBytes(i: i32): i32 {
  return load<i32>(descBase + (<usize>i) * 12 + 4);
}
export function colOffset(i: i32): i32 {
  return load<i32>(descBase + (<usize>i) * 12 + 8);
}

function col(entity: i32, bytesPerRow: i32, rows: i32): usize {
  bump = (bump + 7) & ~(<usize>7);
  const at = bump;
  if (entity >= 0) {
    const d = descBase + (<usize>nCols) * 12;
    store<i32>(d, entity);
    store<i32>(d + 4, bytesPerRow);
    store<i32>(d + 8, <i32>at);
    nCols++;
  }
  bump += (<usize>bytesPerRow) * (<usize>rows);
  return at;
}

/** Lays out every table for the given capacities and zeroes them. Returns bytes of memory in use. */
export function layoutInit(h: i32, d: i32, v: i32, b: i32, p: i32, l: i32, m: i32, a: i32, e: i32): i32 {
  CAP_H = h; CAP_D = d; CAP_V = v; CAP_B = b; CAP_P = p; CAP_L = l; CAP_M = m; CAP_A = a; CAP_E = e;
  descBase = (__heap_base + 15) & ~(<usize>15);
  nCols = 0;
  bump = descBase + 12 * 256;
  tablesStart = bump;
  G = col(ENT_GLOBALS, G_SLOTS * 8, 1);

  H_LIVE = col(ENT_HOST, 4, h); H_PCPUS = col(ENT_HOST, 4, h); H_UTIL = col(ENT_HOST, 8, h); H_BUSY = col(ENT_HOST, 8, h);
  H_FIRST = col(ENT_HOST, 4, h);

  D_HOST = col(ENT_DOM, 4, d); D_VSTART = col(ENT_DOM, 4, d); D_VMAX = col(ENT_DOM, 4, d);
  D_VON = col(ENT_DOM, 4, d); D_WEIGHT = col(ENT_DOM, 8, d); D_CAP = col(ENT_DOM, 8, d);
  D_DEMAND = col(ENT_DOM, 8, d); D_RUN = col(ENT_DOM, 4, d); D_CPU = col(ENT_DOM, 8, d);
  D_SHARE = col(ENT_DOM, 8, d);
  D_NEXT = col(ENT_DOM, 4, d); D_CPU0 = col(ENT_DOM, 8, d); D_Q = col(ENT_DOM, 8, d); D_Q0 = col(ENT_DOM, 8, d);
  D_LASTRUN = col(ENT_DOM, 8, d); D_DEM = col(ENT_DOM, 8, d);

  V_DOM = col(ENT_VCPU, 4, v); V_IDX = col(ENT_VCPU, 4, v); V_BASE = col(ENT_VCPU, 8, v);

  B_DOM = col(ENT_VBD, 4, b); B_MAP = col(ENT_VBD, 4, b); B_RIOPS = col(ENT_VBD, 8, b);
  B_WIOPS = col(ENT_VBD, 8, b); B_SPR = col(ENT_VBD, 8, b); B_CARRYR = col(ENT_VBD, 8, b);
  B_CARRYW = col(ENT_VBD, 8, b); B_RD = col(ENT_VBD, 8, b); B_WR = col(ENT_VBD, 8, b);
  B_RS = col(ENT_VBD, 8, b); B_WS = col(ENT_VBD, 8, b); B_OO = col(ENT_VBD, 8, b);
  B_DONE = col(ENT_VBD, 8, b); B_PEND = col(ENT_VBD, 8, b); B_ERR = col(ENT_VBD, 8, b);
  B_NEXTM = col(ENT_VBD, 4, b); B_WANTR = col(-1, 8, b); B_WANTW = col(-1, 8, b);

  P_LIVE = col(ENT_PORT, 4, p); P_CAP = col(ENT_PORT, 8, p); P_SVC = col(ENT_PORT, 8, p);
  P_UTIL = col(ENT_PORT, 8, p); P_LAT = col(ENT_PORT, 8, p);
  P_DEM = col(-1, 8, p); P_PHI = col(-1, 8, p);

  L_LIVE = col(ENT_LUN, 4, l); L_RD = col(ENT_LUN, 8, l); L_WR = col(ENT_LUN, 8, l);
  L_RS = col(ENT_LUN, 8, l); L_WS = col(ENT_LUN, 8, l);

  M_HOST = col(ENT_MAP, 4, m); M_LUN = col(ENT_MAP, 4, m); M_SEL = col(ENT_MAP, 4, m);
  M_RRMIN = col(ENT_MAP, 4, m); M_QUEUE = col(ENT_MAP, 4, m); M_NPATHS = col(ENT_MAP, 4, m);
  M_PATHS = col(ENT_MAP, 4 * MAXP, m); M_CUR = col(ENT_MAP, 4, m); M_RRPOS = col(ENT_MAP, 4, m);
  M_RRUSED = col(ENT_MAP, 4, m); M_QUEUED = col(ENT_MAP, 8, m); M_LAT = col(ENT_MAP, 8, m);
  M_ISSUED = col(ENT_MAP, 8, m); M_DONE = col(ENT_MAP, 8, m); M_ERR = col(ENT_MAP, 8, m);
  M_WANTR = col(-1, 8, m); M_WANTW = col(-1, 8, m); M_WANTS = col(-1, 8, m); M_ACC = col(-1, 8, m);
  M_TR = col(-1, 8, m); M_TW = col(-1, 8, m); M_ELIGN = col(ENT_MAP, 4, m); M_ELIG = col(ENT_MAP, MAXP, m);
  M_DRAIN = col(-1, 8, m); M_NEWACC = col(-1, 8, m); M_PENDT = col(-1, 8, m); M_CUMP = col(-1, 8, m);
  M_CUMW = col(-1, 8, m); M_LATSUM = col(-1, 8, m); M_FLAG = col(-1, 4, m); M_CLEAN = col(ENT_MAP, 8, m);
  M_FIRSTB = col(ENT_MAP, 4, m);

  A_MAP = col(ENT_PATH, 4, a); A_PORT = col(ENT_PATH, 4, a); A_GROUP = col(ENT_PATH, 4, a);
  A_OK = col(ENT_PATH, 4, a); A_RD = col(ENT_PATH, 8, a); A_WR = col(ENT_PATH, 8, a);
  A_RS = col(ENT_PATH, 8, a); A_WS = col(ENT_PATH, 8, a); A_INFL = col(ENT_PATH, 8, a);
  A_STAMP = col(ENT_PATH, 8, a); A_X = col(-1, 8, a);

  E_AT = col(ENT_EVENT, 8, e); E_KIND = col(ENT_EVENT, 4, e); E_HOST = col(ENT_EVENT, 4, e);
  E_MAP = col(ENT_EVENT, 4, e); E_VAL = col(ENT_EVENT, 8, e);

  F_H = col(FREE_BASE + ENT_HOST, 4, h); F_D = col(FREE_BASE + ENT_DOM, 4, d);
  F_B = col(FREE_BASE + ENT_VBD, 4, b); F_P = col(FREE_BASE + ENT_PORT, 4, p);
  F_L = col(FREE_BASE + ENT_LUN, 4, l); F_M = col(FREE_BASE + ENT_MAP, 4, m);
  F_A = col(FREE_BASE + ENT_PATH, 4, a);

  S_W = col(-1, 8, MAXP);
  S_FIX = col(-1, 4, m);
  S_LIM = col(-1, 8, d); S_WT = col(-1, 8, d); S_SAT = col(-1, 4, d);

  tablesEnd = (bump + 7) & ~(<usize>7);
  const needPages = <i32>((tablesEnd + 65535) >> 16);
  const have = memory.size();
  if (needPages > have) {
    if (memory.grow(needPages - have) < 0) return -1;
  }
  memory.fill(tablesStart, 0, tablesEnd - tablesStart);
  return <i32>tablesEnd;
}

/** Zeroes every table (capacities unchanged). */
export function layoutClear(): void {
  memory.fill(tablesStart, 0, tablesEnd - tablesStart);
}

// ---- typed access helpers ----
@inline export function gF(i: i32): f64 { return load<f64>(G + ((<usize>i) << 3)); }
@inline export function sgF(i: i32, v: f64): void { store<f64>(G + ((<usize>i) << 3), v); }
@inline export function gI(i: i32): i32 { return <i32>load<f64>(G + ((<usize>i) << 3)); }
@inline export function sgI(i: i32, v: i32): void { store<f64>(G + ((<usize>i) << 3), <f64>v); }

@inline export function ldI(c: usize, i: i32): i32 { return load<i32>(c + ((<usize>i) << 2)); }
@inline export function stI(c: usize, i: i32, v: i32): void { store<i32>(c + ((<usize>i) << 2), v); }
@inline export function ldF(c: usize, i: i32): f64 { return load<f64>(c + ((<usize>i) << 3)); }
@inline export function stF(c: usize, i: i32, v: f64): void { store<f64>(c + ((<usize>i) << 3), v); }
@inline export function addF(c: usize, i: i32, v: f64): void { const p = c + ((<usize>i) << 3); store<f64>(p, load<f64>(p) + v); }

/** Rows to save for a descriptor entity: high-water for tables, top for free stacks. */
export function rowsOf(entity: i32): i32 {
  if (entity == ENT_GLOBALS) return 1;
  if (entity == ENT_EVENT) return CAP_E;
  if (entity == ENT_VCPU) return gI(G_VTOP);
  if (entity >= FREE_BASE) return gI(G_FT + entity - FREE_BASE);
  return gI(G_HW + entity);
}
