import { expect, test } from '@playwright/test';
import { readTerminal, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

// The editors in a real browser: keystrokes through xterm.js into vi and nano on the worker's
// tty, saved into the VFS, read back with cat.
test('vi edits a file by keystrokes and cat shows it; nano too', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));

  await typeLine(page, 'vi motd.txt');
  await waitForTerminal(page, (t) => t.includes('"motd.txt" [New File]'));
  await page.keyboard.type('iHello from vi');
  await page.keyboard.press('Enter');
  await page.keyboard.type('second line');
  await page.keyboard.press('Escape');
  await waitForTerminal(page, (t) => !t.includes('-- INSERT --'));
  await page.keyboard.type('ggx:wq');
  await page.keyboard.press('Enter');
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));

  await typeLine(page, 'cat motd.txt');
  const shown = await waitForTerminal(page, (t) => /cat motd\.txt\n[^\n]*\n[^\n]*\n\[root@ovs01 ~\]#$/.test(t));
  expect(shown.split('\n').slice(-3)).toEqual(['ello from vi', 'second line', '[root@ovs01 ~]#']);

  // An existing config file: add a line at the end with o, write with ZZ.
  await typeLine(page, 'vi /etc/hosts');
  await waitForTerminal(page, (t) => /"\/etc\/hosts" 2L, \d+C/.test(t));
  await page.keyboard.type('Go10.10.10.12   ovs02.example.com ovs02');
  await page.keyboard.press('Escape');
  await page.keyboard.type('ZZ');
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));
  await typeLine(page, 'tail -1 /etc/hosts');
  await waitForTerminal(page, (t) => t.endsWith('tail -1 /etc/hosts\n10.10.10.12   ovs02.example.com ovs02\n[root@ovs01 ~]#'));

  await typeLine(page, 'nano notes.txt');
  await waitForTerminal(page, (t) => t.includes('GNU nano 2.0.9') && t.includes('[ New File ]'));
  await page.keyboard.type('written with nano');
  await page.keyboard.press('Control+x');
  await waitForTerminal(page, (t) => t.includes('Save modified buffer (ANSWERING "No" WILL DESTROY CHANGES) ?'));
  await page.keyboard.type('y');
  await waitForTerminal(page, (t) => t.includes('File Name to Write: notes.txt'));
  await page.keyboard.press('Enter');
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));
  await typeLine(page, 'cat notes.txt');
  await waitForTerminal(page, (t) => t.endsWith('cat notes.txt\nwritten with nano\n[root@ovs01 ~]#'));

  await page.screenshot({ path: 'test/e2e/.output/editor.png' });
  expect(await readTerminal(page)).not.toContain('internal error');
  expect(problems).toEqual([]);
});
