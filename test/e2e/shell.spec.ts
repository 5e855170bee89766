// The shell's line editor in the browser: Ctrl-R finds an earlier command, Tab completes a
// domain name for xm (issue 4, Proof: e2e).
import { expect, test } from '@playwright/test';
import { readTerminal, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

const PROMPT = '[root@ovs01 ~]#';

test('Ctrl-R finds an earlier command and Enter runs it again', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT));
  await typeLine(page, 'echo needle-$((40+2))');
  await waitForTerminal(page, (t) => t.endsWith(`needle-42\n${PROMPT}`));
  await typeLine(page, 'hostname');
  await waitForTerminal(page, (t) => t.endsWith(`ovs01.example.com\n${PROMPT}`));

  await page.keyboard.press('Control+r');
  await waitForTerminal(page, (t) => t.endsWith("(reverse-i-search)`':"));
  await page.keyboard.type('needle');
  await waitForTerminal(page, (t) => t.endsWith("(reverse-i-search)`needle': echo needle-$((40+2))"));
  await page.keyboard.press('Enter');
  const after = await waitForTerminal(page, (t) => t.endsWith(`${PROMPT} echo needle-$((40+2))\nneedle-42\n${PROMPT}`));
  expect(after).not.toContain('internal error');
  expect(problems).toEqual([]);
});

test('Tab completes a domain name after xm list', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT));
  await typeLine(page, 'xm list');
  const listed = await waitForTerminal(page, (t) => /Domain-0 .*\n\[root@ovs01 ~\]#$/.test(t));
  const guest = listed.split('\n').find((l) => /^0004fb/.test(l))!.split(' ')[0]!;

  // Type a prefix that only this guest has, then Tab.
  const others = listed.split('\n').filter((l) => /^0004fb/.test(l)).map((l) => l.split(' ')[0]!).filter((n) => n !== guest);
  let len = 17;
  while (others.some((o) => o.startsWith(guest.slice(0, len)))) len++;
  await page.keyboard.type(`xm list ${guest.slice(0, len)}`);
  await page.keyboard.press('Tab');
  await waitForTerminal(page, (t) => t.endsWith(`${PROMPT} xm list ${guest}`));
  await page.keyboard.press('Enter');
  const out = await waitForTerminal(page, (t) => new RegExp(`\\n${guest}\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\S+\\s+[\\d.]+\\n\\[root@ovs01 ~\\]#$`).test(t));
  expect(out).toContain('Name                                        ID   Mem VCPUs      State   Time(s)');
  expect(await readTerminal(page)).not.toContain('internal error');
  expect(problems).toEqual([]);
});
