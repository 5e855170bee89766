// The sandbox page's boot, started by the page's own worker. The page's boot request reaches the
// worker only once the page's main thread is free (that thread hands messages over), and it is
// mounting the page meanwhile. When the page already holds the attempt's lock, the worker boots at
// once, exactly as the page will ask; the page's request then takes that boot. Otherwise the worker
// only prepares (src/engine/prepared-boot.ts) and boots as asked.
import { attemptHolder } from '../persist/attempt-lock';
import { isSandboxBoot, SANDBOX_BOOT } from './sandbox-boot';
import type { BootOptions } from '../engine';
import type { BootInfo } from '../engine/types';

/**
 * Looks this many times, this far apart, while the page does not hold the attempt's lock yet: it
 * may not have asked for it yet (on a first visit the page draws its terminal before loading the
 * app that asks: up to a second on a slow machine), or the page it reloaded may still be letting go.
 */
const LOOKS = 70;
const LOOK_EVERY_MS = 15;

export interface SelfBoot {
  /** The page's boot request: the worker's own boot if it is the same one, else null (boot as asked). */
  take(opts: BootOptions): Promise<BootInfo> | null;
  /** A boot of the worker's own waits for the page: the simulated clock holds meanwhile. */
  readonly holdsClock: boolean;
}

export function startSelfBoot(
  engine: { prepare(opts: typeof SANDBOX_BOOT): void },
  boot: (opts: BootOptions) => Promise<BootInfo>,
  pageNonce: string,
  sharedNow: () => number,
  /**
   * Told when the worker's own boot is done (the worker posts it to the page at once); the page's
   * request is answered only after it has finished, so the page hears the post first.
   */
  onBooted: (info: BootInfo) => Promise<void> | void = () => undefined,
): SelfBoot {
  let own: Promise<BootInfo> | null = null;
  let asked = false;
  engine.prepare(SANDBOX_BOOT);
  void (async () => {
    for (let i = 0; i < LOOKS && !asked; i++) {
      const holder = await attemptHolder(pageNonce, SANDBOX_BOOT.attemptId).catch(() => 'other' as const);
      if (asked) return;
      if (holder === 'page') {
        // Under the lock from now on: what the prepare read before this is read again (lockedAt).
        own = boot({ ...SANDBOX_BOOT, lockedAt: sharedNow() }).then(async (info) => {
          await onBooted(info);
          return info;
        });
        own.catch(() => undefined);
        return;
      }
      await new Promise((r) => setTimeout(r, LOOK_EVERY_MS));
    }
  })();
  return {
    take(opts) {
      asked = true;
      const p = own;
      own = null;
      return p && isSandboxBoot(opts) ? p : null;
    },
    get holdsClock() {
      return own !== null;
    },
  };
}
