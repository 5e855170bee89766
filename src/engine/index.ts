// createEngine(): the composition root that the worker exposes and tests drive. It owns the
// simulation, the terminal sessions and the journal; the UI only sends keys and renders bytes.
// DOM-free and worker-free: time and storage come in through `deps`.
import { TICK_MS } from '../sim/clock';
import { SnapshotVersionError, deserializeWorld, serializeWorld } from '../sim/snapshot';
import { advanceTo } from '../sim/tick';
import { hostNames } from '../sim/world';
import { createRegistry } from '../shell/registry';
import { TtySession, newSessionState, type SessionRecord, type SessionState } from '../tty/session';
import { SCENARIOS, scenarioBuilder } from './scenarios';
import { createLabHost, PANEL_SESSION, shellQuote } from './lab-session';
import type { Sim } from '../sim/sim';
import type { SimCore } from '../sim/core/types';
import type { BootInfo, ClockStatus, EngineEvent } from './types';
import { JOURNAL_VERSION, type JournalEntry, type SnapshotRecord, type Store } from './store';
import { ChangeTracker, createGate, digestText, fingerprint, hashBytes, withWarning, SNAPSHOT_EVERY, SNAPSHOT_EVERY_MS, storageProblem } from './persistence';
import { createMemoryStore } from './persistence-memory';
import { UndoIndex, rememberLine, undoCommands, type UndoKind, type UndoPlan } from './undo';
import { exportText, parseImport, type ExportScope, type ImportResult } from './export-import';

export interface EngineDeps {
  loadCore: () => Promise<SimCore>;
  store?: Store;
  /** Real time in ms, for attempt bookkeeping only (never for the simulation). */
  wallNow?: () => number;
  /** Seed for a fresh attempt when none is given. */
  newSeed?: () => number;
  /** Snapshot cadence (tests and benches shorten it): journal entries, and simulated ms. */
  snapshotEvery?: number;
  snapshotEveryMs?: number;
}

export interface BootOptions {
  attemptId?: string;
  scenario?: string;
  seed?: number;
  /** Another tab owns the attempt: show its saved state, write nothing (Web Locks in the client). */
  readOnly?: boolean;
}

const SPEEDS = [0, 1, 10, 60] as const;

