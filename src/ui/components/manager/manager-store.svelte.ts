// The Manager tab's state on the page: the latest Manager view the engine pushed (never the world),
// and actions sent back as `ovmm …` command lines (journaled by the engine like typed ones).
import type { EngineClient } from '../../../worker/client';
import type { ManagerView } from '../../../engine/manager';

export type { ManagerView } from '../../../engine/manager';

export class ManagerStore {
  view = $state<ManagerView | null>(null);
  /** The last action's refusal (an unknown object, the Manager down), shown under the toolbar. */
  error = $state<string | null>(null);
  busy = $state(false);
  #client: EngineClient;
  #off: () => void;

  constructor(client: EngineClient) {
    this.#client = client;
    this.#off = client.onManager((v) => (this.view = v));
    void client.call((api) => api.managerView()).then((v) => {
      if (v && (!this.view || v.rev >= this.view.rev)) this.view = v;
    }).catch(() => undefined);
  }

  /** Runs one Manager action (`stop vm sv101`, `migrate vm sv101 server=ovs02` …). */
  async act(args: string[]): Promise<void> {
    this.busy = true;
    try {
      const r = await this.#client.call((api) => api.managerAction(args));
      if (r.view) this.view = r.view;
      this.error = r.exitCode === 0 ? null : r.output.replace(/^ovmm: /, '');
    } catch {
      this.error = 'The simulator did not answer; try again.';
    } finally {
      this.busy = false;
    }
  }

  dispose(): void {
    this.#off();
  }
}
