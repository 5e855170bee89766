// Benchmarks run under vitest (so the wasm `?init` import works as in the app), one file per
// area: test/bench/*.bench.ts. Not part of `npm test`; run with `npm run bench`.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vite.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      root: fileURLToPath(new URL('../..', import.meta.url)),
      include: ['test/bench/*.bench.ts'],
      testTimeout: 600_000,
      fileParallelism: false,
    },
  }),
);
