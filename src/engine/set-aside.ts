// An attempt that cannot be restored is set aside, never deleted: its records move to a new id
// (kept, exported with everything, importable again once a fixed version reads them) and the
// attempt starts afresh, so saving goes on. Also: which errors are storage failures, not damage.
import type { Store, StoreDump } from './store';

const STORAGE_ERRORS = new Set(['QuotaExceededError', 'StorageFullError', 'InvalidStateError', 'UnknownError', 'AbortError', 'VersionError', 'NotFoundError', 'TransactionInactiveError', 'ReadOnlyError', 'DataCloneError', 'ConstraintError']);

/** Whether `e` says the browser's storage failed (then nothing is set aside: the data may be fine). */
export function isStorageError(e: unknown): boolean {
  const name = e && typeof e === 'object' ? (e as { name?: unknown }).name : undefined;
  return typeof name === 'string' && STORAGE_ERRORS.has(name);
}

/** Moves every record of `attemptId` to `<attemptId>~set-aside-<n>`; returns the new id. */
export async function setAsideAttempt(store: Store, attemptId: string, now: number): Promise<string> {
  const id = `${attemptId}~set-aside-${now}`;
  const d = await store.dump(attemptId);
  const moved: StoreDump = {
    attempts: d.attempts.map((a) => ({ ...a, id })),
    journal: d.journal.map((e) => ({ ...e, attemptId: id })),
    snapshots: d.snapshots.map((s) => ({ ...s, attemptId: id })),
    terminal: d.terminal.map((t) => ({ ...t, attemptId: id })),
    progress: [],
    settings: [],
    customLabs: [],
  };
  await store.load(moved);
  await store.deleteAttempt(attemptId);
  return id;
}
