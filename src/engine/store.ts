// The persistence port the engine writes through. The worker plugs in the IndexedDB store
// (src/persist); tests plug in the same store over fake-indexeddb, or none.
import type { SessionRecord } from '../tty/session';

export interface AttemptRecord {
  id: string;
  seed: number;
  scenario: string;
  createdAt: number;
  updatedAt: number;
  /** Format of this attempt's journal records (JOURNAL_VERSION when written); absent = 1. */
  journalVersion?: number;
}

/** The journal record format this build writes and reads; a newer one is refused, never replayed. */
export const JOURNAL_VERSION = 1;

/** One journal line: what a session did, at which simulation time, in order. */
export interface JournalEntry {
  attemptId: string;
  seq: number;
  atMs: number;
  session: string;
  /** Host a session starts on (for the first record of a session). */
  host: string;
  record: SessionRecord;
  /** The record's own effect changed the world (digest before ≠ after): undo can step over it. */
  changed?: boolean;
  /** Taken back by `undo`: kept for redo and history, skipped when the world is rebuilt. */
  undone?: boolean;
  /** Outcomes of `undo`/`redo` run by this line, in order, so that a replay repeats their exit codes. */
  meta?: boolean[];
  /**
   * The record raised an internal error (live, or when it was replayed): its effects were rolled
   * back, so a rebuild skips it like an undone one (the line stays in the shell's history).
   */
  failed?: boolean;
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
  /** The undo index at this point (JSON), so that undo reaches back past the snapshot. */
  undo?: string;
}

/** Per-lab progress (the labs runtime owns its meaning; persistence keeps and exports it). */
export interface ProgressRecord {
  labId: string;
  status: 'new' | 'in-progress' | 'solved' | 'solved-with-solution';
  score: number | null;
  hintsUsed: number;
  solutionShown: boolean;
  startedAt: number | null;
  solvedAt: number | null;
  updatedAt: number;
}

/** A terminal's serialised scrollback (xterm's serialize addon), shown again after a reload. */
export interface TerminalRecord {
  attemptId: string;
  session: string;
  data: string;
  savedAt: number;
}

/** A lab opened from a file or a URL (src/engine/custom-labs.ts): validated again on every use. */
export interface CustomLabRecord {
  id: string;
  yaml: string;
  updatedAt: number;
  /** Where it came from: the file name or the URL (shown on its card and in its errors). */
  source?: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Everything stored (or one attempt's part of it), as plain records: export reads it, import writes it. */
export interface StoreDump {
  attempts: AttemptRecord[];
  journal: JournalEntry[];
  snapshots: SnapshotRecord[];
  terminal: TerminalRecord[];
  progress: ProgressRecord[];
  settings: SettingRecord[];
  customLabs: CustomLabRecord[];
}

export interface Store {
  getAttempt(id: string): Promise<AttemptRecord | undefined>;
  putAttempt(a: AttemptRecord): Promise<void>;
  /** A new attempt's record and its base snapshot (seq -1), in one durable transaction: both or neither. */
  createAttempt(a: AttemptRecord, base: SnapshotRecord): Promise<void>;
  /** Appends one call's records in one transaction, durably: resolving means they survive a crash. */
  appendJournal(e: JournalEntry | readonly JournalEntry[]): Promise<void>;
  /** Entries with seq > afterSeq, in order. */
  readJournal(attemptId: string, afterSeq: number): Promise<JournalEntry[]>;
  putSnapshot(s: SnapshotRecord): Promise<void>;
  /** The newest snapshot, or the newest one with seq < beforeSeq (the base snapshot has seq -1). */
  latestSnapshot(attemptId: string, beforeSeq?: number): Promise<SnapshotRecord | undefined>;
  /** Marks journal entries undone (or not) and drops the snapshots that include them, atomically. */
  setUndone(attemptId: string, seqs: readonly number[], undone: boolean): Promise<void>;
  /** Marks one journal entry failed and drops the snapshots taken after it, atomically. */
  markFailed(attemptId: string, seq: number): Promise<void>;
  /** Deletes the attempt with its journal, snapshots and scrollback. */
  deleteAttempt(attemptId: string): Promise<void>;
  putTerminal(t: TerminalRecord): Promise<void>;
  getTerminal(attemptId: string, session: string): Promise<TerminalRecord | undefined>;
  getProgress(labId: string): Promise<ProgressRecord | undefined>;
  putProgress(p: ProgressRecord): Promise<void>;
  listProgress(): Promise<ProgressRecord[]>;
  getSetting(key: string): Promise<unknown>;
  putSetting(key: string, value: unknown): Promise<void>;
  /** Everything, or one attempt with its journal, snapshots and scrollback (plus progress and settings). */
  dump(attemptId?: string): Promise<StoreDump>;
  /** Writes a dump in one transaction: each attempt in it replaces the stored one of the same id. */
  load(dump: StoreDump): Promise<void>;
  listCustomLabs(): Promise<CustomLabRecord[]>;
  putCustomLab(c: CustomLabRecord): Promise<void>;
  deleteCustomLab(id: string): Promise<void>;
  /** Reset everything: every store emptied (a database from a newer version is deleted outright). */
  clearAll(): Promise<void>;
}
