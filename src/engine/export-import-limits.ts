// The import size limit and its message: a tiny module the UI may import too (it refuses a huge
// file before reading it; the engine checks again).

/** The largest file import accepts. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

export function checkImportSize(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `This file is ${describeSize(bytes)}; an OVM Sandbox export is at most ${describeSize(MAX_IMPORT_BYTES)}. Nothing was imported.`;
}

/** A file name for the download: `ovm-sandbox-everything-2026-03-02.json`. */
export function exportFileName(scope: 'all' | 'attempt', now: number): string {
  return `ovm-sandbox-${scope === 'all' ? 'everything' : 'attempt'}-${new Date(now).toISOString().slice(0, 10)}.json`;
}
