// Any screen: with classic (space-taking) scrollbars the terminal keeps its size at common desktop
// sizes; phones and tablets scroll only vertically, stack the lab, keep the toolbar reachable and
// have on-screen terminal keys; hidden texts do not stretch the page; briefings keep long code
// inside their panel; the fault popover speaks plainly, lists the host's HBAs and closes after Inject.
import { expect, test, type Page } from '@playwright/test';
import { findBrowser } from './find-browser.js';
import { CHROMIUM_ARGS } from './chromium-args.js';
import { readTerminal, SANDBOX_URL, typeLine, waitForTerminal } from './helpers';

// Playwright hides scrollbars by default; a learner's Windows or Linux desktop shows them.
test.use({ launchOptions: { executablePath: findBrowser() ?? undefined, args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] } });

const PROMPT = '[root@ovs01 ~]#';
const BOOT_MS = 45_000;
const LAB_URL = './?testhooks#/lab/b2-path-failure';

async function termSize(page: Page): Promise<string> {
  return page.evaluate(() => {
    const t = (window as unknown as { __term?: { rows: number; cols: number } }).__term;
    return t ? `${t.rows}x${t.cols}` : '-';
  });
}

/** The page's scroll sizes: the document must never scroll; main scrolls vertically only. */
async function scrollSizes(page: Page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    const m = document.querySelector('main')!;
    return { docW: d.scrollWidth, docH: d.scrollHeight, w: innerWidth, h: innerHeight, mainSW: m.scrollWidth, mainCW: m.clientWidth };
  });
}

for (const [width, height] of [
  [1366, 768],
  [1600, 1000],
  [1600, 3000],
] as const) {
  test(`sandbox at ${width}×${height} with real scrollbars: the terminal's size is stable for 2 s`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height });
    await page.goto(SANDBOX_URL);
    await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
    const samples: string[] = [];
    for (let i = 0; i < 20; i++) {
      samples.push(await termSize(page));
      await page.waitForTimeout(100);
    }
    expect(new Set(samples).size, samples.join(' ')).toBe(1);
    const s = await scrollSizes(page);
    expect([s.docW, s.docH]).toEqual([s.w, s.h]);
  });
}

test('a lab at 1280×720 is exactly one window tall (hidden labels stay inside their panel)', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(LAB_URL);
  await expect(page.locator('[data-objective]').first()).toBeVisible({ timeout: BOOT_MS });
  const s = await scrollSizes(page);
  expect([s.docW, s.docH]).toEqual([1280, 720]);
  // Long code in the briefing (a WWID, a path) stays inside the panel.
  const side = (await page.locator('aside.side').boundingBox())!;
  for (const box of await page.locator('aside.side .md code, aside.side .md pre').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) {
    expect(box).toBeLessThanOrEqual(side.x + side.width);
  }
});

for (const [width, height] of [
  [390, 844],
  [768, 1024],
] as const) {
  test(`sandbox at ${width}×${height}: no horizontal scroll, toolbar reachable, on-screen keys send the right bytes`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await page.goto(SANDBOX_URL);
    await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
    const s = await scrollSizes(page);
    expect(s.docW).toBe(width);
    expect(s.mainSW).toBeLessThanOrEqual(s.mainCW);
    for (const sel of ['[data-testid="persist-menu"]', '[data-testid="sim-clock"]', 'button:has-text("Pause")', 'button:has-text("60×")', '[data-testid="fault-menu"]']) {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box.x, sel).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, sel).toBeLessThanOrEqual(width);
    }
    const keys = page.getByTestId('terminal-keys');
    await expect(keys).toBeVisible();

    // Tab completes, Left moves the cursor, Ctrl then u kills the line, Up recalls history.
    await page.locator('[data-testid="terminal"] .xterm').click();
    await page.keyboard.type('ech');
    await keys.locator('[data-key="Tab"]').click();
    await waitForTerminal(page, (t) => t.endsWith(`${PROMPT} echo`));
    await page.keyboard.type('b');
    await keys.locator('[data-key="Left"]').click();
    await page.keyboard.type('a');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, (t) => t.endsWith(`${PROMPT} echo ab\nab\n${PROMPT}`));
    await page.keyboard.type('junk');
    await keys.locator('[data-key="Ctrl"]').click();
    await expect(keys.locator('[data-key="Ctrl"]')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.type('u');
    await expect(keys.locator('[data-key="Ctrl"]')).toHaveAttribute('aria-pressed', 'false');
    await keys.locator('[data-key="Up"]').click();
    await waitForTerminal(page, (t) => t.endsWith(`${PROMPT} echo ab`));
    await page.keyboard.press('Enter');
    const text = await waitForTerminal(page, (t) => t.endsWith(`echo ab\nab\n${PROMPT}`) && t.split('\nab\n').length === 3);
    expect(text).not.toContain('junk');
    await page.screenshot({ path: `test/e2e/.output/sandbox-${width}.png` });
  });
}

test('a lab on a phone: the panel and the terminal stack, nothing scrolls sideways', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(LAB_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
  const side = (await page.locator('aside.side').boundingBox())!;
  const terms = (await page.locator('.terms').boundingBox())!;
  expect(terms.y).toBeGreaterThanOrEqual(side.y + side.height);
  expect(side.width).toBeLessThanOrEqual(390);
  const s = await scrollSizes(page);
  expect(s.docW).toBe(390);
  expect(s.mainSW).toBeLessThanOrEqual(s.mainCW);
});

test('the fault popover: plain help, the host’s HBAs in a list, closes after Inject', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
  await page.getByTestId('fault-menu').click();
  await page.getByTestId('fault-choice').selectOption({ label: 'FC cable' });
  const help = page.getByTestId('fault-help');
  await expect(help).toHaveText('Pull the fibre channel cable out of one of a server’s HBA ports, or plug it back in.');
  const hba = page.locator('select[data-arg="hba"]');
  const options = await hba.locator('option').allTextContents();
  expect(options).toHaveLength(2);
  for (const o of options) expect(o).toMatch(/^host\d+$/);
  await hba.selectOption({ label: options[1]! });
  await page.getByTestId('fault-inject').click();
  await expect(page.getByTestId('fault-result')).toHaveText('Injected: FC cable.');
  await expect(page.locator('details.faults')).not.toHaveAttribute('open');
  // The terminal under the closed popover takes clicks and typing again.
  await typeLine(page, 'echo after-fault');
  await waitForTerminal(page, (t) => t.endsWith(`echo after-fault\nafter-fault\n${PROMPT}`));
  expect(await readTerminal(page)).not.toContain('internal error');
});
