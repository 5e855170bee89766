// Integer codes shared by the wasm tables and the reference model (they must agree with the
// constants in asm/multipath.ts and asm/events.ts), and the checks both apply to their inputs.
import type { CoreEventKind, Failback, MapPolicy, NoPathRetry, PathCheckerState, PathGrouping, PathLink, PathSelector } from './types';

export const GROUPINGS: readonly PathGrouping[] = ['failover', 'multibus', 'group_by_prio', 'group_by_serial', 'group_by_node_name'];
export const SELECTORS: readonly PathSelector[] = ['round-robin', 'queue-length', 'service-time'];
export const LINKS: readonly PathLink[] = ['up', 'down', 'ghost'];
export const CHECKER_STATES: readonly PathCheckerState[] = ['ready', 'faulty', 'ghost'];
export const MODES = ['normal', 'recovery', 'failing'] as const;
export const EVENT_KINDS: readonly CoreEventKind[] = ['path-failed', 'path-reinstated', 'group-switch', 'queue-recovery', 'queue-disabled', 'queue-resumed', 'io-error'];
export const REASONS = [undefined, 'failover', 'failback', 'operator'] as const;

export const LINK_UP = 0;
export const LINK_DOWN = 1;
export const LINK_GHOST = 2;
export const CHK_READY = 0;
export const CHK_FAULTY = 1;
export const CHK_GHOST = 2;
export const MODE_NORMAL = 0;
export const MODE_RECOVERY = 1;
export const MODE_FAILING = 2;
export const FB_IMMEDIATE = -1;
export const FB_MANUAL = -2;
export const FB_FOLLOWOVER = -3;
export const NPR_FAIL = -1;
export const NPR_QUEUE = -2;
export const GRP_FAILOVER = 0;
export const GRP_MULTIBUS = 1;
export const GRP_PRIO = 2;
export const SEL_RR = 0;
export const SEL_QL = 1;
export const EV_PATH_FAILED = 1;
export const EV_REINSTATED = 2;
export const EV_GROUP_SWITCH = 3;
export const EV_QUEUE_RECOVERY = 4;
export const EV_QUEUE_DISABLED = 5;
export const EV_QUEUE_RESUMED = 6;
export const EV_IO_ERROR = 7;
export const REASON_NONE = 0;
export const REASON_FAILOVER = 1;
export const REASON_FAILBACK = 2;
export const REASON_OPERATOR = 3;

export function encodeFailback(f: Failback): number {
  if (f === 'immediate') return FB_IMMEDIATE;
  if (f === 'manual') return FB_MANUAL;
  if (f === 'followover') return FB_FOLLOWOVER;
  return f;
}
export function decodeFailback(n: number): Failback {
  return n === FB_IMMEDIATE ? 'immediate' : n === FB_MANUAL ? 'manual' : n === FB_FOLLOWOVER ? 'followover' : n;
}
export function encodeNoPathRetry(n: NoPathRetry): number {
  return n === 'fail' ? NPR_FAIL : n === 'queue' ? NPR_QUEUE : n;
}
export function decodeNoPathRetry(n: number): NoPathRetry {
  return n === NPR_FAIL ? 'fail' : n === NPR_QUEUE ? 'queue' : n;
}

export interface EncodedPolicy {
  grouping: number;
  selector: number;
  rrMinIo: number;
  failback: number;
  noPathRetry: number;
}

/** Validates and encodes a policy; throws on nonsense (a caller bug, never user input). */
export function encodePolicy(p: MapPolicy): EncodedPolicy {
  const grouping = GROUPINGS.indexOf(p.grouping);
  const selector = SELECTORS.indexOf(p.selector);
  if (grouping < 0) throw new RangeError(`unknown path grouping policy ${String(p.grouping)}`);
  if (selector < 0) throw new RangeError(`unknown path selector ${String(p.selector)}`);
  intIn('rrMinIo', p.rrMinIo, 1, 1_000_000);
  if (typeof p.failback === 'number') intIn('failback', p.failback, 0, 1_000_000);
  if (typeof p.noPathRetry === 'number') intIn('noPathRetry', p.noPathRetry, 0, 1_000_000);
  return { grouping, selector, rrMinIo: p.rrMinIo, failback: encodeFailback(p.failback), noPathRetry: encodeNoPathRetry(p.noPathRetry) };
}

export function decodePolicy(e: EncodedPolicy): MapPolicy {
  return {
    grouping: GROUPINGS[e.grouping]!,
    selector: SELECTORS[e.selector]!,
    rrMinIo: e.rrMinIo,
    failback: decodeFailback(e.failback),
    noPathRetry: decodeNoPathRetry(e.noPathRetry),
  };
}

export function intIn(what: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`${what} ${v} out of range ${lo}..${hi}`);
}

export function numIn(what: string, v: number, lo: number, hi: number): void {
  if (typeof v !== 'number' || !(v >= lo && v <= hi)) throw new RangeError(`${what} ${v} out of range ${lo}..${hi}`);
}

export function linkCode(l: PathLink): number {
  const i = LINKS.indexOf(l);
  if (i < 0) throw new RangeError(`unknown path link state ${String(l)}`);
  return i;
}

/** Sectors per request as the core stores it: a whole number ≥ 1. */
export const wholeSectors = (spr: number): number => Math.max(1, Math.round(spr));
