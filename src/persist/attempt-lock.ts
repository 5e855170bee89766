// Web Locks: one tab owns an attempt (it alone runs the engine and writes the journal). Another
// tab finds the lock taken and may steal it ("take over"); the tab that lost it is told, and
// becomes read-only. Without Web Locks (very old browsers) every tab is an owner.

export type Ownership = 'claiming' | 'owner' | 'elsewhere' | 'read-only';

export class AttemptLock {
  readonly name: string;
  #onLost: () => void;
  #release: (() => void) | null = null;

  constructor(attemptId: string, onLost: () => void) {
    this.name = `ovm-sandbox:attempt:${attemptId}`;
    this.#onLost = onLost;
  }

  static get supported(): boolean {
    return typeof navigator !== 'undefined' && !!navigator.locks;
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
