// The learner's display preferences, remembered in localStorage: the colour theme (automatic =
// the system's prefers-color-scheme / prefers-contrast) and xterm.js's screen-reader mode.
export type ThemeChoice = 'auto' | 'dark' | 'light' | 'contrast';

const THEME_KEY = 'ovm.theme';
const READER_KEY = 'ovm.screenReader';
const THEMES: readonly ThemeChoice[] = ['auto', 'dark', 'light', 'contrast'];

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked (a private window's policy): defaults apply
  }
}
function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // not remembered, still applied for this page
  }
}

class Prefs {
  theme = $state<ThemeChoice>('auto');
  screenReader = $state(false);
  /** Bumped when the system's colour preference changes, so terminals re-read the colours. */
  systemChange = $state(0);

  constructor() {
    const t = read(THEME_KEY) as ThemeChoice | null;
    this.theme = t && THEMES.includes(t) ? t : 'auto';
    this.screenReader = read(READER_KEY) === 'on';
    this.apply();
    if (typeof matchMedia === 'function') {
      for (const q of ['(prefers-color-scheme: light)', '(prefers-contrast: more)']) {
        matchMedia(q).addEventListener?.('change', () => (this.systemChange += 1));
      }
    }
  }

  setTheme(t: ThemeChoice): void {
    this.theme = t;
    write(THEME_KEY, t === 'auto' ? null : t);
    this.apply();
  }

  setScreenReader(on: boolean): void {
    this.screenReader = on;
    write(READER_KEY, on ? 'on' : null);
  }

  private apply(): void {
    if (typeof document === 'undefined') return;
    if (this.theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = this.theme;
  }
}

export const prefs = new Prefs();

/** The terminal's colours, read from the page's CSS variables (so every theme has them once). */
export function terminalTheme(): Record<string, string> {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const background = v('--term-bg', '#0d1117');
  const theme: Record<string, string> = { background, foreground: v('--term-fg', '#d8dee9'), cursor: v('--term-cursor', '#f0b429'), cursorAccent: background, selectionBackground: v('--term-sel', '#3b4252') };
  // The light theme darkens the ANSI colours (xterm's defaults are made for a dark background).
  for (const c of ['red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']) {
    const value = css.getPropertyValue(`--ansi-${c}`).trim();
    if (value) theme[c] = theme[`bright${c[0]!.toUpperCase()}${c.slice(1)}`] = value;
  }
  return theme;
}
