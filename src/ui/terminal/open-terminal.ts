// The terminal every page opens, with one set of options: xterm.js and its fit addon, opened in a
// host element. Used by the app's panes (attach.ts) and by the terminal drawn before the app.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { terminalTheme } from './terminal-theme';
import { testHooks } from '../test-hooks';

export function openTerminal(host: HTMLElement, screenReader: boolean): { term: Terminal; fit: FitAddon } {
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
    screenReaderMode: screenReader,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  fit.fit();
  return { term, fit };
}

/** The terminal the tests (and the benchmark) read, as `window.__term`, when their hooks are on. */
export function exposeForTests(term: Terminal): void {
  if (testHooks()) (window as unknown as { __term?: Terminal }).__term = term;
}
