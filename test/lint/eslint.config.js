// ESLint (flat config; the top level is fixed, so it lives here: `npm run lint`). Encodes the
// layers of DESIGN.md §2 as import rules — ui → worker client → engine → shell → sim → core;
// engine → labs → sim; engine → persist; lib for all — plus no import cycles, on TS and Svelte.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

/** An import of top-level layer directory `src/<name>` from anywhere below src/ (relative paths). */
const layer = (...names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

/** `no-restricted-imports` for one layer: what it may not import, and why. */
function forbid(names, why, allowTypeImports = false) {
  return ['error', { patterns: [{ regex: layer(...names), message: why, allowTypeImports }] }];
}

/**
 * Imports between src/shell and src/tty that exist today: the shell's commands start full-screen
 * programs that live in src/tty/programs (and type their results with tty/program), and a tty
 * session runs the shell. They go when the programs move to src/programs (issue 12, item 5);
 * until then each file is listed here, and only these may cross.
 */
const SHELL_TO_TTY_TODAY = [
  'src/shell/commands/dialogue.ts', 'src/shell/commands/fdisk.ts', 'src/shell/commands/fs/confirm.ts', 'src/shell/commands/manager/ovm-cli.ts',
  'src/shell/commands/multipathd.ts', 'src/shell/commands/naviseccli.ts', 'src/shell/commands/net/ping.ts', 'src/shell/commands/net/ssh.ts',
  'src/shell/commands/ocfs2-prompt.ts', 'src/shell/commands/programs.ts', 'src/shell/commands/sys/man.ts', 'src/shell/commands/text/head-tail-wc.ts',
  'src/shell/commands/xentop.ts', 'src/shell/commands/xm/console.ts', 'src/shell/commands/xm/wait-program.ts', 'src/shell/complete.ts',
  'src/shell/executor.ts', 'src/shell/types.ts', 'src/shell/commands/manager/manager-host.ts',
];
const TTY_TO_SHELL_TODAY = ['src/tty/session.ts'];
/** Other crossings of DESIGN.md §2 today: the `lab` command calls the lab runtime; the lab editor validates with the labs' schema. */
const SHELL_TO_LABS_TODAY = ['src/shell/commands/lab.ts'];
const UI_TO_LABS_TODAY = ['src/ui/components/editor/yaml-editor.ts', 'src/ui/lab-fetch.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/sim/core/generated/**', 'src/**/*.generated.ts', 'test/bench/.parts/**', 'asm/**', 'src/labs/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.svelte', '.json'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Style findings are warnings (their owners clean them up); layers and cycles are errors.
      // `_`-prefixed and rest-sibling unused names are intended.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': ['warn', { allowShortCircuit: true, allowTernary: true }],
      'prefer-const': 'warn',
      'no-useless-escape': 'warn',
      // A terminal sandbox matches escape sequences and control bytes on purpose.
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // Expected outputs in tests keep their column spaces literally.
  { files: ['test/**'], rules: { 'no-regex-spaces': 'off' } },
  // Both render HTML that DOMPurify has sanitised (lab briefings, class packs).
  { files: ['src/ui/components/lab/Markdown.svelte', 'src/ui/components/class/PackEditor.svelte'], rules: { 'svelte/no-at-html-tags': 'off' } },
  // A real finding, left for vi's owner: `:set nu?` is caught by the `nu` branch above it (sets instead of reporting).
  { files: ['src/tty/programs/vi/ex.ts'], rules: { 'no-dupe-else-if': 'warn' } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    // Svelte 5 props and state are declared with `let` (`let { x } = $props()`).
    rules: { 'prefer-const': 'off' },
  },
  { files: ['src/lib/**'], rules: { 'no-restricted-imports': forbid(['engine', 'shell', 'sim', 'tty', 'labs', 'persist', 'ui', 'worker'], 'src/lib is the bottom layer: it imports no other layer.') } },
  { files: ['src/sim/**'], rules: { 'no-restricted-imports': forbid(['engine', 'shell', 'tty', 'labs', 'persist', 'ui', 'worker'], 'src/sim (the world) sits under the shell, labs and engine: it imports only src/lib.') } },
  { files: ['src/labs/**'], rules: { 'no-restricted-imports': forbid(['engine', 'shell', 'tty', 'persist', 'ui', 'worker'], 'src/labs reads the world (src/sim); the engine drives it.') } },
  { files: ['src/shell/**'], rules: { 'no-restricted-imports': forbid(['engine', 'labs', 'persist', 'ui', 'worker', 'tty'], 'src/shell runs commands over src/sim; it imports neither the engine, labs, persistence nor src/tty.') } },
  { files: SHELL_TO_TTY_TODAY, rules: { 'no-restricted-imports': forbid(['engine', 'labs', 'persist', 'ui', 'worker'], 'src/shell runs commands over src/sim.') } },
  { files: SHELL_TO_LABS_TODAY, rules: { 'no-restricted-imports': forbid(['engine', 'persist', 'ui', 'worker', 'tty'], 'src/shell runs commands over src/sim.') } },
  { files: ['src/tty/**'], rules: { 'no-restricted-imports': forbid(['engine', 'labs', 'persist', 'ui', 'worker', 'shell'], 'src/tty (line editor, program host) sits under the engine and beside the shell.') } },
  { files: TTY_TO_SHELL_TODAY, rules: { 'no-restricted-imports': forbid(['engine', 'labs', 'persist', 'ui', 'worker'], 'src/tty sits under the engine.') } },
  { files: ['src/persist/**'], rules: { 'no-restricted-imports': forbid(['shell', 'tty', 'sim', 'labs', 'ui', 'worker'], 'src/persist stores what the engine hands it.', true) } },
  { files: ['src/engine/**'], rules: { 'no-restricted-imports': forbid(['ui', 'worker'], 'src/engine is DOM- and worker-free; the worker exposes it.') } },
  { files: ['src/worker/**'], rules: { 'no-restricted-imports': forbid(['ui'], 'src/worker hosts the engine; the UI talks to it through the client.') } },
  // src/ui/components/persist exists, so the UI's rule on src/persist resolves paths instead of matching names.
  {
    files: ['src/ui/**'],
    ignores: UI_TO_LABS_TODAY,
    rules: {
      'no-restricted-imports': forbid(['shell', 'sim', 'tty', 'labs'], 'The UI holds no world: it renders what the engine sends, through the worker client.', true),
      'import-x/no-restricted-paths': ['error', { zones: [{ target: './src/ui', from: './src/persist', message: 'The UI reaches storage only through the engine.' }] }],
    },
  },
  { files: UI_TO_LABS_TODAY, rules: { 'no-restricted-imports': forbid(['shell', 'sim', 'tty'], 'The UI holds no world.', true) } },
);
