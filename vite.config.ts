// Build, dev server and vitest configuration. The app lives in src/ (the top level is fixed),
// builds to dist/ with relative asset URLs so it can be served from any base path.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { ascPlugin } from './asm/tooling/vite-plugin-asc.ts';

const rootDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'src',
  base: './',
  publicDir: '../public',
  plugins: [ascPlugin(), svelte({ configFile: false })],
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'idb'] },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // Never inline the wasm as base64 (Vite inlines assets under 4 KiB by default).
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    root: rootDir,
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/wiring.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
