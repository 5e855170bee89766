// Main-thread bridge to the engine worker: serialises calls, coalesces keystrokes typed while
// a call is in flight, lets Ctrl-C jump the queue, and restarts a dead or hung worker from the
// saved state with a one-line notice instead of a dead page.
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../engine';
import type { BootInfo, ClockStatus, EngineEvent } from '../engine/types';
import { AttemptLock, type Ownership } from '../persist/attempt-lock';
import { takeEngineWorker } from './early-worker';
import { Watchdog } from './watchdog';
import { CLEAR_SCREEN, openingWrite } from './session-opening';
import { FIRST_SESSION_SIZE, isSandboxBoot, type FirstScreen, type SelfBooted } from './sandbox-boot';
import type { ClientEvents, OpenSession, TerminalSink } from './client-types';

export type { ClientEvents, TerminalSink } from './client-types';

export type { Ownership } from '../persist/attempt-lock';
export type EngineNotice = Extract<EngineEvent, { type: 'notice' }>;

type BootOptions = Parameters<EngineApi['boot']>[0];

/** The clock the worker's prepared reads are ordered by (the same in every thread of the page). */
const sharedNow = (): number => performance.timeOrigin + performance.now();

/** Runs `fn` once the next frame has been drawn (right away where there are no frames, e.g. in node). */
function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(fn, 0);
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/** Restarts in a row that did not bring back a working engine before the client gives up and says so. */
const MAX_RESTARTS = 2;

