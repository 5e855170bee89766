// What a terminal is sent when its session opens, given what it already shows: the scrollback kept
// from before a reload, then the session's own opening (its login or a fresh prompt), written once.

/** Clears a terminal's screen and its scrollback, cursor home. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/** The fresh prompt of a reloaded session replaces the line the scrollback ended on (its old prompt). */
const REPLACE_LINE = '\r\x1b[2K';

/**
 * The bytes that follow `saved` (written as soon as it is read; null when there is none) once the
 * session has answered `out`. With `showing` (what the terminal shows already: a new attempt's first
 * screen, src/engine/first-screen.ts), nothing was written yet and only what follows it is sent, or,
 * should the session show something else after all, the screen is cleared and drawn anew.
 */
export function openingWrite(saved: string | null, out: string, showing: string): string {
  const rest = saved && out ? REPLACE_LINE + out : out;
  if (!showing) return rest;
  const full = (saved ?? '') + rest;
  return full.startsWith(showing) ? full.slice(showing.length) : CLEAR_SCREEN + full;
}
