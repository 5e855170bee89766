// The engine's first worker: spawned by the page's inline first script on the pages that need it at
// once (early-spawn.ts; the sandbox, a lab), so that it loads and compiles its code while the page's
// modules are still arriving; the first client takes it. Later clients spawn their own.
import { EARLY_POSTS_GLOBAL, EARLY_WORKER_GLOBAL } from './early-spawn';
import { ENGINE_PAGE, type FirstScreen, type FirstScreenMessage, type SelfBooted, type SelfBootedMessage } from './sandbox-boot';

function spawnEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ovm-engine' });
}

const slot = globalThis as unknown as Record<string, unknown>;
let early = (slot[EARLY_WORKER_GLOBAL] as Worker | undefined) ?? null;
/** What the worker posted by itself before this module ran (the inline script kept it). */
const postedEarly = (slot[EARLY_POSTS_GLOBAL] as Array<Record<string, unknown>> | undefined) ?? [];
delete slot[EARLY_WORKER_GLOBAL];
delete slot[EARLY_POSTS_GLOBAL];
// Without the build's inline script (the dev server) the first worker is spawned here.
if (!early && typeof location !== 'undefined' && ENGINE_PAGE.test(location.hash)) early = spawnEngineWorker();

/**
 * The sandbox worker's own boot, as it posts it when done (self-boot.ts): listened for from the
 * start, so that it is not missed while the page is still mounting and no client has the worker yet.
 */
let selfBooted = early && listenFor<SelfBooted>(early, 'ovmSelfBooted' satisfies keyof SelfBootedMessage);
/** And the first screen of a new attempt, which it posts before that (never, for an attempt that exists). */
let firstScreen = early && listenFor<FirstScreen>(early, 'ovmFirstScreen' satisfies keyof FirstScreenMessage);

function listenFor<T>(w: Worker, key: string): Promise<T> {
  return new Promise((resolve) => {
    const kept = postedEarly.find((data) => data[key]);
    if (kept) return resolve(kept[key] as T);
    w.addEventListener('message', (e: MessageEvent) => {
      const value = (e.data as Record<string, unknown> | null)?.[key];
      if (value) resolve(value as T);
    });
  });
}

/** What the sandbox worker posts ahead of the page's requests, when it is the early one. */
export interface EarlyPosts {
  selfBooted: Promise<SelfBooted>;
  firstScreen: Promise<FirstScreen>;
}

/** The early worker (with what it posts by itself, if it does) if nobody has taken it yet, else a new one. */
export function takeEngineWorker(): { worker: Worker; posts: EarlyPosts | null } {
  const taken = early && selfBooted && firstScreen ? { worker: early, posts: { selfBooted, firstScreen } } : { worker: early ?? spawnEngineWorker(), posts: null };
  early = null;
  selfBooted = null;
  firstScreen = null;
  return taken;
}
