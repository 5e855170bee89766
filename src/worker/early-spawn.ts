// The page's first script, inline in index.html (the build writes it there: vite.config.ts): on
// the pages that run the engine it spawns the engine's worker while the page's own modules are
// still downloading. A module script runs only once it has arrived, and Chromium starts a worker's
// thread only when the main thread is free, which evaluating the page's main chunk keeps it from
// being; so the worker would start ~150–350 ms later. On the sandbox page it also takes the page
// lock the worker looks for (persist/attempt-lock.ts) and names the worker after it. What the worker
// posts by itself (its first screen, its own boot) may come before the page's modules listen: the
// script keeps those messages for early-worker.ts.
import { PAGE_LOCK_PREFIX } from '../persist/attempt-lock';
import { ENGINE_PAGE, SANDBOX_PAGE, SANDBOX_WORKER_NAME } from './sandbox-boot';

/** Where the inline script leaves the worker for early-worker.ts. */
export const EARLY_WORKER_GLOBAL = '__ovmEarlyWorker';

/** Where it keeps the messages the worker posted by itself until then (their data). */
export const EARLY_POSTS_GLOBAL = '__ovmEarlyPosts';

/** The keys of the messages a worker posts by itself (sandbox-boot.ts): FirstScreenMessage, SelfBootedMessage. */
export const EARLY_POST_KEYS = ['ovmFirstScreen', 'ovmSelfBooted'] as const;

/**
 * The inline script's text (plain ES5, no imports: it runs before any module), on one line: every
 * line of it ends a statement or a block, and it counts towards the page's first bytes.
 */
export function earlySpawnScript(workerUrl: string): string {
  const q = JSON.stringify;
  const code = `(function () {
  var hash = location.hash, name = 'ovm-engine';
  if (!${ENGINE_PAGE}.test(hash)) return;
  if (${SANDBOX_PAGE}.test(hash) && navigator.locks && self.crypto && crypto.randomUUID) {
    var nonce = crypto.randomUUID();
    navigator.locks.request(${q(PAGE_LOCK_PREFIX)} + nonce, function () { return new Promise(function () {}); }).catch(function () {});
    name = ${q(SANDBOX_WORKER_NAME)} + ' ' + nonce;
  }
  var posts = self[${q(EARLY_POSTS_GLOBAL)}] = [];
  try {
    (self[${q(EARLY_WORKER_GLOBAL)}] = new Worker(${q(workerUrl)}, { type: 'module', name: name })).addEventListener('message', function (e) {
      var d = e.data;
      if (d && (${EARLY_POST_KEYS.map((k) => `d.${k}`).join(' || ')})) posts.push(d);
    });
  } catch (e) {}
})();`;
  return code.replace(/\n\s*/g, '');
}
