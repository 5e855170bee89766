// The terminal's colours, read from the page's CSS variables (so every theme has them once).
export function terminalTheme(): Record<string, string> {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const background = v('--term-bg', '#0d1117');
  const theme: Record<string, string> = {
    background,
    foreground: v('--term-fg', '#d8dee9'),
    cursor: v('--term-cursor', '#f0b429'),
    cursorAccent: background,
    selectionBackground: v('--term-sel', '#3b4252'),
  };
  // The light theme darkens the ANSI colours (xterm's defaults are made for a dark background).
  for (const c of ['red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']) {
    const value = css.getPropertyValue(`--ansi-${c}`).trim();
    if (value) theme[c] = theme[`bright${c[0]!.toUpperCase()}${c.slice(1)}`] = value;
  }
  return theme;
}
