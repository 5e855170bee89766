// A new sandbox shows its login as soon as the page has a terminal: the worker knows the first
// screen of a new attempt before its world is built (src/engine/first-screen.ts). Keys typed then
// run once the world is there, and the screen the session then gives is not written twice; a crash
// while only the first screen shows loses nothing that was acknowledged and breaks no later start.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { findBrowser } from './find-browser.js';
import { CHROMIUM_ARGS } from './chromium-args.js';
import { readTerminal, SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

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
  await page.waitForTimeout(300); // the keys wait in the page meanwhile, shown as typed (not run)
  expect(await readTerminal(page)).toBe(`${login} hostname`);
  releaseCore();
  await expect(page.getByText(/seed \d+/)).toHaveCount(1);
  const ran = await waitForTerminal(page, (t) => t.endsWith('ovs01.example.com\n[root@ovs01 ~]#'), 30_000);
  expect(ran).toBe(`${login} hostname\novs01.example.com\n[root@ovs01 ~]#`);
  expect(problems).toEqual([]);
});

test('a browser crash while the first screen shows: the next start boots, and a line typed then runs', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'ovm-first-screen-'));
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: findBrowser() ?? undefined, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 720 } });
  try {
    let context = await launch();
    // The core never arrives: the crash comes while the page shows only the first screen.
    await context.route('**/core-*.wasm', () => new Promise(() => undefined));
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseURL}${SANDBOX_URL.slice(2)}`);
    await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));
    await typeLine(page, 'hostname');
    try {
      execFileSync('pkill', ['-KILL', '-f', '--', `user-data-dir=${profile}`]);
    } catch {
      // pkill exits 1 when nothing matched.
    }
    await context.close().catch(() => undefined);

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    const problems = watchConsole(page);
    await page.goto(`${baseURL}${SANDBOX_URL.slice(2)}`);
    await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'), 60_000);
    await typeLine(page, 'hostname');
    const ran = await waitForTerminal(page, (t) => t.endsWith('ovs01.example.com\n[root@ovs01 ~]#'), 60_000);
    // The line typed before the crash was never acknowledged: it is not there, and nothing else is.
    expect(ran.split('\n').slice(-3)).toEqual(['[root@ovs01 ~]# hostname', 'ovs01.example.com', '[root@ovs01 ~]#']);
    expect(ran.match(/hostname/g)).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
