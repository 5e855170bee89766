// Export and import of a learner's work as one versioned JSON file. Import checks everything
// (size, JSON, the schema, versions, references, every snapshot's world) before the caller
// touches storage; a bad file gets one clear sentence and changes nothing.
import { deserializeWorld, SnapshotVersionError } from '../sim/snapshot';
import { WORLD_SCHEMA_VERSION } from '../sim/world';
import { EXPORT_FORMAT_VERSION, EXPORT_KIND, type ExportDoc, type ExportScope } from './export-import-schema';
import { validateExport } from './export-import-validator.generated';
import { checkImportSize } from './export-import-limits';
import { JOURNAL_VERSION, type StoreDump } from './store';
import type { BootInfo } from './types';

export type { ExportScope } from './export-import-schema';

export type ImportResult = { ok: true; summary: string; boot: BootInfo } | { ok: false; error: string };
export type ParsedImport = { ok: true; dump: StoreDump; summary: string } | { ok: false; error: string };

const NOTHING = ' Nothing was imported.';

export function exportText(dump: StoreDump, scope: ExportScope, now: number): string {
  const doc: ExportDoc = {
    kind: EXPORT_KIND,
    formatVersion: EXPORT_FORMAT_VERSION,
    scope,
    exportedAt: now,
    ...dump,
    snapshots: dump.snapshots.map((s) => ({ ...s, core: toBase64(s.core) })),
  };
  return JSON.stringify(doc);
}

export function parseImport(text: string): ParsedImport {
  const tooBig = checkImportSize(text.length);
  if (tooBig) return { ok: false, error: tooBig };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `This file is not valid JSON; it may be truncated or not an export (${e instanceof Error ? e.message : String(e)}).${NOTHING}` };
  }
  const head = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (!head || head.kind !== EXPORT_KIND) {
    const kind = head && 'kind' in head ? ` (its kind is ${JSON.stringify(head.kind)})` : '';
    return { ok: false, error: `This is not an OVM Sandbox export${kind}.${NOTHING}` };
  }
  const version = head.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_FORMAT_VERSION) {
    return { ok: false, error: `This export was written by a newer version of OVM Sandbox (format ${version}; this version reads up to ${EXPORT_FORMAT_VERSION}). Open it with the newer version, or start fresh here.${NOTHING}` };
  }
  if (!validateExport(data)) {
    const err = validateExport.errors?.[0];
    const where = err?.instancePath ? err.instancePath : 'the file';
    return { ok: false, error: `This export is damaged: ${where} ${err?.message ?? 'is not valid'}.${NOTHING}` };
  }
  const doc = data as ExportDoc;
  const problem = checkConsistency(doc);
  if (problem) return { ok: false, error: `This export is damaged: ${problem}.${NOTHING}` };
  const future = checkVersions(doc);
  if (future) return { ok: false, error: `${future}${NOTHING}` };
  const dump: StoreDump = {
    attempts: doc.attempts,
    journal: doc.journal,
    snapshots: doc.snapshots.map((s) => ({ ...s, core: fromBase64(s.core) })),
    terminal: doc.terminal,
    progress: doc.progress,
    settings: doc.settings,
    customLabs: doc.customLabs,
  };
  const n = doc.attempts.length;
  const summary = `Imported ${n} attempt${n === 1 ? '' : 's'} (${doc.journal.length} commands recorded)${doc.progress.length ? ` and progress in ${doc.progress.length} lab${doc.progress.length === 1 ? '' : 's'}` : ''}.`;
  return { ok: true, dump, summary };
}

/** Every record belongs to an attempt of the file; keys are unique. */
function checkConsistency(doc: ExportDoc): string | null {
  const ids = new Set<string>();
  for (const a of doc.attempts) {
    if (ids.has(a.id)) return `attempt ${JSON.stringify(a.id)} appears twice`;
    ids.add(a.id);
  }
  const keys = new Set<string>();
  for (const [name, list] of [
    ['journal', doc.journal],
    ['snapshots', doc.snapshots],
    ['terminal', doc.terminal],
  ] as const) {
    for (const [i, r] of list.entries()) {
      if (!ids.has(r.attemptId)) return `/${name}/${i} belongs to attempt ${JSON.stringify(r.attemptId)}, which is not in the file`;
      const key = `${name}\u0000${r.attemptId}\u0000${'seq' in r ? r.seq : r.session}`;
      if (keys.has(key)) return `/${name}/${i} appears twice`;
      keys.add(key);
    }
  }
  return null;
}

/** Worlds and journals from a newer version are refused; older worlds must migrate. */
function checkVersions(doc: ExportDoc): string | null {
  for (const a of doc.attempts) {
    if ((a.journalVersion ?? 1) > JOURNAL_VERSION) {
      return `Attempt ${JSON.stringify(a.id)} was saved by a newer version of OVM Sandbox (journal ${a.journalVersion}; this version reads up to ${JOURNAL_VERSION}). Open it with the newer version, or start fresh here.`;
    }
  }
  for (const [i, s] of doc.snapshots.entries()) {
    try {
      deserializeWorld(s.world);
      if (!Array.isArray(JSON.parse(s.sessions))) return `This export is damaged: /snapshots/${i}/sessions is not a list of sessions.`;
    } catch (e) {
      if (e instanceof SnapshotVersionError) {
        return `This export holds a world saved by a newer version of OVM Sandbox (schema ${e.found}; this version reads up to ${WORLD_SCHEMA_VERSION}). Open it with the newer version, or start fresh here.`;
      }
      return `This export is damaged: /snapshots/${i}/world cannot be read (${e instanceof Error ? e.message : String(e)}).`;
    }
  }
  return null;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(0);
for (let i = 0; i < B64.length; i++) DECODE[B64.charCodeAt(i)] = i;
const dec = (text: string, i: number): number => (i < text.length ? DECODE[text.charCodeAt(i) & 127]! : 0);

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk += B64[n >> 18]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = (dec(clean, i) << 18) | (dec(clean, i + 1) << 12) | (dec(clean, i + 2) << 6) | dec(clean, i + 3);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
