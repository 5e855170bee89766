// Two tabs racing for one attempt, in Chromium against the production build: twelve take-overs,
// each clicked while the owner still has a command in flight (a clock-bound `sleep` or a plain
// line), sometimes in both tabs at once. After every race exactly one tab owns the attempt, its
// terminal answers, and every acknowledged command of either tab is in the world.
// Run alone: E2E_PORT=4191 E2E_OUTDIR=/tmp/dist-t npx playwright test -c test/e2e/playwright.config.ts takeover.spec.ts
import { expect, test, type Page } from '@playwright/test';
import { readTerminal, runLine, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

const PROMPT = '[root@ovs01 ~]#';
const OWNED = '[OVM Sandbox: this tab now owns the attempt; restored from your saved work.]';

const run = (page: Page, line: string): Promise<string> => runLine(page, PROMPT, line);

/**
 * Types a line at once, then waits for the take-over's notice and the line's output after it (a
 * command still running in the restored session runs first: the tty echoes the line meanwhile).
 */
async function runTypedAhead(page: Page, line: string): Promise<string> {
  await typeLine(page, line);
  const marker = `${PROMPT} ${line}\n`;
  const after = (t: string) => t.slice(t.lastIndexOf(OWNED));
  const text = await waitForTerminal(page, (t) => t.includes(OWNED) && after(t).includes(marker) && t.endsWith(PROMPT) && after(t).length > after(t).lastIndexOf(marker) + marker.length, 30_000);
  return text.slice(text.lastIndexOf(marker) + marker.length, -PROMPT.length);
}

const readOnly = (page: Page) => page.getByTestId('ownership-banner');

test('twelve take-over races: one owner each time, its terminal answers, nothing acknowledged is lost', async ({ page, context }) => {
  test.setTimeout(600_000);
  const tabs = [page, await context.newPage()] as const;
  const problems = [...tabs].map(watchConsole);

  await tabs[0].goto(SANDBOX_URL);
  await waitForTerminal(tabs[0], (t) => t.endsWith(PROMPT), 60_000);
  await run(tabs[0], 'touch /root/race-start');
  await tabs[0].waitForTimeout(600); // the scrollback is saved once output settles
  await tabs[1].goto(SANDBOX_URL);
  await expect(readOnly(tabs[1])).toContainText('This attempt is open in another tab', { timeout: 30_000 });

  let owner = 0;
  const acknowledged = ['race-start'];
  for (let i = 0; i < 12; i++) {
    const from = tabs[owner]!;
    const to = tabs[1 - owner]!;
    // Either a command still running when the other tab takes over, or one just acknowledged.
    if (i % 3 === 0) await typeLine(from, 'sleep 3');
    else {
      await run(from, `touch /root/race-${i}`);
      acknowledged.push(`race-${i}`);
    }
    await to.getByTestId('take-over').click();
    if (i % 4 === 3) {
      // Both tabs want it at once: the last click wins, and that tab must answer.
      await expect(from.getByTestId('take-over')).toBeVisible({ timeout: 30_000 });
      await from.getByTestId('take-over').click();
    } else owner = 1 - owner;
    const now = tabs[owner]!;
    await expect(readOnly(now)).toHaveCount(0, { timeout: 30_000 });
    await expect(readOnly(tabs[1 - owner]!)).toContainText('Read-only', { timeout: 30_000 });
    // The learner types at once, before the screen is redrawn: nothing typed may be lost.
    const answer = await runTypedAhead(now, `echo race ${i}`).catch(async (e: unknown) => {
      // Say which race failed and what both tabs show.
      throw new Error(`race ${i} (owner tab ${owner}): ${String(e)}\n--- tab 0:\n${await readTerminal(tabs[0])}\n--- tab 1:\n${await readTerminal(tabs[1])}`);
    });
    expect(answer).toBe(`race ${i}\n`);
  }

  // Every touch that came back with a prompt before its tab lost the attempt is kept.
  expect(await run(tabs[owner]!, 'ls /root | grep race')).toBe(acknowledged.sort().join('\n') + '\n');
  expect(problems.flat()).toEqual([]);
});
