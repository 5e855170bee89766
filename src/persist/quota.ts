// Storage pressure: recognising a quota error and retrying a write once after freeing space.
// Old snapshots go first; a journal entry is never dropped to make room.

export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(cause: unknown) {
    super(`browser storage is full (${cause instanceof Error ? cause.message || cause.name : String(cause)})`);
  }
}

export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code, inner } = e as { name?: string; code?: number; inner?: unknown };
  // Firefox reports NS_ERROR_DOM_QUOTA_REACHED; old WebKit code 22; idb wraps some errors.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || (inner !== undefined && isQuotaError(inner));
}

/**
 * Runs `write`; on a quota error frees space with `prune` (which must never touch the journal)
 * and tries once more. A second quota error becomes a StorageFullError for the caller to show.
 */
export async function withQuotaRetry<T>(write: () => Promise<T>, prune: () => Promise<number>, onPruned?: (n: number) => void): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    const freed = await prune();
    onPruned?.(freed);
    try {
      return await write();
    } catch (e2) {
      throw isQuotaError(e2) ? new StorageFullError(e2) : e2;
    }
  }
}
