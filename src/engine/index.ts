// createEngine(): the composition root that the worker exposes and tests drive. It owns the
// simulation, the terminal sessions and the journal; the UI only sends keys and renders bytes.
// DOM-free and worker-free: time and storage come in through `deps`.
import { TICK_MS } from '../sim/clock';
import { deserializeWorld, serializeWorld } from '../sim/snapshot';
import { advanceTo } from '../sim/tick';
import { hostNames } from '../sim/world';
import { createRegistry } from '../shell/registry';
import { TtySession, newSessionState, type SessionRecord, type SessionState } from '../tty/session';
import { SCENARIOS, scenarioBuilder } from './scenarios';
import { createLabHost, PANEL_SESSION, shellQuote } from './lab-session';
import type { Sim } from '../sim/sim';
import type { SimCore } from '../sim/core/types';
import type { BootInfo, ClockStatus, EngineEvent } from './types';
import type { JournalEntry, Store } from './store';

export interface EngineDeps {
  loadCore: () => Promise<SimCore>;
  store?: Store;
  /** Real time in ms, for attempt bookkeeping only (never for the simulation). */
  wallNow?: () => number;
  /** Seed for a fresh attempt when none is given. */
  newSeed?: () => number;
}

export interface BootOptions {
  attemptId?: string;
  scenario?: string;
  seed?: number;
}

/** A snapshot is written after this many journal entries. */
const SNAPSHOT_EVERY = 100;
const SPEEDS = [0, 1, 10, 60] as const;

export function createEngine(deps: EngineDeps) {
  const wallNow = deps.wallNow ?? (() => 0);
  // The lab session: evaluation hooks around every command, the lab event, progress.
  const labs = createLabHost({ emit: (e) => emit(e), ...(deps.store && { store: deps.store }), wallNow });
  const registry = labs.wrapRegistry(createRegistry());
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
    pendingRecords.push({ attemptId, seq, atMs: currentSim().world.clockMs, session: s.state.id, host: s.state.frames[0]!.host, record });
  }

  /** Writes what the last call recorded, then (sometimes) a snapshot. Awaited before output is shown. */
  async function flushJournal(): Promise<void> {
    const batch = pendingRecords;
    pendingRecords = [];
    if (!deps.store || !batch.length) return;
    for (const e of batch) await deps.store.appendJournal(e);
    sinceSnapshot += batch.length;
    if (sinceSnapshot >= SNAPSHOT_EVERY && ![...sessions.values()].some((s) => s.busy)) {
      sinceSnapshot = 0;
      await deps.store.putSnapshot(takeSnapshot());
    }
  }

  function takeSnapshot() {
    const s = currentSim();
    return {
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
        const data = session.tick();
        if (data) out.set(id, (out.get(id) ?? '') + data);
      }
      labs.afterChange(s);
    }
    return out;
  }

  function emit(e: EngineEvent): void {
    listener?.(e);
  }

  async function restore(core: SimCore, scenario: string, seed: number): Promise<{ replayed: number; notice: string | null }> {
    let notice: string | null = null;
    let afterSeq = -1;
    const snap = deps.store ? await deps.store.latestSnapshot(attemptId) : undefined;
    const build = scenarioBuilder(scenario) ?? SCENARIOS.default!;
    sim = { world: build(seed), core };
    labs.afterChange(sim);
    if (snap) {
      try {
        const world = deserializeWorld(snap.world);
        sim = { world, core };
        core.loadTables(snap.core);
        for (const st of JSON.parse(snap.sessions) as SessionState[]) sessionFor(st.id, st.frames[0]!.host, st.cols, st.rows, st);
        afterSeq = snap.seq;
      } catch (e) {
        notice = `Saved snapshot could not be read (${e instanceof Error ? e.message : String(e)}); rebuilt from the journal.`;
        sim = { world: build(seed), core };
        sessions.clear();
      }
    }
    const entries = deps.store ? await deps.store.readJournal(attemptId, afterSeq) : [];
    replaying = true;
    try {
      for (const e of entries) {
        advance(e.atMs);
        sessionFor(e.session, e.host).replay(e.record);
        labs.afterChange(sim);
        seq = e.seq;
      }
    } finally {
      replaying = false;
    }
    seq = Math.max(seq, afterSeq);
    return { replayed: entries.length, notice };
  }

  return {
    /** Starts (or resumes) an attempt: loads the core, rebuilds the world from snapshot + journal. */
    async boot(opts: BootOptions = {}): Promise<BootInfo> {
      const core = await deps.loadCore();
      attemptId = opts.attemptId ?? 'sandbox';
      sessions.clear();
      labs.reset();
      seq = -1;
      sinceSnapshot = 0;
      const existing = deps.store ? await deps.store.getAttempt(attemptId) : undefined;
      const seed = existing?.seed ?? opts.seed ?? (deps.newSeed?.() ?? 1) >>> 0;
      const scenario = existing?.scenario ?? opts.scenario ?? 'default';
      if (!existing && deps.store) await deps.store.putAttempt({ id: attemptId, seed, scenario, createdAt: wallNow(), updatedAt: wallNow() });
      const { replayed, notice } = await restore(core, scenario, seed);
      await labs.flush(sim);
      return { attemptId, seed, scenario, hosts: hostNames(currentSim().world), clockMs: currentSim().world.clockMs, replayed, notice };
    },

    /** Attaches a terminal to a session (created on first use); returns the bytes to show. */
    async open(session: string, host: string, cols: number, rows: number): Promise<string> {
      const s = sessionFor(session, host, cols, rows);
      const out = s.resize(cols, rows) + s.attach();
      await flushJournal();
      return out;
    },

    /** Keystrokes from a terminal. Resolves with the bytes to show, after they are journaled. */
    async input(session: string, data: string): Promise<string> {
      const s = sessions.get(session);
      if (!s) return '';
      const out = s.input(data);
      labs.afterChange(sim);
      await flushJournal();
      await labs.flush(sim);
      return out;
    },

    async resize(session: string, cols: number, rows: number): Promise<string> {
      const out = sessions.get(session)?.resize(cols, rows) ?? '';
      await flushJournal();
      return out;
    },

    /** Real time passed (ms): advances the simulation by that times the speed and pushes output. */
    pump(realMs: number): void {
      if (!sim || speed === 0) return;
      pendingMs += realMs * speed;
      const target = sim.world.clockMs + Math.floor(pendingMs / TICK_MS) * TICK_MS;
      if (target === sim.world.clockMs) return;
      pendingMs -= target - sim.world.clockMs;
      for (const [id, data] of advance(target)) emit({ type: 'output', session: id, data });
      emit({ type: 'clock', ...this.status() });
      void labs.flush(sim);
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
    },

    /** Throws the attempt away and starts it again from its scenario with a new seed. */
    async resetAttempt(seed?: number): Promise<BootInfo> {
      await deps.store?.deleteAttempt(attemptId);
      return this.boot({ attemptId, seed: seed ?? deps.newSeed?.() ?? 1 });
    },
  };
}

export type EngineApi = ReturnType<typeof createEngine>;
