import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readTerminal, watchConsole } from './helpers';

// A class, played end to end: the instructor makes a pack with two labs; two learners (two
// browser contexts) open the link under their names, get different values, solve one lab each by
// typing, and hand in; the instructor drops both files and sees both rows verified with the right
// scores; a hand-in edited to claim more is flagged; the CSV has the rows.
test.setTimeout(240_000);

const LAB_A = 'a1-dom0-orientation';
const LAB_B = 'b1-reading-multipath';
const PROMPT = /^\[root@[\w.-]+ [^\]]*\]#/;
const prompts = (t: string) => t.split('\n').filter((l) => PROMPT.test(l)).length;

interface Step {
  host: string | null;
  lines: string[];
  keys: string | null;
}

async function typeAndWait(page: Page, line: string): Promise<void> {
  const before = prompts(await readTerminal(page));
  await page.locator('[data-testid="terminal"] .xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(async () => prompts(await readTerminal(page)), { timeout: 15_000 }).toBeGreaterThan(before);
}

/** Opens the class link as a learner, types the name once, returns the page on the class home. */
async function learner(browser: Browser, hash: string, name: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(`./?testhooks${hash}`);
  await page.locator('[data-testid="class-name-input"]').fill(name);
  await page.locator('[data-testid="class-name-submit"]').click();
  await expect(page.locator('[data-testid="class-learner"]')).toHaveText(name);
  return page;
}

async function openLab(page: Page, labId: string): Promise<Step[]> {
  await page.locator(`[data-class-lab="${labId}"] a`).click();
  await expect(page.locator('[data-testid="class-label"]')).toBeVisible();
  // Under load (three browsers, each with its engine worker) the first prompt can take a while.
  await expect.poll(async () => PROMPT.test((await readTerminal(page)).split('\n').pop() ?? ''), { timeout: 60_000 }).toBe(true);
  return (await page.evaluate(() => (window as unknown as { __classSolution: () => Promise<unknown> }).__classSolution())) as Step[];
}

/** Types the lab's solution as a learner would: commands on their hosts, answers at the prompt. */
async function solveByTyping(page: Page, steps: Step[]): Promise<void> {
  for (const s of steps) {
    if (s.host) await page.locator(`[role="tab"][data-host="${s.host}"]`).click();
    for (const line of s.lines) await typeAndWait(page, line);
  }
}

async function handIn(page: Page): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="hand-in"]').click()]);
  const path = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

