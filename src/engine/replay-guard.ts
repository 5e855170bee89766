// What a journal entry must be before a rebuild replays it: a known record kind, a host of the
// world, a time the clock can reach within the replay budget. A journal (stored, imported or
// handed in) can then neither hang a rebuild nor make it throw; a bad entry is skipped and named.
import type { JournalEntry } from './store';

/** How far one rebuild may move the clock (simulated ms): a week, far beyond any real session's tail. */
export const MAX_REPLAY_ADVANCE_MS = 7 * 24 * 3600_000;
/** How many entries one rebuild may find failing (each failure restarts it) before it gives up. */
export const MAX_REPLAY_REPAIRS = 20;

const KINDS = new Set(['exec', 'input', 'eof', 'interrupt', 'resize']);

/** Why `e` cannot be replayed onto a world with these hosts whose rebuild started at `startMs`, or null. */
export function entryProblem(e: JournalEntry, hosts: readonly string[], startMs: number): string | null {
  const r = e.record as { kind?: unknown } | null;
  if (!r || typeof r !== 'object' || typeof r.kind !== 'string' || !KINDS.has(r.kind)) return 'an unknown kind of record';
  if (typeof e.session !== 'string' || !e.session) return 'no terminal named';
  if (typeof e.host !== 'string' || !hosts.includes(e.host)) return `a server this world does not have (${JSON.stringify(e.host)})`;
  if (typeof e.atMs !== 'number' || !Number.isFinite(e.atMs) || e.atMs < 0) return 'no valid time';
  if (e.atMs - startMs > MAX_REPLAY_ADVANCE_MS) return 'a time too far ahead of the rest of the journal';
  return null;
}

/** A line for the learner naming what was skipped (a command line, or what kind of record). */
export function describeEntry(e: JournalEntry): string {
  const r = e.record as { kind?: string; line?: string };
  if (r?.kind === 'exec' && typeof r.line === 'string') return `\`${r.line.length > 60 ? r.line.slice(0, 57) + '…' : r.line}\``;
  return `a ${r?.kind ?? 'damaged'} record`;
}

/** The rebuild gave up: too many entries failed, or the snapshots themselves cannot be read. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}
