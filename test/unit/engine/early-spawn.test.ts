// The page's inline first script (src/worker/early-spawn.ts) and the module that takes its worker
// (src/worker/early-worker.ts): what the worker posts by itself before the page's modules listen
// (its first screen, its own boot) is kept, and nothing else (the heartbeat) piles up.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInNewContext } from 'node:vm';
import { earlySpawnScript, type EarlyStart } from '../../../src/worker/early-spawn';
import { EARLY_TERMINAL_MEDIA, seedFromNonce } from '../../../src/worker/sandbox-boot';

type Listener = (e: { data: unknown }) => void;

/** A Worker that records how it was made and lets the test post messages from it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  listeners: Listener[] = [];
  constructor(
    readonly url: string,
    readonly opts: { type: string; name: string },
  ) {
    FakeWorker.made.push(this);
  }
  addEventListener(_type: 'message', l: Listener): void {
    this.listeners.push(l);
  }
  post(data: unknown): void {
    for (const l of this.listeners) l({ data });
  }
}

/** What the page offers the script: its width (a wide screen matches the early terminal's media), its databases. */
interface PageOptions {
  wide?: boolean;
  /** The names of the IndexedDB databases the browser has for this site (undefined: no `databases()`). */
  databases?: string[];
}

/** Runs the inline script as the page would, at `hash`; returns the page's globals. */
function runInlineScript(hash: string, opts: PageOptions = {}): Record<string, unknown> {
  const page: Record<string, unknown> = {
    location: { hash },
    navigator: { locks: { request: () => Promise.resolve() } },
    crypto: { randomUUID: () => 'N1' },
    Worker: FakeWorker,
    matchMedia: (q: string) => ({ matches: q === EARLY_TERMINAL_MEDIA && opts.wide === true }),
    ...(opts.databases && { indexedDB: { databases: () => Promise.resolve(opts.databases!.map((name) => ({ name, version: 1 }))) } }),
  };
  page.self = page;
  runInNewContext(earlySpawnScript('./assets/engine.worker-X.js'), page);
  return page;
}

const SCREEN = { session: 'sandbox:ovs01', text: '[root@ovs01 ~]# ' };

afterEach(() => {
  FakeWorker.made = [];
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the page’s first script', () => {
  it('spawns the sandbox’s worker named after its page lock and keeps what the worker posts by itself', () => {
    const page = runInlineScript('#/sandbox');
    const [worker] = FakeWorker.made;
    expect({ url: worker!.url, opts: worker!.opts }).toEqual({ url: './assets/engine.worker-X.js', opts: { type: 'module', name: 'ovm-engine sandbox N1' } });
    worker!.post({ ovmHeartbeat: 1 });
    worker!.post({ ovmFirstScreen: SCREEN });
    worker!.post({ id: 'comlink-1', type: 'RAW', value: 1 });
    worker!.post({ ovmHeartbeat: 1 });
    expect(page.__ovmEarlyPosts).toEqual([{ ovmFirstScreen: SCREEN }]);
    expect(page.__ovmEarlyWorker).toBe(worker);
  });

  it('on a wide screen with no database yet, leaves the spawn to the page, which draws the first screen first', async () => {
    const page = runInlineScript('#/sandbox', { wide: true, databases: ['another-site-db'] });
    const start = page.__ovmEarlyStart as EarlyStart;
    expect(start.nonce).toBe('N1');
    expect(await start.fresh).toBe(true);
    expect(FakeWorker.made).toEqual([]);
    start.spawn();
    start.spawn(); // once
    expect(FakeWorker.made.map((w) => w.opts.name)).toEqual(['ovm-engine sandbox N1']);
  });

  it('spawns the worker itself for a returning learner (the sandbox’s database exists) or a narrow screen', async () => {
    const returning = runInlineScript('#/sandbox', { wide: true, databases: ['ovm-sandbox'] });
    expect(await (returning.__ovmEarlyStart as EarlyStart).fresh).toBe(false);
    expect(FakeWorker.made).toHaveLength(1);
    for (const opts of [{ wide: false, databases: [] }, { wide: true }]) {
      FakeWorker.made = [];
      const page = runInlineScript('#/sandbox', opts);
      expect((page.__ovmEarlyStart as EarlyStart).fresh).toBeNull();
      expect(FakeWorker.made).toHaveLength(1);
    }
  });

  it('spawns nothing on pages that do not run the engine at once', () => {
    runInlineScript('#/');
    expect(FakeWorker.made).toEqual([]);
  });
});

describe('a new attempt’s seed from the page lock’s nonce', () => {
  it('is the nonce’s first 32 bits, known to the page and its worker alike', () => {
    expect(seedFromNonce('9f86d081-884c-4d63-a16f-2b0c3d4e5f60')).toBe(0x9f86d081);
    expect(seedFromNonce('00000000-0000-4000-8000-000000000000')).toBe(0);
  });
});

describe('the module that takes the early worker', () => {
  it('gets the first screen the worker posted before it ran, and its own boot posted after', async () => {
    const page = runInlineScript('#/sandbox');
    const worker = FakeWorker.made[0]!;
    worker.post({ ovmFirstScreen: SCREEN }); // before the page's modules run
    vi.stubGlobal('__ovmEarlyWorker', page.__ovmEarlyWorker);
    vi.stubGlobal('__ovmEarlyPosts', page.__ovmEarlyPosts);
    const { takeEngineWorker } = await import('../../../src/worker/early-worker');
    const taken = takeEngineWorker();
    expect(taken.worker).toBe(worker);
    expect(await taken.posts!.firstScreen).toEqual(SCREEN);
    const booted = { info: { attemptId: 'sandbox' }, first: null };
    worker.post({ ovmSelfBooted: booted }); // after: heard by the module's own listener
    expect(await taken.posts!.selfBooted).toEqual(booted);
  });
});
