// The learner's display preferences, remembered in localStorage: the colour theme (automatic =
// the system's prefers-color-scheme / prefers-contrast) and xterm.js's screen-reader mode.
import { applyTheme, rememberScreenReader, rememberTheme, storedScreenReader, storedTheme, type ThemeChoice } from './stored-prefs';

class Prefs {
  theme = $state<ThemeChoice>('auto');
  screenReader = $state(false);
  /** Bumped when the system's colour preference changes, so terminals re-read the colours. */
  systemChange = $state(0);

  constructor() {
    this.theme = storedTheme();
    this.screenReader = storedScreenReader();
    applyTheme(this.theme);
    if (typeof matchMedia === 'function') {
      for (const q of ['(prefers-color-scheme: light)', '(prefers-contrast: more)']) {
        matchMedia(q).addEventListener?.('change', () => (this.systemChange += 1));
      }
    }
  }

  setTheme(t: ThemeChoice): void {
    this.theme = t;
    rememberTheme(t);
    applyTheme(t);
  }

  setScreenReader(on: boolean): void {
    this.screenReader = on;
    rememberScreenReader(on);
  }
}

export const prefs = new Prefs();