test('a class: pack, two learners, hand-ins re-graded and verified, an edited one flagged, CSV', async ({ browser }) => {
  // The instructor makes the class.
  const teacher = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const problems = watchConsole(teacher);
  await teacher.goto('./?testhooks#/instructor');
  await teacher.locator('[data-testid="class-title"]').fill('Xen day one');
  await teacher.locator('[data-testid="class-code"]').fill('XEN-E2E');
  await teacher.locator(`[data-class-lab="${LAB_A}"]`).check();
  await teacher.locator(`[data-class-lab="${LAB_B}"]`).check();
  await teacher.locator('[data-testid="make-class"]').click();
  const url = await teacher.locator('[data-testid="class-url"]').inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/class\/[A-Za-z0-9_-]+$/);
  await expect(teacher.locator('[data-testid="class-qr"] svg')).toBeVisible();
  const hash = url.slice(url.indexOf('#'));

  // Two learners, two browsers: the same lab gives them different values.
  const alice = await learner(browser, hash, 'Alice Martin');
  const bob = await learner(browser, hash, 'Bob Stone');
  const aliceSteps = await openLab(alice, LAB_A);
  const bobStepsA = await openLab(bob, LAB_A);
  expect(JSON.stringify(aliceSteps)).not.toBe(JSON.stringify(bobStepsA));

  // Alice solves lab A by typing; Bob goes back and solves lab B.
  await solveByTyping(alice, aliceSteps);
  await expect(alice.locator('[data-testid="lab-status"]')).toHaveAttribute('data-status', 'solved');
  const aliceScore = Number((await alice.locator('[data-testid="score"]').textContent())!.split('/')[0]!.trim());
  await bob.goto(`./?testhooks${hash}`);
  const bobSteps = await openLab(bob, LAB_B);
  await solveByTyping(bob, bobSteps);
  await expect(bob.locator('[data-testid="lab-status"]')).toHaveAttribute('data-status', 'solved');
  const bobScore = Number((await bob.locator('[data-testid="score"]').textContent())!.split('/')[0]!.trim());
  expect(aliceScore).toBeGreaterThan(0);
  expect(bobScore).toBeGreaterThan(0);

  const aliceFile = await handIn(alice);
  const bobFile = await handIn(bob);
  const handed = JSON.parse(readFileSync(aliceFile, 'utf8'));
  expect(readFileSync(aliceFile, 'utf8').length).toBeLessThan(20_000);
  expect(handed.labs.map((l: { id: string }) => l.id)).toEqual([LAB_A]);

  // A hand-in edited by hand to claim a higher score.
  handed.labs[0].claimed.score += 10;
  const edited = test.info().outputPath('edited.handin.json');
  writeFileSync(edited, JSON.stringify(handed));

  // The instructor drops the files: each is re-graded by replaying it.
  await teacher.locator('[data-testid="instructor-drop"]').setInputFiles([aliceFile, bobFile, edited]);
  const row = (name: string) => teacher.locator(`[data-testid="learner-row"][data-name="${name}"]`);
  await expect(row('Alice Martin')).toHaveAttribute('data-verified', 'true', { timeout: 60_000 });
  await expect(row('Bob Stone')).toHaveAttribute('data-verified', 'true', { timeout: 60_000 });
  await expect(row('Alice Martin (2)')).toHaveAttribute('data-verified', 'false', { timeout: 60_000 });
  await expect(row('Alice Martin').locator('[data-testid="learner-score"]')).toHaveText(String(aliceScore));
  await expect(row('Bob Stone').locator('[data-testid="learner-score"]')).toHaveText(String(bobScore));
  await expect(row('Alice Martin (2)')).toContainText(`Claims ${aliceScore + 10} points; the replay gives ${aliceScore}.`);

  // The CSV has the rows.
  const [csv] = await Promise.all([teacher.waitForEvent('download'), teacher.locator('[data-testid="export-csv"]').click()]);
  const csvPath = test.info().outputPath('class.csv');
  await csv.saveAs(csvPath);
  const lines = readFileSync(csvPath, 'utf8').trim().split('\r\n');
  expect(lines.length).toBe(4);
  expect(lines[0]!.startsWith('learner,class,verified,score,max score,hints used,time (min),')).toBe(true);
  expect(lines.find((l) => l.startsWith('Alice Martin,'))!.split(',').slice(1, 4)).toEqual(['XEN-E2E', 'yes', String(aliceScore)]);
  expect(lines.find((l) => l.startsWith('Bob Stone,'))!.split(',').slice(1, 4)).toEqual(['XEN-E2E', 'yes', String(bobScore)]);
  expect(lines.find((l) => l.startsWith('Alice Martin (2),'))!.split(',').slice(1, 4)).toEqual(['XEN-E2E', 'no', String(aliceScore)]);
  expect(problems).toEqual([]);
});

test('an assessment: hints off and the solution hidden, in the panel and the terminal; the hand-in records it', async ({ browser }) => {
  const { packText } = await import('../../src/engine/class-format');
  const pack = { format: 'ovm-class', v: 1, code: 'EXAM-1', title: 'Exam', labs: [{ id: LAB_A, title: 'Orientation', version: 'unused' }], policy: { hints: 'off', solution: 'hidden' } };
  const page = await learner(browser, `#/class/${packText(pack)}`, 'Carol Diaz');
  const problems = watchConsole(page);
  await openLab(page, LAB_A);
  await expect(page.locator('[data-testid="class-label"]')).toHaveText('Class EXAM-1 · Carol Diaz · no hints · no solution');
  await expect(page.locator('[data-objective]').first()).toBeVisible();
  await expect(page.locator('button[data-hint]:visible')).toHaveCount(0);
  await expect(page.locator('[data-testid="show-solution"]:visible')).toHaveCount(0);
  await typeAndWait(page, 'hint');
  await typeAndWait(page, 'solution --show');
  const text = await readTerminal(page);
  expect(text).toContain('hint\nhint: hints are off in this class (an assessment): work it out from the briefing and the objectives\n');
  expect(text).toContain('solution --show\nsolution: the solution is hidden in this class (an assessment)\n');
  const file = JSON.parse(readFileSync(await handIn(page), 'utf8'));
  expect(file.policy).toEqual({ hints: 'off', solution: 'hidden' });
  expect(file.labs[0].claimed.hintsUsed).toBe(0);
  expect(file.labs[0].claimed.solutionShown).toBe(false);
  expect(problems).toEqual([]);
});
