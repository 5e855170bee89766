// What a check is: a named predicate over the world with a JSON schema for its arguments.
// Families of checks (checks/*.ts) are built with these helpers; checks.ts lists them all.
import type { Sim } from '../sim/sim';
import type { DomainState, HostState, LabRecord, WorldState } from '../sim/types';
import { own } from './own';

export interface CheckContext {
  sim: Sim;
  world: WorldState;
  /** The attempt's lab record (answers, fired faults), when the world is a lab's. */
  lab: LabRecord | undefined;
}

/** The outcome of a check: whether it holds, and what the learner should know when it does not. */
export interface CheckResult {
  ok: boolean;
  /** A short fact for the learner (`ovs02 still sees 200.0 GiB`), shown after the objective's reason. */
  detail?: string;
}

/** A JSON schema fragment (kept loose on purpose: ajv checks it when the validator is generated). */
export type JsonSchema = Record<string, unknown>;

export interface CheckDef<A = Record<string, unknown>> {
  /** One line for labs/README.md and the schema's description. */
  summary: string;
  /** Properties of the argument object: name → schema. */
  args: Record<string, JsonSchema>;
  /** Argument names that must be present. */
  required: readonly string[];
  run(ctx: CheckContext, args: A): CheckResult;
}

/** Declares a check; the type parameter is the argument object the schema guarantees. */
export const defineCheck = <A>(def: CheckDef<A>): CheckDef<A> => def;

export const pass = (detail?: string): CheckResult => (detail === undefined ? { ok: true } : { ok: true, detail });
export const failWith = (detail?: string): CheckResult => (detail === undefined ? { ok: false } : { ok: false, detail });

// Schema fragments every family uses.
export const str: JsonSchema = { type: 'string', pattern: '\\S' };
export const int: JsonSchema = { type: 'integer' };
export const num: JsonSchema = { type: 'number' };
export const bool: JsonSchema = { type: 'boolean' };
export const strList: JsonSchema = { type: 'array', items: str, minItems: 1 };
export const oneOfStr = (...values: string[]): JsonSchema => ({ type: 'string', enum: values });

/** A numeric comparison: any of min / max / equals (all that are given must hold). */
export interface Range {
  min?: number;
  max?: number;
  equals?: number;
}
export const rangeArgs: Record<string, JsonSchema> = { min: num, max: num, equals: num };

export function inRange(value: number, r: Range): boolean {
  if (r.equals !== undefined && value !== r.equals) return false;
  if (r.min !== undefined && value < r.min) return false;
  if (r.max !== undefined && value > r.max) return false;
  return true;
}

export function describeRange(r: Range, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (r.equals !== undefined) return `${r.equals}${u}`;
  if (r.min !== undefined && r.max !== undefined) return `${r.min}–${r.max}${u}`;
  if (r.min !== undefined) return `≥ ${r.min}${u}`;
  if (r.max !== undefined) return `≤ ${r.max}${u}`;
  return 'any value';
}

/** A guest named the way labs name them: OVM_simple_name, the 32-hex name, or the uuid. */
export function findGuest(world: WorldState, ref: string): DomainState | undefined {
  if (guestMemo?.world === world) {
    if (guestMemo.found.has(ref)) return guestMemo.found.get(ref);
    const d = lookupGuest(world, ref);
    guestMemo.found.set(ref, d);
    return d;
  }
  return lookupGuest(world, ref);
}

function lookupGuest(world: WorldState, ref: string): DomainState | undefined {
  return own(world.domains, ref) ?? Object.values(world.domains).find((d) => d.simpleName === ref || d.uuid === ref);
}

let guestMemo: { world: WorldState; found: Map<string, DomainState | undefined> } | null = null;

/**
 * Runs read-only checks over `world` with its guests looked up once per name (a lab's checks
 * name the same few guests again and again, and each lookup by simple name scans every domain).
 * Nothing may change the world's domains inside `fn`.
 */
export function withGuestLookups<T>(world: WorldState, fn: () => T): T {
  const outer = guestMemo;
  guestMemo = { world, found: new Map() };
  try {
    return fn();
  } finally {
    guestMemo = outer;
  }
}

export function findHost(world: WorldState, ref: string): HostState | undefined {
  return own(world.hosts, ref) ?? Object.values(world.hosts).find((h) => `${h.name}.${h.domain}` === ref || h.ip === ref);
}

/** A domain that has a domid somewhere (running, blocked, paused, …). */
export const isActive = (d: DomainState): boolean => d.host !== null && d.domid !== null;

/** Running in the sense an administrator means: active and not paused, shut down or crashed. */
export const isRunning = (d: DomainState): boolean => isActive(d) && (d.state === 'running' || d.state === 'blocked');

/** Label for messages: the simple name the learner knows. */
export const guestLabel = (d: DomainState): string => d.simpleName || d.name;
