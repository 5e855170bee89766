// Per-learner variables: drawn from the attempt's seed, substituted into every string of the
// lab as {{name}}, so that two learners get equivalent labs with different answers. Every
// value and every filled-in string is bounded (limits.ts): a template cannot explode.
import { nextHex, nextInt, pick, seedRng, type RngState } from '../lib/rng';
import { LIMITS } from './limits';
import { own, setOwn } from './own';
import type { VarValue } from './types';

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$/;
/** Mixed into the seed so that variables do not share a stream with the world's generator. */
const SALT = 0x1ab5eed5;

export interface Draw {
  vars: Record<string, VarValue>;
  /** Variables whose template came out longer than LIMITS.variableChars (cut there). */
  overflow: string[];
}

/**
 * Draws every variable in declaration order. With `sweep` (validation), a pick takes its
 * `sweep`-th value and an int its minimum (0) or maximum (1), so a few draws cover every value.
 */
function draw(specs: Record<string, unknown> | undefined, rng: RngState, sweep?: number): Draw {
  const vars: Record<string, VarValue> = {};
  const overflow: string[] = [];
  for (const [name, raw] of Object.entries(specs ?? {})) {
    const spec = (raw ?? {}) as Record<string, unknown>;
    let value: VarValue = '';
    if (Array.isArray(spec.pick) && spec.pick.length) {
      const items = spec.pick as VarValue[];
      value = sweep === undefined ? pick(rng, items) : items[sweep % items.length]!;
    } else if (spec.int && typeof spec.int === 'object') {
      const { min = 0, max = 0, step = 1 } = spec.int as { min?: number; max?: number; step?: number };
      const stride = Math.max(1, step);
      const steps = Math.max(0, Math.floor((max - min) / stride));
      const k = sweep === 0 ? 0 : sweep === 1 ? steps : nextInt(rng, steps + 1);
      value = min + stride * k;
    } else if (typeof spec.hex === 'number') value = nextHex(rng, Math.max(1, Math.min(64, spec.hex)));
    else if (typeof spec.template === 'string') {
      const r = fillText(spec.template, vars, LIMITS.variableChars);
      if (r.overflow) overflow.push(name);
      value = r.text;
    }
    setOwn(vars, name, value);
  }
  return { vars, overflow };
}

/** The learner's variables for an attempt's seed. Tolerant of malformed specs (validation reports them). */
export function drawVariables(specs: Record<string, unknown> | undefined, seed: number): Record<string, VarValue> {
  return draw(specs, seedRng((seed ^ SALT) >>> 0)).vars;
}

/**
 * The draws a lab is validated with: a few seeds, then sweeps that give every `pick` each of
 * its values and every `int` both ends (bounded by LIMITS.validationDraws), so a value that
 * breaks the lab is found whichever learner would have drawn it.
 */
export function validationDraws(specs: Record<string, unknown> | undefined): Draw[] {
  const widest = Math.max(2, ...Object.values(specs ?? {}).map((s) => (s && typeof s === 'object' && Array.isArray((s as { pick?: unknown }).pick) ? (s as { pick: unknown[] }).pick.length : 0)));
  const draws = [1, 2, 3].map((seed) => draw(specs, seedRng((seed ^ SALT) >>> 0)));
  for (let r = 0; r < widest && draws.length < LIMITS.validationDraws; r++) draws.push(draw(specs, seedRng((r ^ SALT ^ 0x5eed) >>> 0), r));
  return draws;
}

/**
 * Replaces {{name}} in one string; names it does not know are returned, the text left as is.
 * Stops at `limit` characters (the rest is dropped and `overflow` set).
 */
export function fillText(text: string, vars: Record<string, VarValue>, limit = Infinity): { text: string; unknown: string[]; overflow: boolean } {
  const unknown: string[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const v = own(vars, m[1]!);
    out += text.slice(last, m.index) + (v === undefined ? m[0] : String(v));
    if (v === undefined) unknown.push(m[1]!);
    last = m.index + m[0].length;
    if (out.length > limit) return { text: out.slice(0, limit), unknown, overflow: true };
  }
  out += text.slice(last);
  return out.length > limit ? { text: out.slice(0, limit), unknown, overflow: true } : { text: out, unknown, overflow: false };
}

export interface Substituted<T> {
  value: T;
  /** `path: unknown variable “x”` for each placeholder naming no variable, and texts grown too long. */
  errors: string[];
}

/**
 * Substitutes variables in every string of a plain-data tree. A string that is exactly one
 * placeholder takes the variable's type (so `memory: "{{mem}}"` becomes a number). A string
 * longer than LIMITS.textChars once filled in, or the tree past LIMITS.totalChars, is cut.
 */
export function substitute<T>(tree: T, vars: Record<string, VarValue>, path = ''): Substituted<T> {
  const errors: string[] = [];
  let budget: number = LIMITS.totalChars;
  const fill = (text: string, at: string): string => {
    const r = fillText(text, vars, Math.min(LIMITS.textChars, Math.max(0, budget)));
    for (const u of r.unknown) errors.push(`${at || '(top)'}: unknown variable “${u}”`);
    if (r.overflow) {
      errors.push(budget < LIMITS.textChars ? `${at || '(top)'}: the lab grows past ${LIMITS.totalChars / 1024 / 1024} MB of text once its variables are filled in` : `${at || '(top)'}: longer than ${LIMITS.textChars / 1024} kB once its variables are filled in`);
    }
    budget -= r.text.length;
    return r.text;
  };
  const walk = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      const whole = WHOLE.exec(node);
      const v = whole ? own(vars, whole[1]!) : undefined;
      if (v !== undefined) {
        budget -= String(v).length;
        return v;
      }
      return fill(node, at);
    }
    if (Array.isArray(node)) return node.map((x, i) => walk(x, `${at}[${i}]`));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      // Keys too: a file path in `files:` may name a variable.
      for (const [k, v] of Object.entries(node)) {
        const key = fill(k, at ? `${at}.${k}` : k);
        setOwn(out, key, walk(v, at ? `${at}.${k}` : k));
      }
      return out;
    }
    return node;
  };
  return { value: walk(tree, path) as T, errors };
}

/** Names of the variables a tree's strings mention. */
export function mentionedVariables(tree: unknown): Set<string> {
  const seen = new Set<string>();
  const stack: unknown[] = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') for (const m of node.matchAll(PLACEHOLDER)) seen.add(m[1]!);
    else if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') stack.push(...Object.values(node));
  }
  return seen;
}
