// The IndexedDB schema (idb's DBSchema). Changing a store means a new DB_VERSION and a new
// rung in db.ts's upgrade ladder; DO NOT change a store's shape without one.
import type { DBSchema } from 'idb';
import type { AttemptRecord, CustomLabRecord, JournalEntry, ProgressRecord, SnapshotRecord, TerminalRecord } from '../engine/store';

export const DB_NAME = 'ovm-sandbox';
/**
 * 1: attempts, journal, snapshots, settings.
 * 2: progress, terminal (scrollback), customLabs.
 */
export const DB_VERSION = 2;

export interface SandboxDB extends DBSchema {
  attempts: { key: string; value: AttemptRecord };
  journal: { key: [string, number]; value: JournalEntry; indexes: { byAttempt: string } };
  snapshots: { key: [string, number]; value: SnapshotRecord; indexes: { byAttempt: string } };
  /** Out-of-line keys: the setting's name. */
  settings: { key: string; value: unknown };
  progress: { key: string; value: ProgressRecord };
  terminal: { key: [string, string]; value: TerminalRecord; indexes: { byAttempt: string } };
  customLabs: { key: string; value: CustomLabRecord };
}

export const STORE_NAMES = ['attempts', 'journal', 'snapshots', 'settings', 'progress', 'terminal', 'customLabs'] as const;
