// Every learner: axe-core finds no violation on the catalog, a lab, the sandbox (with their menus
// and dialogs open), the Manager tab and the instructor page, in the dark, light and high-contrast
// themes; the terminal is not a keyboard trap (Escape then Tab, Ctrl+F6); the screen-reader mode
// is a remembered toggle; objectives that turn met are announced.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SANDBOX_URL, typeLine, waitForTerminal } from "./helpers";

const PROMPT = "[root@ovs01 ~]#";
const BOOT_MS = 45_000;

/** Runs axe on the page; returns the violations as readable lines (empty when clean). */
async function axe(page: Page, what: string): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const lines = r.violations.map(
    (v) =>
      `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 4)
        .join(" | ")}`,
  );
  if (lines.length) console.log(lines.join("\n"));
  return lines;
}

async function setTheme(
  page: Page,
  theme: "dark" | "light" | "contrast",
): Promise<void> {
  await page.getByTestId("settings").click();
  await page.getByTestId("theme").selectOption(theme);
  await page.getByTestId("settings").click();
}

const inTerminal = (page: Page) =>
  page.evaluate(
    () => !!document.activeElement?.closest('[data-testid="terminal"]'),
  );

for (const theme of ["light", "dark", "contrast"] as const) {
  test(`catalog, sandbox and lab with menus and dialogs open: no axe violations (${theme} theme)`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const found: string[] = [];
    await page.goto("./?testhooks#/");
    await expect(page.locator("[data-lab]").first()).toBeVisible({
      timeout: BOOT_MS,
    });
    await setTheme(page, theme);
    found.push(...(await axe(page, `catalog/${theme}`)));
    await page.getByTestId("settings").click();
    found.push(...(await axe(page, `catalog settings/${theme}`)));
    await page.getByTestId("settings").click();

    await page.goto(SANDBOX_URL);
    await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
    found.push(...(await axe(page, `sandbox/${theme}`)));
    await page.getByTestId("fault-menu").click();
    found.push(...(await axe(page, `sandbox fault menu/${theme}`)));
    await page.keyboard.press("Escape");
    await page.getByTestId("persist-menu").click();
    found.push(...(await axe(page, `sandbox save menu/${theme}`)));
    await page.getByTestId("reset").click();
    await expect(page.getByTestId("confirm-dialog").first()).toBeVisible();
    found.push(...(await axe(page, `sandbox reset dialog/${theme}`)));
    await page.keyboard.press("Escape");
    const manager = page.getByTestId("manager-tab");
    if (await manager.count()) {
      await manager.click();
      found.push(...(await axe(page, `sandbox manager/${theme}`)));
    }

    await page.goto("./?testhooks#/lab/b2-path-failure");
    await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
    await page.locator("[data-hint]").first().click();
    found.push(...(await axe(page, `lab/${theme}`)));
    await page.getByTestId("show-solution").click();
    found.push(...(await axe(page, `lab solution dialog/${theme}`)));
    await page.keyboard.press("Escape");

    await page.goto("./?testhooks#/instructor");
    if (!(await page.getByText("No page at").count())) {
      await page.waitForTimeout(1000);
      found.push(...(await axe(page, `instructor/${theme}`)));
    }
    expect(found).toEqual([]);
  });
}

