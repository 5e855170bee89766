// The engine's side of labs opened from a file or a URL: validates and keeps them in the store's
// customLabs, lists them for the catalog, and registers one with the loader before its attempt boots.
import { customLabId, isCustomLabId, labNameOf, loadCustomLab } from '../labs/custom';
import { addLab, loadLabTooling, removeLab } from '../labs/loader';
import { labCard } from '../labs/start';
import { storageProblem } from './persistence';
import type { LabCard } from '../labs/view';
import type { CustomLabRecord, Store } from './store';

export interface CustomLabInfo {
  id: string;
  /** The file name or URL it was opened from. */
  source: string;
  updatedAt: number;
  /** Null when the stored text does not validate (an imported export from another version). */
  card: LabCard | null;
  errors: string[];
}

export type OpenLabResult = { ok: true; id: string; title: string; replaced: boolean } | { ok: false; errors: string[] };

const attemptOf = (id: string): string => `lab:${id}`;
const sourceOf = (r: CustomLabRecord): string => r.source ?? `${r.id}.yaml`;

export function createCustomLabs(store: Store | undefined, wallNow: () => number) {
  const records = async (): Promise<CustomLabRecord[]> => (store ? await store.listCustomLabs() : []);

  return {
    /**
     * Validates a lab's text (`source`: a file name or a URL, named in the errors) and keeps it as
     * `custom-<name>`, replacing one of the same id; nothing is stored when it does not validate.
     * A changed text throws the lab's saved attempt away: its journal was played against the old file.
     */
    async open(source: string, text: string): Promise<OpenLabResult> {
      await loadLabTooling();
      const id = customLabId(labNameOf(source));
      const loaded = loadCustomLab(id, source, text);
      if (!loaded.ok) return loaded;
      if (!store) return { ok: false, errors: [`${source}: this browser's storage is not available, so the lab cannot be kept`] };
      try {
        const before = (await store.listCustomLabs()).find((r) => r.id === id);
        await store.putCustomLab({ id, yaml: text, updatedAt: wallNow(), source });
        if (before && before.yaml !== text) await store.deleteAttempt(attemptOf(id));
        addLab(loaded.value);
        return { ok: true, id, title: loaded.value.doc.title, replaced: !!before };
      } catch (e) {
        return { ok: false, errors: [`${source}: ${storageProblem(e)}`] };
      }
    },

    /** Forgets a custom lab and its saved attempt (its progress stays, as for a bundled lab). */
    async remove(id: string): Promise<void> {
      if (!isCustomLabId(id)) return;
      removeLab(id);
      await store?.deleteCustomLab(id);
      await store?.deleteAttempt(attemptOf(id));
    },

    /** Every stored custom lab, validated again (an import may have brought any text). */
    async list(): Promise<CustomLabInfo[]> {
      await loadLabTooling();
      const out: CustomLabInfo[] = [];
      for (const r of await records().catch(() => [])) {
        const loaded = loadCustomLab(r.id, sourceOf(r), r.yaml);
        out.push({ id: r.id, source: sourceOf(r), updatedAt: r.updatedAt, card: loaded.ok ? labCard(loaded.value) : null, errors: loaded.ok ? [] : loaded.errors });
      }
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    /**
     * Before an attempt boots on `lab:custom-…`: the stored lab is validated and registered with
     * the loader, so that the world builder and the runtime find it like a bundled one. A lab that
     * is gone or no longer validates is unregistered (the page says there is no such lab).
     */
    async prepare(scenario: string): Promise<void> {
      const id = scenario.startsWith('lab:') ? scenario.slice(4) : '';
      if (!isCustomLabId(id)) return;
      await loadLabTooling();
      removeLab(id);
      const r = (await records().catch(() => [])).find((x) => x.id === id);
      const loaded = r && loadCustomLab(id, sourceOf(r), r.yaml);
      if (loaded?.ok) addLab(loaded.value);
    },
  };
}

export type CustomLabs = ReturnType<typeof createCustomLabs>;
