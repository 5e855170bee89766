// A worker stuck mid-command (made to hang by a test-only hook) is noticed by its missing
// heartbeat, restarted from the saved work, and the terminal answers again with every
// acknowledged change back; nothing is drawn twice.
import { expect, test, type Page } from '@playwright/test';
import { readTerminal, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

const PROMPT = '[root@ovs01 ~]#';
const NOTICE = '[OVM Sandbox: the simulator stopped responding; restarted from your saved work.]';

async function run(page: Page, line: string): Promise<string> {
  const marker = `${PROMPT} ${line}\n`;
  const count = (t: string) => t.split(marker).length - 1;
  const seen = count(await readTerminal(page));
  await typeLine(page, line);
  const text = await waitForTerminal(page, (t) => count(t) > seen && t.endsWith(PROMPT) && t.length > t.lastIndexOf(marker) + marker.length, 30_000);
  const out = text.slice(text.lastIndexOf(marker) + marker.length);
  return out.slice(0, out.length - PROMPT.length).replace(/\n$/, '');
}

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
