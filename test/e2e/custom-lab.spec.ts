// Labs of your own in the browser: a lab file opened from disk shows in "Your labs", starts like
// a bundled lab and survives a reload; a broken file shows the loader's errors and keeps nothing;
// a shared link (#/lab-url?src=…) asks before fetching, and fetch failures say why in one line.
// Run alone: E2E_PORT=4191 E2E_OUTDIR=/tmp/e2e-custom npx playwright test -c test/e2e/playwright.config.ts custom-lab
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForTerminal, watchConsole } from './helpers';

const CATALOG = './?testhooks#/';
const PROMPT = /\[root@ovs0[12] [^\]]+\]#$/;
const A1 = readFileSync(new URL('../../labs/a1-dom0-orientation.yaml', import.meta.url), 'utf8');
const MINE = A1.replace(/^title: .*$/m, 'title: My own orientation');
const SHARED_URL = 'https://labs.example.test/share/shared-lab.yaml';

const yamlFile = (name: string, text: string) => ({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
const customCards = (page: Page) => page.locator('[data-testid="your-labs"] [data-lab]');

test('open a lab file, start it, reload it; a broken file shows the loader’s error and keeps nothing; remove it', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchConsole(page);
  await page.goto(CATALOG);
  await expect(page.locator('[data-testid="your-labs"]')).toContainText('No labs of your own yet.');

  await page.locator('[data-testid="lab-file-input"]').setInputFiles(yamlFile('my-orientation.yaml', MINE));
  await expect(page.locator('[data-testid="custom-lab-message"]')).toHaveText('Opened “My own orientation” (custom-my-orientation): it is kept in this browser.');
  const card = page.locator('[data-lab="custom-my-orientation"]');
  await expect(card).toContainText('My own orientation');
  await expect(card).toContainText('From my-orientation.yaml');
  await expect(card).toHaveAttribute('data-status', 'new');

  // A broken file: the loader's file:path messages, and nothing new is kept.
  const broken = MINE.replace(/^level: beginner$/m, 'level: expert');
  await page.locator('[data-testid="lab-file-input"]').setInputFiles(yamlFile('broken.yaml', broken));
  await expect(page.locator('[data-testid="custom-lab-errors"] pre')).toHaveText('broken.yaml: level: expected one of beginner, intermediate, advanced');
  await expect(customCards(page)).toHaveCount(1);
  await page.locator('[data-testid="your-labs"]').screenshot({ path: 'test/e2e/.output/your-labs.png' });

  // Start it: the lab page with its title, a terminal, the objectives; it stays after a reload.
  await card.getByRole('link', { name: /Start/ }).click();
  await expect(page).toHaveURL(/#\/lab\/custom-my-orientation$/);
  await expect(page.locator('aside h1')).toHaveText('My own orientation');
  await waitForTerminal(page, (t) => PROMPT.test(t));
  await expect(page.locator('[data-testid="lab-status"]')).toHaveAttribute('data-status', 'in-progress');
  await expect(page.locator('[data-objective]')).not.toHaveCount(0);
  await page.reload();
  await expect(page.locator('aside h1')).toHaveText('My own orientation');
  await waitForTerminal(page, (t) => PROMPT.test(t));

  // Back in the catalog: in progress. Remove it (confirmed): gone, and so is its page.
  await page.goto(CATALOG);
  await expect(card).toHaveAttribute('data-status', 'in-progress');
  await card.getByRole('button', { name: /Remove/ }).click();
  await page.locator('dialog[open] [data-testid="confirm"]').click();
  await expect(customCards(page)).toHaveCount(0);
  await page.goto('./?testhooks#/lab/custom-my-orientation');
  await expect(page.getByRole('alert')).toContainText('There is no lab custom-my-orientation kept in this browser');
  expect(problems).toEqual([]);
});

test('a shared link asks before fetching; a fetched lab is kept; fetch failures say why', async ({ page }) => {
  const problems = watchConsole(page);
  const fetched: string[] = [];
  await page.route('https://labs.example.test/**', async (route) => {
    const url = route.request().url();
    fetched.push(url);
    if (url === SHARED_URL) await route.fulfill({ status: 200, contentType: 'application/yaml', headers: { 'access-control-allow-origin': '*' }, body: MINE.replace('My own orientation', 'A shared lab') });
    else if (url.endsWith('/missing.yaml')) await route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'no' });
    // What the page sees of a refused cross-origin read (CORS) or a dead host: a failed fetch.
    else await route.abort('failed');
  });

  await page.goto(`./?testhooks#/lab-url?src=${encodeURIComponent(SHARED_URL)}`);
  const offer = page.locator('[data-testid="share-offer"]');
  await expect(offer).toContainText(SHARED_URL);
  await expect(page.getByLabel('Open from URL')).toHaveValue(SHARED_URL);
  await page.waitForTimeout(300);
  expect(fetched).toEqual([]);

  await page.locator('[data-testid="share-confirm"]').click();
  await expect(page.locator('[data-lab="custom-shared-lab"]')).toContainText('A shared lab');
  await expect(page.locator('[data-lab="custom-shared-lab"]')).toContainText(`From ${SHARED_URL}`);
  await expect(offer).toHaveCount(0);
  await expect(page).toHaveURL(/#\/$/);
  expect(fetched).toEqual([SHARED_URL]);

  const url = page.getByLabel('Open from URL');
  const errors = page.locator('[data-testid="custom-lab-errors"] pre');
  await url.fill('https://labs.example.test/share/missing.yaml');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(errors).toHaveText('Could not fetch https://labs.example.test/share/missing.yaml: the server answered 404 Not Found.');
  await url.fill('https://labs.example.test/share/unreachable.yaml');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(errors).toHaveText(
    'Could not fetch https://labs.example.test/share/unreachable.yaml: the network failed, or its server does not let other sites read it (CORS). Download the file and use “Open a lab file…” instead.',
  );
  await expect(customCards(page)).toHaveCount(1);
  // The browser logs the two failed requests itself; nothing else may complain.
  expect(problems.filter((p) => !/^error: Failed to load resource: (net::ERR_FAILED|the server responded with a status of 404)/.test(p))).toEqual([]);
});
