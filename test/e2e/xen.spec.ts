// The Xen family in the browser: xentop takes over the terminal (alternate screen), refreshes on
// the simulation clock, and `q` gives the prompt back with the shell's scrollback intact.
import { expect, test } from '@playwright/test';
import { readTerminal, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

const clockOf = (text: string): string | null => /xentop - (\d\d:\d\d:\d\d)   Xen 4\.4\.4OVM/.exec(text)?.[1] ?? null;

test('xentop starts, refreshes, and q returns to the prompt', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));

  await typeLine(page, 'xentop -d 1');
  const first = await waitForTerminal(page, (t) => clockOf(t) !== null && t.includes('  Domain-0 -----r'));
  const lines = first.split('\n');
  expect(lines[1]).toBe('3 domains: 1 running, 2 blocked, 0 paused, 0 crashed, 0 dying, 0 shutdown');
  expect(lines[2]).toMatch(/^Mem: \d+k total, \d+k used, \d+k free {4}CPUs: 16 @ 2394MHz$/);
  expect(lines[4]).toMatch(/^ {6}NAME {2}STATE {3}CPU\(sec\) CPU\(%\) {5}MEM\(k\)/);
  expect(lines[lines.length - 1]).toBe('  Delay  Networks  vBds  Tmem  VCPUs  Repeat header  Sort order  Quit');

  // The screen is redrawn as simulated time passes (one-second delay).
  const t1 = clockOf(first);
  await waitForTerminal(page, (t) => {
    const t2 = clockOf(t);
    return t2 !== null && t2 !== t1;
  }, 15_000);

  await page.keyboard.press('q');
  const back = await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]# xentop -d 1\n[root@ovs01 ~]#'));
  expect(back).not.toContain('xentop - ');
  expect(await readTerminal(page)).not.toContain('internal error');
  expect(problems).toEqual([]);
});
