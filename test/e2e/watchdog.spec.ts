// A worker stuck mid-command (made to hang by a test-only hook) is noticed by its missing
// heartbeat, restarted from the saved work, and the terminal answers again with every
// acknowledged change back; nothing is drawn twice.
import { expect, test, type Page } from '@playwright/test';
import { readTerminal, runLine, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

const PROMPT = '[root@ovs01 ~]#';
const NOTICE = '[OVM Sandbox: the simulator stopped responding; restarted from your saved work.]';

const run = async (page: Page, line: string): Promise<string> => (await runLine(page, PROMPT, line)).replace(/\n$/, '');

test('a hung worker is restarted by the watchdog and the acknowledged state is back', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), 60_000);
  await run(page, 'rm -f /root/*; touch /root/before-hang');
  await run(page, 'echo kept > /root/kept.txt');
  await page.evaluate(() => (window as unknown as { __ovm: { client: { hangForTest(ms: number): void } } }).__ovm.client.hangForTest(60_000));
  await typeLine(page, 'touch /root/during-hang');
  // No answer, no heartbeat: after ~15 s of silence the worker is replaced.
  const text = await waitForTerminal(page, (t) => t.includes(NOTICE) && t.endsWith(PROMPT), 90_000);
  expect(text.split(NOTICE).length - 1).toBe(1);
  expect(await run(page, 'ls /root')).toBe('before-hang  kept.txt');
  expect(await run(page, 'cat /root/kept.txt')).toBe('kept');
  // Every line drawn once: the acknowledged command lines appear exactly once each.
  const screen = await readTerminal(page);
  expect(screen.split(`${PROMPT} echo kept > /root/kept.txt\n`).length - 1).toBe(1);
  expect(screen.split(`${PROMPT} rm -f /root/*; touch /root/before-hang\n`).length - 1).toBe(1);
  expect(problems).toEqual([]);
});
