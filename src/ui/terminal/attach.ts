// Mounts an xterm.js terminal as a dumb PTY: keystrokes go to an engine session, bytes from it
// are written back. Resizes with its container. Returns a disposer.
// The terminal opens in an inner host without padding: the fit addon sizes rows from its parent's
// computed height, which with border-box sizing includes the parent's padding; a padded parent made
// the terminal a few pixels too tall, the page grew a scrollbar, the fit shrank, the scrollbar went,
// and the terminal's height flipped every frame on browsers with classic scrollbars.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { SerializeAddon } from '@xterm/addon-serialize';
import '@xterm/xterm/css/xterm.css';
import type { EngineClient } from '../../worker/client';
import { leaveKeys, stickyCtrl } from './keys';
import { followPrefs } from './term-prefs.svelte';
import { prefs, terminalTheme } from '../state/prefs.svelte';

export interface TerminalOptions {
  client: EngineClient;
  session: string;
  host: string;
  /** Called once the terminal exists (tests and the page read it). */
  onReady?: (term: Terminal) => void;
}

/** Rows of scrollback kept across reloads, and the quiet time after output before saving. */
const SCROLLBACK_KEPT = 1000;
const SAVE_AFTER_MS = 400;

export function attachTerminal(el: HTMLElement, opts: TerminalOptions): () => void {
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: '"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace',
    // Narrow screens (phones) get a smaller font, so a line holds more of a command's output.
    fontSize: typeof matchMedia === 'function' && matchMedia('(max-width: 600px)').matches ? 12 : 14,
    // At 1.0 the DOM renderer clips underscores (`el5_web1` read as `el5 web1`).
    lineHeight: 1.15,
    scrollback: 5000,
    allowProposedApi: false,
    theme: terminalTheme(),
    screenReaderMode: prefs.screenReader,
  });
  const host = document.createElement('div');
  host.className = 'xterm-host';
  el.append(host);
  const unfollow = followPrefs(term);
  term.attachCustomKeyEventHandler(leaveKeys(() => el));
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  fit.fit();
  opts.onReady?.(term);

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
    if (serializer) opts.client.saveTerminal(opts.session, serializer.serialize({ scrollback: SCROLLBACK_KEPT }));
    else void serializerLoad.then(() => !disposed && saveNow());
  };
  const onHidden = () => document.visibilityState === 'hidden' && saveTimer !== undefined && saveNow();
  document.addEventListener('visibilitychange', onHidden);
  const sink = {
    write: (d: string) => {
      term.write(d);
      clearTimeout(saveTimer);
      saveTimer = setTimeout(saveNow, SAVE_AFTER_MS);
    },
  };
  void opts.client.open(opts.session, opts.host, term.cols, term.rows, sink);
  const onData = term.onData((d) => opts.client.input(opts.session, stickyCtrl.apply(d)));
  const onResize = term.onResize(({ cols, rows }) => opts.client.resize(opts.session, cols, rows));
  const observer = new ResizeObserver(() => fit.fit());
  observer.observe(host);
  term.focus();

  return () => {
    if (saveTimer !== undefined) saveNow();
    disposed = true;
    document.removeEventListener('visibilitychange', onHidden);
    observer.disconnect();
    unfollow();
    onData.dispose();
    onResize.dispose();
    term.dispose();
    host.remove();
  };
}
