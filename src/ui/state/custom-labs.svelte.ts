// "Your labs" on the catalog: opening a lab from a file or a URL (fetched here, validated and kept
// by the engine worker), removing one, and a shared link's URL waiting for the learner's yes.
import { engineState } from './engine.svelte';
import { catalogState } from './catalog.svelte';
import { fetchLabText, readLabFile, type LabText } from '../lab-fetch';
import type { OpenLabResult } from '../../engine/custom-labs';

class CustomLabsState {
  busy = $state(false);
  /** Why the last open failed: the loader's `file: path: message` lines, or one fetch sentence. */
  errors = $state<string[]>([]);
  message = $state<string | null>(null);
  url = $state('');
  /** A shared link's URL (`#/lab-url?src=…`): shown, never fetched until the learner confirms. */
  pending = $state<string | null>(null);

  offer(src: string): void {
    this.url = src;
    this.pending = src;
    this.errors = [];
    this.message = null;
  }

  async openFile(file: File): Promise<void> {
    await this.#open(() => readLabFile(file));
  }

  async openUrl(url = this.url): Promise<void> {
    this.pending = null;
    await this.#open(() => fetchLabText(url));
  }

  async remove(id: string): Promise<void> {
    await engineState().client.call((api) => api.removeCustomLab(id));
    this.message = null;
    await catalogState.load();
  }

  async #open(get: () => Promise<LabText>): Promise<void> {
    this.busy = true;
    this.errors = [];
    this.message = null;
    try {
      const got = await get();
      if (!got.ok) {
        this.errors = [got.error];
        return;
      }
      // Comlink splits the union's promise in two: the result type is named here.
      const r = await engineState().client.call<OpenLabResult>((api) => api.openCustomLab(got.source, got.text) as Promise<OpenLabResult>);
      if (!r.ok) {
        this.errors = r.errors;
        return;
      }
      this.message = `${r.replaced ? 'Replaced' : 'Opened'} “${r.title}” (${r.id}): it is kept in this browser.`;
      await catalogState.load();
    } catch (e) {
      this.errors = [`The lab could not be opened: ${e instanceof Error ? e.message : String(e)}`];
    } finally {
      this.busy = false;
    }
  }
}

export const customLabsState = new CustomLabsState();
