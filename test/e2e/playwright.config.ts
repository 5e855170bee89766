// Playwright runs against the production build served by `vite preview`, in Debian's Chromium
// (no browser download works on our machines). Playwright owns the server process.
import { defineConfig } from '@playwright/test';
import { findBrowser } from './find-browser.js';
import { CHROMIUM_ARGS } from './chromium-args.js';


/** Each parallel worker tree may pick its own port (E2E_PORT); CI uses the default. */
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: './.output',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: findBrowser() ?? undefined, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite build --outDir ${process.env.E2E_OUTDIR ?? '../dist'} && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${process.env.E2E_OUTDIR ?? '../dist'}`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
