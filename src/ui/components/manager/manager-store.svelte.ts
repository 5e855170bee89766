// The Manager tab's state on the page: the latest Manager view the engine pushed (never the world),
// and actions sent back as `ovmm …` command lines (journaled by the engine like typed ones).
import type { EngineClient } from '../../../worker/client';
import type { ManagerView } from '../../../engine/manager';
import { testHooks } from '../../test-hooks';

export type { ManagerView } from '../../../engine/manager';

/** With `?testhooks`: each view applied leaves a `manager-view` performance mark (the page benchmark's clock). */
const hooks = testHooks();

export class ManagerStore {
  /** Replaced whole by each push (never mutated), so not deeply reactive: no proxy over 400 VMs. */
  #view = $state.raw<ManagerView | null>(null);
  /** The last action's refusal (an unknown object, the Manager down), shown under the toolbar. */
  error = $state<string | null>(null);
  busy = $state(false);
  #client: EngineClient;
  #off: () => void;

  constructor(client: EngineClient) {
    this.#client = client;
    // The tab appears once the first prompt is out: drawing it, and the terminal's refit it causes,
    // is not what the first prompt should wait for. Views pushed before are kept until then.
    let shown = false;
    let held: ManagerView | null = null;
    const apply = (v: ManagerView | null): void => {
      if (v && (!this.view || v.rev >= this.view.rev)) this.view = v;
    };
    this.#off = client.onManager((v) => (shown ? (this.view = v) : (held = v)));
    void client.firstPrompt
      .then(() => {
        shown = true;
        apply(held);
        return client.call((api) => api.managerView());
      })
      .then(apply)
      .catch(() => undefined);
  }

  get view(): ManagerView | null {
    return this.#view;
  }

  set view(v: ManagerView | null) {
    if (hooks && v) performance.mark('manager-view', { detail: v.rev });
    this.#view = v;
  }

  /** Runs one Manager action (`stop vm sv101`, `migrate vm sv101 server=ovs02` …). */
  async act(args: string[]): Promise<void> {
    this.busy = true;
    try {
      const r = await this.#client.call((api) => api.managerAction(args));
      if (r.view && (!this.view || r.view.rev >= this.view.rev)) this.view = r.view;
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
