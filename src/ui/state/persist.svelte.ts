// What the UI shows about a learner's saved work, per engine client: who owns the attempt (two
// tabs), storage notices, the persistence grant; and the actions behind the Save controls
// (undo/redo, export, import, reset, reset everything, take over). Components call these only.
import { checkImportSize, exportFileName } from '../../engine/export-import-limits';
import type { EngineClient, EngineNotice, Ownership } from '../../worker/client';
import { testHooks } from '../test-hooks';

export interface PersistMessage {
  level: 'info' | 'warn' | 'error';
  text: string;
}

export class PersistState {
  ownership = $state<Ownership>('claiming');
  message = $state<PersistMessage | null>(null);
  /** navigator.storage.persist(): true = the browser will not evict our data under pressure. */
  persisted = $state<boolean | null>(null);
  busy = $state(false);
  readonly client: EngineClient;
  #off: Array<() => void> = [];

  constructor(client: EngineClient) {
    this.client = client;
    this.ownership = client.ownership;
    this.#off.push(client.onOwnership((o) => (this.ownership = o)));
    this.#off.push(client.onNotice((n: EngineNotice) => (this.message = { level: n.level, text: n.text })));
    void requestPersistence().then((p) => (this.persisted = p));
    if (testHooks()) (window as unknown as { __ovm?: { client: EngineClient } }).__ovm = { client };
  }

  dispose(): void {
    for (const off of this.#off) off();
  }

  async undo(session: string, kind: 'undo' | 'redo' = 'undo'): Promise<void> {
    const typed = await this.#run(() => this.client.command(session, kind));
    if (typed === false) this.message = { level: 'info', text: `A program is running in the terminal: leave it first (q or Ctrl-C), then ${kind}.` };
  }

  async exportData(scope: 'all' | 'attempt'): Promise<void> {
    const text = await this.#run(() => this.client.exportData(scope));
    if (text === undefined) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(scope, Date.now());
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.message = { level: 'info', text: `Exported ${scope === 'all' ? 'everything' : 'this attempt'} (${Math.ceil(text.length / 1024)} kB).` };
  }

  /** Refuses an oversized file before reading it; the engine validates the rest before touching storage. */
  async importFile(file: File): Promise<void> {
    const tooBig = checkImportSize(file.size);
    if (tooBig) {
      this.message = { level: 'error', text: tooBig };
      return;
    }
    const r = await this.#run(async () => this.client.importData(await file.text()));
    if (r) this.message = r.ok ? { level: 'info', text: r.summary } : { level: 'error', text: r.error };
  }

  async reset(seed: number | undefined): Promise<void> {
    if ((await this.#run(() => this.client.resetAttempt(seed))) !== undefined) this.message = { level: 'info', text: 'The attempt was reset to its start.' };
  }

  async resetEverything(): Promise<void> {
    if ((await this.#run(() => this.client.resetEverything())) !== undefined) this.message = { level: 'info', text: 'Everything was deleted: a fresh start.' };
  }

  async takeOver(): Promise<void> {
    await this.#run(() => this.client.takeOver());
  }

  async #run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    try {
      return await fn();
    } catch (e) {
      this.message = { level: 'error', text: `That did not work: ${e instanceof Error ? e.message : String(e)}` };
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}

let grant: Promise<boolean | null> | undefined;
/** Asks once per page for persistent storage (the browser may say no; we still save, best effort). */
function requestPersistence(): Promise<boolean | null> {
  return (grant ??= (async () => {
    try {
      if (!navigator.storage?.persist) return null;
      return (await navigator.storage.persisted()) || (await navigator.storage.persist());
    } catch {
      return null;
    }
  })());
}

const states = new WeakMap<EngineClient, PersistState>();
/** One PersistState per engine client (the sandbox's, a lab's). */
export const persistState = (client: EngineClient): PersistState => {
  let s = states.get(client);
  if (!s) states.set(client, (s = new PersistState(client)));
  return s;
};
