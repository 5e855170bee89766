// Workshop figures in the browser (results.json → `workshop.browser`): the class of 30 generated
// 500-command hand-ins (test/bench/handins.ts, written as files by workshop.bench.ts) dropped at
// once on the built instructor page's file input, timed from the input's change event until all 30
// learner rows show; then one hand-in alone, on a fresh page (the first re-grade loads the lab
// tooling and compiles the core) and again on the warm page (median of 5). Targets (issue 15):
// ≤ 1 s for one, ≤ 15 s for 30.
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { median } from './bench-kit.js';

const HANDIN_DIR = join(import.meta.dirname, '.parts', 'handins');


/** The hand-in files left by workshop.bench.ts, or null when it did not run. */
export function handInFiles() {
  if (!existsSync(HANDIN_DIR)) return null;
  const files = readdirSync(HANDIN_DIR)
    .filter((f) => f.endsWith('.handin.json'))
    .sort()
    .map((f) => join(HANDIN_DIR, f));
  return files.length ? files : null;
}

async function instructorPage(browser, base) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('instructor page error:', e.message));
  // Under a heavy load the preview server can refuse the first connection: one more try.
  await page.goto(`${base}#/instructor`).catch(async () => {
    await page.waitForTimeout(2000);
    await page.goto(`${base}#/instructor`);
  });
  await page.locator('[data-testid="instructor-drop"]').waitFor({ state: 'attached' });
  // The worker is up: it answered the page's catalog call (the pack editor lists the labs).
  await page.locator('[data-class-lab]').first().waitFor();
  return { ctx, page };
}

/** Drops `files` on the page's hand-in input; the ms from its change event until `rows` learner rows show. */
async function dropAndTime(page, files, rows) {
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid="instructor-drop"]');
    input.addEventListener('change', () => (window.__dropAt = performance.now()), { capture: true, once: true });
  });
  await page.locator('[data-testid="instructor-drop"]').setInputFiles(files);
  const ms = await page.waitForFunction(
    (n) => (document.querySelectorAll('[data-testid="learner-row"]').length >= n && window.__dropAt !== undefined ? performance.now() - window.__dropAt : false),
    rows,
    { polling: 'raf', timeout: 600_000 },
  );
  return ms.jsonValue();
}

async function clearTable(page) {
  await page.getByRole('button', { name: 'clear the table' }).click();
  await page.locator('[data-testid="learner-row"]').first().waitFor({ state: 'detached' });
}

/** `base`: the served build's root URL (ending in /). */
export async function workshopBrowserBench(browser, base, files = handInFiles()) {
  if (!files) throw new Error('no hand-in files: workshop.bench.ts writes them (test/bench/.parts/handins)');
  const loadAverage1mBefore = loadavg()[0];
  // The class at once, on a fresh page (what an instructor sees after the session).
  const a = await instructorPage(browser, base);
  const classMs = await dropAndTime(a.page, files, files.length);
  const verified = await a.page.locator('[data-testid="learner-row"][data-verified="true"]').count();
  await a.ctx.close();
  // One hand-in: first on a fresh page, then warm.
  const b = await instructorPage(browser, base);
  const firstMs = await dropAndTime(b.page, [files[0]], 1);
  const warm = [];
  for (let i = 1; i <= 5; i++) {
    await clearTable(b.page);
    warm.push(await dropAndTime(b.page, [files[i % files.length]], 1));
  }
  await b.ctx.close();
  return {
    class30Ms: Math.round(classMs),
    class30Rows: files.length,
    class30RowsVerified: verified,
    regrade500FirstMs: Math.round(firstMs),
    regrade500Ms: Math.round(median(warm)),
    regrade500SamplesMs: warm.map(Math.round),
    loadAverage1mBefore: Math.round(loadAverage1mBefore * 100) / 100,
    loadAverage1mAfter: Math.round(loadavg()[0] * 100) / 100,
    targets: { regrade500MsMax: 1000, class30MsMax: 15000 },
  };
}
