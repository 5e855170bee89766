// Main-thread bridge to the engine worker: starts it (taking what the early worker did by itself),
// owns the attempt's lock (read-only, take-over), guards calls by the worker's heartbeat, and
// restarts a dead or hung worker from the saved state with a one-line notice instead of a dead
// page. The terminals (keys typed ahead, Ctrl-C jumping the queue, redraws) are client-terminals.ts.
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../engine';
import type { BootInfo, ClockStatus, EngineEvent } from '../engine/types';
import { AttemptLock, type Ownership } from '../persist/attempt-lock';
import { takeEngineWorker } from './early-worker';
import { Watchdog } from './watchdog';
import { isSandboxBoot, type FirstScreen, type SelfBooted } from './sandbox-boot';
import { ClientTerminals } from './client-terminals';
import type { ClientEvents, TerminalSink } from './client-types';

export type { ClientEvents, TerminalSink } from './client-types';

export type { Ownership } from '../persist/attempt-lock';
export type EngineNotice = Extract<EngineEvent, { type: 'notice' }>;

type BootOptions = Parameters<EngineApi['boot']>[0];

/** The clock the worker's prepared reads are ordered by (the same in every thread of the page). */
const sharedNow = (): number => performance.timeOrigin + performance.now();

/** Restarts in a row that did not bring back a working engine before the client gives up and says so. */
const MAX_RESTARTS = 2;

