// The engine's side of persistence: the world fingerprint that tells a state-changing record
// from a read-only one, the tracker that sets `changed` on journal entries, the one-at-a-time
// gate for calls that rebuild the world, and messages for storage problems. DOM-free.
import type { JournalEntry } from './store';
import type { Sim } from '../sim/sim';

/** A snapshot is written after this many journal entries… */
export const SNAPSHOT_EVERY = 100;
/** …or after this much simulated time with the clock running (so a reload keeps the clock). */
export const SNAPSHOT_EVERY_MS = 5 * 60_000;

/**
 * The world as one comparable value: its JSON, compared with `===` (~1 ms for the default world,
 * taken around each record). The core's tables are left out on purpose: the core mirrors the
 * world's structure each tick and only adds counters that move with time, so a command that
 * changes anything changes the world; hashing the tables would triple the cost of every command.
 */
export function fingerprint(sim: Sim): string {
  return JSON.stringify(sim.world);
}

/** FNV-1a over 32-bit words (tail bytes folded in), as 8 hex digits. */
export function hashBytes(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  const words = bytes.byteLength >>> 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < words; i++) h = Math.imul(h ^ view.getUint32(i * 4, true), 0x01000193);
  for (let i = words * 4; i < bytes.byteLength; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Sets `changed` on each journal entry: the fingerprint is taken as a record is emitted (before
 * its effect) and again at the next record or at the end of the call (after it). Clock ticks
 * never fall inside that window, so time passing never counts as a change.
 */
export class ChangeTracker {
  #open: JournalEntry | null = null;
  #before = '';
  constructor(private readonly now: () => string) {}

  /** A record is about to take effect. */
  open(entry: JournalEntry): void {
    const fp = this.now();
    if (this.#open) this.#open.changed = fp !== this.#before;
    this.#open = entry;
    this.#before = fp;
  }

  /** The engine call is over: the last record's effect is complete. */
  close(): void {
    if (!this.#open) return;
    this.#open.changed = this.now() !== this.#before;
    this.#open = null;
    this.#before = '';
  }

  reset(): void {
    this.#open = null;
    this.#before = '';
  }
}

/** Runs async calls one at a time, in order: a rebuild must not interleave with keystrokes. */
export function createGate(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** One line for the user about a failed write (quota, a closed database, a newer version). */
export function storageProblem(e: unknown): string {
  const name = e && typeof e === 'object' ? (e as { name?: string }).name : undefined;
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'StorageFullError' || name === 'QuotaExceededError') {
    return `Browser storage is full: this command is not saved. Export your work (Save ▸ Export) and free some space.`;
  }
  if (name === 'VersionError') return `A newer version of OVM Sandbox is open in another tab: reload this tab to keep saving.`;
  return `Your work could not be saved (${msg}).`;
}

/**
 * Output followed by a warning line in the colours of the recovery notice, and then the output's
 * last line again (usually the prompt and what was typed), so the terminal stays usable.
 */
export function withWarning(out: string, warning: string): string {
  if (!warning) return out;
  const last = out.slice(out.lastIndexOf('\n') + 1);
  return `${out}\r\n\x1b[33m[OVM Sandbox: ${warning}]\x1b[0m\r\n${last}`;
}

/** A short, stable digest of a long text (two 32-bit FNV-1a variants side by side). */
export function digestText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
