// Labs opened from a file or a URL (kept in the browser's customLabs store): their ids, which can
// never shadow a bundled lab, their size limit, and validation exactly as for bundled files.
import { bundledCatalog, loadLabText, type Loaded } from './loader';
import type { LabSource } from './types';
import { hasOwn } from './own';
import { buildSourceWorld } from './start';

/** Seeds a custom lab's world is built with before it is kept. */
const TRIAL_SEEDS = [1, 2, 3];

/** Every custom lab id starts with this; no bundled lab does (a test keeps it so). */
export const CUSTOM_PREFIX = 'custom-';

export { MAX_LAB_BYTES } from './custom-limits';
import { MAX_LAB_BYTES } from './custom-limits';

export const isCustomLabId = (id: string): boolean => id.startsWith(CUSTOM_PREFIX);

/**
 * The id of a lab opened from `name` (a file name, or a URL's last path segment):
 * `My Lab.yaml` → `custom-my-lab`. Lower-case letters, digits and dashes only.
 */
export function customLabId(name: string): string {
  const stem = name
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return CUSTOM_PREFIX + (stem || 'lab');
}

/** The name an id is made from: a file name as it is, a URL's last path segment (no query). */
export function labNameOf(source: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(source)) return source.slice(source.lastIndexOf('/') + 1);
  const path = source.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Validates a custom lab's text as the bundled ones are (errors name `file` and the place in
 * it), plus what the bundle checks across files: the size, and that its scenario base exists.
 */
export function loadCustomLab(id: string, file: string, text: string): Loaded<LabSource> {
  if (!isCustomLabId(id)) return { ok: false, errors: [`${file}: a lab opened from a file needs an id starting with “${CUSTOM_PREFIX}”`] };
  if (text.length > MAX_LAB_BYTES) return { ok: false, errors: [`${file}: larger than ${MAX_LAB_BYTES / 1024} kB; a lab file is much smaller`] };
  const r = loadLabText(id, file, text);
  if (!r.ok) return r;
  const base = r.value.doc.scenario.base;
  if (!hasOwn(bundledCatalog().scenarios, base)) return { ok: false, errors: [`${file}: scenario.base: no scenario “${base}” in this version`] };
  // What the schema cannot know (a host the base does not have, a guest on a missing host):
  // build the world as three learners would get it, so that a kept lab always boots.
  for (const seed of TRIAL_SEEDS) {
    try {
      buildSourceWorld(r.value, seed);
    } catch (e) {
      return { ok: false, errors: [`${file}: the lab's world cannot be built: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  return r;
}
