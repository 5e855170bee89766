// The attempt's persistence inside the engine: boot (newest snapshot + journal replay, refusal of
// what a newer version wrote, read-only for a second tab), the journal written before output is
// shown, background snapshots, undo/redo rebuilds, reset, export/import and scrollback.
// createEngine (index.ts) owns the sessions and the clock and lends them through `host`.
import { SnapshotVersionError, serializeWorld } from '../sim/snapshot';
import { hostNames } from '../sim/world';
import type { JournalEntry, SnapshotRecord, Store } from './store';
import { ChangeTracker, createGate, digestText, fingerprint, hashBytes, SNAPSHOT_EVERY, SNAPSHOT_EVERY_MS, storageProblem, withWarning } from './persistence';
import { createMemoryStore } from './persistence-memory';
import { createRestorer, type PersistenceHost } from './restore';
import { prepareBoot, type PreparedBoot, type PrepareOptions } from './prepared-boot';
import { bootOrigin } from './boot-origin';

export type { PersistenceHost } from './restore';
import { isStorageError, setAsideAttempt } from './set-aside';
import { proveImport, type ScratchBoot } from './import-proof';
import { UndoIndex, type UndoKind, type UndoPlan } from './undo';
import type { ExportScope, ImportResult } from './export-import';
import type { Sim } from '../sim/sim';
import type { SimCore } from '../sim/core/types';
import { BRACKETED_PASTE_ON, type SessionRecord, type TtySession } from '../tty/session';
import type { BootInfo } from './types';

export interface PersistenceDeps {
  loadCore: () => Promise<SimCore>;
  store?: Store;
  /** Real time in ms, for attempt bookkeeping only (never for the simulation). */
  wallNow?: () => number;
  /** Seed for a fresh attempt when none is given. */
  newSeed?: () => number;
  /** Snapshot cadence (tests and benches shorten it): journal entries, and simulated ms. */
  snapshotEvery?: number;
  snapshotEveryMs?: number;
  /** Lets the host's event loop run during a long rebuild (the worker: a macrotask, for its heartbeat). */
  breathe?: () => Promise<void>;
  /**
   * A clock shared with the page (the worker: `performance.timeOrigin + performance.now()`), only to
   * order a prepared read against the moment the page got the attempt's lock (prepared-boot.ts).
   */
  sharedNow?: () => number;
}

export interface BootOptions {
  attemptId?: string;
  scenario?: string;
  seed?: number;
  /** Another tab owns the attempt: show its saved state, write nothing (Web Locks in the client). */
  readOnly?: boolean;
  /** When the page got the attempt's lock, on the clock of `sharedNow` (see prepared-boot.ts). */
  lockedAt?: number;
}


const READ_ONLY = 'This attempt is open in another tab, which saves it; this tab only shows it.';

