// Web Locks: one tab owns an attempt (it alone runs the engine and writes the journal). Another
// tab finds the lock taken and may steal it ("take over"); the tab that lost it is told, and
// becomes read-only. Without Web Locks (very old browsers) every tab is an owner.

export type Ownership = 'claiming' | 'owner' | 'elsewhere' | 'read-only';

const attemptLockName = (attemptId: string): string => `ovm-sandbox:attempt:${attemptId}`;
/** A page's own lock is this and a nonce (worker/early-spawn.ts takes it; attemptHolder looks for it). */
export const PAGE_LOCK_PREFIX = 'ovm-sandbox:page:';
const locksSupported = (): boolean => typeof navigator !== 'undefined' && !!navigator.locks;

export class AttemptLock {
  readonly name: string;
  #onLost: () => void;
  #release: (() => void) | null = null;

  constructor(attemptId: string, onLost: () => void) {
    this.name = attemptLockName(attemptId);
    this.#onLost = onLost;
  }

  static get supported(): boolean {
    return locksSupported();
  }

  /**
   * Becomes the owner if nobody is, or if the owner lets go within `waitMs` (a tab that is
   * reloading releases its lock a moment after the new page asks). False: another tab owns it.
   */
  async claim(waitMs = 1500): Promise<boolean> {
    if (!AttemptLock.supported) return true;
    if (await this.#request({ ifAvailable: true })) return true;
    return this.#request({ signal: AbortSignal.timeout(waitMs) });
  }

  /** Takes the lock from the tab that holds it (that tab's `onLost` runs). */
  async steal(): Promise<void> {
    if (!AttemptLock.supported) return;
    await this.#request({ steal: true });
  }

  release(): void {
    this.#release?.();
    this.#release = null;
  }

  #request(options: LockOptions): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let granted = false;
      navigator.locks
        .request(this.name, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          granted = true;
          resolve(true);
          // Held until release() or until the page goes away.
          return new Promise<void>((release) => (this.#release = release));
        })
        .catch(() => {
          // While waiting: the time ran out. While holding: another tab stole the lock.
          if (!granted) resolve(false);
          else {
            this.#release = null;
            this.#onLost();
          }
        });
    });
  }
}

/**
 * From a worker: who holds the attempt's lock now — the page that holds the page lock of `nonce`
 * ('page'), another tab ('other'), or nobody yet ('none'; also when Web Locks are missing).
 */
export async function attemptHolder(nonce: string, attemptId: string): Promise<'page' | 'other' | 'none'> {
  if (!locksSupported()) return 'none';
  const { held = [] } = await navigator.locks.query();
  const attempt = held.find((l) => l.name === attemptLockName(attemptId));
  if (!attempt) return 'none';
  const page = held.find((l) => l.name === PAGE_LOCK_PREFIX + nonce);
  return page?.clientId && page.clientId === attempt.clientId ? 'page' : 'other';
}
