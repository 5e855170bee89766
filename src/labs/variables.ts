// Per-learner variables: drawn from the attempt's seed, substituted into every string of the
// lab as {{name}}, so that two learners get equivalent labs with different answers.
import { nextHex, nextInt, pick, seedRng } from '../lib/rng';
import type { VarValue } from './types';

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$/;
/** Mixed into the seed so that variables do not share a stream with the world's generator. */
const SALT = 0x1ab5eed5;

/**
 * Draws every variable in declaration order. Tolerant of malformed specs (they are reported by
 * validation): a spec it does not understand gives the empty string.
 */
export function drawVariables(specs: Record<string, unknown> | undefined, seed: number): Record<string, VarValue> {
  const rng = seedRng((seed ^ SALT) >>> 0);
  const out: Record<string, VarValue> = {};
  for (const [name, raw] of Object.entries(specs ?? {})) {
    const spec = (raw ?? {}) as Record<string, unknown>;
    if (Array.isArray(spec.pick) && spec.pick.length) out[name] = pick(rng, spec.pick as VarValue[]);
    else if (spec.int && typeof spec.int === 'object') {
      const { min = 0, max = 0, step = 1 } = spec.int as { min?: number; max?: number; step?: number };
      const steps = Math.max(0, Math.floor((max - min) / Math.max(1, step)));
      out[name] = min + Math.max(1, step) * nextInt(rng, steps + 1);
    } else if (typeof spec.hex === 'number') out[name] = nextHex(rng, Math.max(1, Math.min(64, spec.hex)));
    else if (typeof spec.template === 'string') out[name] = fillText(spec.template, out).text;
    else out[name] = '';
  }
  return out;
}

/** Replaces {{name}} in one string; names it does not know are returned, the text left as is. */
export function fillText(text: string, vars: Record<string, VarValue>): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const filled = text.replace(PLACEHOLDER, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) {
      unknown.push(name);
      return m;
    }
    return String(v);
  });
  return { text: filled, unknown };
}

export interface Substituted<T> {
  value: T;
  /** `path: unknown variable “x”` for each placeholder naming no variable. */
  errors: string[];
}

/**
 * Substitutes variables in every string of a plain-data tree. A string that is exactly one
 * placeholder takes the variable's type (so `memory: "{{mem}}"` becomes a number).
 */
export function substitute<T>(tree: T, vars: Record<string, VarValue>, path = ''): Substituted<T> {
  const errors: string[] = [];
  const walk = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      const whole = WHOLE.exec(node);
      if (whole && vars[whole[1]!] !== undefined) return vars[whole[1]!];
      const r = fillText(node, vars);
      for (const u of r.unknown) errors.push(`${at || '(top)'}: unknown variable “${u}”`);
      return r.text;
    }
    if (Array.isArray(node)) return node.map((x, i) => walk(x, `${at}[${i}]`));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      // Keys too: a file path in `files:` may name a variable.
      for (const [k, v] of Object.entries(node)) {
        const key = fillText(k, vars);
        for (const u of key.unknown) errors.push(`${at ? `${at}.${k}` : k}: unknown variable “${u}”`);
        out[key.text] = walk(v, at ? `${at}.${k}` : k);
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
  const walk = (node: unknown): void => {
    if (typeof node === 'string') for (const m of node.matchAll(PLACEHOLDER)) seen.add(m[1]!);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(tree);
  return seen;
}
