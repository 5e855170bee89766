// Benchmarks run under vitest (so the wasm `?init` import works as in the app), one file per
// area: test/bench/*.bench.ts. Not part of `npm test`; run with `npm run bench`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vite.config.ts';

export default defineConfig({
  ...base,
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/bench/*.bench.ts'],
    setupFiles: ['test/support/wiring.ts'],
    environment: 'node',
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
