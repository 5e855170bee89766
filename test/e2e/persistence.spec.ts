// Never losing a learner's work, in Chromium against the production build: the worker killed
// mid-command and a reload; two tabs (take over, read-only); export → reset everything → import;
// undo three times then typing the commands again. Run alone with its own port:
// E2E_PORT=4187 E2E_OUTDIR=/tmp/dist-f npx playwright test -c test/e2e/playwright.config.ts test/e2e/persistence.spec.ts
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readTerminal, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

const PROMPT = '[root@ovs01 ~]#';

async function ready(page: Page): Promise<void> {
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT));
}

/** Types a line and waits for its output and the next prompt; returns the line and what followed. */
async function run(page: Page, line: string): Promise<string> {
  const marker = `${PROMPT} ${line}\n`;
  const count = (t: string) => t.split(marker).length - 1;
  const seen = count(await readTerminal(page));
  await typeLine(page, line);
  const text = await waitForTerminal(page, (t) => count(t) > seen && t.endsWith(PROMPT) && t.length > t.lastIndexOf(marker) + marker.length);
  return text.slice(text.lastIndexOf(marker) + PROMPT.length + 1);
}

const digest = (page: Page) => page.evaluate(() => (window as unknown as { __ovm: { client: { stateDigest(): Promise<string> } } }).__ovm.client.stateDigest());

async function pauseClock(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Simulation clock' }).getByRole('button', { name: 'Pause' }).click();
}

test('a worker killed mid-command and a reload lose no acknowledged command', async ({ page }) => {
  const problems = watchConsole(page);
  await ready(page);
  expect(await run(page, 'service ntpd stop')).toBe(`service ntpd stop\nShutting down ntpd:                                        [  OK  ]\n${PROMPT}`);
  await run(page, 'chkconfig ntpd off');
  await run(page, 'echo kept > /root/kept.txt');

  // Kill the worker while the next command is on its way: the ones acknowledged above must stay.
  await typeLine(page, 'service crond stop');
  await page.evaluate(() => (window as unknown as { __ovm: { client: { crashForTest(): void } } }).__ovm.client.crashForTest());
  await waitForTerminal(page, (t) => t.includes('[OVM Sandbox: the simulator crashed; restarted from your saved work.]') && t.endsWith(PROMPT));
  expect(await run(page, 'service ntpd status')).toBe(`service ntpd status\nntpd is stopped\n${PROMPT}`);
  expect(await run(page, 'chkconfig --list ntpd')).toBe(`chkconfig --list ntpd\nntpd            0:off   1:off   2:off   3:off   4:off   5:off   6:off\n${PROMPT}`);

  // A reload: the scrollback is shown again and the world is the same.
  await page.waitForTimeout(600); // the scrollback is saved once output settles
  await page.reload();
  const restored = await waitForTerminal(page, (t) => t.endsWith(PROMPT) && t.includes('ntpd is stopped'));
  expect(restored).toContain('Shutting down ntpd:');
  // The old prompt line was replaced by the fresh prompt, right under the last output.
  expect(restored.endsWith(`0:off   1:off   2:off   3:off   4:off   5:off   6:off\n${PROMPT}`)).toBe(true);
  expect(await run(page, 'service ntpd status')).toBe(`service ntpd status\nntpd is stopped\n${PROMPT}`);
  await page.keyboard.press('ArrowUp');
  await waitForTerminal(page, (t) => t.endsWith(`${PROMPT} service ntpd status`));
  expect(problems).toEqual([]);
});

test('a second tab offers to take over; the first then becomes read-only', async ({ page, context }) => {
  await ready(page);
  await run(page, 'service ntpd stop');
  await page.waitForTimeout(600); // the scrollback is saved once output settles

  // The second tab shows the saved state read-only, and offers to take over.
  const second = await context.newPage();
  await second.goto(SANDBOX_URL);
  await expect(second.getByTestId('ownership-banner')).toContainText('This attempt is open in another tab');
  await waitForTerminal(second, (t) => t.endsWith(PROMPT) && t.includes('Shutting down ntpd:'));
  await second.getByTestId('take-over').click();
  await waitForTerminal(second, (t) => t.includes('[OVM Sandbox: this tab now owns the attempt; restored from your saved work.]') && t.endsWith(PROMPT));
  await expect(second.getByTestId('ownership-banner')).toHaveCount(0);
  expect(await run(second, 'service ntpd status')).toBe(`service ntpd status\nntpd is stopped\n${PROMPT}`);

  // The first tab was told, and ignores typing now.
  await expect(page.getByTestId('ownership-banner')).toContainText('Read-only: another tab took this attempt over.');
  await waitForTerminal(page, (t) => t.includes('this tab is read-only.]'));
  const frozen = await readTerminal(page);
  await typeLine(page, 'service atd stop');
  // What is typed goes nowhere, and the terminal says so (once), instead of dropping it silently.
  await waitForTerminal(page, (t) => t !== frozen);
  expect(await readTerminal(page)).toBe(`${frozen}\n\n[OVM Sandbox: this tab is read-only: the attempt is open in another tab. Use Take over to type here.]`);
  expect(await run(second, 'service atd status')).toMatch(/^service atd status\natd \(pid +\d+\) is running\.\.\.\n/);

  // And back: the first tab takes over again and continues from what the second saved.
  await run(second, 'service atd stop');
  await page.getByTestId('take-over').click();
  await waitForTerminal(page, (t) => t.includes('this tab now owns the attempt') && t.endsWith(PROMPT));
  expect(await run(page, 'service atd status')).toBe(`service atd status\natd is stopped\n${PROMPT}`);
  await expect(second.getByTestId('ownership-banner')).toContainText('Read-only');
});

