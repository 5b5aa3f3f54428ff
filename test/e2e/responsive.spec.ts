import { expect, test } from '@playwright/test';

// Runs in the "phone" project (375 px wide): nothing may push the page wider than the screen.
for (const path of ['/', '/phase-7/', '/phase-7/activity/', '/phase-7/timeline/', '/phase-7/tasks/task-7.1-build-infra/']) {
  test(`${path} fits a 375 px phone`, async ({ page }, testInfo) => {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (path === '/phase-7/') await testInfo.attach('dashboard-phone', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}
