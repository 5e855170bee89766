// Mounts an xterm.js terminal as a dumb PTY: keystrokes go to an engine session, bytes from it
// are written back. Resizes with its container. Returns a disposer.
// The terminal opens in an inner host without padding: the fit addon sizes rows from its parent's
// computed height, which with border-box sizing includes the parent's padding; a padded parent made
// the terminal a few pixels too tall, the page grew a scrollbar, the fit shrank, the scrollbar went,
// and the terminal's height flipped every frame on browsers with classic scrollbars.
// The sandbox's first terminal may have been drawn before the app (early-terminal.ts): it is taken over.
import type { Terminal } from '@xterm/xterm';
import type { SerializeAddon } from '@xterm/addon-serialize';
import type { EngineClient } from '../../worker/client';
import { CLEAR_SCREEN } from '../../worker/session-opening';
import type { FirstScreen } from '../../worker/sandbox-boot';
import { leaveKeys, stickyCtrl } from './keys';
import { followPrefs } from './term-prefs.svelte';
import { prefs } from '../state/prefs.svelte';
import { openTerminal } from './open-terminal';
import { takeEarlyTerminal } from './early-terminal';
import type { LocalEcho } from './local-echo';

/** The engine session a terminal shows, and the host it logs in to. */
export interface TerminalTarget {
  session: string;
  host: string;
}

export type TerminalOptions = {
  client: EngineClient;
  /** Called once the terminal exists (tests and the page read it). */
  onReady?: (term: Terminal) => void;
} & (
  | TerminalTarget
  /**
   * Known only once the world has booted (the sandbox's first server): the terminal is built
   * meanwhile — xterm.js's set-up overlaps the worker's boot instead of following it — and keys
   * typed before the target is known are sent once it is.
   */
  | { target: Promise<TerminalTarget> }
);

/** Rows of scrollback kept across reloads, and the quiet time after output before saving. */
const SCROLLBACK_KEPT = 1000;
const SAVE_AFTER_MS = 400;

export function attachTerminal(el: HTMLElement, opts: TerminalOptions): () => void {
  const pending = 'target' in opts;
  // Only a terminal whose session is not known yet can be the one drawn before the app.
  const adopted = pending ? takeEarlyTerminal(el) : null;
  const host = adopted?.host ?? newHost(el);
  const { term, fit } = adopted ?? openTerminal(host, prefs.screenReader);
  const unfollow = followPrefs(term);
  term.attachCustomKeyEventHandler(leaveKeys(() => el));
  if (adopted) fit.fit(); // the same size as drawn, unless the page's chrome differs (larger fonts)
  opts.onReady?.(term);

  // Keys typed before the session is known wait for it (the client keeps them until its prompt).
  // Those typed into the terminal drawn before the app are shown meanwhile (local-echo.ts).
  let early = adopted?.typed ?? '';
  let toEngine: (d: string) => void = (d) => {
    early += d;
    adopted?.echo.type(d);
  };
  const onData = term.onData((d) => toEngine(stickyCtrl.apply(d)));
  const observer = new ResizeObserver(() => fit.fit());
  observer.observe(host);
  // Focused once the frame is drawn: focusing now would lay the page out once more before it.
  requestAnimationFrame(() => !disposed && term.focus());
  let disposed = false;
  let disconnect: () => void = () => undefined;
  // Said in the terminal itself while the world boots (dim, and wiped when the session attaches),
  // unless a new attempt's first screen comes first (the worker posts it before the world is built;
  // an adopted terminal shows it already): then that is shown, and the session writes only what
  // follows it.
  if (pending && !adopted) term.write('\x1b[2mStarting the data centre…\x1b[0m');
  let showing: FirstScreen | null = adopted?.screen ?? null;
  let attached = false;
  if (pending && !adopted)
    void opts.client.firstScreen.then((screen) => {
      if (disposed || attached) return;
      // Once it is drawn, the worker may build the world (it held back so as not to slow this down).
      term.write('\r\x1b[2K' + screen.text, () => requestAnimationFrame(() => opts.client.firstScreenShown()));
      showing = screen;
    });
  const target = pending ? opts.target : Promise.resolve({ session: opts.session, host: opts.host });
  void target.then((t) => {
    if (disposed) return;
    attached = true;
    const shown = showing?.session === t.session ? showing.text : '';
    // The starting line is wiped; a first screen of another session (not expected) is cleared.
    if (pending && !shown) term.write(showing ? CLEAR_SCREEN : '\r\x1b[2K');
    disconnect = connect(term, opts.client, t, shown, adopted?.echo);
    toEngine = (d) => opts.client.input(t.session, d);
    if (early) toEngine(early);
    early = '';
  });

  return () => {
    disconnect();
    disposed = true;
    observer.disconnect();
    unfollow();
    onData.dispose();
    term.dispose();
    host.remove();
  };
}

/** The element xterm.js opens in, inside the pane `el`. */
function newHost(el: HTMLElement): HTMLElement {
  const host = document.createElement('div');
  host.className = 'xterm-host';
  el.append(host);
  return host;
}

/**
 * Shows an engine session in `term`: its output, resizes and the scrollback kept across reloads.
 * `echo`: keys shown before the session was open, taken back as its first output arrives (their own
 * echo: the opening writes nothing when the screen shown is the session's). Returns the disconnect.
 */
function connect(term: Terminal, client: EngineClient, { session, host }: TerminalTarget, shown: string, echo?: LocalEcho): () => void {
  // The scrollback is kept (serialised) shortly after output settles, and shown again after a reload.
  // The serialiser loads after the first prompt (it is not needed to show one); a save due before
  // it arrives waits for it.
  let serializer: SerializeAddon | null = null;
  let disposed = false;
  const serializerLoad = import('@xterm/addon-serialize').then(({ SerializeAddon }) => {
    if (disposed) return;
    serializer = new SerializeAddon();
    term.loadAddon(serializer);
  });
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (serializer) client.saveTerminal(session, serializer.serialize({ scrollback: SCROLLBACK_KEPT }));
    else void serializerLoad.then(() => !disposed && saveNow());
  };
  const onHidden = () => document.visibilityState === 'hidden' && saveTimer !== undefined && saveNow();
  document.addEventListener('visibilitychange', onHidden);
  const sink = {
    write: (d: string, written?: () => void) => {
      if (echo && d) {
        d = echo.takeBack() + d;
        echo = undefined;
      }
      term.write(d, written);
      clearTimeout(saveTimer);
      saveTimer = setTimeout(saveNow, SAVE_AFTER_MS);
    },
  };
  void client.open(session, host, term.cols, term.rows, sink, shown);
  const onResize = term.onResize(({ cols, rows }) => client.resize(session, cols, rows));
  return () => {
    if (saveTimer !== undefined) saveNow();
    disposed = true;
    document.removeEventListener('visibilitychange', onHidden);
    onResize.dispose();
  };
}
