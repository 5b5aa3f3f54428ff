import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { serveDirectory } from './static-server.ts';

// One site for the whole file: the example content frozen as 1.0.0, then one task status and one metric changed,
// then frozen as 1.1.0, exactly as a coordinator would do it.
test.describe.configure({ mode: 'serial' });
let site: Awaited<ReturnType<typeof serveDirectory>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const content = mkdtempSync(join(tmpdir(), 'cairn-versions-'));
  cpSync('content', content, { recursive: true });
  const env = { ...process.env, CAIRN_CONTENT: content, CAIRN_AS_OF: '2025-10-25T18:00:00Z', ASTRO_TELEMETRY_DISABLED: '1' };
  const npm = (...args: string[]) => execFileSync('npm', args, { env, stdio: 'pipe', encoding: 'utf8' });
  npm('run', '--silent', 'snapshot', '--', '1.0.0');

  const storePath = join(content, 'phases/phase-7/hooks/memory-store.json');
  const store = JSON.parse(readFileSync(storePath, 'utf8')) as { coordination: { key: string; value: string; timestamp: number }[] };
  Object.assign(store.coordination.find((entry) => entry.key === 'phase7/build_infra/status')!, {
    value: 'complete',
    timestamp: Date.parse('2025-10-25T17:00:00Z'),
  });
  writeFileSync(storePath, JSON.stringify(store, null, 2));
  writeFileSync(join(content, 'phases/phase-7/final-metrics.json'), JSON.stringify({ timestamp: '2025-10-25T17:00:00Z', clippy_warnings: 8 }));
  npm('run', '--silent', 'snapshot', '--', '1.1.0');

  const outDir = mkdtempSync(join(tmpdir(), 'cairn-versions-site-'));
  npm('run', 'build', '--', '--out', outDir);
  site = await serveDirectory(outDir);
});

test.afterAll(async () => site?.close());

test('/v/1.1.0/ lists exactly the two changes since 1.0.0', async ({ page }, testInfo) => {
  await page.goto(`${site.url}/v/1.1.0/`);
  const changes = page.getByTestId('changes').locator('li');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toHaveAttribute('data-change', 'task');
  await expect(changes.nth(0)).toContainText('Task 7.1 Build Infrastructure (phase-7): In progress → Complete');
  await expect(changes.nth(1)).toHaveAttribute('data-change', 'metric');
  // 1.0.0 had clippy at 0 from the reviewer's hook message ("clippy 12 -> 0"), met; 1.1.0's final-metrics.json says 8, met too.
  await expect(changes.nth(1)).toContainText('Clippy Warnings (phase-7): 0 → 8 (+8)');
  await expect(changes.nth(1)).not.toContainText('verdict');
  await expect(page.getByTestId('stamp')).toContainText('Version 1.1.0');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await testInfo.attach('version-1.1.0', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('both versions keep their own dashboards and status.json', async ({ page, request }) => {
  await page.goto(`${site.url}/v/1.0.0/phase-7/`);
  await expect(page.getByTestId('frozen')).toContainText('version 1.0.0');
  await expect(page.getByTestId('task-table').locator('tr[data-task="7.1"] [data-status]')).toHaveAttribute('data-status', 'in_progress');
  await page.goto(`${site.url}/v/1.1.0/phase-7/`);
  await expect(page.getByTestId('task-table').locator('tr[data-task="7.1"] [data-status]')).toHaveAttribute('data-status', 'complete');
  for (const version of ['1.0.0', '1.1.0']) {
    const status = await (await request.get(`${site.url}/v/${version}/status.json`)).json();
    expect(status).toMatchObject({ schemaVersion: 1, version });
  }
  const live = await (await request.get(`${site.url}/status.json`)).json();
  expect(live.version).toBe('1.1.0');
  await page.goto(`${site.url}/v/`);
  await expect(page.getByTestId('versions').locator('tbody tr')).toHaveCount(2);
});