export function createAttemptPersistence(deps: PersistenceDeps, host: PersistenceHost) {
  const store: Store = deps.store ?? createMemoryStore();
  const wallNow = deps.wallNow ?? (() => 0);
  const snapshotEvery = deps.snapshotEvery ?? SNAPSHOT_EVERY;
  const snapshotEveryMs = deps.snapshotEveryMs ?? SNAPSHOT_EVERY_MS;
  const breathe = deps.breathe ?? (() => Promise.resolve());
  const { sessions, labs } = host;
  const currentSim = (): Sim => {
    const s = host.getSim();
    if (!s) throw new Error('engine not booted');
    return s;
  };
  const tracker = new ChangeTracker(() => fingerprint(currentSim()));
  const undo = new UndoIndex();
  const gate = createGate();
  let attemptId = 'sandbox';
  let seq = -1;
  let sinceSnapshot = 0;
  let snapshotAtMs = 0;
  let pending: JournalEntry[] = [];
  /** Why the stored attempt is not being written (newer version, no storage, another tab), or null. */
  let refusal: string | null = null;
  /** The core's tables as first loaded: the start of a world rebuilt without a base snapshot. */
  let pristineCore: Uint8Array | null = null;
  /** Set while the world is rebuilt across awaits: the clock must not move, no snapshot is taken. */
  let rebuilding = false;
  /** Set while the journal is replayed: nothing is recorded again. */
  let replaying = false;
  /** Outcomes of undo/redo recorded in the entry being replayed. */
  let replayMeta: boolean[] = [];
  /** Entries found failing in this attempt (also kept on disk when writable): every rebuild skips them. */
  const failedSeqs = new Set<number>();
  /** Set while a read-only boot restores: it may read, never write (another tab owns the attempt). */
  let viewOnlyBoot = false;
  const mayWrite = () => !refusal && !viewOnlyBoot;

  function record(s: TtySession, rec: SessionRecord): void {
    if (replaying) return;
    seq += 1;
    const entry: JournalEntry = { attemptId, seq, atMs: currentSim().world.clockMs, session: s.state.id, host: s.state.frames[0]!.host, record: rec };
    tracker.open(entry);
    undo.add(entry);
    pending.push(entry);
  }

  /** The hook of the `undo`/`redo` commands: chooses the step now; `afterLine` takes it. */
  function planUndo(kind: UndoKind): UndoPlan {
    if (replaying) return replayMeta.shift() ? { ok: true, line: '' } : { ok: false, reason: '' };
    const entry = pending[pending.length - 1];
    // The world is rebuilt after the line: in a list, what follows would run in the old world.
    const alone = entry?.record.kind === 'exec' && /^\s*(undo|redo)(\s+[^;&|<>()`$\n]*)?$/.test(entry.record.line);
    if (!alone) {
      if (entry) (entry.meta ??= []).push(false);
      return { ok: false, reason: 'must be the only command on the line' };
    }
    const group = refusal ? null : undo.plan(kind);
    if (entry) (entry.meta ??= []).push(!!group);
    if (refusal) return { ok: false, reason: 'your work is not being saved, so there is nothing to step back to' };
    if (!group) return { ok: false, reason: `nothing to ${kind}` };
    return { ok: true, line: group.exec.record.kind === 'exec' ? group.exec.record.line : '' };
  }

  /** Writes what the call recorded; awaited before output is shown. Returns a warning, or ''. */
  async function flush(opts: { snapshot?: boolean } = {}): Promise<string> {
    tracker.close();
    undo.settle(true);
    const batch = pending;
    pending = [];
    if (refusal || !batch.length) return '';
    try {
      await store.appendJournal(batch);
    } catch (e) {
      const text = storageProblem(e);
      host.emit({ type: 'notice', level: 'error', text });
      return text;
    }
    sinceSnapshot += batch.length;
    if (sinceSnapshot >= snapshotEvery && opts.snapshot !== false) snapshotSoon();
    return '';
  }

  /**
   * A call raised an internal error half-way: its last record is journaled as failed and the
   * world is rebuilt without it (from storage, as for undo), so the live world is exactly what a
   * reload will rebuild. Returns the bytes to show: an error line and a fresh prompt.
   */
  async function recoverFromThrow(sessionId: string, error: unknown): Promise<string> {
    const culprit = pending[pending.length - 1];
    if (culprit) culprit.failed = true;
    // No snapshot now: the world holds the culprit's half-done effect.
    const warning = await flush({ snapshot: false });
    const why = error instanceof Error ? error.message : String(error);
    if (culprit && !refusal) {
      failedSeqs.add(culprit.seq);
      await rebuildBefore(culprit.seq);
      labs.afterChange(host.getSim());
    }
    const s = sessions.get(sessionId);
    const prompt = s ? s.recover() : '';
    const text = `\r\n\x1b[31m-bash: internal error: ${why.replace(/[\x00-\x1f]/g, ' ').slice(0, 200)} (this line changed nothing)\x1b[0m\r\n${prompt}`;
    return withWarning(text, warning);
  }

  /**
   * Rebuilds the world from storage as if nothing from journal entry `seq` on had run (undone or
   * failed entries are skipped), then runs the clock to where it was: time never goes back.
   */
  async function rebuildBefore(seq: number, liveClock = currentSim().world.clockMs): Promise<void> {
    rebuilding = true;
    try {
      const attempt = await store.getAttempt(attemptId);
      await restore(currentSim().core, attempt?.scenario ?? 'default', attempt?.seed ?? currentSim().world.seed, seq);
      replaying = true;
      try {
        host.advance(liveClock);
      } finally {
        replaying = false;
      }
    } finally {
      rebuilding = false;
    }
  }

  /** Captures a snapshot now (only between programs: a running one cannot be serialised); writes it in the background. */
  function snapshotSoon(): void {
    const sim = host.getSim();
    if (refusal || !sim || rebuilding || [...sessions.values()].some((s) => s.busy)) return;
    sinceSnapshot = 0;
    snapshotAtMs = sim.world.clockMs;
    void store.putSnapshot(takeSnapshot()).catch((e) => host.emit({ type: 'notice', level: 'warn', text: storageProblem(e) }));
  }

  function takeSnapshot(): SnapshotRecord {
    const s = currentSim();
    return {
      attemptId,
      seq,
      atMs: s.world.clockMs,
      schemaVersion: s.world.schemaVersion,
      world: serializeWorld(s.world),
      sessions: JSON.stringify([...sessions.values()].map((x) => x.state)),
      core: s.core.saveTables(),
      undo: JSON.stringify(undo.toJSON()),
    };
  }

  /** One clock tick of a session; a program that changes the world on a tick (a migration ending) makes its line undoable. */
  function tickSession(id: string, session: TtySession): string {
    const watch = !replaying && session.busy && undo.watching(id);
    const before = watch ? fingerprint(currentSim()) : '';
    const data = session.tick();
    if (watch && fingerprint(currentSim()) !== before) {
      const exec = undo.programChanged(id);
      if (exec && !refusal) void store.appendJournal(exec).catch(() => undefined);
    }
    return data;
  }

  const { restore } = createRestorer({
    store,
    host,
    undo,
    tracker,
    failedSeqs,
    attemptId: () => attemptId,
    pristineCore: () => pristineCore,
    mayWrite,
    breathe,
    bumpSeq: (n) => (seq = Math.max(seq, n)),
    setReplaying: (on, meta = []) => {
      replaying = on;
      replayMeta = meta;
    },
    swapRebuilding: (on) => {
      const was = rebuilding;
      rebuilding = on;
      return was;
    },
  });

  /** Carries out the undo/redo steps the last line planned: marks the journal, rebuilds the world. */
  async function carryOutUndo(): Promise<void> {
    const plans = undo.takePlanned();
    if (!plans.length || refusal) return;
    const liveClock = currentSim().world.clockMs;
    const wasBusy = [...sessions].filter(([, x]) => x.busy).map(([id]) => id);
    rebuilding = true;
    try {
      for (const { kind, group } of plans) await store.setUndone(attemptId, group.seqs, kind === 'undo');
    } finally {
      rebuilding = false;
    }
    await rebuildBefore(Math.min(...plans.map((p) => p.group.exec.seq)), liveClock);
    labs.afterChange(host.getSim());
    snapshotSoon();
    // A terminal whose program was undone away gets its prompt back.
    for (const id of wasBusy) {
      const x = sessions.get(id);
      if (x && !x.busy) host.emit({ type: 'output', session: id, data: '\r\n' + x.attach() });
    }
  }

  /** Started by prepare(), taken by the next boot (its core in any case, the rest if it fits). */
  let prepared: PreparedBoot | null = null;

  async function bootAttempt(opts: BootOptions): Promise<BootInfo> {
    const prep = prepared;
    prepared = null;
    const core = await (prep?.core ?? deps.loadCore());
    pristineCore ??= core.saveTables();
    attemptId = opts.attemptId ?? 'sandbox';
    sessions.clear();
    labs.reset();
    undo.reset();
    pending = [];
    refusal = null;
    seq = -1;
    failedSeqs.clear();
    sinceSnapshot = 0;
    const origin = await bootOrigin(store, prep, attemptId, opts, () => deps.newSeed?.() ?? 1);
    const { existing, seed, scenario, buildNew } = origin;
    refusal = origin.refusal;
    // A lab opened from a file lives in the store: registered before its world is built.
    await labs.prepare(scenario);
    const viewOnly = !!opts.readOnly;
    viewOnlyBoot = viewOnly;
    let replayed = 0;
    let notice: string | null = null;
    let base: SnapshotRecord | undefined;
    try {
      if (!refusal && !existing && !viewOnly) {
        // The base snapshot (seq -1): the scenario as built, so that a rebuild never depends on builder
        // code; written with the attempt's record in one transaction (a crash leaves both or neither).
        if (pristineCore) core.loadTables(pristineCore);
        host.setSim({ world: buildNew(), core });
        base = takeSnapshot();
        await store.createAttempt(origin.newRecord(wallNow()), base);
      }
      // A new attempt's base is restored from the record just written, not read back.
      if (!refusal && (existing || !viewOnly)) ({ replayed, notice } = await restore(core, scenario, seed, undefined, base));
    } catch (e) {
      if (e instanceof SnapshotVersionError) refusal = `${e.message[0]!.toUpperCase()}${e.message.slice(1)}. Nothing here is saved meanwhile.`;
      else if (viewOnly || isStorageError(e)) refusal = `Saving is off: ${storageProblem(e)}`;
      else {
        // The saved attempt itself is damaged: set it aside (never lost) and start afresh, saving on.
        try {
          await setAsideAttempt(store, attemptId, wallNow());
          failedSeqs.clear();
          seq = -1;
          if (pristineCore) core.loadTables(pristineCore);
          host.setSim({ world: origin.build(), core });
          await store.createAttempt(origin.newRecord(wallNow()), takeSnapshot());
          ({ replayed } = await restore(core, scenario, seed));
          notice = `Your saved work here could not be restored (${e instanceof Error ? e.message : String(e)}). It was set aside, not deleted (Export everything includes it), and this attempt starts afresh.`;
        } catch (e2) {
          refusal = `Saving is off: ${storageProblem(e2)}`;
        }
      }
    }
    if (refusal || (viewOnly && !existing)) {
      // A temporary world, so the page still works; the stored attempt is left untouched.
      sessions.clear();
      undo.reset();
      if (pristineCore) core.loadTables(pristineCore);
      host.setSim({ world: buildNew(), core });
      labs.afterChange(host.getSim());
      notice = refusal;
    }
    // Read-only: nothing is written, and the page says why (the client shows the take-over offer).
    if (viewOnly && !refusal) refusal = READ_ONLY;
    const world = currentSim().world;
    snapshotAtMs = world.clockMs;
    await labs.flush(host.getSim());
    return { attemptId, seed, scenario, hosts: hostNames(world), clockMs: world.clockMs, replayed, notice, refusal, manager: !!world.manager };
  }

  /** Starts (or resumes) an attempt, under the gate and with the clock held. */
  function boot(opts: BootOptions = {}): Promise<BootInfo> {
    return gate(async () => {
      rebuilding = true;
      try {
        return await bootAttempt(opts);
      } finally {
        rebuilding = false;
      }
    });
  }

  /**
   * Starts what the next boot of `opts` will need and can have without writing: the core, the
   * attempt's record and a new attempt's world (prepared-boot.ts). Called before a boot is asked for.
   */
  function prepare(opts: PrepareOptions): void {
    if (prepared) return;
    prepared = prepareBoot({ loadCore: deps.loadCore, store, newSeed: () => deps.newSeed?.() ?? 1, sharedNow: deps.sharedNow ?? (() => -Infinity) }, opts);
    releasePrepared = prepared.release;
  }

  /** Lets the prepared world be built (see PrepareOptions.firstScreen), whichever boot takes it. */
  let releasePrepared = (): void => undefined;

  return {
    gate,
    record,
    prepare,
    releasePrepared: () => releasePrepared(),
    planUndo,
    flush,
    recoverFromThrow,
    tickSession,
    boot,
    get rebuilding(): boolean {
      return rebuilding;
    },

    /** After a line ran: carries out a planned undo/redo and fixes the prompt; null when none was planned. */
    async afterLine(session: string, out: string, warning: string): Promise<string | null> {
      if (!undo.hasPlanned()) return null;
      try {
        await carryOutUndo();
      } catch (e) {
        const text = `undo failed: ${storageProblem(e)}`;
        host.emit({ type: 'notice', level: 'error', text });
        return withWarning(withWarning(out, warning), text);
      }
      await labs.flush(host.getSim());
      // The rebuilt session needs its prompt begun; shown again only if it differs (cd was undone).
      const prompt = (sessions.get(session)?.attach() ?? '').replace(BRACKETED_PASTE_ON, '');
      return withWarning(out + (out.endsWith(prompt) ? '' : '\r\x1b[2K' + prompt), warning);
    },

    /** The clock moved: a snapshot every few simulated minutes keeps the clock across a reload. */
    afterClock(clockMs: number): void {
      if (clockMs - snapshotAtMs >= snapshotEveryMs) snapshotSoon();
    },

    async resetAttempt(seed?: number): Promise<BootInfo> {
      const scenario = (await store.getAttempt(attemptId).catch(() => undefined))?.scenario;
      await store.deleteAttempt(attemptId).catch(() => undefined);
      return boot({ attemptId, seed: seed ?? deps.newSeed?.() ?? 1, ...(scenario && { scenario }) });
    },

    async resetEverything(): Promise<BootInfo> {
      const scenario = (await store.getAttempt(attemptId).catch(() => undefined))?.scenario;
      await gate(() => store.clearAll()).catch(() => undefined);
      return boot({ attemptId, seed: deps.newSeed?.() ?? 1, ...(scenario && { scenario }) });
    },

    async exportData(scope: ExportScope): Promise<string> {
      // The export format and its validator load on demand (not with the worker's first chunk).
      const { exportText } = await import('./export-import');
      return gate(async () => exportText(await store.dump(scope === 'all' ? undefined : attemptId), scope, wallNow()));
    },

    async importData(text: string, scratchBoot: ScratchBoot): Promise<ImportResult> {
      const { parseImport } = await import('./export-import');
      const parsed = parseImport(text);
      if (!parsed.ok) return parsed;
      // Restored and replayed in a scratch world first: the stored attempts stay until the new ones are proven.
      const known = await store.listCustomLabs().catch(() => []);
      const problem = await proveImport(parsed.dump, known, scratchBoot);
      if (problem) return { ok: false, error: problem };
      try {
        await gate(() => store.load(parsed.dump));
      } catch (e) {
        return { ok: false, error: `Import failed while saving (${storageProblem(e)}); nothing was changed.` };
      }
      return { ok: true, summary: parsed.summary, boot: await boot({ attemptId }) };
    },

    async saveTerminal(session: string, data: string): Promise<void> {
      if (refusal || rebuilding) return;
      await store.putTerminal({ attemptId, session, data, savedAt: wallNow() }).catch(() => undefined);
    },

    async loadTerminal(session: string): Promise<string | null> {
      // Reading is fine even when nothing may be written (read-only tab, newer version).
      return (await store.getTerminal(attemptId, session).catch(() => undefined))?.data ?? null;
    },

    inspect(): { world: string; sessions: string; core: string; seq: number } {
      const s = currentSim();
      const states = [...sessions.values()].map((x) => x.state).sort((a, b) => (a.id < b.id ? -1 : 1));
      return { world: serializeWorld(s.world), sessions: JSON.stringify(states), core: hashBytes(s.core.saveTables()), seq };
    },

    stateDigest(): string {
      const s = currentSim();
      return digestText(fingerprint(s)) + hashBytes(s.core.saveTables());
    },
  };
}
