// Keeps a terminal's colours and screen-reader mode in step with the learner's preferences
// (state/prefs.svelte.ts): the theme is read from the page's CSS variables after each change.
import type { Terminal } from '@xterm/xterm';
import { prefs } from '../state/prefs.svelte';
import { terminalTheme } from './terminal-theme';

export function followPrefs(term: Terminal): () => void {
  return $effect.root(() => {
    $effect(() => {
      void prefs.theme;
      void prefs.systemChange;
      term.options.theme = terminalTheme();
    });
    $effect(() => {
      term.options.screenReaderMode = prefs.screenReader;
    });
  });
}
