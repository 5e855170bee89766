// The worker: exposes the engine synchronously (no top-level await before expose, or comlink
// loses messages) and drives the simulation clock from real time.
// First import on purpose: it starts the database's opening and the core's compile (first-io.ts).
import { bindStoreNotices, store, takeCore } from './first-io';
import { expose } from 'comlink';
import type { BootInfo } from '../engine/types';
import { createEngine } from '../engine';
import { loadLabTooling } from '../labs/loader';
import { FIRST_SESSION_SIZE, sandboxSession, SANDBOX_WORKER_NAME, seedFromNonce, type FirstScreenMessage, type SelfBooted, type SelfBootedMessage } from './sandbox-boot';
import { startSelfBoot } from './self-boot';

const sharedNow = (): number => performance.timeOrigin + performance.now();
const engine = createEngine({
  loadCore: takeCore,
  store,
  wallNow: () => Date.now(),
  newSeed: () => (Math.random() * 2 ** 32) >>> 0,
  breathe: () => new Promise((r) => setTimeout(r, 0)),
  sharedNow,
});
bindStoreNotices((level, text) => engine.notify(level, text));
expose(engine);

// The lab tooling (YAML parser, validators: its own chunk) is awaited by whatever reads a lab; it
// is also fetched in the background once the first boot is done (or after a while on pages that
// never boot), so opening a lab later does not wait for it.
const boot = engine.boot.bind(engine);
const preloadLabs = () => void loadLabTooling().catch(() => undefined);
const preloadTimer = setTimeout(preloadLabs, 5000);
// The sandbox page's worker (named with the page's lock nonce) boots before it is asked: self-boot.ts.
const pageNonce = self.name.startsWith(`${SANDBOX_WORKER_NAME} `) ? self.name.slice(SANDBOX_WORKER_NAME.length + 1) : null;
// Its answer is also posted as soon as it is there: the page's request is handed to this worker only
// once the page's main thread is free, and the page can go on without waiting for that round trip.
// With it, the first server's session opened (and its saved scrollback): the page shows the prompt at once.
const postSelfBoot = async (info: BootInfo): Promise<void> => {
  const host = info.hosts[0];
  let first: SelfBooted['first'] = null;
  if (host) {
    const session = sandboxSession(host);
    try {
      const scrollback = await engine.loadTerminal(session);
      first = { session, scrollback, out: await engine.open(session, host, FIRST_SESSION_SIZE.cols, FIRST_SESSION_SIZE.rows) };
    } catch {
      first = null; // the page opens it itself
    }
  }
  self.postMessage({ ovmSelfBooted: { info, first } } satisfies SelfBootedMessage);
};
// A new attempt's first screen goes to the page before the world is built (it is known from the seed).
// The world is built once the page says it has drawn it (or asks for another boot): on a machine with
// few cores, building it meanwhile slows the page down. Should the page never say so (it went
// elsewhere), the world is built a moment later anyway: this only orders the work, it limits nothing.
const FIRST_SCREEN_WAIT_MS = 1000;
const firstScreen = {
  cols: FIRST_SESSION_SIZE.cols,
  show: ({ host, text }: { host: string; text: string }) => {
    self.postMessage({ ovmFirstScreen: { session: sandboxSession(host), text } } satisfies FirstScreenMessage);
    setTimeout(() => engine.firstScreenShown(), FIRST_SCREEN_WAIT_MS);
  },
};
// A new attempt's seed is the page's lock nonce's: on a first visit the page draws that first screen
// itself before this worker has run, and says so with a plain message (ui/terminal/early-terminal.ts).
const prepareShowing = { prepare: (opts: { attemptId: string; scenario: string }) => engine.prepare({ ...opts, firstScreen, seed: pageNonce === null ? undefined : seedFromNonce(pageNonce) }) };
self.addEventListener('message', (e: MessageEvent) => {
  if ((e.data as { ovmFirstScreenShown?: unknown } | null)?.ovmFirstScreenShown) engine.firstScreenShown();
});
const selfBoot = pageNonce ? startSelfBoot(prepareShowing, boot, pageNonce, sharedNow, postSelfBoot) : null;
engine.boot = async (opts) => {
  try {
    const own = opts && selfBoot?.take(opts);
    if (own) return await own;
    engine.firstScreenShown(); // a boot the page asks for now is built at once
    return await boot(opts);
  } finally {
    clearTimeout(preloadTimer);
    setTimeout(preloadLabs, 300);
  }
};

let last = performance.now();
setInterval(() => {
  const now = performance.now();
  if (!selfBoot?.holdsClock) engine.pump(now - last);
  last = now;
  // The heartbeat the client's watchdog listens for: this loop is free, so the worker is not hung.
  self.postMessage({ ovmHeartbeat: 1 });
}, 250);
