import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('task page', () => {
  test('renders the task file with its metadata', async ({ page }) => {
    await page.goto('/phase-7/tasks/task-7.4-release-prep/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Task 7.4: Release Preparation');
    const meta = page.getByTestId('task-meta');
    await expect(meta).toContainText('planner');
    await expect(meta).toContainText('1 day');
    await expect(meta.getByRole('link', { name: 'Task 7.3' })).toHaveAttribute('href', /task-7\.3-code-quality\/$/);
    await expect(meta).toContainText('phase7/release_prep/status');
    // The task's health, in the words the dashboard's row and risk list use.
    await expect(page.getByTestId('task-health')).toContainText('Late');
    const body = page.getByTestId('task-body');
    await expect(body.getByRole('heading', { name: /Objectives/ })).toBeVisible();
    await expect(body.getByRole('img', { name: 'Not done' }).first()).toBeVisible();
    await expect(body.locator('input')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Phase 7: Quality & Infrastructure');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test('frontmatter and bold-line tasks show the same metadata', async ({ page }) => {
    const cases = [
      ['task-7.1-build-infra', 'frontmatter', 'cicd-engineer'],
      ['task-7.2-config-system', 'bold-line metadata', 'backend-dev'],
      ['task-7.3-code-quality', 'bold-line metadata', 'reviewer'],
    ] as const;
    for (const [slug, source, agent] of cases) {
      await page.goto(`/phase-7/tasks/${slug}/`);
      await expect(page.getByTestId('task-meta')).toContainText(source);
      await expect(page.getByTestId('task-meta')).toContainText(agent);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    }
  });
});

test('home page lists the phase and links to its dashboard', async ({ page }) => {
  await page.goto('/');
  const phase = page.locator('[data-phase="phase-7"]');
  await expect(phase).toContainText('Phase 7: Quality & Infrastructure');
  await phase.getByRole('link').click();
  await expect(page).toHaveURL(/\/phase-7\/$/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('unknown addresses get the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-phase/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('pages load nothing from other hosts', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) foreign.push(request.url());
  });
  for (const path of ['/', '/phase-7/', '/phase-7/tasks/task-7.2-config-system/']) await page.goto(path);
  expect(foreign).toEqual([]);
});
