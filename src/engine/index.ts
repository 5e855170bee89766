// createEngine(): the composition root that the worker exposes and tests drive. It owns the
// simulation, the terminal sessions and the journal; the UI only sends keys and renders bytes.
// DOM-free and worker-free: time and storage come in through `deps`.
import { TICK_MS } from '../sim/clock';
import { advanceTo } from '../sim/tick';
import { hostNames } from '../sim/world';
import { createLazyRegistry } from '../shell/lazy-registry';
import { TtySession, newSessionState, type SessionState } from '../tty/session';
import { createLabHost, PANEL_SESSION, shellQuote } from './lab-session';
import { createAttemptPersistence, type BootOptions, type PersistenceDeps } from './persistence-attempt';
import { withWarning } from './persistence';
import { undoCommands, type UndoKind } from './undo';
import { createManagerHost } from './manager';
import { wireEngine } from './wiring';
import type { PrepareOptions } from './prepared-boot';
import type { Sim } from '../sim/sim';
import type { CommandSpec, Registry } from '../shell/types';
import type { BootInfo, ClockStatus, EngineEvent } from './types';
import type { ExportScope, ImportResult } from './export-import';
import type { createClassTools } from './class-engine';
import { wrapPolicy } from './class-policy';
import type { ClassPolicy } from './class-format';

export type { BootOptions } from './persistence-attempt';

/** What the engine needs from its host (the worker, a test, a bench). */
export type EngineDeps = PersistenceDeps & {
  /**
   * The command registry with `extra` in it. Default: the shell's, imported on demand, so that the
   * first prompt does not wait for the command implementations (most of the worker's code).
   */
  loadRegistry?: (extra: readonly CommandSpec[]) => Promise<Registry>;
  /** Called after every evaluation of the lab (a re-grade watches objectives being met). */
  onEvaluate?: (sim: Sim) => void;
};

const SPEEDS = [0, 1, 10, 60] as const;

