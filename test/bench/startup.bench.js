// Start-up: navigation → first prompt of the sandbox, side by side with a bare page that loads the
// same xterm.js and writes a prompt (test/bench/bare). Loads alternate (ours, bare, ours, …), each in
// a fresh context (cold cache, empty IndexedDB), so both see the same machine load; the ratio
// ours / bare is what the app adds to the terminal itself (goal ≤ 1.5×; ours ≤ 500 ms).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './bench-kit.js';

const root = join(import.meta.dirname, '..', '..');

/** Builds the bare page into `outDir`/bare (served by the same static server as the app). */
export function buildBare(outDir) {
  execFileSync('npx', ['vite', 'build', '--config', 'test/bench/bare/vite.config.js', '--outDir', join(outDir, 'bare')], { cwd: root, stdio: 'inherit' });
}


/**
 * One cold load: `harness` is when Playwright's own polling (started once `goto` returns, at the
 * page's load event) first sees the prompt; `inPage` is when a check installed before the page's
 * first script (every animation frame from navigation on) first sees it. The harness figure is late
 * by the polling's set-up whenever the prompt comes before it starts (the bare page's case).
 */
async function firstPrompt(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // Functions, not strings: the page's CSP forbids evaluating strings. Each checks whether the line
  // under the cursor ends in a root prompt.
  await ctx.addInitScript(() => {
    const look = () => {
      const b = window.__term?.buffer.active;
      if (/\]# ?$/.test(b?.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '')) window.__promptAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const page = await ctx.newPage();
  await page.goto(url);
  const ms = await page.waitForFunction(
    () => {
      const b = window.__term?.buffer.active;
      return /\]# ?$/.test(b?.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '') ? performance.now() : false;
    },
    null,
    { polling: 'raf', timeout: 60000 },
  );
  const harness = await ms.jsonValue();
  const inPage = await page.waitForFunction(() => window.__promptAt, null, { timeout: 60000 }).then((h) => h.jsonValue());
  await ctx.close();
  return { harness, inPage };
}

/** `base`: the server's root URL (ending in /). `runs` paired loads after one warm-up pair. */
export async function startupBench(browser, base, runs = 7) {
  const ours = [];
  const bare = [];
  for (let i = 0; i <= runs; i++) {
    const a = await firstPrompt(browser, `${base}?testhooks#/sandbox`);
    const b = await firstPrompt(browser, `${base}bare/index.html`);
    if (i > 0) ours.push(a), bare.push(b); // the first pair warms the server and the disk cache
  }
  const figures = (key) => {
    const o = median(ours.map((r) => r[key]));
    const b = median(bare.map((r) => r[key]));
    return { o, b, ratio: Math.round((o / b) * 100) / 100 };
  };
  const harness = figures('harness');
  const inPage = figures('inPage');
  return {
    firstPromptMs: Math.round(harness.o),
    firstPromptSamplesMs: ours.map((r) => Math.round(r.harness)),
    bareXtermPromptMs: Math.round(harness.b),
    bareXtermPromptSamplesMs: bare.map((r) => Math.round(r.harness)),
    firstPromptRatioToBare: harness.ratio,
    firstPromptInPageMs: Math.round(inPage.o),
    bareXtermPromptInPageMs: Math.round(inPage.b),
    firstPromptInPageRatioToBare: inPage.ratio,
  };
}