export class EngineClient {
  #worker!: Worker;
  #api!: Remote<EngineApi>;
  #boot: BootOptions;
  #booted!: Promise<BootInfo>;
  #events: ClientEvents;
  #restarting = false;
  /** Restarts since the engine last answered a call: a restart that itself fails counts too. */
  #failedRestarts = 0;
  #dead: string | null = null;
  #watchdog = new Watchdog(() => this.#restart('the simulator stopped responding', true));
  #progress: string | null = null;
  // Persistence (issue 7): who owns the attempt, and notices.
  #lock: AttemptLock;
  #ownership: Ownership = 'claiming';
  #ownershipListeners = new Set<(o: Ownership) => void>();
  #noticeListeners = new Set<(n: EngineNotice) => void>();
  /** The Oracle VM Manager tab's listeners (src/ui/components/manager). */
  #managerListeners = new Set<(v: Extract<EngineEvent, { type: 'manager' }>['view']) => void>();
  /** The page's terminals, their sessions and what was typed ahead (client-terminals.ts). */
  #terminals = new ClientTerminals({
    api: () => this.#api,
    ready: () => this.#ready(),
    guard: (p) => this.#guard(p),
    booted: () => this.#booted,
    ownership: () => this.#ownership,
    paused: () => this.#restarting || this.#takingOver,
    onProgressText: (cb) => this.#onProgressText(cb),
    takePreopened: (session) => {
      const first = this.#preopened?.session === session ? this.#preopened : null;
      this.#preopened = null;
      return first;
    },
    markPrompted: () => this.#markPrompted(),
  });

  #markPrompted: () => void = () => undefined;
  /**
   * Resolves once the first terminal's session has opened (or failed to) and the frame showing it
   * has been drawn: what the page does after the boot but is not needed to type (the Manager tab,
   * the toolbar) waits for it, so that the first prompt does not wait for them. Leaves the
   * performance mark `ovm:first-session` (the start-up benchmark's "shell ready").
   */
  readonly firstPrompt = new Promise<void>((resolve) => (this.#markPrompted = resolve)).then(() => void performance.mark('ovm:first-session'));

  constructor(boot: BootOptions, events: ClientEvents = {}) {
    this.#boot = boot;
    this.#events = events;
    this.#lock = new AttemptLock(boot?.attemptId ?? 'sandbox', () => this.#lostOwnership());
    // The worker starts once we know whether this tab owns the attempt: if another tab does, it
    // boots read-only (shows the saved state, writes nothing) and the page offers to take over.
    this.#booted = this.#lock.claim().then((owner) => {
      this.#lockedAt = sharedNow();
      this.#setOwnership(owner ? 'owner' : 'elsewhere');
      this.#start();
      return this.#booted;
    });
  }

  get ownership(): Ownership {
    return this.#ownership;
  }

  onOwnership(cb: (o: Ownership) => void): () => void {
    this.#ownershipListeners.add(cb);
    return () => this.#ownershipListeners.delete(cb);
  }

  onNotice(cb: (n: EngineNotice) => void): () => void {
    this.#noticeListeners.add(cb);
    return () => this.#noticeListeners.delete(cb);
  }

  #setOwnership(o: Ownership): void {
    this.#ownership = o;
    for (const cb of this.#ownershipListeners) cb(o);
  }

  /**
   * Another tab took the attempt over: this engine must stop writing at once. A read-only one
   * replaces it (so the page's other calls still work); the terminal keeps what it shows.
   */
  #lostOwnership(): void {
    // A restart or take-over under way is superseded by the read-only engine started here.
    this.#restarting = false;
    this.#takingOver = false;
    this.#stopWorker();
    this.#setOwnership('read-only');
    this.#terminals.tellAll('\r\n\x1b[33m[OVM Sandbox: this attempt was opened in another tab, which now owns it; this tab is read-only.]\x1b[0m\r\n');
    this.#start();
  }

  /** Makes this tab the owner: steals the lock, then restarts the engine from storage, writable. */
  async takeOver(): Promise<void> {
    if (this.#ownership === 'owner') return;
    await this.#lock.steal();
    this.#lockedAt = sharedNow();
    // What is typed from the click on is kept and runs once the screen is redrawn (a learner
    // types at once): until then it waits, instead of reaching a terminal about to be cleared.
    this.#takingOver = true;
    this.#restarting = false;
    this.#setOwnership('owner');
    this.#stopWorker();
    this.#start();
    try {
      await this.#booted;
      // The screen shows what the other tab left (its saved scrollback), then this tab's prompt.
      const notice = '\x1b[33m[OVM Sandbox: this tab now owns the attempt; restored from your saved work.]\x1b[0m\r\n';
      await this.#terminals.reopenAll({ clear: true, withScrollback: true, notice, keepTypeahead: true });
    } catch {
      // The other tab took it back meanwhile: this tab is read-only again, and says so.
      if ((this.#ownership as Ownership) !== 'owner') return;
      throw new Error('the simulator could not start');
    } finally {
      this.#takingOver = false;
    }
    this.#terminals.drainAll();
  }

  /**
   * When this tab last got (or failed to get) the attempt's lock: the worker trusts what it read
   * before the boot request only if it read it after this (src/engine/prepared-boot.ts).
   */
  #lockedAt: number | undefined;

  /** The first session, opened by the sandbox worker with its own boot (worker/self-boot.ts); taken by open(). */
  #preopened: SelfBooted['first'] = null;

  /** Set from a take-over's click until its terminals are redrawn: keystrokes wait meanwhile. */
  #takingOver = false;

  get booted(): Promise<BootInfo> {
    return this.#booted;
  }

  #showFirstScreen: (screen: FirstScreen) => void = () => undefined;
  /**
   * A new sandbox attempt's first screen, posted by its worker before the world is built (it never
   * comes for an attempt that exists, nor on other pages): the first terminal shows it until its
   * session is open, and tells open() it did. The first worker's only: a restarted one boots as asked.
   */
  readonly firstScreen = new Promise<FirstScreen>((resolve) => (this.#showFirstScreen = resolve));

  /** Tells the worker the first screen is drawn: it builds the world it held back meanwhile. */
  firstScreenShown(): void {
    this.#api.firstScreenShown().catch(() => undefined);
  }

  /**
   * Ends the current worker. A terminated worker never answers, so the boot it was doing is
   * rejected here: whoever awaits it (a take-over racing the other tab) moves on instead of hanging.
   */
  #stopWorker(): void {
    this.#preopened = null;
    this.#cancelBoot?.(new Error('the simulator was replaced'));
    this.#cancelBoot = undefined;
    this.#worker?.terminate();
  }

  #cancelBoot: ((e: Error) => void) | undefined;

  #start(): void {
    const { worker: spawned, posts } = takeEngineWorker();
    this.#worker = spawned;
    this.#watchdog.start();
    this.#setProgress('Loading the simulator…');
    const worker = this.#worker;
    const readOnly = this.#ownership !== 'owner';
    // The sandbox page's worker boots by itself and posts the result (worker/self-boot.ts): taken if
    // it is the boot asked for here, whichever of it and the request's answer comes first.
    const ownBoot = posts && isSandboxBoot({ ...this.#boot, readOnly }) ? posts : null;
    const taken = ownBoot?.selfBooted ?? null;
    void ownBoot?.firstScreen.then(this.#showFirstScreen);
    // The worker posts its own boot before it answers the request; should the answer still come
    // first, the posted session is not used (the page opens it itself).
    let answered = false;
    const pushed = taken
      ? taken.then(({ info, first }) => {
          if (!answered) this.#preopened = first;
          return info;
        })
      : new Promise<never>(() => undefined);
    worker.addEventListener('message', (e: MessageEvent) => {
      if (worker === this.#worker && (e.data as { ovmHeartbeat?: unknown } | null)?.ovmHeartbeat) this.#watchdog.beat();
    });
    worker.addEventListener('error', (e) => worker === this.#worker && this.#restart(`the simulator crashed (${e.message || 'worker error'})`, true));
    this.#api = wrap<EngineApi>(this.#worker);
    void this.#api.subscribe(proxy((e: EngineEvent) => this.#onEvent(e)));
    const api = this.#api;
    const cancelled = new Promise<never>((_, reject) => (this.#cancelBoot = reject));
    cancelled.catch(() => undefined);
    const asked = api.boot({ ...this.#boot, readOnly, ...(this.#lockedAt !== undefined && { lockedAt: this.#lockedAt }) }).then((info) => {
      answered = true;
      return info;
    });
    this.#booted = this.#guard(Promise.race([asked, pushed, cancelled])).then((info) => {
      this.#setProgress(null);
      this.#events.onBoot?.(info);
      // The clock shows the simulated time from boot, not from the first tick a second later.
      void api.status().then((c) => this.#events.onClock?.(c), () => undefined);
      return info;
    });
    // A boot cancelled by a take-over or a restart is expected: whoever awaits it hears of it.
    this.#booted.catch(() => undefined);
  }

  #onEvent(e: EngineEvent): void {
    if (e.type === 'output') this.#terminals.write(e.session, e.data);
    else if (e.type === 'lab') this.#events.onLab?.(e.view);
    else if (e.type === 'notice') for (const cb of this.#noticeListeners) cb(e);
    else if (e.type === 'progress') this.#setProgress(`Restoring your work… ${Math.floor((100 * e.done) / Math.max(1, e.total))} %`);
    else if (e.type === 'manager') for (const cb of this.#managerListeners) cb(e.view);
    else this.#events.onClock?.(e);
  }

  /**
   * A call to the worker, watched for hangs by heartbeat (never by wall time: a slow machine is
   * not a hung worker). An answer proves the engine works, so the restart count starts over.
   */
  async #guard<T>(p: Promise<T>): Promise<T> {
    const value = await this.#watchdog.watch(p);
    this.#failedRestarts = 0;
    return value;
  }

  #setProgress(text: string | null): void {
    if (text === this.#progress) return;
    this.#progress = text;
    this.#events.onProgress?.(text);
    for (const cb of this.#progressListeners) cb(text);
  }

  /**
   * Waits for the engine. With `retry` (a call the learner asked for, e.g. *Try again*), a boot
   * that failed or an engine given up on is started once more; keystrokes never restart it.
   */
  async #ready(retry = false): Promise<void> {
    try {
      await this.#booted;
    } catch (e) {
      if (!retry) throw e;
      if (!this.#restarting) {
        this.#dead = null;
        this.#failedRestarts = 0;
        this.#stopWorker();
        this.#start();
      }
      await this.#booted;
    }
  }

  /**
   * Attaches a terminal to an engine session. `showing`: what the terminal already shows of it (a
   * new attempt's first screen, posted by the worker before its boot): only what follows is written.
   */
  open(session: string, host: string, cols: number, rows: number, sink: TerminalSink, showing = ''): Promise<void> {
    return this.#terminals.open(session, host, cols, rows, sink, showing);
  }

  /** Keystrokes from a terminal. */
  input(session: string, data: string): void {
    this.#terminals.input(session, data);
  }

  resize(session: string, cols: number, rows: number): void {
    this.#terminals.resize(session, cols, rows);
  }

  /** Any other engine call (labs, catalog …): waits for boot, guarded like the others. */
  async call<T>(fn: (api: Remote<EngineApi>) => Promise<T>): Promise<T> {
    await this.#ready(true);
    return this.#guard(fn(this.#api));
  }

  /** Start-up progress as one line of text (null when there is none), for pages without a terminal. */
  onProgress(cb: (text: string | null) => void): () => void {
    return this.#onProgressText(cb);
  }

  #progressListeners = new Set<(text: string | null) => void>();
  #onProgressText(cb: (text: string | null) => void): () => void {
    this.#progressListeners.add(cb);
    cb(this.#progress);
    return () => this.#progressListeners.delete(cb);
  }

  async setSpeed(speed: number): Promise<ClockStatus> {
    await this.#ready(true);
    return this.#api.setSpeed(speed);
  }

  /** Starts the attempt again from its scenario; `seed` keeps the same world (the lab's start). */
  async resetAttempt(seed?: number): Promise<BootInfo> {
    await this.#ready(true);
    const info = await this.#api.resetAttempt(seed);
    this.#events.onBoot?.(info);
    await this.#terminals.reopenAll({ clear: true, withScrollback: false });
    return info;
  }

  /** Reset everything (all attempts, progress, settings): a fresh start. */
  async resetEverything(): Promise<BootInfo> {
    await this.#ready(true);
    const info = await this.#api.resetEverything();
    this.#events.onBoot?.(info);
    await this.#terminals.reopenAll({ clear: true, withScrollback: false });
    return info;
  }

  /** Imports an export file's text; on success the terminals show the imported attempt. */
  async importData(text: string): Promise<{ ok: true; summary: string } | { ok: false; error: string }> {
    await this.#ready(true);
    const r = await this.#api.importData(text);
    if (!r.ok) return r;
    this.#events.onBoot?.(r.boot);
    await this.#terminals.reopenAll({ clear: true, withScrollback: true });
    return { ok: true, summary: r.summary };
  }

  async exportData(scope: 'all' | 'attempt'): Promise<string> {
    return this.call((api) => api.exportData(scope));
  }

  /** The Undo / Redo buttons: false when a program runs in that terminal (the command was not typed). */
  command(session: string, line: 'undo' | 'redo'): Promise<boolean> {
    return this.#terminals.command(session, () => this.call((api) => api.command(session, line)));
  }

  /** Keeps a terminal's serialised scrollback (only the owner writes). */
  saveTerminal(session: string, data: string): void {
    if (this.#ownership !== 'owner' || this.#restarting) return;
    void this.#booted.then(() => this.#api.saveTerminal(session, data)).catch(() => undefined);
  }

  /** Listens to the Manager's views as the engine pushes them; returns the unsubscribe. */
  onManager(cb: (v: Extract<EngineEvent, { type: 'manager' }>['view']) => void): () => void {
    this.#managerListeners.add(cb);
    return () => this.#managerListeners.delete(cb);
  }

  /** A digest of the simulated world (tests compare worlds across reloads and imports). */
  async stateDigest(): Promise<string> {
    return this.call((api) => api.stateDigest());
  }

  /**
   * Terminates the worker and starts a new one from the stored attempt; tells every terminal.
   * Idempotent while one is under way; a restart whose own boot fails is tried once more, then
   * the page says so (with a Reload) instead of restarting for ever.
   */
  #restart(reason: string, force = false): void {
    if ((this.#restarting && !force) || this.#dead) return;
    // A first prompt that never came (the worker died before it) no longer holds the page back.
    this.#markPrompted();
    this.#restarting = true;
    this.#failedRestarts++;
    this.#stopWorker();
    this.#watchdog.stop();
    if (this.#failedRestarts > MAX_RESTARTS) {
      this.#giveUp(reason);
      return;
    }
    this.#events.onRestart?.(reason);
    this.#start();
    const booted = this.#booted;
    void booted
      .then(async () => {
        // A take-over or a lost ownership replaced this engine meanwhile: it redraws the terminals.
        if (this.#booted !== booted) return;
        const notice = `\r\n\x1b[33m[OVM Sandbox: ${reason}; restarted from your saved work.]\x1b[0m\r\n`;
        await this.#terminals.reopenAll({ clear: false, withScrollback: false, notice });
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.#booted !== booted) return;
        this.#restarting = false;
        // The new worker did not come up either: once more, or give up.
        void booted.catch((e: unknown) => this.#restart(`the simulator could not start (${e instanceof Error ? e.message : String(e)})`));
      });
  }

  #giveUp(reason: string): void {
    this.#markPrompted();
    this.#restarting = false;
    this.#dead = `The simulator could not be brought back (${reason}). Your saved work is safe: reload the page to try again.`;
    this.#booted = Promise.reject(new Error(this.#dead));
    this.#booted.catch(() => undefined);
    this.#setProgress(null);
    this.#terminals.tellAll(`\r\n\x1b[31m[OVM Sandbox: ${this.#dead}]\x1b[0m\r\n`);
    this.#events.onDead?.(this.#dead);
  }

  /** Null while the engine works; else why it stopped (the page offers Reload). */
  get dead(): string | null {
    return this.#dead;
  }

  /** For tests: the next line typed hangs the worker for `ms` (the watchdog must restart it). */
  hangForTest(ms: number): void {
    void this.#api.hangNextLineForTest(ms);
  }

  /** For tests: kill the worker as a crash would. */
  crashForTest(): void {
    this.#restart('the simulator crashed');
  }

  dispose(): void {
    this.#stopWorker();
    this.#lock.release();
  }
}
