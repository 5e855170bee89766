// Lab versions for classes: the YAML text of every bundled lab (the same raw modules the loader
// bundles) and its hash, so that a hand-in names the exact text it was played against and a
// re-grade refuses any other.
import { textHash, type ClassLab } from './class-format';

const LAB_FILES = import.meta.glob<string>('../../labs/*.yaml', { query: '?raw', import: 'default', eager: true });

const bundledText = new Map<string, string>(Object.entries(LAB_FILES).map(([key, text]) => [key.slice(key.lastIndexOf('/') + 1).replace(/\.yaml$/, ''), text]));

/** The YAML text of a bundled lab, or undefined. */
export const bundledLabText = (id: string): string | undefined => bundledText.get(id);

/** The version of a bundled lab in this build, or undefined. */
export function bundledLabVersion(id: string): string | undefined {
  const t = bundledText.get(id);
  return t === undefined ? undefined : textHash(t);
}

/** Where a re-grade finds a lab version: this build's bundled labs, then the class's custom labs. */
export type LabVersionSource = { kind: 'bundled' } | { kind: 'custom'; yaml: string } | { kind: 'unknown'; why: string };

export function findLabVersion(id: string, version: string, custom: readonly ClassLab[]): LabVersionSource {
  const bundled = bundledLabVersion(id);
  if (bundled !== undefined) {
    return bundled === version ? { kind: 'bundled' } : { kind: 'unknown', why: `lab ${id} was handed in for another version of its file (${version}; this build has ${bundled})` };
  }
  const c = custom.find((x) => x.id === id && x.yaml !== undefined && textHash(x.yaml) === version);
  if (c) return { kind: 'custom', yaml: c.yaml! };
  return custom.some((x) => x.id === id)
    ? { kind: 'unknown', why: `lab ${id} was handed in for another version of its file than the class's` }
    : { kind: 'unknown', why: `lab ${id} is not a lab of this build nor of the class loaded here` };
}
