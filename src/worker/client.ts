// Main-thread bridge to the engine worker: serialises calls, coalesces keystrokes typed while
// a call is in flight, lets Ctrl-C jump the queue, and restarts a dead or hung worker from the
// saved state with a one-line notice instead of a dead page.
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../engine';
import type { BootInfo, ClockStatus, EngineEvent } from '../engine/types';

type BootOptions = Parameters<EngineApi['boot']>[0];

/** A call that takes longer than this is treated as a hung worker. */
const CALL_BUDGET_MS = 5000;

export interface TerminalSink {
  write(data: string): void;
}

interface OpenSession {
  host: string;
  cols: number;
  rows: number;
  sink: TerminalSink;
  /** Keys typed while a call for this session is in flight. */
  typeahead: string;
  inFlight: boolean;
}

export interface ClientEvents {
  onBoot?(info: BootInfo): void;
  onClock?(status: ClockStatus): void;
  /** The lab panel's state changed (labs). */
  onLab?(view: Extract<EngineEvent, { type: 'lab' }>['view']): void;
  onRestart?(reason: string): void;
}

export class EngineClient {
  #worker!: Worker;
  #api!: Remote<EngineApi>;
  #boot: BootOptions;
  #booted!: Promise<BootInfo>;
  #sessions = new Map<string, OpenSession>();
  #events: ClientEvents;
  #restarting = false;

  constructor(boot: BootOptions, events: ClientEvents = {}) {
    this.#boot = boot;
    this.#events = events;
    this.#start();
  }

  get booted(): Promise<BootInfo> {
    return this.#booted;
  }

  #start(): void {
    this.#worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ovm-engine' });
    this.#worker.addEventListener('error', (e) => this.#restart(`the simulator crashed (${e.message || 'worker error'})`));
    this.#api = wrap<EngineApi>(this.#worker);
    void this.#api.subscribe(proxy((e: EngineEvent) => this.#onEvent(e)));
    this.#booted = this.#guard(this.#api.boot(this.#boot)).then((info) => {
      this.#events.onBoot?.(info);
      return info;
    });
  }

  #onEvent(e: EngineEvent): void {
    if (e.type === 'output') this.#sessions.get(e.session)?.sink.write(e.data);
    else if (e.type === 'lab') this.#events.onLab?.(e.view);
    else this.#events.onClock?.(e);
  }

  /** Races a call against the budget; a timeout restarts the worker. */
  #guard<T>(p: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error('timeout'));
        this.#restart('the simulator stopped responding');
      }, CALL_BUDGET_MS);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  /** Attaches a terminal to an engine session. */
  async open(session: string, host: string, cols: number, rows: number, sink: TerminalSink): Promise<void> {
    this.#sessions.set(session, { host, cols, rows, sink, typeahead: '', inFlight: false });
    await this.#booted;
    sink.write(await this.#guard(this.#api.open(session, host, cols, rows)));
  }

  /** Keystrokes from a terminal. */
  input(session: string, data: string): void {
    const s = this.#sessions.get(session);
    if (!s) return;
    // Ctrl-C discards what was typed ahead, as a tty flushes its input on SIGINT.
    s.typeahead = data.includes('\x03') ? data.slice(data.lastIndexOf('\x03')) : s.typeahead + data;
    void this.#drain(session, s);
  }

  async #drain(id: string, s: OpenSession): Promise<void> {
    if (s.inFlight || !s.typeahead || this.#restarting) return;
    const data = s.typeahead;
    s.typeahead = '';
    s.inFlight = true;
    try {
      await this.#booted;
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
    void this.#booted.then(() => this.#api.resize(session, cols, rows)).then((out) => out && s.sink.write(out));
  }

  /** Any other engine call (labs, catalog …): waits for boot, guarded like the others. */
  async call<T>(fn: (api: Remote<EngineApi>) => Promise<T>): Promise<T> {
    await this.#booted;
    return this.#guard(fn(this.#api));
  }

  async setSpeed(speed: number): Promise<ClockStatus> {
    await this.#booted;
    return this.#api.setSpeed(speed);
  }

  async resetAttempt(): Promise<BootInfo> {
    await this.#booted;
    const info = await this.#api.resetAttempt();
    for (const [id, s] of this.#sessions) {
      s.sink.write('\x1b[H\x1b[2J');
      s.sink.write(await this.#api.open(id, s.host, s.cols, s.rows));
    }
    return info;
  }

  /** Terminates the worker and starts a new one from the stored attempt; tells every terminal. */
  #restart(reason: string): void {
    if (this.#restarting) return;
    this.#restarting = true;
    this.#worker.terminate();
    this.#events.onRestart?.(reason);
    this.#start();
    void this.#booted.then(async () => {
      this.#restarting = false;
      for (const [id, s] of this.#sessions) {
        s.typeahead = '';
        s.inFlight = false;
        s.sink.write(`\r\n\x1b[33m[OVM Sandbox: ${reason}; restarted from your saved work.]\x1b[0m\r\n`);
        s.sink.write(await this.#api.open(id, s.host, s.cols, s.rows));
      }
    });
  }

  /** For tests: kill the worker as a crash would. */
  crashForTest(): void {
    this.#restart('the simulator crashed');
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
