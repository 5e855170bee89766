// A browser crash (SIGKILL of every Chromium process, as a crash or a power cut) after each
// acknowledged command of every family: after the restart with the same profile, every change
// whose prompt came back is still there. Not a page reload: the real process dies mid-flight.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { findBrowser } from './find-browser.js';
import { CHROMIUM_ARGS } from './chromium-args.js';
import { readTerminal, waitForTerminal } from './helpers';

const PROMPT = '[root@ovs01 ~]#';

/** One crash point: what is typed (lines, or raw keys for a program), then a check and its exact output. */
interface CrashPoint {
  name: string;
  type: Array<string | { keys: string; until: string }>;
  check: string;
  expect: string;
}

/** `LUN`: the spare LUN's multipath map (WWIDs are drawn per world), the one no file system uses. */
function crashPoints(g1: string, g2: string, LUN: string): CrashPoint[] {
  const state = (g: string) => `xm list ${g} | awk 'NR==2{print $5}'`;
  return [
    { name: 'xm pause', type: [`xm pause ${g1}`], check: state(g1), expect: '--p---' },
    { name: 'a file after the pause', type: ['touch /root/after-pause'], check: `ls /root/after-pause; ${state(g1)}`, expect: '/root/after-pause\n--p---' },
    { name: 'xm unpause', type: [`xm unpause ${g1}`], check: `xm list ${g1} | awk 'NR==2{print substr($5,3,1)}'`, expect: '-' },
    { name: 'xm sched-credit', type: [`xm sched-credit -d ${g2} -w 512`], check: `xm sched-credit -d ${g2} | awk 'NR==2{print $3}'`, expect: '512' },
    // xm list shows the balloon target plus the guest's own overhead (a few MiB, by guest type).
    { name: 'xm mem-set', type: [`xm mem-set ${g1} 1024`], check: `xm list ${g1} | awk 'NR==2{print ($3 >= 1024 && $3 < 1040) ? "about 1024" : $3}'`, expect: 'about 1024' },
    { name: 'multipathd fail path', type: ['multipathd -k"fail path sdc"'], check: "multipath -ll | grep -c 'sdc 8:32  failed'", expect: '1' },
    { name: 'multipath -f', type: [`multipath -f ${LUN}`], check: `ls /dev/mapper | grep -c ${LUN}`, expect: '0' },
    { name: 'multipath', type: ['multipath > /dev/null'], check: `ls /dev/mapper | grep -c ${LUN}`, expect: '1' },
    {
      name: 'fdisk n p 1 w',
      type: [{ keys: `fdisk /dev/mapper/${LUN}\r`, until: 'Command (m for help):' }, { keys: 'n\r', until: 'primary partition (1-4)' }, { keys: 'p\r', until: 'Partition number (1-4):' }, { keys: '1\r', until: 'First cylinder' }, { keys: '\r', until: 'Last cylinder' }, { keys: '\r', until: 'Command (m for help):' }, { keys: 'w\r', until: PROMPT }],
      // fdisk names the partition <map>1 or <map>p1 (p when the name ends in a digit), as util-linux does.
      check: `fdisk -l /dev/mapper/${LUN} | grep -c ' Linux$'`,
      expect: '1',
    },
    { name: 'kpartx -a', type: [`kpartx -a /dev/mapper/${LUN}`], check: `ls /dev/mapper | grep -cE '^${LUN}p?1$'`, expect: '1' },
    { name: 'mkfs.ocfs2', type: [`mkfs.ocfs2 -L crashtest /dev/mapper/${LUN}*1 > /dev/null`], check: `mounted.ocfs2 -d | grep -c crashtest`, expect: '1' },
    { name: 'tunefs.ocfs2 -L', type: [`tunefs.ocfs2 -L crashtest2 /dev/mapper/${LUN}*1`], check: `mounted.ocfs2 -d | grep -c crashtest2`, expect: '1' },
    { name: 'a file written', type: ['echo kept > /root/kept.txt'], check: 'cat /root/kept.txt', expect: 'kept' },
    { name: 'a file copied', type: ['cp /root/kept.txt /root/copy.txt'], check: 'cat /root/copy.txt', expect: 'kept' },
    { name: 'a directory made', type: ['mkdir -p /root/d/e'], check: 'ls -d /root/d/e', expect: '/root/d/e' },
    { name: 'a file removed', type: ['rm -f /root/after-pause'], check: 'ls /root/after-pause 2>&1', expect: 'ls: cannot access /root/after-pause: No such file or directory' },
    {
      name: 'vi edit',
      type: [{ keys: 'vi /root/v.txt\r', until: '"/root/v.txt" [New File]' }, { keys: 'ihello from vi\x1b', until: 'hello from vi' }, { keys: ':wq\r', until: PROMPT }],
      check: 'cat /root/v.txt',
      expect: 'hello from vi',
    },
    { name: 'service stop', type: ['service ntpd stop'], check: 'service ntpd status', expect: 'ntpd is stopped' },
    { name: 'chkconfig off', type: ['chkconfig ntpd off'], check: 'chkconfig --list ntpd', expect: 'ntpd            0:off   1:off   2:off   3:off   4:off   5:off   6:off' },
    // The kernel notices at once (the checker's verdicts on the other paths follow with time).
    { name: 'fault: a cable pulled', type: ['fault cable host=ovs01 hba=5 plugged=false'], check: "grep -q 'rejecting I/O to offline device' /var/log/messages && echo pulled", expect: 'pulled' },
    { name: 'xm destroy', type: [`xm destroy ${g2}`], check: `xm list | grep -c ${g2}`, expect: '0' },
    { name: 'touch then undo', type: ['touch /root/undone', 'undo'], check: 'ls /root/undone 2>&1', expect: 'ls: cannot access /root/undone: No such file or directory' },
    { name: 'redo', type: ['redo'], check: 'ls /root/undone', expect: '/root/undone' },
  ];
}

