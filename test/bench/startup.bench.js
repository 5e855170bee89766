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
 * The page's first prompt, seen from inside the page: a check installed before the page's first
 * script (every animation frame from navigation on) records when the line under the cursor first
 * ends in a root prompt. Functions, not strings: the page's CSP forbids evaluating strings.
 */
function watchForPrompt() {
  const look = () => {
    const b = window.__term?.buffer.active;
    if (/\]# ?$/.test(b?.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '')) window.__promptAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/**
 * One cold load, timed one of two ways (never both in one load: the first would slow the second).
 * `inPage`: the recorded time is read back with a plain evaluate every 100 ms, which runs nothing on
 * the page between reads. `harness`: Playwright's own polling (every frame, started once `goto`
 * returns at the page's load event): it runs Playwright's injected script on the page's main thread
 * (~30–100 ms here), so a prompt that comes after the load event (ours) waits for it, and one before
 * it (the bare page's) is seen late by the polling's set-up.
 */
async function firstPrompt(browser, url, way) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  if (way === 'inPage') await ctx.addInitScript(watchForPrompt);
  const page = await ctx.newPage();
  await page.goto(url);
  let ms;
  let shellMs = null;
  if (way === 'inPage') {
    const deadline = Date.now() + 60_000;
    while (!(ms = await page.evaluate(() => window.__promptAt)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (!ms) throw new Error(`no prompt within 60 s at ${url}`);
    // Ours: when the session behind that prompt is open, so that what is typed is echoed (the client's
    // mark; the first prompt shown may be the first screen the worker posts before building the world).
    if (!url.includes('bare/')) {
      const session = () => page.evaluate(() => performance.getEntriesByName('ovm:first-session')[0]?.startTime ?? null);
      while ((shellMs = await session()) === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    }
  } else {
    const polled = await page.waitForFunction(
      () => {
        const b = window.__term?.buffer.active;
        return /\]# ?$/.test(b?.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '') ? performance.now() : false;
      },
      null,
      { polling: 'raf', timeout: 60000 },
    );
    ms = await polled.jsonValue();
  }
  await ctx.close();
  return way === 'inPage' ? { ms, shellMs } : { ms };
}

/** `base`: the server's root URL (ending in /). `runs` rounds (ours and bare, each timed both ways) after one warm-up round. */
export async function startupBench(browser, base, runs = 7) {
  const ours = [];
  const bare = [];
  for (let i = 0; i <= runs; i++) {
    const a = {}, b = {};
    for (const way of ['inPage', 'harness']) {
      const ours = await firstPrompt(browser, `${base}?testhooks#/sandbox`, way);
      a[way] = ours.ms;
      if (way === 'inPage') a.shell = ours.shellMs;
      b[way] = (await firstPrompt(browser, `${base}bare/index.html`, way)).ms;
    }
    // The first round warms the server and the disk cache.
    if (i > 0) {
      ours.push(a);
      bare.push(b);
    }
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
    firstPromptInPageSamplesMs: ours.map((r) => Math.round(r.inPage)),
    firstSessionInPageMs: Math.round(median(ours.map((r) => r.shell))),
    firstSessionInPageSamplesMs: ours.map((r) => Math.round(r.shell)),
    bareXtermPromptInPageMs: Math.round(inPage.b),
    bareXtermPromptInPageSamplesMs: bare.map((r) => Math.round(r.inPage)),
    firstPromptInPageRatioToBare: inPage.ratio,
  };
}