export class EngineClient {
  #worker!: Worker;
  #api!: Remote<EngineApi>;
  #boot: BootOptions;
  #booted!: Promise<BootInfo>;
  #sessions = new Map<string, OpenSession>();
  #events: ClientEvents;
  #restarting = false;
  /** Restarts since the engine last answered a call: a restart that itself fails counts too. */
  #failedRestarts = 0;
  #dead: string | null = null;
  #watchdog = new Watchdog(() => this.#restart('the simulator stopped responding', true));
  #progress: string | null = null;
  #readOnlyToldAt = new Map<string, number>();
  // Persistence (issue 7): who owns the attempt, notices, scrollback restored once per page.
  #lock: AttemptLock;
  #ownership: Ownership = 'claiming';
  #ownershipListeners = new Set<(o: Ownership) => void>();
  #noticeListeners = new Set<(n: EngineNotice) => void>();
  #scrollbackShown = new Set<string>();
  /** The Oracle VM Manager tab's listeners (src/ui/components/manager). */
  #managerListeners = new Set<(v: Extract<EngineEvent, { type: 'manager' }>['view']) => void>();

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
    for (const s of this.#sessions.values()) {
      s.typeahead = '';
      s.sink.write('\r\n\x1b[33m[OVM Sandbox: this attempt was opened in another tab, which now owns it; this tab is read-only.]\x1b[0m\r\n');
    }
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
      await this.#reopenAll(true, '\x1b[33m[OVM Sandbox: this tab now owns the attempt; restored from your saved work.]\x1b[0m\r\n', true);
    } catch {
      // The other tab took it back meanwhile: this tab is read-only again, and says so.
      if ((this.#ownership as Ownership) !== 'owner') return;
      throw new Error('the simulator could not start');
    } finally {
      this.#takingOver = false;
    }
    for (const [id, s] of this.#sessions) void this.#drain(id, s);
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
    if (e.type === 'output') this.#sessions.get(e.session)?.sink.write(e.data);
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
  async open(session: string, host: string, cols: number, rows: number, sink: TerminalSink, showing = ''): Promise<void> {
    this.#sessions.set(session, { host, cols, rows, sink, typeahead: '', inFlight: false });
    // Until the engine answers, the terminal says what is happening (it may take a while on a slow
    // machine), unless it shows the session's first screen already.
    const shown = { text: '' };
    const show = (text: string | null) => {
      const next = text ?? '';
      if (next !== shown.text) sink.write(`\r\x1b[2K${next ? `\x1b[2m${next}\x1b[0m` : ''}`);
      shown.text = next;
    };
    const stop = showing ? () => undefined : this.#onProgressText(show);
    try {
      await this.#ready();
    } finally {
      stop();
      show(null);
    }
    // The prompt is shown once the terminal has taken it in and a frame has shown it.
    const prompted = () => afterNextFrame(this.#markPrompted);
    // At its size now: a resize while we awaited the boot found no session in the engine and was dropped.
    const size = () => this.#sessions.get(session) ?? { cols, rows };
    // Opened by the worker with its boot (its bytes at hand), or asked for now. After a reload the
    // terminal shows what it showed before, and the fresh prompt replaces the old one; scrollback
    // and session are asked for at once (one round trip to the worker, not two).
    const first = this.#preopened?.session === session ? this.#preopened : null;
    this.#preopened = null;
    const shownBefore = this.#scrollbackShown.has(session);
    this.#scrollbackShown.add(session);
    const scrollback = shownBefore ? null : first ? first.scrollback : this.#guard(this.#api.loadTerminal(session)).catch(() => null);
    const opened = first ? Promise.resolve(first.out) : this.#guard(this.#api.open(session, host, size().cols, size().rows));
    opened.catch(() => undefined); // awaited below, after the scrollback
    const saved = await scrollback;
    if (saved && !showing) sink.write(saved);
    const out = await opened.catch((e: unknown) => {
      prompted();
      throw e;
    });
    // A first screen shown differs only if the attempt turned out not to be new (another tab made it).
    sink.write(openingWrite(saved, out, showing), prompted);
    // The worker opened it at FIRST_SESSION_SIZE: now it takes the terminal's.
    const now = size();
    if (first && (now.cols !== FIRST_SESSION_SIZE.cols || now.rows !== FIRST_SESSION_SIZE.rows)) {
      const resized = await this.#guard(this.#api.resize(session, now.cols, now.rows));
      if (resized) sink.write(resized);
    }
  }

  /** Keystrokes from a terminal. */
  input(session: string, data: string): void {
    const s = this.#sessions.get(session);
    if (!s) return;
    if (this.#ownership !== 'owner') {
      // Said once in a while, not per key: what is typed here goes nowhere.
      const now = Date.now();
      if (now - (this.#readOnlyToldAt.get(session) ?? -Infinity) > 10_000) {
        this.#readOnlyToldAt.set(session, now);
        s.sink.write('\r\n\x1b[33m[OVM Sandbox: this tab is read-only: the attempt is open in another tab. Use Take over to type here.]\x1b[0m\r\n');
      }
      return;
    }
    // Ctrl-C discards what was typed ahead, as a tty flushes its input on SIGINT.
    s.typeahead = data.includes('\x03') ? data.slice(data.lastIndexOf('\x03')) : s.typeahead + data;
    void this.#drain(session, s);
  }

  async #drain(id: string, s: OpenSession): Promise<void> {
    if (s.inFlight || !s.typeahead || this.#restarting || this.#takingOver || this.#ownership !== 'owner') return;
    const data = s.typeahead;
    s.typeahead = '';
    s.inFlight = true;
    try {
      await this.#ready();
      s.sink.write(await this.#guard(this.#api.input(id, data)));
    } catch {
      // A restart is under way; it reattaches the terminal.
    } finally {
      s.inFlight = false;
    }
    void this.#drain(id, s);
  }

  resize(session: string, cols: number, rows: number): void {
    const s = this.#sessions.get(session);
    if (!s || (s.cols === cols && s.rows === rows)) return;
    s.cols = cols;
    s.rows = rows;
    void this.#booted
      .then(() => (this.#ownership === 'owner' ? this.#api.resize(session, cols, rows) : ''))
      .then((out) => out && s.sink.write(out))
      .catch(() => undefined); // a replaced engine: the new one is opened at the current size
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
    await this.#reopenAll(false);
    return info;
  }

  /** Reset everything (all attempts, progress, settings): a fresh start. */
  async resetEverything(): Promise<BootInfo> {
    await this.#ready(true);
    const info = await this.#api.resetEverything();
    this.#events.onBoot?.(info);
    await this.#reopenAll(false);
    return info;
  }

  /** Imports an export file's text; on success the terminals show the imported attempt. */
  async importData(text: string): Promise<{ ok: true; summary: string } | { ok: false; error: string }> {
    await this.#ready(true);
    const r = await this.#api.importData(text);
    if (!r.ok) return r;
    this.#events.onBoot?.(r.boot);
    await this.#reopenAll(true);
    return { ok: true, summary: r.summary };
  }

  async exportData(scope: 'all' | 'attempt'): Promise<string> {
    return this.call((api) => api.exportData(scope));
  }

  /** The Undo / Redo buttons: false when a program runs in that terminal (the command was not typed). */
  async command(session: string, line: 'undo' | 'redo'): Promise<boolean> {
    const s = this.#sessions.get(session);
    if (!s || this.#ownership !== 'owner') return false;
    const out = await this.call((api) => api.command(session, line));
    if (out === null) return false;
    s.sink.write(out);
    return true;
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

  /** Redraws every terminal after the world was replaced: cleared, the stored scrollback (optionally), a notice, a prompt. */
  async #reopenAll(withScrollback: boolean, notice = '', keepTypeahead = false): Promise<void> {
    for (const [id, s] of this.#sessions) {
      if (!keepTypeahead) s.typeahead = '';
      s.inFlight = false;
      s.sink.write(CLEAR_SCREEN);
      const saved = withScrollback ? await this.#api.loadTerminal(id).catch(() => null) : null;
      if (saved) s.sink.write(saved + '\r\x1b[2K');
      s.sink.write(notice + (await this.#api.open(id, s.host, s.cols, s.rows)));
    }
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
        for (const [id, s] of this.#sessions) {
          s.typeahead = '';
          s.inFlight = false;
          s.sink.write(`\r\n\x1b[33m[OVM Sandbox: ${reason}; restarted from your saved work.]\x1b[0m\r\n`);
          s.sink.write(await this.#guard(this.#api.open(id, s.host, s.cols, s.rows)));
        }
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
    for (const s of this.#sessions.values()) {
      s.typeahead = '';
      s.sink.write(`\r\n\x1b[31m[OVM Sandbox: ${this.#dead}]\x1b[0m\r\n`);
    }
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
