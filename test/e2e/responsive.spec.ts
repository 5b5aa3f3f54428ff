import { expect, test } from '@playwright/test';
import { pageTypes } from './page-types.ts';

// Runs in the "phone" project (375 px wide): nothing may push the page wider than the screen.
for (const [name, path] of pageTypes) {
  test(`${name} page fits a 375 px phone`, async ({ page }, testInfo) => {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await testInfo.attach(`${name}-phone`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}

// Tables scroll inside their box when they are wider than the screen; the ones a stakeholder reads on a phone reflow
// instead, so the column that matters (status, verdict, what happened) is on screen without scrolling sideways.
for (const [path, table, column] of [
  ['/phase-7/', 'task-table', 'Status'],
  ['/phase-7/', 'metrics-ledger', 'Verdict'],
  ['/phase-7/activity/', 'events', 'What'],
] as const) {
  test(`${path}: the ${column} column of ${table} is on screen at 375 px`, async ({ page }) => {
    await page.goto(path);
    const cell = page.getByTestId(table).locator(`td[data-label="${column}"]`).first();
    await cell.scrollIntoViewIfNeeded();
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  });
}

test('the dependency graph fits the screen at 375 px: no task hidden past its edge', async ({ page }) => {
  await page.goto('/phase-7/');
  const graph = page.getByTestId('dependency-graph');
  await graph.scrollIntoViewIfNeeded();
  const nodes = graph.locator('[data-task]');
  await expect(nodes).toHaveCount(4);
  for (const node of await nodes.all()) {
    const box = (await node.boundingBox())!;
    expect(box.x + box.width, (await node.getAttribute('data-task')) ?? 'a task').toBeLessThanOrEqual(375);
  }
});
