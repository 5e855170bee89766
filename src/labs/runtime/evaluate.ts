// Evaluates a check tree against the world: registered checks at the leaves, all/any/not above.
import { checkRegistry } from '../checks';
import type { CheckContext, CheckResult } from '../check-kit';
import type { CheckNode } from '../types';
import { own } from '../own';

/** Bounded recursion: a lab file cannot nest deeper than this. */
const MAX_DEPTH = 32;

export function evalCheck(node: CheckNode, ctx: CheckContext, depth = 0): CheckResult {
  if (depth > MAX_DEPTH) return { ok: false, detail: 'check nested too deeply' };
  const [name, args] = Object.entries(node)[0] ?? [];
  if (name === 'all') {
    for (const child of args as CheckNode[]) {
      const r = evalCheck(child, ctx, depth + 1);
      if (!r.ok) return r;
    }
    return { ok: true };
  }
  if (name === 'any') {
    const details: string[] = [];
    for (const child of args as CheckNode[]) {
      const r = evalCheck(child, ctx, depth + 1);
      if (r.ok) return r;
      if (r.detail) details.push(r.detail);
    }
    return details.length ? { ok: false, detail: details.join('; or ') } : { ok: false };
  }
  if (name === 'not') {
    const r = evalCheck(args as CheckNode, ctx, depth + 1);
    return r.ok ? { ok: false } : { ok: true };
  }
  const def = name ? own(checkRegistry, name) : undefined;
  if (!def) return { ok: false, detail: `unknown check ${name ?? ''}` };
  try {
    return def.run(ctx, (args ?? {}) as never);
  } catch (e) {
    // A check that throws is a bug in the check, never a reason to stop the simulation.
    return { ok: false, detail: `check ${name} failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
