// Build, dev server and vitest configuration. The app lives in src/ (the top level is fixed),
// builds to dist/ with relative asset URLs so it can be served from any base path.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { ascPlugin } from './asm/tooling/vite-plugin-asc.ts';
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { earlySpawnScript } from './src/worker/early-spawn.ts';

const rootDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The engine's worker is spawned by the page's first script, inline after the CSP (its text:
 * src/worker/early-spawn.ts, with the worker's hashed URL; its hash added to the CSP), so that the
 * worker loads and compiles its code while the page's modules are still downloading.
 */
function earlyWorkerSpawn(): Plugin {
  return {
    name: 'ovm-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const worker = Object.values(ctx.bundle ?? {}).find((c) => /(^|\/)engine\.worker-[\w-]+\.js$/.test(c.fileName));
        if (!worker) throw new Error('ovm-early-worker: the engine worker is not in the bundle');
        const code = earlySpawnScript(`./${worker.fileName}`);
        const hash = createHash('sha256').update(code).digest('base64');
        const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')([^"]*"\s*\/?>)/;
        if (!csp.test(html)) throw new Error('ovm-early-worker: no script-src in the page\'s CSP');
        return html.replace(csp, `$1 'sha256-${hash}'$2\n    <script>${code}</script>`);
      },
    },
  };
}

/**
 * The app (src/app.ts) is imported by the page's entry only once the sandbox's terminal has been
 * drawn (src/main.ts): index.html prefetches its chunks meanwhile, so that importing it then costs
 * no round trip. Prefetched, not preloaded: a preload would hold the page's load event back until
 * the app had arrived (paired loads: load event 449 → 390 ms, session open no later).
 */
function appPreload(): Plugin {
  return {
    name: 'ovm-app-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const app = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app.ts'));
        if (!app) throw new Error('ovm-app-preload: src/app.ts is not a chunk of its own');
        // What the page loads already (its entry, the entry's imports, its stylesheet) is not preloaded again.
        const seen = new Set<string>(chunks.map((c) => c.fileName).filter((f) => html.includes(`./${f}"`)));
        const scripts: string[] = [];
        const styles: string[] = [];
        const visit = (fileName: string) => {
          if (seen.has(fileName)) return;
          seen.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk) return;
          scripts.push(fileName);
          styles.push(...[...(chunk.viteMetadata?.importedCss ?? [])].filter((f) => !html.includes(`./${f}"`)));
          chunk.imports.forEach(visit);
        };
        visit(app.fileName);
        const links = [...scripts, ...styles].map((f) => `<link rel="prefetch" crossorigin href="./${f}" data-after-prompt>`);
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

export default defineConfig({
  root: 'src',
  base: './',
  publicDir: '../public',
  plugins: [
    ascPlugin(),
    svelte({ configFile: false }),
    earlyWorkerSpawn(),
    appPreload(),
    // Offline after one visit: Workbox precaches every chunk (the worker, hence every bundled
    // lab), the wasm core, the page and the icons. An update waits until the learner accepts it
    // (src/ui/pwa.svelte.ts shows a banner); it is never applied mid-lab.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'OVM Sandbox',
        short_name: 'OVM Sandbox',
        description: 'Practise Oracle VM / Xen server administration in your browser, offline too.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0b1520',
        theme_color: '#0b1520',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,webmanifest}'],
        // The README's screenshots are not part of the app.
        globIgnores: ['docs/**'],
        // The engine's worker chunk is larger than Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // `?testhooks` and shared links' queries still find the cached page.
        ignoreURLParametersMatching: [/.*/],
        cleanupOutdatedCaches: true,
        // The first install takes the open page over at once, so a lab opened later in the same
        // tab (its chunk loaded on demand) works offline too. Updates still wait for the learner.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'idb'] },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: { index: fileURLToPath(new URL('./src/index.html', import.meta.url)) } },
    // Never inline the wasm as base64 (Vite inlines assets under 4 KiB by default).
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    root: rootDir,
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/wiring.ts'],
    environment: 'node',
    // One module graph per worker thread, not one per test file: the engine's modules (the lab
    // validators, the commands, the wasm glue) are imported once per thread instead of once per
    // file, which was half of the suite's wall time (193 s → 81 s here). Nothing registers itself
    // on import and every registry is idempotent, so files do not see each other's state.
    pool: 'threads',
    isolate: false,
    testTimeout: 20000,
  },
});
