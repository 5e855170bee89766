// The IndexedDB schema (idb's DBSchema). Changing a store means a new DB_VERSION and a new
// rung in db.ts's upgrade ladder; DO NOT change a store's shape without one.
import type { DBSchema } from 'idb';
import type { AttemptRecord, JournalEntry, SnapshotRecord } from '../engine/store';

export const DB_NAME = 'ovm-sandbox';
export const DB_VERSION = 1;

export interface SandboxDB extends DBSchema {
  attempts: { key: string; value: AttemptRecord };
  journal: { key: [string, number]; value: JournalEntry; indexes: { byAttempt: string } };
  snapshots: { key: [string, number]; value: SnapshotRecord; indexes: { byAttempt: string } };
  settings: { key: string; value: unknown };
}
