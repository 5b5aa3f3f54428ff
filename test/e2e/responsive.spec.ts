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
