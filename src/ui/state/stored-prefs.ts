// The learner's display preferences as remembered in localStorage, readable without the app (the
// terminal drawn before it, ui/terminal/early-terminal.ts, needs the theme and screen-reader mode).
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

export function storedTheme(): ThemeChoice {
  const t = read(THEME_KEY) as ThemeChoice | null;
  return t && THEMES.includes(t) ? t : 'auto';
}

export const storedScreenReader = (): boolean => read(READER_KEY) === 'on';

export const rememberTheme = (t: ThemeChoice): void => write(THEME_KEY, t === 'auto' ? null : t);

export const rememberScreenReader = (on: boolean): void => write(READER_KEY, on ? 'on' : null);

/** Sets the page's theme (global.css's `data-theme`; automatic: the system's preference). */
export function applyTheme(t: ThemeChoice): void {
  if (typeof document === 'undefined') return;
  if (t === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = t;
}
