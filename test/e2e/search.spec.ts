import { expect, test } from '@playwright/test';

test('search finds a task by a word in its file, offline from the site’s own index', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) foreign.push(request.url());
  });
  await page.goto('/search/');
  await page.getByRole('search').getByRole('textbox').fill('sccache');
  const results = page.locator('.pagefind-ui__result');
  await expect(results.first()).toBeVisible();
  // The task page is in the phase's own bundle, the release in the site's: both are searched.
  await expect(page.locator('.pagefind-ui__result-link').filter({ hasText: 'Task 7.1: Build Infrastructure' }).first()).toBeVisible();
  // A task's result says which phase it is in; no result has an empty picture column beside it.
  const task = results.filter({ has: page.locator('.pagefind-ui__result-link', { hasText: 'Task 7.1: Build Infrastructure' }) }).first();
  await expect(task.locator('.pagefind-ui__result-tag')).toContainText('Phase 7: Quality & Infrastructure');
  await expect(page.locator('.pagefind-ui__result-thumb')).toHaveCount(0);
  await expect(
    page
      .locator('.pagefind-ui__result-link')
      .filter({ hasText: /Release|Unreleased/ })
      .first(),
  ).toBeVisible();
  expect(foreign).toEqual([]);
});
