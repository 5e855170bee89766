// A new sandbox shows its login as soon as the page has a terminal: the worker knows the first
// screen of a new attempt before its world is built (src/engine/first-screen.ts). Keys typed then
// run once the world is there, and the screen the session then gives is not written twice.
import { expect, test } from '@playwright/test';
import { SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

const MOTD = 'Warning: making manual modifications in the management domain might cause inconsistencies between Oracle VM Manager and the server.';

test('a new sandbox shows its login before its world is built; a line typed then runs once it is', async ({ page }) => {
  const problems = watchConsole(page);
  // The simulator's core is held back: no world can be built until it arrives.
  let releaseCore = (): void => undefined;
  const coreHeld = new Promise<void>((resolve) => (releaseCore = resolve));
  await page.context().route('**/core-*.wasm', async (route) => {
    await coreHeld;
    await route.continue();
  });
  await page.goto(SANDBOX_URL);
  const login = await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));
  expect(login).toMatch(new RegExp(`^Last login: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) Mar [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d 2026 from 10\\.10\\.10\\.1\\n${MOTD.replace(/\./g, '\\.')}\\n\\[root@ovs01 ~\\]#$`));
  // Not booted: the toolbar has no seed yet.
  await expect(page.getByText(/seed \d+/)).toHaveCount(0);

  await typeLine(page, 'hostname');
  await page.waitForTimeout(300); // the keys wait in the page meanwhile
  releaseCore();
  await expect(page.getByText(/seed \d+/)).toHaveCount(1);
  const ran = await waitForTerminal(page, (t) => t.endsWith('ovs01.example.com\n[root@ovs01 ~]#'), 30_000);
  expect(ran).toBe(`${login} hostname\novs01.example.com\n[root@ovs01 ~]#`);
  expect(problems).toEqual([]);
});
