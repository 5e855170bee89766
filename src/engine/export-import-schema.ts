// The export file format (formatVersion 1) as a JSON Schema. The validator the app runs is
// generated from it ahead of time (ajv standalone: no `new Function` under the page's CSP):
// after changing this file run `npx tsx test/unit/persist/gen-export-validator.ts`.
import type { AttemptRecord, CustomLabRecord, JournalEntry, ProgressRecord, SettingRecord, SnapshotRecord, TerminalRecord } from './store';

export const EXPORT_KIND = 'ovm-sandbox-export';
/** Bump (with a migration in export-import.ts) when the file's shape changes. */
export const EXPORT_FORMAT_VERSION = 1;

export type ExportScope = 'all' | 'attempt';

/** A snapshot in a file: the core's tables as base64. */
export type ExportedSnapshot = Omit<SnapshotRecord, 'core'> & { core: string };

export interface ExportDoc {
  kind: typeof EXPORT_KIND;
  formatVersion: number;
  scope: ExportScope;
  /** Wall-clock ms when the file was written. */
  exportedAt: number;
  attempts: AttemptRecord[];
  journal: JournalEntry[];
  snapshots: ExportedSnapshot[];
  terminal: TerminalRecord[];
  progress: ProgressRecord[];
  settings: SettingRecord[];
  customLabs: CustomLabRecord[];
}

/** Limits that keep a hostile or broken file from exhausting the tab. */
export const LIMITS = {
  attempts: 1000,
  journal: 2_000_000,
  snapshots: 10_000,
  terminal: 10_000,
  progress: 10_000,
  settings: 10_000,
  customLabs: 10_000,
} as const;

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const num = { type: 'number' } as const;
const bool = { type: 'boolean' } as const;
const nullable = (t: 'number' | 'string') => ({ type: [t, 'null'] }) as const;
const list = (items: object, maxItems: number) => ({ type: 'array', maxItems, items }) as const;
const obj = (required: string[], properties: Record<string, object>) => ({ type: 'object', required, properties }) as const;

/** A session record: the kinds this build writes have their fields checked. */
const record = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: ['exec', 'input', 'eof', 'interrupt', 'resize'] }, line: str, data: str, cols: int, rows: int },
  allOf: [
    { if: obj(['kind'], { kind: { const: 'exec' } }), then: { required: ['line'] } },
    { if: obj(['kind'], { kind: { const: 'input' } }), then: { required: ['data'] } },
    { if: obj(['kind'], { kind: { const: 'resize' } }), then: { required: ['cols', 'rows'] } },
  ],
} as const;

export const EXPORT_SCHEMA = {
  $id: 'https://ovm-sandbox.invalid/export-1.json',
  type: 'object',
  required: ['kind', 'formatVersion', 'scope', 'exportedAt', 'attempts', 'journal', 'snapshots', 'terminal', 'progress', 'settings', 'customLabs'],
  properties: {
    kind: { const: EXPORT_KIND },
    formatVersion: { const: EXPORT_FORMAT_VERSION },
    scope: { enum: ['all', 'attempt'] },
    exportedAt: num,
    attempts: list(
      obj(['id', 'seed', 'scenario', 'createdAt', 'updatedAt'], {
        id: str,
        seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
        scenario: str,
        createdAt: num,
        updatedAt: num,
        journalVersion: { type: 'integer', minimum: 1 },
      }),
      LIMITS.attempts,
    ),
    journal: list(
      obj(['attemptId', 'seq', 'atMs', 'session', 'host', 'record'], {
        attemptId: str,
        seq: { type: 'integer', minimum: 0 },
        atMs: { type: 'number', minimum: 0 },
        session: str,
        host: str,
        record,
        changed: bool,
        undone: bool,
        meta: { type: 'array', maxItems: 64, items: bool },
      }),
      LIMITS.journal,
    ),
    snapshots: list(
      obj(['attemptId', 'seq', 'atMs', 'schemaVersion', 'world', 'sessions', 'core'], {
        attemptId: str,
        seq: { type: 'integer', minimum: -1 },
        atMs: { type: 'number', minimum: 0 },
        schemaVersion: { type: 'integer', minimum: 1 },
        world: str,
        sessions: str,
        core: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
        undo: str,
      }),
      LIMITS.snapshots,
    ),
    terminal: list(obj(['attemptId', 'session', 'data', 'savedAt'], { attemptId: str, session: str, data: str, savedAt: num }), LIMITS.terminal),
    progress: list(
      obj(['labId', 'status', 'score', 'hintsUsed', 'solutionShown', 'startedAt', 'solvedAt', 'updatedAt'], {
        labId: str,
        status: { enum: ['new', 'in-progress', 'solved', 'solved-with-solution'] },
        score: nullable('number'),
        hintsUsed: { type: 'integer', minimum: 0 },
        solutionShown: bool,
        startedAt: nullable('number'),
        solvedAt: nullable('number'),
        updatedAt: num,
      }),
      LIMITS.progress,
    ),
    settings: list(obj(['key', 'value'], { key: str }), LIMITS.settings),
    customLabs: list(obj(['id', 'yaml', 'updatedAt'], { id: str, yaml: str, updatedAt: num }), LIMITS.customLabs),
  },
} as const;
