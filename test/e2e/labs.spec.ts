// Labs in the browser: the catalog, solving c2-grow-repository by typing into both servers'
// terminals (every objective turns ✓, the debrief appears), progress surviving a reload, and
// "show solution" recording solved-with-solution on another lab.
// Run alone: E2E_PORT=4186 E2E_OUTDIR=/tmp/dist-e npx playwright test -c test/e2e/playwright.config.ts test/e2e/labs.spec.ts
import { expect, test, type Page } from '@playwright/test';
import { readTerminal, typeLine, waitForTerminal, watchConsole } from './helpers';

const CATALOG = './?testhooks#/';
const PROMPT = /\[root@(ovs0[12]) [^\]]+\]#$/;

/** Runs a line on the active terminal and returns what it printed (between the line and the next prompt). */
async function run(page: Page, host: string, line: string): Promise<string> {
  const before = (await readTerminal(page)).length;
  await typeLine(page, line);
  const text = await waitForTerminal(page, (t) => t.length > before && t.endsWith(`[root@${host} ~]#`) && t.lastIndexOf(line) > before - line.length - 40, 15_000);
  return text.slice(text.lastIndexOf(line) + line.length, text.lastIndexOf('\n'));
}

async function selectHost(page: Page, host: string): Promise<void> {
  await page.locator(`[role="tab"][data-host="${host}"]`).click();
  await expect(page.locator(`[role="tab"][data-host="${host}"]`)).toHaveAttribute('aria-selected', 'true');
  await waitForTerminal(page, (t) => t.endsWith(`[root@${host} ~]#`));
}

test('catalog → solve c2-grow-repository by typing → reload keeps it solved; show solution elsewhere', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await page.goto(CATALOG);
  const card = page.locator('[data-lab="c2-grow-repository"]');
  await expect(card).toHaveAttribute('data-status', 'new');
  await expect(page.locator('[data-lab]')).not.toHaveCount(0);
  await card.getByRole('link', { name: /Start/ }).click();

  // The lab page: briefing with the LUN's WWID, a terminal per server, nothing met yet.
  await expect(page.locator('[data-testid="lab-status"]')).toHaveAttribute('data-status', 'in-progress');
  await waitForTerminal(page, (t) => PROMPT.test(t));
  const objectives = page.locator('[data-objective]');
  await expect(objectives).toHaveCount(5);
  await expect(page.locator('[data-objective][data-met="true"]')).toHaveCount(0);
  const wwid = (await page.locator('code').filter({ hasText: /^3[0-9a-f]{32}$/ }).first().textContent())!.trim();

  for (const host of ['ovs01', 'ovs02']) {
    await selectHost(page, host);
    const listing = await run(page, host, `multipath -ll ${wwid}`);
    const paths = [...new Set(listing.match(/\bsd[a-z]+\b/g))].sort();
    expect(paths.length).toBe(4);
    await run(page, host, `blockdev --rereadpt ${paths.map((p) => `/dev/${p}`).join(' ')}`);
    expect(await run(page, host, `multipathd -k"resize map ${wwid}"`)).toContain('ok');
    await expect(page.locator(`[data-objective="reread-${host}"]`)).toHaveAttribute('data-met', 'true');
    await expect(page.locator(`[data-objective="map-${host}"]`)).toHaveAttribute('data-met', 'true');
  }
  await selectHost(page, 'ovs01');
  await run(page, 'ovs01', `tunefs.ocfs2 -S /dev/mapper/${wwid}`);

  await expect(page.locator('[data-objective][data-met="true"]')).toHaveCount(5);
  await expect(page.locator('[data-testid="lab-status"]')).toHaveAttribute('data-status', 'solved');
  await expect(page.locator('[data-testid="score"]')).toHaveText('60 / 60');
  await expect(page.locator('[data-testid="debrief"]')).toContainText('Order matters');
  await expect(page.locator('[data-constraint][data-broken="true"]')).toHaveCount(0);
  await page.screenshot({ path: 'test/e2e/.output/lab-solved.png' });

  // Reload: the attempt is rebuilt from the journal, still solved.
  await page.reload();
  await waitForTerminal(page, (t) => PROMPT.test(t));
  await expect(page.locator('[data-testid="lab-status"]')).toHaveAttribute('data-status', 'solved');
  await expect(page.locator('[data-objective][data-met="true"]')).toHaveCount(5);

  // The catalog says so.
  await page.goto(CATALOG);
  await expect(page.locator('[data-lab="c2-grow-repository"]')).toHaveAttribute('data-status', 'solved');
  await page.screenshot({ path: 'test/e2e/.output/catalog.png' });

  // Another lab: show the solution (confirmed) → solved with solution, there and in the catalog.
  await page.locator('[data-lab="a1-dom0-orientation"]').getByRole('link', { name: /Start/ }).click();
  await waitForTerminal(page, (t) => PROMPT.test(t));
  await page.locator('[data-testid="show-solution"]').click();
  await page.locator('dialog[open] [data-testid="confirm"]').click();
  await expect(page.locator('[data-testid="lab-status"]')).toHaveAttribute('data-status', 'solved-with-solution');
  await expect(page.locator('[data-testid="solution"]')).toContainText('xm info');
  await page.goto(CATALOG);
  await expect(page.locator('[data-lab="a1-dom0-orientation"]')).toHaveAttribute('data-status', 'solved-with-solution');
  await expect(page.locator('[data-lab="c2-grow-repository"]')).toHaveAttribute('data-status', 'solved');

  expect(problems).toEqual([]);
});