export function createEngine(deps: EngineDeps) {
  wireEngine();
  const wallNow = deps.wallNow ?? (() => 0);
  // The Oracle VM Manager tab's views (src/engine/manager.ts), pushed when its database changed.
  const mgr = createManagerHost();
  // The lab session: evaluation hooks around every command, the lab event, progress.
  const labHost = createLabHost({ emit: (e) => emit(e), ...(deps.store && { store: deps.store }), wallNow });
  const onEvaluate = deps.onEvaluate;
  const labs: typeof labHost = onEvaluate ? { ...labHost, afterChange: (s) => (labHost.afterChange(s), s && onEvaluate(s)) } : labHost;
  /** A class's assessment options (hints off, solution hidden), from boot; null outside a class. */
  let policy: ClassPolicy | null = null;
  const loadRegistry = deps.loadRegistry ?? ((extra) => import('../shell/registry').then((m) => m.loadRegistry(extra)));
  // Loading starts once the first prompt is out (open), or when a replay or a line needs it.
  const commands = createLazyRegistry(() => loadRegistry(undoCommands((kind) => persist.planUndo(kind))));
  const commandsReady = (): Promise<void> => commands.ready();
  const wrapped = wrapPolicy(labs.wrapRegistry(commands), () => policy);
  // The terminals run lines with the shell that came with the commands.
  const registry: Registry = {
    get: (n) => wrapped.get(n),
    names: () => wrapped.names(),
    get shell() {
      return commands.shell;
    },
  };
  let sim: Sim | null = null;
  let speed = 1;
  let pendingMs = 0;
  const sessions = new Map<string, TtySession>();
  /** See hangNextLineForTest. */
  let hangMs = 0;
  const hangNow = (): void => {
    const until = wallNow() + hangMs;
    hangMs = 0;
    while (wallNow() < until) {
      // Busy on purpose: a hung worker answers nothing, not even its heartbeat.
    }
  };
  let listener: ((e: EngineEvent) => void) | null = null;

  const currentSim = (): Sim => {
    if (!sim) throw new Error('engine not booted');
    return sim;
  };

  function sessionFor(id: string, host: string, cols = 80, rows = 24, state?: SessionState): TtySession {
    let s = sessions.get(id);
    if (!s) {
      const st = state ?? newSessionState(id, host, cols, rows);
      s = new TtySession(st, currentSim, registry, (r) => persist.record(s!, r));
      sessions.set(id, s);
    }
    return s;
  }

  /** Advances whole ticks to `targetMs`, letting running programs see every tick. */
  function advance(targetMs: number): Map<string, string> {
    const out = new Map<string, string>();
    const s = currentSim();
    while (s.world.clockMs + TICK_MS <= targetMs) {
      advanceTo(s, s.world.clockMs + TICK_MS);
      for (const [id, session] of sessions) {
        const data = persist.tickSession(id, session);
        if (data) out.set(id, (out.get(id) ?? '') + data);
      }
      labs.afterChange(s);
    }
    return out;
  }

  /** Notices raised before anyone listens (the worker opens its storage and boots before the page subscribes). */
  const unheard: EngineEvent[] = [];

  function emit(e: EngineEvent): void {
    if (listener) listener(e);
    else if (e.type === 'notice') unheard.push(e);
    if (e.type !== 'manager') mgr.changed(sim, emit);
  }

  // The attempt's journal, snapshots, undo, export/import (src/engine/persistence-attempt.ts).
  const persist = createAttemptPersistence(deps, { getSim: () => sim, setSim: (s) => (sim = s), sessions, sessionFor, advance, emit, labs, commandsReady });
  const { gate } = persist;
  const flushJournal = () => persist.flush();
  // Workshops and authoring (src/engine/class-engine.ts): hand-ins, re-grades, lab tests.
  let currentAttempt = '';
  // Loaded on first use (the instructor page, the editor, a hand-in), not with the first prompt.
  type ClassTools = ReturnType<typeof createClassTools>;
  let classToolsLoad: Promise<ClassTools> | null = null;
  const classTools = (): Promise<ClassTools> =>
    (classToolsLoad ??= import('./class-engine').then((m) => m.createClassTools(deps, createEngine, () => ({ attemptId: currentAttempt, view: labs.view(sim), clockMs: sim?.world.clockMs ?? 0 }))));
  /** A class tool's method as an engine call that loads the tools first. */
  const viaClassTools =
    <K extends keyof ClassTools>(key: K) =>
    async (...a: Parameters<ClassTools[K]>): Promise<Awaited<ReturnType<ClassTools[K]>>> =>
      ((await classTools())[key] as (...x: Parameters<ClassTools[K]>) => Promise<Awaited<ReturnType<ClassTools[K]>>>)(...a);

  return {
    /** Starts (or resumes) an attempt: loads the core, rebuilds the world from snapshot + journal. */
    async boot(opts: BootOptions & { policy?: ClassPolicy } = {}): Promise<BootInfo> {
      const { policy: p, ...rest } = opts;
      policy = p ?? null;
      const info = await persist.boot(rest);
      currentAttempt = info.attemptId;
      return info;
    },

    /**
     * Starts the part of a coming boot that writes nothing (the core, the attempt's record, a new
     * attempt's world), before the boot is asked for: the worker calls it on the sandbox page. A new
     * attempt's first screen is told to `opts.firstScreen` before its world is built.
     */
    prepare(opts: PrepareOptions): void {
      persist.prepare(opts);
    },

    /**
     * The page has drawn the first screen the prepare told (or no longer waits for it): the new
     * attempt's world, held back meanwhile so that the page had the CPU, is built now.
     */
    firstScreenShown(): void {
      persist.releasePrepared();
    },

    /** Attaches a terminal to a session (created on first use); returns the bytes to show. */
    async open(session: string, host: string, cols: number, rows: number): Promise<string> {
      return gate(async () => {
        // Created at the default size and then resized, so the size is journaled and a replay matches.
        // A new terminal is a new login: sshd's banner and the server's motd (the OVM 3 warning).
        const fresh = !sessions.has(session);
        const s = sessionFor(session, host);
        const out = s.resize(cols, rows) + (fresh ? s.greet() : '') + s.attach();
        const warning = await flushJournal();
        // The commands load once this answer (the prompt) is on its way, while the learner reads it:
        // compiling them takes the worker for a while (failures surface on the first line).
        void (deps.breathe?.() ?? Promise.resolve()).then(() => commandsReady()).catch(() => undefined);
        return withWarning(out, warning);
      });
    },


    /** Keystrokes from a terminal. Resolves with the bytes to show, after they are journaled. */
    async input(session: string, data: string): Promise<string> {
      // Keys typed before the commands are in wait for them (the first prompt does not).
      if (!commands.loaded) await commandsReady();
      return gate(async () => {
        const s = sessions.get(session);
        if (!s) return '';
        if (hangMs > 0 && data.includes('\r')) hangNow();
        let out: string;
        try {
          out = s.input(data);
        } catch (e) {
          // A bug, not the learner's fault: the line is rolled back and journaled as failed.
          return persist.recoverFromThrow(session, e);
        }
        labs.afterChange(sim);
        const warning = await flushJournal();
        // `undo`/`redo` on the line: the world is rebuilt now, before the output is returned.
        const undone = await persist.afterLine(session, out, warning);
        if (undone !== null) return undone;
        await labs.flush(sim);
        return withWarning(out, warning);
      });
    },

    async resize(session: string, cols: number, rows: number): Promise<string> {
      return gate(async () => {
        let out: string;
        try {
          out = sessions.get(session)?.resize(cols, rows) ?? '';
        } catch (e) {
          return persist.recoverFromThrow(session, e);
        }
        return withWarning(out, await flushJournal());
      });
    },

    /** Real time passed (ms): advances the simulation by that times the speed and pushes output. */
    pump(realMs: number): void {
      if (!sim || speed === 0 || persist.rebuilding) return;
      pendingMs += realMs * speed;
      const target = sim.world.clockMs + Math.floor(pendingMs / TICK_MS) * TICK_MS;
      if (target === sim.world.clockMs) return;
      pendingMs -= target - sim.world.clockMs;
      for (const [id, data] of advance(target)) emit({ type: 'output', session: id, data });
      // A program that ended on this tick hands what was typed meanwhile to the shell: it runs
      // as typed input (journaled, graded, undoable), not inside the tick.
      for (const [id, s] of sessions) if (s.hasTypeahead) void this.input(id, '').then((data) => data && emit({ type: 'output', session: id, data }));
      emit({ type: 'clock', ...this.status() });
      void labs.flush(sim);
      persist.afterClock(sim.world.clockMs);
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
      for (const e of unheard.splice(0)) cb(e);
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

    /** The Oracle VM Manager's view (plain JSON from its database, never the world), or null without a Manager. */
    managerView() {
      return mgr.view(sim);
    },

    /** A Manager tab action (`ovmm VERB TYPE NAME key=value`), journaled like a typed command: its output and the new view. */
    async managerAction(args: string[]) {
      const r = await this.labCommand('ovmm', args);
      return { ...r, view: mgr.view(sim) };
    },

    /** The catalog: every bundled lab, the labs opened from files, stored progress, the scenario bases. Needs no boot. */
    labCatalog() {
      return labs.catalog();
    },

    /**
     * Opens a lab from a file or a URL (`source`: its name, shown in errors; `text`: its YAML):
     * validated like a bundled one and kept as `custom-<name>`, or errors and nothing stored.
     */
    async openCustomLab(source: string, text: string) {
      return labs.custom.open(source, text);
    },

    /** Forgets a lab opened from a file, with its saved attempt. */
    async removeCustomLab(id: string): Promise<void> {
      return labs.custom.remove(id);
    },

    /** The sandbox's fault menu (what `fault` can inject), for the UI's form. */
    faultMenu() {
      return labs.faultMenu(sim);
    },

    /**
     * A lab-panel action as a command line (`hint ID`, `answer ID VALUE`, `solution --show`,
     * `fault NAME k=v`), run in a hidden session so that it is journaled like a typed one.
     * `args` are quoted here; returns what the command printed.
     */
    async labCommand(command: 'hint' | 'answer' | 'solution' | 'fault' | 'objectives' | 'ovmm', args: string[] = []): Promise<{ exitCode: number; output: string }> {
      if (!commands.loaded) await commandsReady();
      // Under the gate: a panel action must not interleave with keystrokes or an undo rebuild.
      return gate(async () => {
        const s = currentSim();
        const panel = sessions.get(PANEL_SESSION) ?? sessionFor(PANEL_SESSION, hostNames(s.world)[0]!);
        // A fresh, empty input line (also for a session restored from a snapshot).
        panel.attach();
        let raw: string;
        try {
          raw = panel.input([command, ...args.map(shellQuote)].join(' ') + '\r');
        } catch (e) {
          const shown = await persist.recoverFromThrow(PANEL_SESSION, e);
          return { exitCode: 1, output: shown.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').trim().split('\r\n')[0] ?? '' };
        }
        labs.afterChange(s);
        await flushJournal();
        await labs.flush(s);
        // The echo is the first line, the next prompt the last: what lies between is the output.
        const lines = raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split('\r\n');
        const exitCode = panel.state.frames[panel.state.frames.length - 1]!.lastExit;
        return { exitCode, output: lines.slice(1, -1).join('\n') };
      });
    },

    /** Throws the attempt away and starts it again from its scenario (the same seed = the lab's start). */
    async resetAttempt(seed?: number): Promise<BootInfo> {
      return persist.resetAttempt(seed);
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
      return persist.exportData(scope);
    },

    /** Validates an export before touching anything; then writes it and restarts the current attempt from storage. */
    async importData(text: string): Promise<ImportResult> {
      // Each attempt of the file is first restored in a scratch engine of its own (import-proof.ts).
      return persist.importData(text, (store, attemptId) => createEngine({ ...deps, store }).boot({ attemptId }));
    },

    /** Reset everything: every attempt, journal, snapshot, progress and setting is deleted; a fresh start. */
    async resetEverything(): Promise<BootInfo> {
      return persist.resetEverything();
    },

    /** A terminal's serialised scrollback (xterm serialize addon), kept to be shown after a reload. */
    async saveTerminal(session: string, data: string): Promise<void> {
      return persist.saveTerminal(session, data);
    },

    async loadTerminal(session: string): Promise<string | null> {
      return persist.loadTerminal(session);
    },

    /** A one-line notice from the host (the worker's storage hooks) to the UI. */
    notify(level: 'info' | 'warn' | 'error', text: string): void {
      emit({ type: 'notice', level, text });
    },

    /** The whole state as text (world JSON, sessions JSON, core hash): tests and bug reports. */
    inspect(): { world: string; sessions: string; core: string; seq: number } {
      return persist.inspect();
    },

    /**
     * Test hook (e2e of the watchdog): the next line typed blocks the engine for `ms` of real time
     * before it runs, as a command stuck in a loop would. Nothing is recorded for it.
     */
    hangNextLineForTest(ms: number): void {
      hangMs = Math.max(0, Math.min(ms, 120_000));
    },

    /** A short digest of the world and the core (tests compare worlds across reloads with it). */
    stateDigest(): string {
      return persist.stateDigest();
    },

    /** A learner's hand-in for a class (their class attempts' journals and results), as JSON text and a paste code. */
    classHandIn: viaClassTools('handIn'),
    /** The instructor page opened: ready the re-grade machinery, so the first hand-in does not wait for it. */
    warmRegrade: viaClassTools('warm'),
    /** Re-grades a hand-in's text by replaying it (the class's custom labs name the versions it may use). */
    regradeHandIn: viaClassTools('regrade'),
    /** Validation errors of a lab's text, each at its line (the lab editor). */
    lintLab: viaClassTools('lint'),
    /** Test this lab: nothing met at the start, the solution solves it on three seeds. */
    testLab: viaClassTools('testLab'),
    /** The YAML of a bundled lab or one kept in this browser (the editor's starting point), with its version. */
    labText: viaClassTools('labText'),
  };
}

export type EngineApi = ReturnType<typeof createEngine>;