/** A Chromium of our own (not Playwright's launch): its process group can be SIGKILLed. */
async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: findBrowser() ?? undefined, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 720 } });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Every process of this profile dies at once, as in a crash: nothing gets to flush or unload. */
function crash(profile: string): void {
  try {
    execFileSync('pkill', ['-KILL', '-f', '--', `user-data-dir=${profile}`]);
  } catch {
    // pkill exits 1 when nothing matched (already gone).
  }
}

async function openSandbox(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}?testhooks#/sandbox`);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), 120_000);
}

/** Types a line and waits for the next prompt after it; returns what the line printed. */
async function run(page: Page, line: string): Promise<string> {
  const marker = `${PROMPT} ${line}\n`;
  const count = (t: string) => t.split(marker).length - 1;
  const seen = count(await readTerminal(page));
  await page.locator('[data-testid="terminal"] .xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const text = await waitForTerminal(page, (t) => count(t) > seen && t.endsWith(PROMPT) && t.length > t.lastIndexOf(marker) + marker.length, 60_000);
  const out = text.slice(text.lastIndexOf(marker) + marker.length);
  return out.slice(0, out.length - PROMPT.length).replace(/\n$/, '');
}

async function keys(page: Page, data: string, until: string): Promise<void> {
  const before = (await readTerminal(page)).split(until).length;
  await page.locator('[data-testid="terminal"] .xterm').click();
  for (const ch of data) {
    if (ch === '\r') await page.keyboard.press('Enter');
    else if (ch === '\x1b') await page.keyboard.press('Escape');
    else await page.keyboard.type(ch);
  }
  await waitForTerminal(page, (t) => t.split(until).length > before, 60_000);
}

test('every acknowledged command survives a browser crash, for each family of commands', async ({ baseURL }) => {
  test.setTimeout(1_200_000);
  const profile = mkdtempSync(join(tmpdir(), 'ovm-crash-'));
  try {
    let { context, page } = await launch(profile);
    await openSandbox(page, baseURL!);
    const guests = (await run(page, "xm list | awk 'NR>1 && $1 != \"Domain-0\" {print $1}'")).split('\n');
    expect(guests.length).toBeGreaterThanOrEqual(2);
    const mounted = await run(page, "df | awk '/mapper/ {print $1}'");
    const spare = (await run(page, "multipath -ll | awk '/ dm-/ {print $1}'")).split('\n').filter((m) => !mounted.includes(m));
    expect(spare.length).toBeGreaterThanOrEqual(1);
    const points = crashPoints(guests[0]!, guests[1]!, spare[0]!);
    const kept: CrashPoint[] = [];
    for (const p of points) {
      for (const t of p.type) {
        if (typeof t === 'string') await run(page, t);
        else await keys(page, t.keys, t.until);
      }
      // The prompt came back: acknowledged. Now the crash, with no chance to flush or unload.
      crash(profile);
      await context.close().catch(() => undefined);
      ({ context, page } = await launch(profile));
      await openSandbox(page, baseURL!);
      kept.push(p);
      // This point's change and every earlier one are there (the earlier ones may have been changed since: only the last check of each kind holds).
      expect(`${p.name}: ${await run(page, p.check)}`).toBe(`${p.name}: ${p.expect}`);
    }
    expect(kept.length).toBeGreaterThanOrEqual(20);
    // After the last restart, the files of the file family are all as left.
    expect(await run(page, 'cat /root/kept.txt /root/copy.txt /root/v.txt; ls -d /root/d/e')).toBe('kept\nkept\nhello from vi\n/root/d/e');
    await context.close();
  } finally {
    crash(profile);
    rmSync(profile, { recursive: true, force: true });
  }
});
