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


async function firstPrompt(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(url);
  const ms = await page.waitForFunction(
    () => {
      const t = window.__term;
      const line = t?.buffer.active.getLine(t.buffer.active.baseY + t.buffer.active.cursorY)?.translateToString(true) ?? '';
      return /\]# ?$/.test(line) ? performance.now() : false;
    },
    null,
    { polling: 'raf', timeout: 60000 },
  );
  const value = await ms.jsonValue();
  await ctx.close();
  return value;
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
  const o = median(ours);
  const b = median(bare);
  return {
    firstPromptMs: Math.round(o),
    firstPromptSamplesMs: ours.map(Math.round),
    bareXtermPromptMs: Math.round(b),
    bareXtermPromptSamplesMs: bare.map(Math.round),
    firstPromptRatioToBare: Math.round((o / b) * 100) / 100,
  };
}
