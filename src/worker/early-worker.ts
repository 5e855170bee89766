// The engine's first worker: spawned by the page's inline first script on the pages that need it at
// once (early-spawn.ts; the sandbox, a lab), so that it loads and compiles its code while the page's
// modules are still arriving; the first client takes it. Later clients spawn their own.
import { EARLY_WORKER_GLOBAL } from './early-spawn';
import { ENGINE_PAGE, type SelfBooted, type SelfBootedMessage } from './sandbox-boot';

function spawnEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ovm-engine' });
}

const slot = globalThis as unknown as Record<string, Worker | undefined>;
let early: Worker | null = slot[EARLY_WORKER_GLOBAL] ?? null;
delete slot[EARLY_WORKER_GLOBAL];
// Without the build's inline script (the dev server) the first worker is spawned here.
if (!early && typeof location !== 'undefined' && ENGINE_PAGE.test(location.hash)) early = spawnEngineWorker();

/**
 * The sandbox worker's own boot, as it posts it when done (self-boot.ts): listened for from the
 * start, so that it is not missed while the page is still mounting and no client has the worker yet.
 */
let selfBooted: Promise<SelfBooted> | null = early && listenForSelfBoot(early);

function listenForSelfBoot(w: Worker): Promise<SelfBooted> {
  return new Promise((resolve) =>
    w.addEventListener('message', (e: MessageEvent) => {
      const done = (e.data as Partial<SelfBootedMessage> | null)?.ovmSelfBooted;
      if (done) resolve(done);
    }),
  );
}

/** The early worker (with its own boot's result, if it makes one) if nobody has taken it yet, else a new one. */
export function takeEngineWorker(): { worker: Worker; selfBooted: Promise<SelfBooted> | null } {
  const taken = early ? { worker: early, selfBooted } : { worker: spawnEngineWorker(), selfBooted: null };
  early = null;
  selfBooted = null;
  return taken;
}
