// The engine client's terminals: each open session's sink, size and the keys typed ahead while a
// call for it is in flight; opening one (scrollback, first screen, progress line), sending keys,
// resizing, and redrawing them all when the world was replaced. The client (client.ts) owns the
// worker, the boot and the attempt's ownership, and lends them through TerminalsHost.
import type { Remote } from 'comlink';
import type { EngineApi } from '../engine';
import type { BootInfo } from '../engine/types';
import type { Ownership } from '../persist/attempt-lock';
import { CLEAR_SCREEN, openingWrite } from './session-opening';
import { FIRST_SESSION_SIZE, type SelfBooted } from './sandbox-boot';
import type { OpenSession, TerminalSink } from './client-types';

export interface TerminalsHost {
  api(): Remote<EngineApi>;
  /** Waits for the engine (rejects while it is being replaced or has been given up). */
  ready(): Promise<void>;
  /** A call watched for hangs by the worker's heartbeat. */
  guard<T>(p: Promise<T>): Promise<T>;
  booted(): Promise<BootInfo>;
  ownership(): Ownership;
  /** A restart or a take-over is redrawing the terminals: keys wait meanwhile. */
  paused(): boolean;
  /** Tells `cb` the start-up progress now and on each change; returns the unsubscribe. */
  onProgressText(cb: (text: string | null) => void): () => void;
  /** The session the worker opened with its own boot, if it is `session` (taken once). */
  takePreopened(session: string): SelfBooted['first'];
  /** The first prompt is out (or will never come). */
  markPrompted(): void;
}

/** Said once in a while, not per key, when keys are typed in a read-only tab. */
const READ_ONLY_TYPING = '\r\n\x1b[33m[OVM Sandbox: this tab is read-only: the attempt is open in another tab. Use Take over to type here.]\x1b[0m\r\n';

/** Runs `fn` once the next frame has been drawn (right away where there are no frames, e.g. in node). */
function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(fn, 0);
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export class ClientTerminals {
  #host: TerminalsHost;
  #sessions = new Map<string, OpenSession>();
  #readOnlyToldAt = new Map<string, number>();
  /** The scrollback saved before a reload is shown once per page. */
  #scrollbackShown = new Set<string>();

  constructor(host: TerminalsHost) {
    this.#host = host;
  }

  /** Output a running program pushed for `session`. */
  write(session: string, data: string): void {
    this.#sessions.get(session)?.sink.write(data);
  }

  /**
   * Attaches a terminal to an engine session. `showing`: what the terminal already shows of it (a
   * new attempt's first screen, posted by the worker before its boot): only what follows is written.
   */
  async open(session: string, host: string, cols: number, rows: number, sink: TerminalSink, showing = ''): Promise<void> {
    const h = this.#host;
    this.#sessions.set(session, { host, cols, rows, sink, typeahead: '', inFlight: false });
    // Until the engine answers, the terminal says what is happening (it may take a while on a slow
    // machine), unless it shows the session's first screen already.
    const shown = { text: '' };
    const show = (text: string | null) => {
      const next = text ?? '';
      if (next !== shown.text) sink.write(`\r\x1b[2K${next ? `\x1b[2m${next}\x1b[0m` : ''}`);
      shown.text = next;
    };
    const stop = showing ? () => undefined : h.onProgressText(show);
    try {
      await h.ready();
    } finally {
      stop();
      show(null);
    }
    // The prompt is shown once the terminal has taken it in and a frame has shown it.
    const prompted = () => afterNextFrame(() => h.markPrompted());
    // At its size now: a resize while we awaited the boot found no session in the engine and was dropped.
    const size = () => this.#sessions.get(session) ?? { cols, rows };
    // Opened by the worker with its boot (its bytes at hand), or asked for now. After a reload the
    // terminal shows what it showed before, and the fresh prompt replaces the old one; scrollback
    // and session are asked for at once (one round trip to the worker, not two).
    const first = h.takePreopened(session);
    const shownBefore = this.#scrollbackShown.has(session);
    this.#scrollbackShown.add(session);
    const scrollback = shownBefore ? null : first ? first.scrollback : h.guard(h.api().loadTerminal(session)).catch(() => null);
    const opened = first ? Promise.resolve(first.out) : h.guard(h.api().open(session, host, size().cols, size().rows));
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
      const resized = await h.guard(h.api().resize(session, now.cols, now.rows));
      if (resized) sink.write(resized);
    }
  }

  /** Keystrokes from a terminal. */
  input(session: string, data: string): void {
    const s = this.#sessions.get(session);
    if (!s) return;
    if (this.#host.ownership() !== 'owner') {
      const now = Date.now();
      if (now - (this.#readOnlyToldAt.get(session) ?? -Infinity) > 10_000) {
        this.#readOnlyToldAt.set(session, now);
        s.sink.write(READ_ONLY_TYPING);
      }
      return;
    }
    // Ctrl-C discards what was typed ahead, as a tty flushes its input on SIGINT.
    s.typeahead = data.includes('\x03') ? data.slice(data.lastIndexOf('\x03')) : s.typeahead + data;
    void this.#drain(session, s);
  }

  /** Sends what every terminal typed ahead (after a take-over's redraw). */
  drainAll(): void {
    for (const [id, s] of this.#sessions) void this.#drain(id, s);
  }

  async #drain(id: string, s: OpenSession): Promise<void> {
    const h = this.#host;
    if (s.inFlight || !s.typeahead || h.paused() || h.ownership() !== 'owner') return;
    const data = s.typeahead;
    s.typeahead = '';
    s.inFlight = true;
    try {
      await h.ready();
      s.sink.write(await h.guard(h.api().input(id, data)));
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
    const h = this.#host;
    void h
      .booted()
      .then(() => (h.ownership() === 'owner' ? h.api().resize(session, cols, rows) : ''))
      .then((out) => out && s.sink.write(out))
      .catch(() => undefined); // a replaced engine: the new one is opened at the current size
  }

  /** The Undo / Redo buttons' line in `session`: false when a program runs there (nothing was typed). */
  async command(session: string, run: () => Promise<string | null>): Promise<boolean> {
    const s = this.#sessions.get(session);
    if (!s || this.#host.ownership() !== 'owner') return false;
    const out = await run();
    if (out === null) return false;
    s.sink.write(out);
    return true;
  }

  /** Tells every terminal `text`; what was typed ahead is dropped. */
  tellAll(text: string): void {
    for (const s of this.#sessions.values()) {
      s.typeahead = '';
      s.sink.write(text);
    }
  }

  /**
   * Redraws every terminal after the world was replaced: cleared (`clear`), its stored scrollback
   * (`withScrollback`), `notice`, then a prompt from the engine now running.
   */
  async reopenAll(o: { clear: boolean; withScrollback: boolean; notice?: string; keepTypeahead?: boolean }): Promise<void> {
    const h = this.#host;
    for (const [id, s] of this.#sessions) {
      if (!o.keepTypeahead) s.typeahead = '';
      s.inFlight = false;
      if (o.clear) s.sink.write(CLEAR_SCREEN);
      const saved = o.withScrollback ? await h.api().loadTerminal(id).catch(() => null) : null;
      if (saved) s.sink.write(saved + '\r\x1b[2K');
      s.sink.write((o.notice ?? '') + (await h.guard(h.api().open(id, s.host, s.cols, s.rows))));
    }
  }
}
