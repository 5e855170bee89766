// The sandbox's terminal, drawn before the app around it. On a first visit (the browser has no
// database of the sandbox yet) the attempt is new and its seed is the page's (early-spawn.ts), so
// its first screen is known (engine/first-screen.ts). On a wide screen the terminal opens in a frame
// where the app's terminal pane will be (global.css fixes the heights above it), shows that screen,
// and the app, loaded after that frame, takes the terminal over at the same size (attach.ts).
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import { newAttemptFirstScreen } from '../../engine/first-screen';
import { EARLY_START_GLOBAL, EARLY_WORKER_GLOBAL, type EarlyStart } from '../../worker/early-spawn';
import { FIRST_SESSION_SIZE, SANDBOX_BOOT, SANDBOX_PAGE, sandboxSession, seedFromNonce, type FirstScreen } from '../../worker/sandbox-boot';
import { applyTheme, storedScreenReader, storedTheme } from '../state/stored-prefs';
import { exposeForTests, openTerminal } from './open-terminal';
import { LocalEcho } from './local-echo';

/** A terminal drawn before the app, showing a new attempt's first screen. */
export interface EarlyTerminal {
  term: Terminal;
  fit: FitAddon;
  /** The element xterm.js was opened in (now in the app's pane). */
  host: HTMLElement;
  screen: FirstScreen;
  /** Keys typed before the app took the terminal over. */
  typed: string;
  /** Shows those keys (and those typed after the app took over) until the session echoes them itself. */
  echo: LocalEcho;
}

let drawn: { early: EarlyTerminal; frame: HTMLElement; stopTyping: () => void } | null = null;

/**
 * Draws the sandbox's first terminal with its first screen when it can (else does nothing) and
 * resolves once a frame has shown it: the app is loaded after that, so as not to delay it.
 */
export async function openEarlyTerminal(): Promise<void> {
  const slot = globalThis as unknown as Record<string, unknown>;
  const start = slot[EARLY_START_GLOBAL] as EarlyStart | undefined;
  delete slot[EARLY_START_GLOBAL];
  try {
    // A screen reader user gets the app's terminal (its screen-reader mode is set as it opens).
    if (start?.fresh && SANDBOX_PAGE.test(location.hash) && !storedScreenReader() && (await start.fresh)) await drawFirstScreen(start.nonce);
  } finally {
    // The worker, left to the page when it could draw first (early-spawn.ts): spawned now, in any case.
    start?.spawn();
  }
  // The worker holds the world's build back until the first screen is drawn (engine.worker.ts).
  if (drawn) (slot[EARLY_WORKER_GLOBAL] as Worker | undefined)?.postMessage({ ovmFirstScreenShown: 1 });
}

async function drawFirstScreen(nonce: string): Promise<void> {
  const screen = newAttemptFirstScreen(SANDBOX_BOOT.scenario, seedFromNonce(nonce), FIRST_SESSION_SIZE.cols);
  if (!screen) return;
  applyTheme(storedTheme()); // the terminal's colours are the theme's CSS variables
  const frame = document.createElement('div');
  frame.className = 'early-terminal';
  const host = document.createElement('div');
  host.className = 'xterm-host';
  frame.append(host);
  document.body.append(frame);
  const { term, fit } = openTerminal(host, false);
  exposeForTests(term);
  const early: EarlyTerminal = { term, fit, host, screen: { session: sandboxSession(screen.host), text: screen.text }, typed: '', echo: new LocalEcho(term) };
  const onData = term.onData((d) => {
    early.typed += d;
    early.echo.type(d);
  });
  drawn = { early, frame, stopTyping: () => onData.dispose() };
  await new Promise<void>((shown) => term.write(screen.text, () => afterFrame(shown)));
  if (drawn?.early === early) term.focus();
}

/** The early terminal, moved into `pane` (the app's first terminal pane on the sandbox page); null if none was drawn. */
export function takeEarlyTerminal(pane: HTMLElement): EarlyTerminal | null {
  if (!drawn || !SANDBOX_PAGE.test(location.hash)) return (discardEarlyTerminal(), null);
  const { early, frame, stopTyping } = drawn;
  drawn = null;
  stopTyping();
  const focused = frame.contains(document.activeElement);
  pane.append(early.host);
  frame.remove();
  if (focused) early.term.focus();
  return early;
}

/** Removes an early terminal the app did not take (the learner went to another page meanwhile). */
export function discardEarlyTerminal(): void {
  if (!drawn) return;
  drawn.stopTyping();
  drawn.early.term.dispose();
  drawn.frame.remove();
  drawn = null;
}

/**
 * Calls `done` once a frame has shown what was written; at once in a tab opened in the background,
 * which draws no frames until it is looked at (the app and the worker load meanwhile).
 */
function afterFrame(done: () => void): void {
  if (document.visibilityState === 'hidden') setTimeout(done, 0);
  else requestAnimationFrame(() => setTimeout(done, 0));
}
