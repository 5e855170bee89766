// What a new sandbox attempt's first terminal shows before any key, known from its seed alone:
// the worker posts it while the world is still being built, so the page can show the login at once
// (the session, opened after the boot, then shows the same bytes; the page writes only what differs).
import { epochForSeed } from '../sim/world';
import { loginBannerAt, shippedMotd } from '../sim/motd';
import { DEFAULT_HOST_NAMES, DEFAULT_RELEASE } from '../sim/scenario/default-names';
import { freshLoginOutput } from '../tty/session';

export interface FirstScreen {
  /** The server the first terminal logs in to. */
  host: string;
  /** The bytes its session shows when opened at the given width. */
  text: string;
}

/**
 * The first screen of a new attempt of `scenario` built from `seed`, for a terminal `cols` wide;
 * null for a scenario whose first login is known only once its world is built (all but the
 * default one: a lab's world can change its servers' names and files).
 */
export function newAttemptFirstScreen(scenario: string, seed: number, cols: number): FirstScreen | null {
  if (scenario !== 'default') return null;
  const host = DEFAULT_HOST_NAMES[0];
  // A new world's clock reads 0: its wall time is its epoch.
  const banner = loginBannerAt(epochForSeed(seed), shippedMotd(DEFAULT_RELEASE));
  return { host, text: freshLoginOutput(banner, host, cols) };
}
