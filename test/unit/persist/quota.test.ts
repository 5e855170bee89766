// Storage pressure: quota errors are recognised, old snapshots pruned before a retry, and a
// second failure becomes a StorageFullError the engine shows in one line.
import { describe, expect, it } from 'vitest';
import { isQuotaError, StorageFullError, withQuotaRetry } from '../../../src/persist/quota';

const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('quota', () => {
  it('recognises quota errors by name, legacy code, or wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('prunes and retries once after a quota error', async () => {
    const calls: string[] = [];
    let fail = true;
    const r = await withQuotaRetry(
      async () => {
        calls.push('write');
        if (fail) throw quota();
        return 'ok';
      },
      async () => {
        calls.push('prune');
        fail = false;
        return 3;
      },
      (n) => calls.push(`pruned ${n}`),
    );
    expect(r).toBe('ok');
    expect(calls).toEqual(['write', 'prune', 'pruned 3', 'write']);
  });

  it('gives up with StorageFullError when pruning did not make room; other errors pass through', async () => {
    await expect(withQuotaRetry(() => Promise.reject(quota()), async () => 0)).rejects.toBeInstanceOf(StorageFullError);
    const boom = new Error('boom');
    let pruned = false;
    await expect(withQuotaRetry(() => Promise.reject(boom), async () => ((pruned = true), 0))).rejects.toBe(boom);
    expect(pruned).toBe(false);
  });
});
