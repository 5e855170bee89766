// Rebuilding an attempt from storage: the newest usable snapshot, then the journal after it,
// skipping undone and failed entries, bounded by the replay guard; an entry that cannot be
// replayed is marked failed and the rebuild starts again without it. Owned by persistence-attempt.ts.
import { CoreLayoutError } from '../sim/core/table-bytes';
import { SnapshotVersionError, deserializeWorld } from '../sim/snapshot';
import { hostNames } from '../sim/world';
import { SCENARIOS, scenarioBuilder } from './scenarios';
import { describeEntry, entryProblem, MAX_REPLAY_REPAIRS, RestoreError } from './replay-guard';
import { rememberLine, type UndoIndex } from './undo';
import type { ChangeTracker } from './persistence';
import type { JournalEntry, SnapshotRecord, Store } from './store';
import type { EngineEvent } from './types';
import type { Sim } from '../sim/sim';
import type { SimCore } from '../sim/core/types';
import type { SessionState, TtySession } from '../tty/session';

/** Journal entries replayed between two breaths of a rebuild. */
const REPLAY_SLICE = 64;

/** What the engine lends: its world, its sessions, its clock, its events and the lab hooks. */
export interface PersistenceHost {
  getSim(): Sim | null;
  setSim(sim: Sim): void;
  readonly sessions: Map<string, TtySession>;
  sessionFor(id: string, host: string, cols?: number, rows?: number, state?: SessionState): TtySession;
  /** Runs whole ticks up to `targetMs` (programs see every tick; output is the engine's business). */
  advance(targetMs: number): unknown;
  emit(e: EngineEvent): void;
  labs: { afterChange(sim: Sim | null): void; reset(): void; flush(sim: Sim | null): Promise<void>; prepare(scenario: string): Promise<void> };
  /** Resolves once the command registry has loaded (a replay runs commands; a fresh boot does not wait). */
  commandsReady(): Promise<void>;
}

/** What the rebuild needs of the attempt's persistence: its store, world host, indexes and state. */
export interface RestoreContext {
  store: Store;
  host: PersistenceHost;
  undo: UndoIndex;
  tracker: ChangeTracker;
  failedSeqs: Set<number>;
  attemptId(): string;
  pristineCore(): Uint8Array | null;
  mayWrite(): boolean;
  breathe(): Promise<void>;
  /** The journal counter reaches at least `seq`. */
  bumpSeq(seq: number): void;
  /** Replaying: nothing is recorded again; `meta` are the undo/redo outcomes of the entry being replayed. */
  setReplaying(on: boolean, meta?: boolean[]): void;
  /** Sets the rebuilding flag (the clock holds, no snapshot is taken); returns the previous value. */
  swapRebuilding(on: boolean): boolean;
}

function skippedNotice(skipped: readonly JournalEntry[]): string | null {
  if (!skipped.length) return null;
  const named = skipped.slice(0, 3).map(describeEntry).join(', ') + (skipped.length > 3 ? ` and ${skipped.length - 3} more` : '');
  return `${skipped.length === 1 ? 'One saved command' : `${skipped.length} saved commands`} could not be replayed and ${skipped.length === 1 ? 'was' : 'were'} skipped (${named}); everything else is restored.`;
}

