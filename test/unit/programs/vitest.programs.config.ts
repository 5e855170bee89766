// Runs the program tests alone, without the wasm build step (they need no core): useful while
// asm/ is being edited. `npx vitest run -c test/unit/programs/vitest.programs.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    include: ['test/unit/programs/**/*.test.ts'],
    setupFiles: ['test/support/wiring.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
