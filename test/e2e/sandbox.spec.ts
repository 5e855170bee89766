import { expect, test } from '@playwright/test';
import { readTerminal, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

test('prompt, xm list, reload keeps history and the world', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));

  await typeLine(page, 'xm list');
  const listed = await waitForTerminal(page, (t) => /Domain-0 .*\n\[root@ovs01 ~\]#$/.test(t));
  const table = listed.slice(listed.indexOf('Name '), listed.lastIndexOf('\n'));
  const rows = table.split('\n');
  expect(rows[0]).toBe('Name                                        ID   Mem VCPUs      State   Time(s)');
  expect(rows.length).toBe(4); // two guests on ovs01 plus Domain-0
  for (const row of rows.slice(1, -1)) expect(row).toMatch(/^0004fb0000060000[0-9a-f]{16} {9}\s+\d+\s+\d+\s+\d+\s+-b----\s+\d+\.\d$/);
  expect(rows[3]).toMatch(/^Domain-0 {32}\s+0\s+1845\s+16\s+r-----\s+\d+\.\d$/);

  // Pause the first guest, then reload: the world and the history must survive.
  const guest = rows[1]!.split(' ')[0]!;
  await typeLine(page, `xm pause ${guest}`);
  await waitForTerminal(page, (t) => t.endsWith(`xm pause ${guest}\n[root@ovs01 ~]#`));

  await page.reload();
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));
  await page.locator('[data-testid="terminal"] .xterm').click();
  await page.keyboard.press('ArrowUp');
  await waitForTerminal(page, (t) => t.endsWith(`[root@ovs01 ~]# xm pause ${guest}`));
  await page.keyboard.press('ArrowUp');
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]# xm list'));
  await page.keyboard.press('Enter');
  const after = await waitForTerminal(page, (t) => /Domain-0 .*\n\[root@ovs01 ~\]#$/.test(t));
  expect(after).toMatch(new RegExp(`${guest}\\s+\\d+\\s+\\d+\\s+\\d+\\s+--p---`));

  await page.screenshot({ path: 'test/e2e/.output/sandbox.png' });
  expect(await readTerminal(page)).not.toContain('internal error');
  expect(problems).toEqual([]);
});
