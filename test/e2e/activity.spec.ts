import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('hook activity of the example package', () => {
  test('the dashboard shows statuses from the hook logs, with the event that decided each', async ({ page }) => {
    await page.goto('/phase-7/');
    const statuses = page.getByTestId('task-table').locator('tbody tr [data-status]');
    await expect(statuses).toHaveText(['In progress', 'In progress', 'Complete', 'Pending']);
    const codeQuality = page.getByTestId('task-table').locator('tr[data-task="7.3"]');
    await expect(codeQuality).toContainText('phase7/code_quality/status = "complete"');
    await expect(codeQuality).toContainText('memory-store.json');
    await expect(page.getByTestId('activity-feed').locator('li').first()).toContainText('config_system');
    await expect(page.getByTestId('sources').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('sources')).toContainText('claude-flow-sqlite');
    await expect(page.getByTestId('stale')).toHaveCount(0);
  });

  test('hook messages are shown as text: no script from a log runs, secrets are redacted', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto('/phase-7/activity/');
    await expect(page.getByTestId('events')).toContainText('<script>alert(1)</script>');
    await expect(page.getByTestId('events')).toContainText('GITHUB_TOKEN=[redacted: github-token]');
    expect(dialogs).toEqual([]);
  });

  test('the activity page filters by task, agent and kind, and keeps the filter in the address', async ({ page }) => {
    await page.goto('/phase-7/activity/');
    const rows = page.getByTestId('events').locator('tbody tr');
    const total = await rows.count();
    expect(total).toBeGreaterThan(40);
    await page.getByLabel('Task').selectOption('7.3');
    const visible = rows.locator('visible=true');
    const shown = await visible.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    for (const cell of await visible.locator('td:nth-child(3)').allTextContents()) expect(cell).toMatch(/^7\.3/);
    await expect(page).toHaveURL(/\?task=7\.3$/);
    await page.getByLabel('Kind').selectOption('edit');
    for (const cell of await visible.locator('td:nth-child(2)').allTextContents()) expect(cell).toBe('Edit');
    await page.reload();
    await expect(page.getByLabel('Task')).toHaveValue('7.3');
    await expect(page.getByLabel('Kind')).toHaveValue('edit');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test('the timeline draws plan and actual for every task, with the same dates in a table', async ({ page }, testInfo) => {
    await page.goto('/phase-7/timeline/');
    const lanes = page.getByTestId('timeline').locator('g.lane');
    await expect(lanes).toHaveCount(4);
    await expect(lanes.locator('rect.actual')).toHaveCount(3); // 7.4 has not started
    await expect(page.getByTestId('timeline-table').locator('tr[data-task="7.4"]')).toContainText('not started');
    await expect(page.getByTestId('timeline-table').locator('tr[data-task="7.3"]')).toContainText('2025-10-24 15:01 UTC');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await testInfo.attach('timeline', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
});
