import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { pageTypes } from './page-types.ts';

// Every page type: no axe violations, keyboard reachable main content, and a desktop screenshot to look at.
for (const [name, path] of pageTypes) {
  test(`${name} page passes axe, breaks no CSP rule and is saved as a screenshot`, async ({ page }, testInfo) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/404 \(Not Found\)/.test(message.text())) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('main')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    expect(errors).toEqual([]);
    await testInfo.attach(`${name}-desktop`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}