export function createRestorer(c: RestoreContext) {
  const current = (): Sim => {
    const s = c.host.getSim();
    if (!s) throw new Error('engine not booted');
    return s;
  };

  /**
   * Rebuilds the attempt: the newest snapshot (for undo: the newest before `beforeSeq`), then the
   * journal after it, skipping undone and failed entries. An entry that cannot be replayed (it
   * names no host of the world, lies too far ahead, or raises) is marked failed and the rebuild
   * starts again without it, so one bad record never takes the rest of the attempt with it.
   * A snapshot written by a newer version is refused (SnapshotVersionError propagates).
   */
  async function restore(core: SimCore, scenario: string, seed: number, beforeSeq?: number, newest?: SnapshotRecord): Promise<{ replayed: number; notice: string | null }> {
    const was = c.swapRebuilding(true);
    try {
      const skipped: JournalEntry[] = [];
      for (let round = 0; ; round++) {
        // `newest`: the snapshot just written (a new attempt's base), not read back; a second round reads.
        const r = await restoreOnce(core, scenario, seed, beforeSeq, round === 0 ? newest : undefined);
        skipped.push(...r.skipped);
        if (!r.failed) {
          const notices = [r.notice, skippedNotice(skipped)].filter(Boolean);
          return { replayed: r.replayed, notice: notices.length ? notices.join(' ') : null };
        }
        // Half applied: start again from before it, with it marked failed (kept so on disk when we may write).
        skipped.push(r.failed);
        c.failedSeqs.add(r.failed.seq);
        if (c.mayWrite()) await c.store.markFailed(c.attemptId(), r.failed.seq);
        if (round + 1 >= MAX_REPLAY_REPAIRS) throw new RestoreError(`${skipped.length} saved commands could not be replayed`);
      }
    } finally {
      c.swapRebuilding(was);
    }
  }

  async function restoreOnce(core: SimCore, scenario: string, seed: number, beforeSeq?: number, newest?: SnapshotRecord): Promise<{ replayed: number; notice: string | null; skipped: JournalEntry[]; failed: JournalEntry | null }> {
    let notice: string | null = null;
    let afterSeq = -1;
    const build = scenarioBuilder(scenario) ?? SCENARIOS.default!;
    const fresh = () => {
      c.host.sessions.clear();
      c.undo.reset(true);
      const pristine = c.pristineCore();
      if (pristine) core.loadTables(pristine);
      c.host.setSim({ world: build(seed), core });
    };
    // Snapshots after a failed entry may hold its half-done effect (a read-only tab cannot drop them).
    const firstFailed = c.failedSeqs.size ? Math.min(...c.failedSeqs) : Infinity;
    const limit = Math.min(beforeSeq ?? Infinity, firstFailed);
    const latest = newest ?? (await c.store.latestSnapshot(c.attemptId(), Number.isFinite(limit) ? limit : undefined));
    const base = latest && latest.seq !== -1 ? await c.store.latestSnapshot(c.attemptId(), 0) : undefined;
    if (latest?.seq === -1) {
      // The latest snapshot is the base, the world as built: building it here first would be
      // the same world twice (a whole build on every fresh boot).
      c.host.sessions.clear();
      c.undo.reset(true);
    } else {
      fresh();
      c.host.labs.afterChange(c.host.getSim());
    }
    c.tracker.reset();
    for (const snap of [latest, base]) {
      if (!snap) continue;
      try {
        c.host.setSim({ world: deserializeWorld(snap.world), core });
        core.loadTables(snap.core);
        for (const st of JSON.parse(snap.sessions) as SessionState[]) c.host.sessionFor(st.id, st.frames[0]!.host, st.cols, st.rows, st);
        c.undo.load(snap.undo);
        afterSeq = snap.seq;
        break;
      } catch (e) {
        if (e instanceof SnapshotVersionError) throw e;
        fresh();
        // Saved by a build whose core had other tables (an ABI bump): every snapshot of the
        // attempt is, so the whole journal is replayed, quietly (nothing was wrong with the data).
        if (e instanceof CoreLayoutError) break;
        notice = `Saved snapshot could not be read (${e instanceof Error ? e.message : String(e)}); rebuilt from the journal.`;
      }
    }
    // The base snapshot is the world as built: the lab sees it first (a no-op for later snapshots).
    c.host.labs.afterChange(c.host.getSim());
    const entries = await c.store.readJournal(c.attemptId(), afterSeq);
    if (entries.length) await c.host.commandsReady();
    const startMs = current().world.clockMs;
    const hosts = hostNames(current().world);
    const skipped: JournalEntry[] = [];
    c.setReplaying(true);
    try {
      for (const [i, e] of entries.entries()) {
        if (i > 0 && i % REPLAY_SLICE === 0) {
          // A long rebuild lets the worker breathe: its heartbeat goes on, and the page shows how far it is.
          c.host.emit({ type: 'progress', stage: 'restore', done: i, total: entries.length });
          await c.breathe();
        }
        c.bumpSeq(e.seq);
        if (c.failedSeqs.has(e.seq) || e.failed) e.failed = true;
        const problem = e.failed || e.undone ? null : entryProblem(e, hosts, startMs);
        if (problem) {
          // Nothing of it ran: skipped in place, and marked so that the next rebuild skips it too.
          e.failed = true;
          c.failedSeqs.add(e.seq);
          skipped.push(e);
          if (c.mayWrite()) await c.store.markFailed(c.attemptId(), e.seq).catch(() => undefined);
        }
        if (e.failed) {
          const s = hosts.includes(e.host) ? c.host.sessionFor(e.session, e.host) : null;
          if (s && e.record.kind === 'exec') rememberLine(s.state, e.record.line);
          continue;
        }
        c.undo.add(e);
        const session = c.host.sessionFor(e.session, e.host);
        if (e.undone) {
          if (e.record.kind === 'exec') rememberLine(session.state, e.record.line);
          continue;
        }
        try {
          c.host.advance(e.atMs);
          c.setReplaying(true, [...(e.meta ?? [])]);
          session.replay(e.record);
          c.host.labs.afterChange(c.host.getSim());
        } catch {
          return { replayed: entries.length, notice, skipped, failed: e };
        }
      }
    } finally {
      c.setReplaying(false);
    }
    c.undo.settle(false);
    c.undo.restoreRedo();
    c.bumpSeq(afterSeq);
    return { replayed: entries.length, notice, skipped, failed: null };
  }

  return { restore };
}
