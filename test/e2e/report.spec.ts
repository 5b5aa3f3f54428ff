import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('completion report of the example package', () => {
  test('shows every task, metric and criterion with a verdict, marked as a draft', async ({ page }, testInfo) => {
    await page.goto('/phase-7/report/');
    await expect(page.getByTestId('draft')).toHaveText('(draft)');
    await expect(page.locator('.report-task')).toHaveCount(4);
    const summary = page.getByTestId('report-summary').locator('tbody tr');
    await expect(summary).toHaveCount(6);
    for (const row of await summary.all()) await expect(row.locator('[data-verdict]')).toHaveCount(1);
    // The reviewer's hook message "clippy 12 -> 0" gives clippy its achieved value.
    await expect(page.getByTestId('report-summary').locator('tr[data-metric="clippy_warnings"]')).toHaveAttribute('data-verdict', 'met');
    await expect(page.getByTestId('report-summary').locator('tr[data-metric="env_variables"]')).toHaveAttribute('data-verdict', 'pending');
    await expect(page.getByTestId('summary-sentences')).toHaveText(
      'Not done: 1 of 4 tasks complete, 17% of the estimated work. Expected to end by 2025-10-26, on time for the date the package states (2025-10-26). ' +
        'Targets: 1 of 6 met (Clippy Warnings), 0 missed, 2 with no achieved value yet and 3 that cannot be judged (Build Time (clean), Build Time (incremental) and Dead Code (LOC)). ' +
        'Left: 7.1 Build Infrastructure (in progress), 7.2 Configuration System (in progress) and 7.4 Release Preparation (pending).',
    );
    const criteria = page.getByTestId('report-criteria').locator('tbody tr');
    await expect(criteria).toHaveCount(8);
    for (const row of await criteria.all()) await expect(row).toHaveAttribute('data-verdict', /^(met|missed|pending|unknown)$/);
    await expect(page.locator('.report-task[data-task="7.3"]')).toContainText('docs/CODE-QUALITY-REPORT.md');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await testInfo.attach('report', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });

  test('the Markdown form is published beside it', async ({ request }) => {
    const response = await request.get('/phase-7/completion-report.md');
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^# Phase 7: Quality & Infrastructure — completion report \(draft\)\n/);
    expect(text).toContain('## Executive summary\n\nNot done: 1 of 4 tasks complete, 17% of the estimated work. ');
    expect(text).toContain('| 7.3 | Clippy Warnings | 12 | <20 | 0 | Met |');
  });

  test('prints to a PDF whose table rows are never cut between pages', async ({ page }, testInfo) => {
    await page.goto('/phase-7/report/');
    const rows = await page
      .locator('table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr.querySelector('th')?.textContent ?? '').trim()).filter((text) => text.length > 3));
    await page.emulateMedia({ media: 'print' });
    const pdfPath = testInfo.outputPath('completion-report.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await testInfo.attach('completion-report.pdf', { path: pdfPath, contentType: 'application/pdf' });
    // pdftotext separates pages with form feeds; a row's first cell and its last line must share a page.
    const pages = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).split('\f');
    expect(pages.length).toBeGreaterThan(1);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    for (const label of rows) {
      const words = flat(label).split(' ').slice(0, 3).join(' ');
      const onPages = pages.filter((text) => flat(text).includes(words));
      expect(onPages.length, `"${label}" should be printed`).toBeGreaterThan(0);
    }
    // Each summary row: metric label and its verdict reason print on the same page.
    for (const [label, reason] of [
      ['Clippy Warnings', '0 is below 20.'],
      ['Env Variables', 'No achieved value yet.'],
      ['Dead Code (LOC)', 'the baseline is "Unknown"'],
    ] as const) {
      const page = pages.find((text) => flat(text).includes(label));
      expect(page && flat(page).includes(reason), `${label} and its reason share a page`).toBe(true);
    }
  });
});
