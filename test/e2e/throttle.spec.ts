// No wall-clock budget may break start-up: with Chromium's CPU throttled 6× and on a slow network
// (1.6 Mbps, 150 ms round trip, as issue 16 measured), the catalog and a lab load and accept a
// command, only slower. (The client's boot budget is the lead's, src/worker/client.ts.)
import { expect, test, type Page } from '@playwright/test';
import { typeLine, waitForTerminal } from './helpers';

const SLOW_MS = 240_000;

async function catalogThenLab(page: Page): Promise<void> {
  await page.goto('./?testhooks#/');
  await expect(page.locator('[data-lab]').first()).toBeVisible({ timeout: SLOW_MS });
  await expect(page.getByText('could not be loaded')).toHaveCount(0);
  await page.locator('[data-lab="a1-dom0-orientation"] h3 a').click();
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'), SLOW_MS);
  await typeLine(page, 'echo still-works');
  await waitForTerminal(page, (t) => t.endsWith('echo still-works\nstill-works\n[root@ovs01 ~]#'), SLOW_MS);
  await expect(page.getByText('stopped responding')).toHaveCount(0);
}

test('6× CPU throttling: the catalog and a lab load and accept a command', async ({ page }) => {
  test.setTimeout(2 * SLOW_MS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await catalogThenLab(page);
});

test('slow network (1.6 Mbps, 150 ms RTT): the catalog and a lab load and accept a command', async ({ page }) => {
  test.setTimeout(2 * SLOW_MS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 });
  await catalogThenLab(page);
});
