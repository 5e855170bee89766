// "Your labs" on the catalog: opening a lab from a file or a URL (fetched here, validated and kept
// by the engine worker), removing one, and a shared link's URL waiting for the learner's yes.
import { engineState } from './engine.svelte';
import { catalogState } from './catalog.svelte';
import { fetchLabText, readLabFile, type LabText } from '../lab-fetch';
import type { OpenLabResult } from '../../engine/custom-labs';
import type { LabTestResult } from '../../engine/lab-test';

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
      const warning = await labTestWarning(got.source, got.text);
      if (warning) this.message += ` ${warning}`;
    } catch (e) {
      this.errors = [`The lab could not be opened: ${e instanceof Error ? e.message : String(e)}`];
    } finally {
      this.busy = false;
    }
  }
}

/**
 * The lab editor's "Test this lab" on a lab just opened (nothing met at the start, its solution
 * solves it on three learners' values): a sentence when it fails, else null.
 */
async function labTestWarning(source: string, text: string): Promise<string | null> {
  for (const i of [0, 1, 2]) {
    const r = await engineState().client.call<LabTestResult>((api) => api.testLab(source, text, i) as Promise<LabTestResult>).catch(() => null);
    if (!r?.ok) return null;
    const s = r.seeds[0];
    if (!s || s.passed) continue;
    const why = s.metAtStart.length
      ? `${s.metAtStart.join(', ')} ${s.metAtStart.length === 1 ? 'is' : 'are'} met before the learner does anything`
      : `its own solution leaves ${s.objectives.filter((o) => !o.met).map((o) => o.id).join(', ') || 'a constraint broken'} unsolved`;
    return `Warning: this lab failed its test (${why}, learner values #${i + 1}): learners may not be able to solve it. Open it in the lab editor (#/editor) to see why.`;
  }
  return null;
}

export const customLabsState = new CustomLabsState();
