// The Oracle VM Manager tab at scale (figures under `managerPage`): on #/sandbox/estate (16 servers,
// 400 VMs, all in the pool's Virtual Machines table), Stop is clicked on one VM after another and each
// is timed from the click to the row's vm-status cell changing in the DOM, and to the next frame after
// it (budget ≤ 50 ms: the "Manager view of the 400-VM estate rendering after a change").
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findBrowser } from '../e2e/find-browser.js';
import { CHROMIUM_ARGS } from '../e2e/chromium-args.js';
import { median, p95, waitForServer } from './bench-kit.js';

const root = join(import.meta.dirname, '..', '..');
const PORT = 4196;
/** The build browser.bench.js makes (reused in a full run), and this bench's own when it builds. */
const SHARED_OUT = '/tmp/ovm-bench-dist';
const OWN_OUT = '/tmp/ovm-bench-dist-manager';

const r1 = (x) => Math.round(x * 10) / 10;


/**
 * In the page: clicks Stop for the selected VM `name`; resolves with the ms from the click to the
 * status cell changing and to the frame after, and from the Manager view's arrival on the page (the
 * store's `manager-view` mark, `?testhooks`) to the same two moments.
 */
function stopAndTime(name) {
  const row = document.querySelector(`[data-testid="vm-row"][data-name="${name}"]`);
  const cell = row.querySelector('[data-testid="vm-status"]');
  const before = cell.textContent;
  const stop = [...document.querySelectorAll('[aria-label="Virtual machine actions"] button')].find((b) => b.textContent.trim() === 'Stop');
  return new Promise((resolve, reject) => {
    let t0 = 0;
    const obs = new MutationObserver(() => {
      const now = document.querySelector(`[data-testid="vm-row"][data-name="${name}"] [data-testid="vm-status"]`);
      if (!now || now.textContent === before) return;
      const dom = performance.now();
      obs.disconnect();
      const marks = performance.getEntriesByName('manager-view').filter((e) => e.startTime >= t0);
      const view = marks.length ? marks[marks.length - 1].startTime : NaN;
      requestAnimationFrame(() => setTimeout(() => {
        const frame = performance.now();
        resolve([dom - t0, frame - t0, dom - view, frame - view]);
      }, 0));
    });
    obs.observe(row.closest('tbody'), { subtree: true, childList: true, characterData: true });
    setTimeout(() => (obs.disconnect(), reject(new Error(`${name}: status stayed ${before}`))), 10000);
    performance.clearMarks('manager-view');
    t0 = performance.now();
    stop.click();
  });
}

/** `runs` timed stops after `warmup` untimed ones; `build`: build the site first (else browser.bench.js's build). */
export async function managerPageBench({ runs = 15, warmup = 3, build = false } = {}) {
  const OUT = build || !existsSync(join(SHARED_OUT, 'index.html')) ? OWN_OUT : SHARED_OUT;
  if (OUT === OWN_OUT) execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', OUT], { cwd: root, stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const browser = await chromium.launch({ executablePath: findBrowser() ?? undefined, args: CHROMIUM_ARGS });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(`http://127.0.0.1:${PORT}/?testhooks#/sandbox/estate`);
    await page.locator('[data-testid="manager-tab"]').click({ timeout: 120000 });
    // The table of the pool's 400 VMs (windowed: aria-rowcount counts them all, the DOM has the visible ones).
    await page.waitForFunction(() => Number(document.querySelector('table[aria-label="Virtual Machines"]')?.getAttribute('aria-rowcount')) === 401, null, { timeout: 60000 });
    const rendered = await page.locator('[data-testid="vm-row"]').count();
    const names = await page.locator('[data-testid="vm-row"]').evaluateAll((rs) => rs.filter((r) => r.querySelector('[data-testid="vm-status"]').textContent.trim() === 'Running').map((r) => r.getAttribute('data-name')));
    const [dom, frame, viewDom, viewFrame] = [[], [], [], []];
    for (let i = 0; i < warmup + runs; i++) {
      const name = names[i];
      await page.locator(`[data-testid="vm-row"][data-name="${name}"]`).click();
      await page.waitForFunction(() => [...document.querySelectorAll('[aria-label="Virtual machine actions"] button')].some((b) => b.textContent.trim() === 'Stop' && !b.disabled));
      const [d, f, vd, vf] = await page.evaluate(stopAndTime, name);
      if (i < warmup) continue;
      dom.push(d);
      frame.push(f);
      viewDom.push(vd);
      viewFrame.push(vf);
    }
    await browser.close();
    return {
      vms: 400,
      vmRowsInDom: rendered,
      stopToStatusCellMedianMs: r1(median(dom)),
      stopToStatusCellP95Ms: r1(p95(dom)),
      stopToNextFrameMedianMs: r1(median(frame)),
      stopToNextFrameP95Ms: r1(p95(frame)),
      viewToStatusCellMedianMs: r1(median(viewDom)),
      viewToNextFrameMedianMs: r1(median(viewFrame)),
      viewToNextFrameP95Ms: r1(p95(viewFrame)),
      stopToNextFrameSamplesMs: frame.map(r1),
      budgetMs: 50,
      loadAverage1m: r1(loadavg()[0]),
    };
  } finally {
    try {
      process.kill(-server.pid);
    } catch {}
  }
}
