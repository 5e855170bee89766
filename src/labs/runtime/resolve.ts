// A lab as one learner sees it: the source document with that learner's variables filled in.
import { substitute } from '../variables';
import type { LabDoc, LabSource, VarValue } from '../types';

export interface ResolvedLab {
  id: string;
  doc: LabDoc;
  vars: Record<string, VarValue>;
}

/** Keyed by id and variables; an entry is only good for the source it was made from (a lab file opened again replaces it). */
const cache = new Map<string, { source: LabSource; lab: ResolvedLab }>();
const CACHE_LIMIT = 32;

export function resolveLab(source: LabSource, vars: Record<string, VarValue>): ResolvedLab {
  const key = `${source.id}\n${JSON.stringify(vars)}`;
  const hit = cache.get(key);
  if (hit?.source === source) return hit.lab;
  const { variables: _unused, facts: _facts, ...body } = source.doc;
  const lab: ResolvedLab = { id: source.id, doc: substitute(body as LabDoc, vars).value, vars };
  cache.delete(key);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, { source, lab });
  return lab;
}

/** "1m30s" → 90000. Validated by the schema; anything else is 0. */
export function durationMs(text: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m) return 0;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}