const CATALOG = './?testhooks#/';

/** Opens the catalog and waits for a lab's card to show this status (the catalog reads progress after it renders). */
async function expectLabStatus(page: Page, lab: string, status: string): Promise<void> {
  await page.goto(CATALOG);
  const card = page.locator(`[data-lab="${lab}"]`);
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-status', status, { timeout: 30_000 });
}

test('export → reset everything → import gives back the same world and progress', async ({ page }) => {
  const problems = watchConsole(page);
  // Some progress first: starting a lab records it as in progress.
  await page.goto(CATALOG);
  const card = page.locator('[data-lab]').first();
  const lab = (await card.getAttribute('data-lab'))!;
  await card.getByRole('link', { name: /Start/ }).click();
  await expect(page.locator('[data-testid="lab-status"]')).toHaveAttribute('data-status', 'in-progress', { timeout: 60_000 });
  await expectLabStatus(page, lab, 'in-progress');

  await ready(page);
  await pauseClock(page);
  await run(page, 'service ntpd stop');
  await run(page, 'echo exported > /root/e.txt');
  const before = await digest(page);

  await page.getByTestId('persist-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
  const file = await download.path();
  expect(JSON.parse(readFileSync(file, 'utf8')).kind).toBe('ovm-sandbox-export');

  await page.getByTestId('persist-menu').click();
  await page.getByTestId('reset-everything').click();
  await expect(page.locator('dialog[open][data-testid=confirm-dialog]')).toContainText('Reset everything?');
  await page.locator('dialog[open] [data-testid=confirm-step]').click();
  await expect(page.locator('dialog[open][data-testid=confirm-dialog]')).toContainText('Really delete everything?');
  await page.locator('dialog[open] [data-testid=confirm-step]').click();
  await expect(page.getByTestId('persist-message')).toContainText('Everything was deleted');
  await waitForTerminal(page, (t) => t === PROMPT || t.endsWith(PROMPT));
  await expectLabStatus(page, lab, 'new');
  await ready(page);
  await pauseClock(page);
  expect(await digest(page)).not.toBe(before);
  expect(await run(page, 'service ntpd status')).toMatch(/^service ntpd status\nntpd \(pid +\d+\) is running\.\.\.\n/);

  // A broken file changes nothing; the real one restores the world.
  const afterReset = await digest(page);
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"kind": "ovm-sandbox-export", "formatVersion": 1') });
  await expect(page.getByTestId('persist-message')).toContainText('This file is not valid JSON; it may be truncated');
  expect(await digest(page)).toBe(afterReset);
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('persist-message')).toContainText(/^Imported 2 attempts \(\d+ commands recorded\) and progress in 1 lab\./);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT));
  expect(await digest(page)).toBe(before);
  expect(await run(page, 'service ntpd status')).toBe(`service ntpd status\nntpd is stopped\n${PROMPT}`);
  await expectLabStatus(page, lab, 'in-progress');
  expect(problems).toEqual([]);
});

test('undo three times, then typing the commands again gives the same state as before', async ({ page }) => {
  await ready(page);
  await pauseClock(page);
  const start = await digest(page);
  const lines = ['service ntpd stop', 'chkconfig crond off', 'echo three > /root/3.txt'];
  for (const l of lines) await run(page, l);
  await run(page, 'hostname'); // read-only: undo steps over it
  const before = await digest(page);

  expect(await run(page, 'undo')).toBe(`undo\nUndone: ${lines[2]}\n${PROMPT}`);
  await page.getByTestId('undo').click();
  await waitForTerminal(page, (t) => t.endsWith(`Undone: ${lines[1]}\n${PROMPT}`));
  await page.getByTestId('undo').click();
  await waitForTerminal(page, (t) => t.endsWith(`Undone: ${lines[0]}\n${PROMPT}`));
  expect(await digest(page)).toBe(start);
  expect(await run(page, 'service ntpd status')).toMatch(/is running\.\.\.\n/);

  for (const l of lines) await run(page, l);
  expect(await digest(page)).toBe(before);
  expect(await run(page, 'service ntpd status')).toBe(`service ntpd status\nntpd is stopped\n${PROMPT}`);
});
