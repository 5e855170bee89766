// Browser figures: first prompt after navigation, keystroke echo latency, bundle sizes, and the
// instructor page's re-grades (workshop-browser.bench.js). Builds the site, serves it with
// `vite preview` on its own port, drives Debian's Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findBrowser } from '../e2e/find-browser.js';
import { CHROMIUM_ARGS } from '../e2e/chromium-args.js';
import { durabilityBench } from './durability.bench.js';
import { buildBare, startupBench } from './startup.bench.js';
import { handInFiles, workshopBrowserBench } from './workshop-browser.bench.js';
import { median, p95, waitForServer } from './bench-kit.js';

const root = join(import.meta.dirname, '..', '..');
// BENCH_PORT / BENCH_OUTDIR: a second tree on the same machine benchmarks beside this one.
const PORT = Number(process.env.BENCH_PORT ?? 4199);
const OUT = process.env.BENCH_OUTDIR ?? '/tmp/ovm-bench-dist';


function gzipBytes(prefix) {
  const dir = join(OUT, 'assets');
  const file = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  return file ? gzipSync(readFileSync(join(dir, file)), { level: 9 }).length : null;
}

/**
 * What the page loads (gzip -9): every script and module preload that index.html names — the main
 * chunk, the chunks it imports statically — and its inline scripts (the one that spawns the engine's
 * worker). Several chunks since the bundler splits shared code out; counting the entry alone would
 * flatter the figure. `beforePrompt`: without the app's chunks, which index.html prefetches for after
 * the first prompt (marked `data-after-prompt`: vite.config.ts, the app is imported after that frame).
 */
function pageJsGzipBytes(beforePrompt) {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\.\/(assets\/[^"]+\.js)"[^>]*>/g)];
  const files = [...new Set(tags.filter((m) => !(beforePrompt && m[0].includes('data-after-prompt'))).map((m) => m[1]))];
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(OUT, f)), { level: 9 }).length, 0) + inline.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
}

/** The page's scripts: before its first prompt (the budget's "main chunk"), and with the app preloaded for after it. */
const pageJs = () => ({ mainJsGzipBytes: pageJsGzipBytes(true), pageJsGzipBytes: pageJsGzipBytes(false) });


/** The page's figures, and the workshop's in the browser (`workshop`, null without the hand-in files of workshop.bench.ts). */
export async function browserBench() {
  execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  buildBare(OUT);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', OUT], { cwd: root, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${PORT}/?testhooks#/sandbox`;
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const browser = await chromium.launch({ executablePath: findBrowser() ?? undefined, args: CHROMIUM_ARGS });
    // First prompt, side by side with the bare xterm.js page (startup.bench.js).
    const startup = await startupBench(browser, `http://127.0.0.1:${PORT}/`);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForFunction(() => /\]# ?$/.test(window.__term?.buffer.active.getLine(window.__term.buffer.active.baseY + window.__term.buffer.active.cursorY)?.translateToString(true) ?? ''));
    const echo = await page.evaluate(async () => {
      const term = window.__term;
      const times = [];
      const line = () => term.buffer.active.getLine(term.buffer.active.baseY + term.buffer.active.cursorY)?.translateToString(true) ?? '';
      for (let i = 0; i < 200; i++) {
        const before = line();
        const t0 = performance.now();
        // Resolves when the echo from the worker has been parsed into the buffer (the line changed).
        const echoed = new Promise((r) => {
          const d = term.onWriteParsed(() => {
            if (line() !== before) {
              d.dispose();
              r();
            }
          });
        });
        term.input(i % 50 === 49 ? '\x15' : 'x', true);
        await echoed;
        times.push(performance.now() - t0);
      }
      return times;
    });
    // A command round trip: Enter → journal write in IndexedDB → output → next prompt parsed.
    const command = await page.evaluate(async () => {
      const term = window.__term;
      const promptLine = () => /\]# ?$/.test(term.buffer.active.getLine(term.buffer.active.baseY + term.buffer.active.cursorY)?.translateToString(true) ?? '');
      term.input('\x15', true);
      await new Promise((r) => setTimeout(r, 50));
      const times = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        const done = new Promise((r) => {
          const d = term.onWriteParsed(() => {
            if (promptLine()) {
              d.dispose();
              r();
            }
          });
        });
        term.input('xm list\r', true);
        await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('no prompt after xm list')), 5000))]);
        times.push(performance.now() - t0);
      }
      return times;
    });
    const durability = await durabilityBench(browser, url);
    const workshop = handInFiles() ? await workshopBrowserBench(browser, `http://127.0.0.1:${PORT}/`) : null;
    await browser.close();
    const figures = {
      ...durability,
      ...startup,
      echoP95Ms: Math.round(p95(echo) * 10) / 10,
      echoMedianMs: Math.round(median(echo) * 10) / 10,
      commandRoundTripMedianMs: Math.round(median(command) * 10) / 10,
      commandRoundTripP95Ms: Math.round(p95(command) * 10) / 10,
      ...pageJs(),
      workerJsGzipBytes: gzipBytes('engine.worker-'),
    };
    return { page: figures, workshop };
  } finally {
    try {
      process.kill(-server.pid);
    } catch {}
  }
}

/** `BENCH_ONLY=startup npm run bench`: the first-prompt figures and bundle sizes only. */
export async function startupOnly() {
  execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  buildBare(OUT);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', OUT], { cwd: root, stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const browser = await chromium.launch({ executablePath: findBrowser() ?? undefined, args: CHROMIUM_ARGS });
    const startup = await startupBench(browser, `http://127.0.0.1:${PORT}/`);
    const durability = await durabilityBench(browser, `http://127.0.0.1:${PORT}/`);
    await browser.close();
    return { ...startup, ...durability, ...pageJs(), workerJsGzipBytes: gzipBytes('engine.worker-') };
  } finally {
    try {
      process.kill(-server.pid);
    } catch {}
  }
}

/** `BENCH_ONLY=workshop npm run bench`: the instructor page's re-grades only (after workshop.bench.ts wrote the hand-ins). */
export async function workshopOnly() {
  execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', OUT], { cwd: root, stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const browser = await chromium.launch({ executablePath: findBrowser() ?? undefined, args: CHROMIUM_ARGS });
    try {
      return await workshopBrowserBench(browser, `http://127.0.0.1:${PORT}/`);
    } finally {
      await browser.close();
    }
  } finally {
    try {
      process.kill(-server.pid);
    } catch {}
  }
}
