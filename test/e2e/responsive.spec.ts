import { readdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { sharedSite } from '../sites.ts';
import { pageTypes } from './page-types.ts';
import { serveDirectory } from './static-server.ts';

/**
 * How far the page reaches past the screen, the words of drawings (SVG) smaller than 11 px as drawn, and the columns
 * a table hides past the edge of its box (closed sections opened first: what is one click away must read too).
 */
async function measureFit(page: Page): Promise<{ overflow: number; small: string[]; cut: string[] }> {
  return page.evaluate(() => {
    for (const section of document.querySelectorAll('details')) (section as HTMLDetailsElement).open = true;
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      small: [...document.querySelectorAll('svg text')]
        .filter((text) => (text as SVGTextElement).getClientRects().length > 0)
        .map((text) => {
          const scale = (text as SVGTextElement).getScreenCTM()?.a ?? 1;
          return { text: text.textContent ?? '', px: parseFloat(getComputedStyle(text).fontSize) * scale };
        })
        .filter(({ px }) => px < 11)
        .map(({ text, px }) => `${text} (${px.toFixed(1)} px)`),
      cut: [...document.querySelectorAll('.table-wrap')].flatMap((wrap) => {
        const edge = wrap.getBoundingClientRect().right;
        const table = wrap.querySelector('table');
        return [...wrap.querySelectorAll('thead th')]
          .filter((head) => head.getBoundingClientRect().right > edge + 1)
          .map((head) => `${table?.dataset.testid ?? table?.querySelector('caption')?.textContent ?? 'a table'}: ${head.textContent?.trim()}`);
      }),
    };
  });
}

// Runs in the "phone" project (375 px wide): nothing may push the page wider than the screen, no drawing's words may
// be shrunk below 11 px to fit, and no table may hide a column past the edge of its box.
for (const [name, path] of pageTypes) {
  test(`${name} page fits a 375 px phone`, async ({ page }, testInfo) => {
    await page.goto(path);
    expect(await measureFit(page)).toEqual({ overflow: 0, small: [], cut: [] });
    await testInfo.attach(`${name}-phone`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}

// The seed-style package (long paths in task lists, wide tables of targets) and the hostile one (markup and long
// unbroken strings in titles, warnings and cells): every page each makes.
for (const site of ['seed', 'hostile'] as const) {
  test(`every page of the ${site} package fits a 375 px phone`, async ({ page }) => {
    test.setTimeout(180_000);
    const served = await serveDirectory(sharedSite(site).outDir);
    try {
      const pages = readdirSync(sharedSite(site).outDir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
        .map((file) => `/${file.replace(/index\.html$/, '')}`)
        .toSorted();
      expect(pages.length).toBeGreaterThan(8);
      const wide: string[] = [];
      for (const path of pages) {
        await page.goto(`${served.url}${path}`);
        const { overflow, small, cut } = await measureFit(page);
        if (overflow > 0 || small.length > 0 || cut.length > 0) wide.push(`${path}: ${overflow} px too wide; ${[...small, ...cut].join(', ')}`);
      }
      expect(wide).toEqual([]);
    } finally {
      await served.close();
    }
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

test('the dependency graph is a list of its tasks at 375 px: each task on screen, what waits for it, the critical path marked', async ({ page }) => {
  await page.goto('/phase-7/');
  const graph = page.getByTestId('dependency-graph');
  await expect(graph.locator('svg')).toBeHidden();
  const items = graph.locator('.graph-list li');
  await expect(items).toHaveCount(4);
  for (const item of await items.all()) {
    await item.scrollIntoViewIfNeeded();
    const box = (await item.boundingBox())!;
    expect(box.x + box.width, (await item.getAttribute('data-task')) ?? 'a task').toBeLessThanOrEqual(375);
  }
  await expect(graph.locator('li[data-task="7.1"]')).toContainText('critical path');
  await expect(graph.locator('li[data-task="7.3"]')).toContainText('then 7.4');
});
