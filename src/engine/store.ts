// The persistence port the engine writes through. The worker plugs in the IndexedDB store
// (src/persist); tests plug in the same store over fake-indexeddb, or none.
import type { SessionRecord } from '../tty/session';

export interface AttemptRecord {
  id: string;
  seed: number;
  scenario: string;
  createdAt: number;
  updatedAt: number;
}

/** One journal line: what a session did, at which simulation time, in order. */
export interface JournalEntry {
  attemptId: string;
  seq: number;
  atMs: number;
  session: string;
  /** Host a session starts on (for the first record of a session). */
  host: string;
  record: SessionRecord;
}

export interface SnapshotRecord {
  attemptId: string;
  /** Last journal seq included in this snapshot. */
  seq: number;
  atMs: number;
  schemaVersion: number;
  world: string;
  sessions: string;
  core: Uint8Array;
}

export interface Store {
  getAttempt(id: string): Promise<AttemptRecord | undefined>;
  putAttempt(a: AttemptRecord): Promise<void>;
  appendJournal(e: JournalEntry): Promise<void>;
  /** Entries with seq > afterSeq, in order. */
  readJournal(attemptId: string, afterSeq: number): Promise<JournalEntry[]>;
  putSnapshot(s: SnapshotRecord): Promise<void>;
  latestSnapshot(attemptId: string): Promise<SnapshotRecord | undefined>;
  deleteAttempt(attemptId: string): Promise<void>;
}
