// Integer codes shared by the wasm tables and the reference model (they must agree with the
// constants in asm/multipath.ts and asm/events.ts), and the checks both apply to their inputs.
import type { CoreEventKind, MapRouting, PathSelector } from './types';

export const SELECTORS: readonly PathSelector[] = ['round-robin', 'queue-length', 'service-time'];
/** Event kinds by code - 1. */
export const EVENT_KINDS: readonly CoreEventKind[] = ['io-error'];

export const SEL_RR = 0;
export const SEL_QL = 1;
export const EV_IO_ERROR = 1;

export interface EncodedRouting {
  selector: number;
  rrMinIo: number;
  queue: number;
}

/** Validates and encodes a map's routing; throws on nonsense (a caller bug, never user input). */
export function encodeRouting(r: MapRouting): EncodedRouting {
  const selector = SELECTORS.indexOf(r.selector);
  if (selector < 0) throw new RangeError(`unknown path selector ${String(r.selector)}`);
  intIn('rrMinIo', r.rrMinIo, 1, 1_000_000);
  return { selector, rrMinIo: r.rrMinIo, queue: r.queueIfNoPath ? 1 : 0 };
}

export function decodeRouting(e: EncodedRouting): MapRouting {
  return { selector: SELECTORS[e.selector]!, rrMinIo: e.rrMinIo, queueIfNoPath: e.queue === 1 };
}

export function intIn(what: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`${what} ${v} out of range ${lo}..${hi}`);
}

export function numIn(what: string, v: number, lo: number, hi: number): void {
  if (typeof v !== 'number' || !(v >= lo && v <= hi)) throw new RangeError(`${what} ${v} out of range ${lo}..${hi}`);
}

/** Sectors per request as the core stores it: a whole number ≥ 1. */
export const wholeSectors = (spr: number): number => Math.max(1, Math.round(spr));
