import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';

// The lab editor (#/editor) in a real browser: CodeMirror with the starter lab, a validation
// error shown at its line as it is typed, "Test this lab" passing, then failing once the
// solution is made wrong (it unpauses the guest again).
test.setTimeout(180_000);

test('lab editor: live validation at the line, Test this lab passes and then fails', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('./#/editor');
  const editor = page.locator('.cm-content');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('No errors: the file is a valid lab.')).toBeVisible({ timeout: 20_000 });

  // Line 5 is `minutes: 10`: make it a word.
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('ten');
  const errors = page.locator('[data-testid="lab-editor-errors"] li');
  await expect(errors).toHaveText(['line 5 minutes: expected integer'], { timeout: 10_000 });
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);

  // Put it back: valid again, and the lab's own solution solves it on three seeds.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('10');
  await expect(page.getByText('No errors: the file is a valid lab.')).toBeVisible({ timeout: 10_000 });
  await page.locator('[data-testid="lab-test-run"]').click();
  const result = page.locator('[data-testid="lab-test-result"]');
  await expect(result).toHaveAttribute('data-result', 'passed', { timeout: 90_000 });
  await expect(result.locator('summary')).toHaveText(['Learner values #1: passed', 'Learner values #2: passed', 'Learner values #3: passed']);

  // A wrong solution: the last command also unpauses the guest.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' && xm unpause 0004fb0000060000{{vm_hex}}');
  await expect(page.locator('.cm-line').filter({ hasText: '&& xm unpause' })).toHaveText(/^\s+- "xm pause 0004fb0000060000\{\{vm_hex\}\} && xm unpause 0004fb0000060000\{\{vm_hex\}\}"$/);
  await page.locator('[data-testid="lab-test-run"]').click();
  await expect(result).toHaveAttribute('data-result', 'failed', { timeout: 90_000 });
  await expect(result.locator('.objs li').first()).toHaveText(/^✗ paused: /);
  expect(problems).toEqual([]);
});
