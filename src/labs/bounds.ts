// How big a lab may be: every size a lab file can ask for is bounded here, so that no file
// (bundled, opened from disk or fetched from a URL) can hang, exhaust or overflow the page.
// The schema bounds counts and numbers; this module bounds what a schema cannot see: nesting,
// node counts, text once variables are filled in, paths in `files:`, and durations.
import { durationMs } from './runtime/resolve';
import { LIMITS } from './limits';
import type { CheckNode, LabDoc } from './types';

export { LIMITS };

/** The error for a document nested too deeply (from the reader's own stack or from our walk). */
export const TOO_DEEP = `nested more than ${LIMITS.yamlDepth} levels deep`;

/**
 * Depth and node count of a parsed document, walked without recursion and stopping at the
 * limits (a document built from aliases can be far bigger than its text).
 */
export function documentErrors(doc: unknown): string[] {
  const stack: Array<[unknown, number]> = [[doc, 1]];
  let nodes = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (++nodes > LIMITS.yamlNodes) return [`more than ${LIMITS.yamlNodes.toLocaleString('en')} values in the file`];
    if (depth > LIMITS.yamlDepth) return [TOO_DEEP];
    if (Array.isArray(node)) for (const x of node) stack.push([x, depth + 1]);
    else if (node && typeof node === 'object') for (const x of Object.values(node)) stack.push([x, depth + 1]);
  }
  return [];
}

/** How deep all/any/not go in one check (1 = a plain check), without recursion. */
function checkDepth(root: CheckNode): number {
  const stack: Array<[unknown, number]> = [[root, 1]];
  let max = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    max = Math.max(max, depth);
    if (max > LIMITS.checkDepth) break;
    const [name, args] = Object.entries(node)[0] ?? [];
    if (name === 'all' || name === 'any') for (const c of Array.isArray(args) ? args : []) stack.push([c, depth + 1]);
    else if (name === 'not') stack.push([args, depth + 1]);
  }
  return max;
}

/** Problems with the sizes of a lab once its variables are filled in (paths, nesting, times). */
export function labBoundErrors(doc: LabDoc): string[] {
  const errors: string[] = [];
  const checks: Array<[string, CheckNode | undefined]> = [
    ...doc.objectives.map((o, i): [string, CheckNode | undefined] => [`objectives[${i}].check`, o.check]),
    ...(doc.constraints ?? []).map((c, i): [string, CheckNode | undefined] => [`constraints[${i}].check`, c.check]),
  ];
  for (const [at, check] of checks) {
    if (check && checkDepth(check) > LIMITS.checkDepth) errors.push(`${at}: all/any/not nested more than ${LIMITS.checkDepth} deep`);
  }
  (doc.scenario.overrides?.hosts ?? []).forEach((h, i) => {
    for (const path of Object.keys(h.files ?? {})) {
      const at = `scenario.overrides.hosts[${i}].files`;
      if (!path.startsWith('/')) errors.push(`${at}: “${clip(path)}” is not an absolute path`);
      else if (path.length > LIMITS.pathChars) errors.push(`${at}: a path longer than ${LIMITS.pathChars} characters`);
      else if (path.split('/').filter(Boolean).length > LIMITS.pathDepth) errors.push(`${at}: “${clip(path)}” is more than ${LIMITS.pathDepth} directories deep`);
    }
  });
  const tooLong = (d: string) => durationMs(d) > LIMITS.durationMs;
  (doc.faults ?? []).forEach((f, i) => {
    if (f.at !== undefined && tooLong(f.at)) errors.push(`faults[${i}].at: longer than 24h`);
  });
  doc.solution.forEach((s, i) => {
    if ('wait' in s && tooLong(s.wait)) errors.push(`solution[${i}].wait: longer than 24h`);
  });
  return errors;
}

/** A long value cut for an error message. */
const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
