import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page.ts';

test.describe('phase dashboard of the example package', () => {
  test('lists the four tasks with agent, estimate, dependencies and status', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await expect(page).toHaveTitle(/Phase 7: Quality & Infrastructure/);
    await expect(dashboard.taskRows).toHaveCount(4);
    const expected = [
      ['7.1', 'Build Infrastructure', 'cicd-engineer', '2.4 days', '—', 'in_progress'],
      ['7.2', 'Configuration System', 'backend-dev', '2.4 days', '—', 'in_progress'],
      ['7.3', 'Code Quality', 'reviewer', '1.2 days', '—', 'complete'],
      ['7.4', 'Release Preparation', 'planner', '1 day', '7.3', 'pending'],
    ];
    for (const [id, title, agent, estimate, dependsOn, status] of expected) {
      const cells = dashboard.taskRow(id!).locator('th, td');
      await expect(cells.nth(0)).toContainText(`${id} ${title}`);
      await expect(cells.nth(1)).toHaveText(agent!);
      await expect(cells.nth(2)).toHaveText(estimate!);
      await expect(cells.nth(3)).toHaveText(dependsOn!);
      await expect(cells.nth(4).locator('[data-status]')).toHaveAttribute('data-status', status!);
    }
  });

  test('shows the computed critical path beside the package’s own claim', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await expect(dashboard.criticalPath).toContainText('7.1: 2.4 days');
    await expect(dashboard.criticalPath).toContainText('equally long: 7.2');
    await expect(page.getByTestId('stated-days')).toHaveText(/states 3\.4 days.*give 2\.4 days/);
    await expect(dashboard.graphNode('7.1')).toHaveAttribute('data-critical', 'true');
    await expect(dashboard.graphNode('7.2')).toHaveAttribute('data-critical', 'true');
    await expect(dashboard.graphNode('7.3')).toHaveAttribute('data-critical', 'false');
    await expect(dashboard.graph.locator('path.edge[data-from="7.3"][data-to="7.4"]')).toHaveCount(1);
  });

  test('judges metrics against their targets', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    const clippy = dashboard.metricRow('clippy_warnings');
    await expect(clippy.locator('td').nth(0)).toHaveText('12');
    await expect(clippy.locator('td').nth(1)).toHaveText('<20');
    // The reviewer's hook message "clippy 12 -> 0" gives the achieved value, shown with the words it was read from.
    await expect(clippy.locator('td').nth(2)).toHaveText('0an agent reported “clippy 12 -> 0”, 2025-10-24 14:57 UTC');
    await expect(clippy).toHaveAttribute('data-verdict', 'met');
    await expect(dashboard.metricRow('env_variables')).toHaveAttribute('data-verdict', 'pending');
    await expect(dashboard.metricRow('build_time_clean')).toHaveAttribute('data-verdict', 'unknown');
  });

  test('a task in the graph links to its page', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await dashboard.graphNode('7.4').locator('a').click();
    await expect(page).toHaveURL(/\/phase-7\/tasks\/task-7\.4-release-prep\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Task 7.4: Release Preparation');
  });

  test('passes axe in light and dark mode, and is saved as a screenshot', async ({ page }, testInfo) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const dashboard = new DashboardPage(page);
      await dashboard.goto();
      // The closed sections open, so their content is checked too.
      for (const section of await page.locator('details').all()) await section.evaluate((element) => ((element as HTMLDetailsElement).open = true));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      const path = testInfo.outputPath(`dashboard-${colorScheme}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`dashboard-${colorScheme}`, { path, contentType: 'image/png' });
    }
  });

  test('is at most 4,000 px tall at 1280 px: the summary, the tasks, the plan and the targets; the rest one click away', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    // The charts are drawn by then, so the height is the page's as a reader sees it.
    await expect(page.locator('cairn-chart .chart-canvas:not([hidden])').first()).toBeVisible();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(4000);
    for (const id of ['activity', 'criteria', 'deliverables', 'objectives', 'files', 'sessions', 'data-quality']) {
      await expect(page.getByTestId(`more-${id}`), id).not.toHaveAttribute('open');
    }
    await expect(page.getByTestId('data-quality')).toBeHidden();
    await page.getByTestId('more-data-quality').locator('summary').click();
    await expect(page.getByTestId('data-quality')).toBeVisible();
    // A link to a closed section opens it; an address with a malformed escape is no error.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/phase-7/#sessions');
    await expect(page.getByTestId('sessions')).toBeVisible();
    await page.goto('/phase-7/#%E0%A4%A');
    await page.goto('/phase-7/');
    expect(errors).toEqual([]);
  });
});
