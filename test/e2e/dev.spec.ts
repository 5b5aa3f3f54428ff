import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { encodeStoredValue } from '../../src/core/hooks/decode-value.ts';
import { UPSERT } from '../../scripts/lib/claude-flow-store.ts';

// `cairn dev` as the coordinator runs it while agents work: a copy of the example served live, edited under it.
test.describe.configure({ mode: 'serial' });
const content = mkdtempSync(join(tmpdir(), 'cairn-dev-'));
const taskFile = join(content, 'phases/phase-7/task-7.4-release-prep.md');
const port = 4400 + Math.floor(Math.random() * 500);
const url = `http://127.0.0.1:${port}/phase-7/tasks/task-7.4-release-prep/`;
let server: ChildProcess;
let output = '';
let original = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cpSync('content', content, { recursive: true });
  original = readFileSync(taskFile, 'utf8');
  server = spawn(process.execPath, ['bin/cairn.mjs', 'dev', '--content', content, '--port', String(port)], {
    env: { ...process.env, CAIRN_AS_OF: '2025-10-25T18:00:00Z', NO_COLOR: '1' },
    detached: true,
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (tries > 200 || server.exitCode !== null) throw new Error(`cairn dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

// Each edit makes the open page reload; leave it before the context closes, so no reload is in flight at teardown.
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid);
});

const estimate = (page: import('@playwright/test').Page) => page.getByTestId('task-meta').locator('dt:text-is("Estimate") + dd');

test('a saved task file shows in the open page within 3 s, without a reload by hand', async ({ page }) => {
  await page.goto(url);
  await expect(estimate(page)).toHaveText('1 day');
  writeFileSync(taskFile, original.replace('**Duration:** 1 day', '**Duration:** 3 days'));
  await expect(estimate(page)).toHaveText(/^3 days/, { timeout: 3_000 });
});

test('broken YAML: the page shows the error as validate prints it, the server stays up; fixed, the page recovers', async ({ page }) => {
  await page.goto(url);
  writeFileSync(taskFile, `---\nid: "7.4"\nestimate: [1 day\n---\n${original}`);
  const errors = page.getByTestId('content-errors');
  await expect(errors).toContainText('task-7.4-release-prep.md:4:1 error The frontmatter is not valid YAML', { timeout: 5_000 });
  await expect(errors).toContainText('hint: Fix the YAML');
  expect(output).toContain('task-7.4-release-prep.md:4:1 error The frontmatter is not valid YAML');
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(server.exitCode).toBeNull();
  writeFileSync(taskFile, original);
  await expect(errors).toHaveCount(0, { timeout: 5_000 });
  await expect(estimate(page)).toHaveText('1 day');
});

test("a row appended to the live -wal of the hook store changes the task's status", async ({ page }) => {
  await page.goto(url);
  const status = page.getByTestId('task-meta').locator('dt:text-is("Status") + dd .badge');
  await expect(status).toHaveText('Pending');
  // An agent's connection stays open: the row is in the -wal, not yet in memory.db.
  const store = new DatabaseSync(join(content, 'phases/phase-7/hooks/memory.db'));
  try {
    const at = Date.parse('2025-10-25T17:30:00Z') / 1000;
    store.prepare(UPSERT).run('phase7/release_prep/status', encodeStoredValue('in_progress'), 'default', null, at, at, at);
    await expect(status).toHaveText('In progress', { timeout: 5_000 });
  } finally {
    store.close();
  }
});
