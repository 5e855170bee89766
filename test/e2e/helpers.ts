// e2e helpers: read the terminal's text, wait for it, type into it, and watch the console.
import { expect, type Page } from '@playwright/test';

/** The visible terminal rows, trailing spaces trimmed, as one string. */
export async function readTerminal(page: Page): Promise<string> {
  return page.evaluate(() => {
    const term = (window as unknown as { __term?: { buffer: { active: { length: number; getLine(i: number): { translateToString(trim: boolean): string } | undefined } } } }).__term;
    if (!term) return '';
    const buf = term.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < buf.length; i++) rows.push((buf.getLine(i)?.translateToString(true) ?? '').trimEnd());
    return rows.join('\n').replace(/\n+$/, '');
  });
}

export async function waitForTerminal(page: Page, predicate: (text: string) => boolean, timeout = 10_000): Promise<string> {
  let last = '';
  try {
    await expect
      .poll(
        async () => {
          last = await readTerminal(page);
          return predicate(last);
        },
        { timeout },
      )
      .toBe(true);
  } catch (e) {
    // What the terminal showed last says why (a screenshot of xterm's DOM may not).
    throw new Error(`the terminal never matched; it showed:\n${last}`, { cause: e });
  }
  return last;
}

export async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('[data-testid="terminal"] .xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Collects console errors and warnings and page errors; assert it is empty at the end. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** The page with test hooks on (the terminal handle on window). */
export const SANDBOX_URL = './?testhooks#/sandbox';

/**
 * Types a line and waits (up to 30 s) for its output and the next prompt; returns what the line
 * printed (up to the prompt). Counting the echoed line tells a new run from an earlier one.
 */
export async function runLine(page: Page, prompt: string, line: string): Promise<string> {
  const marker = `${prompt} ${line}\n`;
  const count = (t: string) => t.split(marker).length - 1;
  const seen = count(await readTerminal(page));
  await typeLine(page, line);
  const text = await waitForTerminal(page, (t) => count(t) > seen && t.endsWith(prompt) && t.length > t.lastIndexOf(marker) + marker.length, 30_000);
  return text.slice(text.lastIndexOf(marker) + marker.length, -prompt.length);
}
