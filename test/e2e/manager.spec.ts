// The Oracle VM Manager tab on #/sandbox: a stop from the Manager runs a job to Success and the
// guest is gone from xm list, then Edit Virtual Machine changes its memory; an xm destroy on dom0
// leaves the Manager showing Running until a rediscover of the server, then Stopped (the
// Manager's view and the servers' reality drift).
import { expect, test, type Page } from '@playwright/test';
import { SANDBOX_URL, typeLine, waitForTerminal, watchConsole } from './helpers';

const vmRow = (page: Page, name: string) => page.locator(`[data-testid="vm-row"][data-name="${name}"]`);

/** The names of the VMs the Manager shows Running on `server`, in table order. */
async function runningOn(page: Page, server: string): Promise<Array<{ name: string; id: string }>> {
  return page.locator('[data-testid="vm-row"]').evaluateAll(
    (rows, srv) => rows.filter((r) => r.children[2]?.textContent === srv && r.querySelector('[data-testid="vm-status"]')!.textContent!.trim() === 'Running').map((r) => ({ name: r.getAttribute('data-name')!, id: r.getAttribute('data-id')! })),
    server,
  );
}

async function openManager(page: Page): Promise<void> {
  await page.locator('[data-testid="manager-tab"]').click();
  await expect(page.locator('[data-testid="manager"]')).toBeVisible();
}

async function openTerminals(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Servers', exact: true }).click();
}

test('stop a VM from the Manager: the job succeeds and xm list on its server no longer shows it', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));
  await openManager(page);
  const [vm] = await runningOn(page, 'ovs01');
  expect(vm).toBeDefined();
  await vmRow(page, vm!.name).click();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const job = page.locator('[data-testid="job-row"]').first();
  await expect(job).toContainText(`Stop VM: ${vm!.name}`);
  await expect(job.locator('[data-testid="job-status"]')).toHaveText('In Progress');
  await expect(job.locator('[data-testid="job-status"]')).toHaveText('Success', { timeout: 20_000 });
  await expect(vmRow(page, vm!.name).locator('[data-testid="vm-status"]')).toHaveText('Stopped');
  await page.screenshot({ path: 'test/e2e/.output/manager-stop.png' });

  await openTerminals(page);
  await typeLine(page, 'xm list');
  const listed = await waitForTerminal(page, (t) => /Domain-0 .*\n\[root@ovs01 ~\]#$/.test(t));
  expect(listed.slice(listed.lastIndexOf('xm list'))).not.toContain(vm!.id);

  // Edit Virtual Machine on the stopped VM: a job, and the Manager shows the new memory.
  await openManager(page);
  await vmRow(page, vm!.name).click();
  await page.getByRole('toolbar', { name: 'Virtual machine actions' }).getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByTestId('vm-edit-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Memory (MB)', { exact: true }).fill('1024');
  await dialog.getByLabel('Description').fill('edited from the Manager tab');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  const edit = page.locator('[data-testid="job-row"]').first();
  await expect(edit).toContainText(`Edit VM: ${vm!.name}`);
  await expect(edit.locator('[data-testid="job-status"]')).toHaveText('Success', { timeout: 20_000 });
  await expect(vmRow(page, vm!.name).locator('td').nth(4)).toHaveText('1024');
  expect(problems).toEqual([]);
});

test('xm destroy on dom0: the Manager still shows Running until Rediscover, then Stopped', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(SANDBOX_URL);
  await waitForTerminal(page, (t) => t.endsWith('[root@ovs01 ~]#'));
  await openManager(page);
  const [vm] = await runningOn(page, 'ovs01');
  await openTerminals(page);
  await typeLine(page, `xm destroy ${vm!.id}`);
  await waitForTerminal(page, (t) => t.endsWith(`xm destroy ${vm!.id}\n[root@ovs01 ~]#`));

  await openManager(page);
  await page.waitForTimeout(2000);
  await expect(vmRow(page, vm!.name).locator('[data-testid="vm-status"]')).toHaveText('Running');

  await page.getByLabel('Perspective:').selectOption('Servers');
  await page.locator('[data-testid="server-row"][data-name="ovs01"]').click();
  await page.getByRole('button', { name: 'Rediscover', exact: true }).click();
  const job = page.locator('[data-testid="job-row"]').first();
  await expect(job).toContainText('Rediscover Server: ovs01');
  await expect(job.locator('[data-testid="job-status"]')).toHaveText('Success', { timeout: 20_000 });
  await page.getByLabel('Perspective:').selectOption('Virtual Machines');
  await expect(vmRow(page, vm!.name).locator('[data-testid="vm-status"]')).toHaveText('Stopped');
  await page.getByLabel('Perspective:').selectOption('Events');
  await expect(page.locator('[data-testid="event-row"]').first()).toContainText(`Virtual machine ${vm!.name} is Stopped`);
  await page.screenshot({ path: 'test/e2e/.output/manager-drift.png' });
  expect(problems).toEqual([]);
});
