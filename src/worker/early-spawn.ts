// The page's first script, inline in index.html (the build writes it there: vite.config.ts): on
// the pages that run the engine it spawns the engine's worker while the page's own modules are
// still downloading. A module script runs only once it has arrived, and Chromium starts a worker's
// thread only when the main thread is free, which evaluating the page's main chunk keeps it from
// being; so the worker would start ~150–350 ms later. On the sandbox page it also takes the page
// lock the worker looks for (persist/attempt-lock.ts) and names the worker after it. What the worker
// posts by itself (its first screen, its own boot) may come before the page's modules listen: the
// script keeps those messages for early-worker.ts. On a wide screen it first asks whether this
// browser has the sandbox's database yet (before the worker opens, and so creates, it): without one
// the attempt is new, its seed is the lock nonce's (sandbox-boot.ts), the page draws its first screen
// before anything else (ui/terminal/early-terminal.ts), and spawning the worker is left to the page,
// after that frame: on two cores its compile would slow that drawing down.
import { PAGE_LOCK_PREFIX } from '../persist/attempt-lock';
import { DB_NAME } from '../persist/schema';
import { EARLY_TERMINAL_MEDIA, ENGINE_PAGE, SANDBOX_PAGE, SANDBOX_WORKER_NAME } from './sandbox-boot';

/** Where the inline script leaves the worker for early-worker.ts. */
export const EARLY_WORKER_GLOBAL = '__ovmEarlyWorker';

/** Where it keeps the messages the worker posted by itself until then (their data). */
export const EARLY_POSTS_GLOBAL = '__ovmEarlyPosts';

/** Where it leaves, on the sandbox page, what the page's first terminal needs (EarlyStart). */
export const EARLY_START_GLOBAL = '__ovmEarlyStart';

export interface EarlyStart {
  /** The page lock's nonce, which the worker is named with (and a new attempt's seed comes from). */
  nonce: string;
  /**
   * Where the page may draw the terminal first (a wide screen), whether the browser had no
   * database of the sandbox before the worker started; else null.
   */
  fresh: Promise<boolean> | null;
  /**
   * Spawns the worker (once). When the attempt is new and the page draws the terminal first, this
   * is left to the page, after that frame: on two cores the worker's compile slows the page's drawing.
   */
  spawn: () => void;
}

/** The keys of the messages a worker posts by itself (sandbox-boot.ts): FirstScreenMessage, SelfBootedMessage. */
export const EARLY_POST_KEYS = ['ovmFirstScreen', 'ovmSelfBooted'] as const;

/**
 * The inline script's text (plain ES5, no imports: it runs before any module), on one line: every
 * line of it ends a statement or a block, and it counts towards the page's first bytes.
 */
export function earlySpawnScript(workerUrl: string): string {
  const q = JSON.stringify;
  const code = `(function () {
  var hash = location.hash, name = 'ovm-engine', spawned = false;
  if (!${ENGINE_PAGE}.test(hash)) return;
  var posts = self[${q(EARLY_POSTS_GLOBAL)}] = [];
  var spawn = function () {
    if (spawned) return;
    spawned = true;
    try {
      (self[${q(EARLY_WORKER_GLOBAL)}] = new Worker(${q(workerUrl)}, { type: 'module', name: name })).addEventListener('message', function (e) {
        var d = e.data;
        if (d && (${EARLY_POST_KEYS.map((k) => `d.${k}`).join(' || ')})) posts.push(d);
      });
    } catch (e) {}
  };
  if (${SANDBOX_PAGE}.test(hash) && navigator.locks && self.crypto && crypto.randomUUID) {
    var nonce = crypto.randomUUID(), fresh = null, drawsFirst = false;
    navigator.locks.request(${q(PAGE_LOCK_PREFIX)} + nonce, function () { return new Promise(function () {}); }).catch(function () {});
    name = ${q(SANDBOX_WORKER_NAME)} + ' ' + nonce;
    try {
      drawsFirst = matchMedia(${q(EARLY_TERMINAL_MEDIA)}).matches;
      fresh = indexedDB.databases().then(function (list) {
        for (var i = 0; i < list.length; i++) if (list[i].name === ${q(DB_NAME)}) return false;
        return true;
      }, function () { return false; });
    } catch (e) {}
    self[${q(EARLY_START_GLOBAL)}] = { nonce: nonce, fresh: drawsFirst ? fresh : null, spawn: spawn };
    if (drawsFirst && fresh) return void fresh.then(function (isNew) { if (!isNew) spawn(); });
  }
  spawn();
})();`;
  return code.replace(/\n\s*/g, '');
}
