// On a first visit to the sandbox (a wide screen) the terminal and its login are drawn before the
// app around them (src/ui/terminal/early-terminal.ts); the app, loaded after, takes that terminal
// over at the same size, and keys typed meanwhile show at once and run (echoed once). A learner who
// leaves before the app arrives, a returning learner and a phone get the app's own terminal.
import { expect, test, type Page } from '@playwright/test';
import { readTerminal, SANDBOX_URL, waitForTerminal, watchConsole } from './helpers';

const PROMPT = '[root@ovs01 ~]#';

/** Holds the app's chunk back (the page's entry draws the terminal without it) until released. */
async function holdApp(page: Page): Promise<() => void> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/app-*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const termSize = (page: Page) =>
  page.evaluate(() => {
    const t = (window as unknown as { __term?: { rows: number; cols: number } }).__term;
    return t ? `${t.cols}x${t.rows}` : null;
  });

test('a first visit draws the login before the app, which takes the terminal over at its size; a line typed meanwhile runs', async ({ page }) => {
  const problems = watchConsole(page);
  const releaseApp = await holdApp(page);
  await page.goto(SANDBOX_URL);
  const login = await waitForTerminal(page, (t) => t.endsWith(PROMPT));
  // Only the terminal is there: no header, no toolbar.
  await expect(page.locator('.early-terminal .xterm')).toBeVisible();
  await expect(page.locator('header')).toHaveCount(0);
  const drawnSize = await termSize(page);
  expect(drawnSize).toBe('148x32'); // 1280×720, below the header, the toolbar and the tabs (global.css)
  await page.evaluate(() => ((window as unknown as { __drawn?: unknown }).__drawn = (window as unknown as { __term?: unknown }).__term));
  await page.locator('.early-terminal .xterm').click();
  await page.keyboard.type('hostname');
  // Shown at once (no session yet: the keys wait for it), as the shell would echo them.
  expect(await waitForTerminal(page, (t) => t.endsWith(`${PROMPT} hostname`))).toBe(`${login} hostname`);
  await page.keyboard.press('Enter');

  releaseApp();
  await expect(page.getByText(/seed \d+/)).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.early-terminal')).toHaveCount(0);
  await expect(page.locator('[data-testid="terminal"] .xterm')).toBeVisible();
  // The same terminal, at the same size, now in the app's pane.
  expect(
    await page.evaluate(() => (window as unknown as { __drawn?: unknown; __term?: unknown }).__drawn === (window as unknown as { __term?: unknown }).__term),
  ).toBe(true);
  expect(await termSize(page)).toBe(drawnSize);
  const ran = await waitForTerminal(page, (t) => t.endsWith(`ovs01.example.com\n${PROMPT}`), 30_000);
  expect(ran).toBe(`${login} hostname\novs01.example.com\n${PROMPT}`);
  expect(await termSize(page)).toBe(drawnSize);
  expect(problems).toEqual([]);
});

test('a learner who leaves before the app arrives gets the page asked for, without the terminal drawn early', async ({ page }) => {
  const releaseApp = await holdApp(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT));
  await page.evaluate(() => (location.hash = '#/'));
  releaseApp();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.early-terminal')).toHaveCount(0);
  await expect(page.locator('.xterm')).toHaveCount(0);
});

test('a returning learner and a phone get the app’s own terminal (their first screen is not known before it)', async ({ page }) => {
  // Returning: the first visit created the sandbox's database (its attempt is written once booted).
  await page.goto(SANDBOX_URL);
  await expect(page.getByText(/seed \d+/)).toHaveCount(1, { timeout: 30_000 });
  const releaseApp = await holdApp(page);
  await page.reload();
  await page.waitForTimeout(1000);
  await expect(page.locator('.early-terminal')).toHaveCount(0);
  releaseApp();
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), 30_000);
  await expect(page.locator('.early-terminal')).toHaveCount(0);

  // A phone (another context: no database yet).
  const phone = await page
    .context()
    .browser()!
    .newContext({ viewport: { width: 390, height: 844 }, baseURL: test.info().project.use.baseURL });
  const onPhone = await phone.newPage();
  const releasePhoneApp = await holdApp(onPhone);
  await onPhone.goto(SANDBOX_URL);
  await onPhone.waitForTimeout(1000);
  await expect(onPhone.locator('.early-terminal')).toHaveCount(0);
  releasePhoneApp();
  await waitForTerminal(onPhone, (t) => t.endsWith(PROMPT), 30_000);
  await phone.close();
});

test('a tab opened in the background (it draws no frames) loads the app and boots without waiting to be looked at', async ({ page }) => {
  // What a background tab looks like to the page: hidden, and no animation frame ever comes.
  await page.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    window.requestAnimationFrame = () => 0;
  });
  await page.goto(SANDBOX_URL);
  await expect(page.getByText(/seed \d+/)).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.early-terminal')).toHaveCount(0);
  expect(await readTerminal(page)).toMatch(/\n\[root@ovs01 ~\]#$/);
});

test('when the app cannot be loaded (the network gone after the login was drawn), the page says so and offers a reload', async ({ page }) => {
  await page.route('**/assets/app-*.js', (route) => route.abort());
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT));
  await expect(page.getByRole('alert')).toHaveText('OVM Sandbox could not be loaded (is the network down?). Reload');
  await page.unroute('**/assets/app-*.js');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByText(/seed \d+/)).toHaveCount(1, { timeout: 30_000 });
});