export function createEngine(deps: EngineDeps) {
  const wallNow = deps.wallNow ?? (() => 0);
  // The lab session: evaluation hooks around every command, the lab event, progress.
  const labs = createLabHost({ emit: (e) => emit(e), ...(deps.store && { store: deps.store }), wallNow });
  const registry = labs.wrapRegistry(createRegistry(undefined, undoCommands((kind) => planUndo(kind))));
  // Persistence (src/engine/persistence.ts, undo.ts): without a store the journal lives in memory.
  const store: Store = deps.store ?? createMemoryStore();
  const snapshotEvery = deps.snapshotEvery ?? SNAPSHOT_EVERY;
  const snapshotEveryMs = deps.snapshotEveryMs ?? SNAPSHOT_EVERY_MS;
  const tracker = new ChangeTracker(() => fingerprint(currentSim()));
  const undo = new UndoIndex();
  const gate = createGate();
  /** Why the stored attempt is not being written (a newer version wrote it, no storage), or null. */
  let refusal: string | null = null;
  /** The core's tables as first loaded: the start of a world rebuilt without a base snapshot. */
  let pristineCore: Uint8Array | null = null;
  let snapshotAtMs = 0;
  /** Set while the world is being rebuilt across awaits: the clock must not move. */
  let rebuilding = false;
  /** Outcomes of undo/redo recorded in the entry being replayed. */
  let replayMeta: boolean[] = [];
  let sim: Sim | null = null;
  let attemptId = 'sandbox';
  let seq = -1;
  let sinceSnapshot = 0;
  let speed = 1;
  let pendingMs = 0;
  let replaying = false;
  const sessions = new Map<string, TtySession>();
  let pendingRecords: JournalEntry[] = [];
  let listener: ((e: EngineEvent) => void) | null = null;

  const currentSim = (): Sim => {
    if (!sim) throw new Error('engine not booted');
    return sim;
  };

  function sessionFor(id: string, host: string, cols = 80, rows = 24, state?: SessionState): TtySession {
    let s = sessions.get(id);
    if (!s) {
      const st = state ?? newSessionState(id, host, cols, rows);
      s = new TtySession(st, currentSim, registry, (r) => recordFor(s!, r));
      sessions.set(id, s);
    }
    return s;
  }

  function recordFor(s: TtySession, record: SessionRecord): void {
    if (replaying) return;
    seq += 1;
    const entry: JournalEntry = { attemptId, seq, atMs: currentSim().world.clockMs, session: s.state.id, host: s.state.frames[0]!.host, record };
    tracker.open(entry);
    undo.add(entry);
    pendingRecords.push(entry);
  }

  /** The hook of the `undo`/`redo` commands: chooses the step now, the engine takes it after the line. */
  function planUndo(kind: UndoKind): UndoPlan {
    if (replaying) return replayMeta.shift() ? { ok: true, line: '' } : { ok: false, reason: '' };
    const entry = pendingRecords[pendingRecords.length - 1];
    const group = refusal ? null : undo.plan(kind);
    if (entry) (entry.meta ??= []).push(!!group);
    if (refusal) return { ok: false, reason: 'your work is not being saved, so there is nothing to step back to' };
    if (!group) return { ok: false, reason: `nothing to ${kind}` };
    return { ok: true, line: group.exec.record.kind === 'exec' ? group.exec.record.line : '' };
  }

  /**
   * Writes what the last call recorded; awaited before output is shown (durability). Snapshots go
   * in the background. Returns a warning for the terminal (see withWarning) when the write failed.
   */
  async function flushJournal(): Promise<string> {
    tracker.close();
    undo.settle(true);
    const batch = pendingRecords;
    pendingRecords = [];
    if (refusal || !batch.length) return '';
    try {
      for (const e of batch) await store.appendJournal(e);
    } catch (e) {
      const text = storageProblem(e);
      emit({ type: 'notice', level: 'error', text });
      return text;
    }
    sinceSnapshot += batch.length;
    if (sinceSnapshot >= snapshotEvery) snapshotSoon();
    return '';
  }

  /** Captures a snapshot now (only between programs: a running one cannot be serialised) and writes it without waiting. */
  function snapshotSoon(): void {
    if (refusal || !sim || rebuilding || [...sessions.values()].some((s) => s.busy)) return;
    sinceSnapshot = 0;
    snapshotAtMs = sim.world.clockMs;
    void store.putSnapshot(takeSnapshot()).catch((e) => emit({ type: 'notice', level: 'warn', text: storageProblem(e) }));
  }

  function takeSnapshot(): SnapshotRecord {
    const s = currentSim();
    return {
      undo: JSON.stringify(undo.toJSON()),
      attemptId,
      seq,
      atMs: s.world.clockMs,
      schemaVersion: s.world.schemaVersion,
      world: serializeWorld(s.world),
      sessions: JSON.stringify([...sessions.values()].map((x) => x.state)),
      core: s.core.saveTables(),
    };
  }

  /** Advances whole ticks to `targetMs`, letting running programs see every tick. */
  function advance(targetMs: number): Map<string, string> {
    const out = new Map<string, string>();
    const s = currentSim();
    while (s.world.clockMs + TICK_MS <= targetMs) {
      advanceTo(s, s.world.clockMs + TICK_MS);
      for (const [id, session] of sessions) {
        // A program may change the world on a tick (a migration ending): that makes its line undoable.
        const watch = !replaying && session.busy && undo.watching(id);
        const before = watch ? fingerprint(s) : '';
        const data = session.tick();
        if (watch && fingerprint(s) !== before) {
          const exec = undo.programChanged(id);
          if (exec && !refusal) void store.appendJournal(exec).catch(() => undefined);
        }
        if (data) out.set(id, (out.get(id) ?? '') + data);
      }
      labs.afterChange(s);
    }
    return out;
  }

  function emit(e: EngineEvent): void {
    listener?.(e);
  }

  /**
   * Rebuilds the attempt: the newest snapshot (for undo: the newest before `beforeSeq`), then the
   * journal after it, skipping undone entries. A snapshot written by a newer version is refused
   * (SnapshotVersionError propagates); an unreadable one falls back to an older one.
   */
  async function restore(core: SimCore, scenario: string, seed: number, beforeSeq?: number): Promise<{ replayed: number; notice: string | null }> {
    const wasRebuilding = rebuilding;
    rebuilding = true;
    try {
      let notice: string | null = null;
      let afterSeq = -1;
      const build = scenarioBuilder(scenario) ?? SCENARIOS.default!;
      const fresh = () => {
        sessions.clear();
        undo.reset(true);
        if (pristineCore) core.loadTables(pristineCore);
        sim = { world: build(seed), core };
      };
      fresh();
      tracker.reset();
      labs.afterChange(sim);
      const latest = await store.latestSnapshot(attemptId, beforeSeq);
      const base = latest && latest.seq !== -1 ? await store.latestSnapshot(attemptId, 0) : undefined;
      for (const snap of [latest, base]) {
        if (!snap) continue;
        try {
          const world = deserializeWorld(snap.world);
          sim = { world, core };
          core.loadTables(snap.core);
          for (const st of JSON.parse(snap.sessions) as SessionState[]) sessionFor(st.id, st.frames[0]!.host, st.cols, st.rows, st);
          undo.load(snap.undo);
          afterSeq = snap.seq;
          break;
        } catch (e) {
          if (e instanceof SnapshotVersionError) throw e;
          notice = `Saved snapshot could not be read (${e instanceof Error ? e.message : String(e)}); rebuilt from the journal.`;
          fresh();
        }
      }
      // The base snapshot is the world as built: the lab sees it first (a no-op for later snapshots).
      labs.afterChange(sim);
      const entries = await store.readJournal(attemptId, afterSeq);
      replaying = true;
      try {
        for (const e of entries) {
          seq = e.seq;
          undo.add(e);
          const session = sessionFor(e.session, e.host);
          if (e.undone) {
            if (e.record.kind === 'exec') rememberLine(session.state, e.record.line);
            continue;
          }
          advance(e.atMs);
          replayMeta = [...(e.meta ?? [])];
          session.replay(e.record);
          labs.afterChange(sim);
        }
      } finally {
        replaying = false;
        replayMeta = [];
      }
      undo.settle(false);
      seq = Math.max(seq, afterSeq);
      return { replayed: entries.length, notice };
    } finally {
      rebuilding = wasRebuilding;
    }
  }

  /** Carries out the undo/redo steps the last line planned: marks the journal, rebuilds the world. */
  async function carryOutUndo(): Promise<void> {
    const plans = undo.takePlanned();
    if (!plans.length || refusal) return;
    const liveClock = currentSim().world.clockMs;
    const wasBusy = [...sessions].filter(([, x]) => x.busy).map(([id]) => id);
    // No clock tick and no background snapshot until the world is whole again.
    rebuilding = true;
    try {
      for (const { kind, group } of plans) await store.setUndone(attemptId, group.seqs, kind === 'undo');
      const attempt = await store.getAttempt(attemptId);
      await restore(currentSim().core, attempt?.scenario ?? 'default', attempt?.seed ?? currentSim().world.seed, Math.min(...plans.map((p) => p.group.exec.seq)));
      // The world as if the line had never run, at the time it is now: the clock does not go back.
      replaying = true;
      try {
        advance(liveClock);
      } finally {
        replaying = false;
      }
    } finally {
      rebuilding = false;
    }
    labs.afterChange(sim);
    snapshotSoon();
    // A terminal whose program was undone away gets its prompt back.
    for (const id of wasBusy) {
      const x = sessions.get(id);
      if (x && !x.busy) emit({ type: 'output', session: id, data: '\r\n' + x.attach() });
    }
  }

  /** Boot's body (under the gate, with the clock held): see `boot`. */
  async function bootAttempt(opts: BootOptions): Promise<BootInfo> {
    const core = await deps.loadCore();
    pristineCore ??= core.saveTables();
    attemptId = opts.attemptId ?? 'sandbox';
    sessions.clear();
    labs.reset();
    undo.reset();
    pendingRecords = [];
    refusal = null;
    seq = -1;
    sinceSnapshot = 0;
    let existing;
    try {
      existing = await store.getAttempt(attemptId);
    } catch (e) {
      refusal =
        (e as { name?: string } | null)?.name === 'VersionError'
          ? 'Your saved work was written by a newer version of OVM Sandbox: open it with that version (and export it there), or reset everything to start fresh here. Nothing here is saved meanwhile.'
          : `Saving is off: this browser's storage cannot be opened (${e instanceof Error ? e.message : String(e)}). Nothing you do here is kept.`;
    }
    const seed = existing?.seed ?? opts.seed ?? (deps.newSeed?.() ?? 1) >>> 0;
    const scenario = existing?.scenario ?? opts.scenario ?? 'default';
    if ((existing?.journalVersion ?? 1) > JOURNAL_VERSION) {
      refusal = `This attempt was saved by a newer version of OVM Sandbox (journal ${existing!.journalVersion}, this build reads up to ${JOURNAL_VERSION}): export it first, or start fresh. Nothing here is saved meanwhile.`;
    }
    let replayed = 0;
    let notice: string | null = null;
    const viewOnly = !!opts.readOnly;
    try {
      if (!refusal && !existing && !viewOnly) {
        await store.putAttempt({ id: attemptId, seed, scenario, createdAt: wallNow(), updatedAt: wallNow(), journalVersion: JOURNAL_VERSION });
        // The base snapshot (seq -1): the scenario as built, so that a rebuild never depends on builder code.
        if (pristineCore) core.loadTables(pristineCore);
        sim = { world: (scenarioBuilder(scenario) ?? SCENARIOS.default!)(seed), core };
        await store.putSnapshot(takeSnapshot());
      }
      if (!refusal && (existing || !viewOnly)) ({ replayed, notice } = await restore(core, scenario, seed));
    } catch (e) {
      refusal =
        e instanceof SnapshotVersionError
          ? `${e.message[0]!.toUpperCase()}${e.message.slice(1)}. Nothing here is saved meanwhile.`
          : `Saving is off: ${storageProblem(e)}`;
    }
    if (refusal || (viewOnly && !existing)) {
      // A temporary world, so the page still works; the stored attempt is left untouched.
      sessions.clear();
      undo.reset();
      if (pristineCore) core.loadTables(pristineCore);
      sim = { world: (scenarioBuilder(scenario) ?? SCENARIOS.default!)(seed), core };
      labs.afterChange(sim);
      notice = refusal;
    }
    // Read-only: nothing is written, and the page says why (the client shows the take-over offer).
    if (viewOnly && !refusal) refusal = 'This attempt is open in another tab, which saves it; this tab only shows it.';
    snapshotAtMs = currentSim().world.clockMs;
    await labs.flush(sim);
    return { attemptId, seed, scenario, hosts: hostNames(currentSim().world), clockMs: currentSim().world.clockMs, replayed, notice, refusal };
  }

  return {
    /** Starts (or resumes) an attempt: loads the core, rebuilds the world from snapshot + journal. */
    async boot(opts: BootOptions = {}): Promise<BootInfo> {
      return gate(async () => {
        rebuilding = true;
        try {
          return await bootAttempt(opts);
        } finally {
          rebuilding = false;
        }
      });
    },

    /** Attaches a terminal to a session (created on first use); returns the bytes to show. */
    async open(session: string, host: string, cols: number, rows: number): Promise<string> {
      return gate(async () => {
        // Created at the default size and then resized, so the size is journaled and a replay matches.
        const s = sessionFor(session, host);
        const out = s.resize(cols, rows) + s.attach();
        return withWarning(out, await flushJournal());
      });
    },


    /** Keystrokes from a terminal. Resolves with the bytes to show, after they are journaled. */
    async input(session: string, data: string): Promise<string> {
      return gate(async () => {
        const s = sessions.get(session);
        if (!s) return '';
        const out = s.input(data);
        labs.afterChange(sim);
        const warning = await flushJournal();
        if (undo.hasPlanned()) {
          try {
            await carryOutUndo();
          } catch (e) {
            const text = `undo failed: ${storageProblem(e)}`;
            emit({ type: 'notice', level: 'error', text });
            return withWarning(withWarning(out, warning), text);
          }
          await labs.flush(sim);
          // The rebuilt session needs its prompt begun; shown again only if it differs (cd was undone).
          const prompt = (sessions.get(session)?.attach() ?? '').replace('\x1b[?2004h', '');
          return withWarning(out + (out.endsWith(prompt) ? '' : '\r\x1b[2K' + prompt), warning);
        }
        await labs.flush(sim);
        return withWarning(out, warning);
      });
    },

    async resize(session: string, cols: number, rows: number): Promise<string> {
      return gate(async () => {
        const out = sessions.get(session)?.resize(cols, rows) ?? '';
        return withWarning(out, await flushJournal());
      });
    },

    /** Real time passed (ms): advances the simulation by that times the speed and pushes output. */
    pump(realMs: number): void {
      if (!sim || speed === 0 || rebuilding) return;
      pendingMs += realMs * speed;
      const target = sim.world.clockMs + Math.floor(pendingMs / TICK_MS) * TICK_MS;
      if (target === sim.world.clockMs) return;
      pendingMs -= target - sim.world.clockMs;
      for (const [id, data] of advance(target)) emit({ type: 'output', session: id, data });
      emit({ type: 'clock', ...this.status() });
      void labs.flush(sim);
      if (sim.world.clockMs - snapshotAtMs >= snapshotEveryMs) snapshotSoon();
    },

    setSpeed(next: number): ClockStatus {
      if ((SPEEDS as readonly number[]).includes(next)) speed = next;
      return this.status();
    },

    status(): ClockStatus {
      const w = currentSim().world;
      return { clockMs: w.clockMs, speed, wallMs: w.epochMs + w.clockMs };
    },

    /** Where a session stands: its current host and directory, and `$?`. */
    sessionInfo(session: string): { host: string; cwd: string; lastExit: number; depth: number } | null {
      const s = sessions.get(session);
      if (!s) return null;
      const f = s.state.frames[s.state.frames.length - 1]!;
      return { host: f.host, cwd: f.cwd, lastExit: f.lastExit, depth: s.state.frames.length };
    },

    /** One listener for pushed events (output of running programs, clock). */
    subscribe(cb: (e: EngineEvent) => void): void {
      listener = cb;
    },

    /** The lab panel's state now (null in the free sandbox); changes also arrive as `lab` events. */
    labView() {
      return labs.view(sim);
    },

    /**
     * For lab tests and authors: the solution as it would be shown now (answers worked out from
     * the world), without recording it as shown. The panel uses `labCommand('solution', ['--show'])`.
     */
    labSolutionPreview() {
      return labs.solutionPreview(sim);
    },

    /** The catalog: every bundled lab, stored progress, the scenario bases. Needs no boot. */
    labCatalog() {
      return labs.catalog();
    },

    /** The sandbox's fault menu (what `fault` can inject), for the UI's form. */
    faultMenu() {
      return labs.faultMenu();
    },

    /**
     * A lab-panel action as a command line (`hint ID`, `answer ID VALUE`, `solution --show`,
     * `fault NAME k=v`), run in a hidden session so that it is journaled like a typed one.
     * `args` are quoted here; returns what the command printed.
     */
    async labCommand(command: 'hint' | 'answer' | 'solution' | 'fault' | 'objectives', args: string[] = []): Promise<{ exitCode: number; output: string }> {
      // Under the gate: a panel action must not interleave with keystrokes or an undo rebuild.
      return gate(async () => {
        const s = currentSim();
        const panel = sessions.get(PANEL_SESSION) ?? sessionFor(PANEL_SESSION, hostNames(s.world)[0]!);
        // A fresh, empty input line (also for a session restored from a snapshot).
        panel.attach();
        const raw = panel.input([command, ...args.map(shellQuote)].join(' ') + '\r');
        labs.afterChange(s);
        await flushJournal();
        await labs.flush(s);
        // The echo is the first line, the next prompt the last: what lies between is the output.
        const lines = raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split('\r\n');
        const exitCode = panel.state.frames[panel.state.frames.length - 1]!.lastExit;
        return { exitCode, output: lines.slice(1, -1).join('\n') };
      });
    },

    /** Throws the attempt away and starts it again from its scenario with a new seed. */
    async resetAttempt(seed?: number): Promise<BootInfo> {
      const scenario = (await store.getAttempt(attemptId).catch(() => undefined))?.scenario;
      await store.deleteAttempt(attemptId).catch(() => undefined);
      return this.boot({ attemptId, seed: seed ?? deps.newSeed?.() ?? 1, ...(scenario && { scenario }) });
    },

    /** The Undo/Redo buttons: type the command at the session's prompt. Null while a program runs there. */
    async command(session: string, line: UndoKind): Promise<string | null> {
      const s = sessions.get(session);
      if (!s || s.busy) return null;
      // Ctrl-E Ctrl-U first: whatever was half typed on the line gives way to the command.
      return this.input(session, `\x05\x15${line}\r`);
    },

    /** Everything stored (or this attempt) as one versioned JSON text, for a download. */
    async exportData(scope: ExportScope = 'all'): Promise<string> {
      return gate(async () => exportText(await store.dump(scope === 'all' ? undefined : attemptId), scope, wallNow()));
    },

    /** Validates an export before touching anything; then writes it and restarts the current attempt from storage. */
    async importData(text: string): Promise<ImportResult> {
      const parsed = parseImport(text);
      if (!parsed.ok) return parsed;
      try {
        await gate(() => store.load(parsed.dump));
      } catch (e) {
        return { ok: false, error: `Import failed while saving (${storageProblem(e)}); nothing was changed.` };
      }
      return { ok: true, summary: parsed.summary, boot: await this.boot({ attemptId }) };
    },

    /** Reset everything: every attempt, journal, snapshot, progress and setting is deleted; a fresh start. */
    async resetEverything(): Promise<BootInfo> {
      const scenario = (await store.getAttempt(attemptId).catch(() => undefined))?.scenario;
      await gate(() => store.clearAll()).catch(() => undefined);
      return this.boot({ attemptId, seed: deps.newSeed?.() ?? 1, ...(scenario && { scenario }) });
    },

    /** A terminal's serialised scrollback (xterm serialize addon), kept to be shown after a reload. */
    async saveTerminal(session: string, data: string): Promise<void> {
      if (refusal || rebuilding) return;
      await store.putTerminal({ attemptId, session, data, savedAt: wallNow() }).catch(() => undefined);
    },

    async loadTerminal(session: string): Promise<string | null> {
      // Reading is fine even when nothing may be written (read-only tab, newer version).
      return (await store.getTerminal(attemptId, session).catch(() => undefined))?.data ?? null;
    },

    /** A one-line notice from the host (the worker's storage hooks) to the UI. */
    notify(level: 'info' | 'warn' | 'error', text: string): void {
      emit({ type: 'notice', level, text });
    },

    /** The whole state as text (world JSON, sessions JSON, core hash): tests and bug reports. */
    inspect(): { world: string; sessions: string; core: string; seq: number } {
      const s = currentSim();
      const states = [...sessions.values()].map((x) => x.state).sort((a, b) => (a.id < b.id ? -1 : 1));
      return { world: serializeWorld(s.world), sessions: JSON.stringify(states), core: hashBytes(s.core.saveTables()), seq };
    },

    /** A short digest of the world and the core (tests compare worlds across reloads with it). */
    stateDigest(): string {
      const s = currentSim();
      return digestText(fingerprint(s)) + hashBytes(s.core.saveTables());
    },
  };
}

export type EngineApi = ReturnType<typeof createEngine>;
