// The page's inline first script (src/worker/early-spawn.ts) and the module that takes its worker
// (src/worker/early-worker.ts): what the worker posts by itself before the page's modules listen
// (its first screen, its own boot) is kept, and nothing else (the heartbeat) piles up.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInNewContext } from 'node:vm';
import { earlySpawnScript } from '../../../src/worker/early-spawn';

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

/** Runs the inline script as the page would, at `hash`; returns the page's globals. */
function runInlineScript(hash: string): Record<string, unknown> {
  const page: Record<string, unknown> = {
    location: { hash },
    navigator: { locks: { request: () => Promise.resolve() } },
    crypto: { randomUUID: () => 'N1' },
    Worker: FakeWorker,
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

  it('spawns nothing on pages that do not run the engine at once', () => {
    runInlineScript('#/');
    expect(FakeWorker.made).toEqual([]);
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
