// The catalog's data: every lab with the learner's progress and the sandbox scenarios, read
// from the engine worker (which owns the bundled labs and the store).
import { engineState } from './engine.svelte';
import type { CatalogInfo } from '../../engine/lab-session';

class CatalogState {
  info = $state.raw<CatalogInfo | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      this.info = await engineState().client.call((api) => api.labCatalog());
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }
}

export const catalogState = new CatalogState();