test("the terminal is no keyboard trap: Escape then Tab, Shift+Tab, or Ctrl+F6 leave it; Escape alone still reaches the shell", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
  await page.locator('[data-testid="terminal"] .xterm').click();
  expect(await inTerminal(page)).toBe(true);
  // A Tab alone completes (it stays in the terminal).
  await page.keyboard.type("ech");
  await page.keyboard.press("Tab");
  await waitForTerminal(page, (t) => t.endsWith(`${PROMPT} echo`));
  expect(await inTerminal(page)).toBe(true);
  await page.keyboard.press("Control+U");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  expect(await inTerminal(page)).toBe(false);
  await page.locator('[data-testid="terminal"] .xterm').click();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Shift+Tab");
  expect(await inTerminal(page)).toBe(false);
  await page.locator('[data-testid="terminal"] .xterm').click();
  await page.keyboard.press("Control+F6");
  expect(await inTerminal(page)).toBe(false);
  // Back in the terminal, the shell still works and saw no stray Tab.
  await typeLine(page, "echo still-here");
  await waitForTerminal(page, (t) =>
    t.endsWith(`${PROMPT} echo still-here\nstill-here\n${PROMPT}`),
  );
  // The help says how.
  await page.getByTestId("settings").click();
  await expect(page.locator("#keyboard-help")).toContainText(
    "press Escape, then Tab (or Shift+Tab); or Ctrl+F6",
  );
});

test("screen-reader mode: a toggle that xterm.js follows, remembered across a reload", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
  const mode = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            __term: { options: { screenReaderMode: boolean } };
          }
        ).__term.options.screenReaderMode,
    );
  expect(await mode()).toBe(false);
  await page.getByTestId("settings").click();
  await page.getByTestId("screen-reader").check();
  await expect.poll(mode).toBe(true);
  await expect(
    page.locator('[data-testid="terminal"] .xterm-accessibility'),
  ).toHaveCount(1);
  await page.reload();
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
  expect(await mode()).toBe(true);
  await typeLine(page, "echo spoken");
  await expect(
    page.locator('[data-testid="terminal"] .xterm-accessibility'),
  ).toContainText("spoken");
});

test("themes: the switch is remembered and the terminal follows it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
  const bg = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            __term: { options: { theme: { background: string } } };
          }
        ).__term.options.theme.background,
    );
  await setTheme(page, "contrast");
  await expect.poll(bg).toBe("#000");
  await page.reload();
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
  expect(
    await page.evaluate(() => document.documentElement.dataset.theme),
  ).toBe("contrast");
  expect(await bg()).toBe("#000");
  await setTheme(page, "light");
  await expect.poll(bg).toMatch(/^#fff(fff)?$/);
});

test("prefers-contrast: more picks the high-contrast theme when nothing was chosen", async ({
  browser,
}) => {
  const context = await browser.newContext({
    contrast: "more",
    colorScheme: "dark",
  });
  const page = await context.newPage();
  await page.goto("./#/");
  await expect(page.locator("body")).toHaveCSS(
    "background-color",
    "rgb(0, 0, 0)",
  );
  await context.close();
});

test("an objective that turns met is announced", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("./?testhooks#/lab/a1-dom0-orientation");
  await waitForTerminal(page, (t) => t.endsWith(PROMPT), BOOT_MS);
  const announcer = page.getByTestId("objective-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toHaveText("");
  // Answer the first quiz from the shell's output: the objective turns met and is announced.
  expect(await page.locator('[data-met="true"]').count()).toBe(0);
  await typeLine(page, "xm info | grep xen_");
  const out = await waitForTerminal(
    page,
    (t) => /xen_extra\s*:\s*\S+\n/.test(t) && t.endsWith(PROMPT),
  );
  const field = (k: string) => new RegExp(`${k}\\s*:\\s*(\\S+)`).exec(out)![1]!;
  await page
    .locator('[data-answer="xen-version"]')
    .fill(`${field("xen_major")}.${field("xen_minor")}${field("xen_extra")}`);
  await page
    .locator('[data-objective="xen-version"] button[type="submit"]')
    .click();
  await expect(page.locator('[data-objective="xen-version"]')).toHaveAttribute(
    "data-met",
    "true",
    { timeout: 20_000 },
  );
  await expect(announcer).toHaveText(
    "Objective met: Which Xen version runs on ovs01?",
  );
  await expect(
    page.locator('[data-testid="event-feed"] [role="log"]'),
  ).toHaveAttribute("aria-live", "polite");
});
