import { appendFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { BUILD_AS_OF, buildSite, type BuildResult } from './build-site.ts';

const files = (build: BuildResult) => build.files().map((file) => relative(build.outDir, file)).toSorted();

// With CAIRN_AS_OF given. Without it, the build's time is the newest event of the site, which a new event moves, and
// every page says that time (its footer, its health): every page is rendered again, as a fresh build renders it.
test('a rebuild after one new hook event equals a fresh build, and keeps the pages of the phase that did not change', () => {
  const asOf = BUILD_AS_OF;
  const root = join(mkdtempSync(join(tmpdir(), 'cairn-rebuild-')), 'content');
  // Two small phases: what is measured is which pages are rendered again, not how long they take.
  cpSync('test/fixtures/packages/minimal', root, { recursive: true });
  cpSync(join(root, 'phases', 'phase-1'), join(root, 'phases', 'phase-2'), { recursive: true });
  const first = buildSite({ content: root, asOf });
  expect(first.status, first.output).toBe(0);

  // The published page, held by a second name: a build that wrote into the published files would change it.
  const held = join(mkdtempSync(join(tmpdir(), 'cairn-held-')), 'activity.html');
  linkSync(join(first.outDir, 'phase-2', 'activity', 'index.html'), held);
  const before = readFileSync(held, 'utf8');

  mkdirSync(join(root, 'phases', 'phase-2', 'hooks'), { recursive: true });
  appendFileSync(join(root, 'phases', 'phase-2', 'hooks', 'late.ndjson'), `${JSON.stringify({ kind: 'notify', time: '2025-10-25T17:30:00Z', message: 'task 1.1: one more check passed' })}\n`);
  const again = buildSite({ content: root, asOf, outDir: first.outDir });
  const fresh = buildSite({ content: root, asOf });
  expect(again.status, again.output).toBe(0);
  expect(fresh.status, fresh.output).toBe(0);

  // Phase 2's pages were rendered again, with the new event; phase 1's were kept from the last build.
  expect(again.output).toMatch(/phase-1\/tasks\/task-1\.1-setup\/index\.html.*\((restored|cached)\)/);
  expect(again.output).not.toMatch(/phase-2\/index\.html.*\((restored|cached)\)/);
  expect(again.page('phase-2/activity/index.html')).toContain('one more check passed');
  expect(readFileSync(held, 'utf8')).toBe(before);
  expect(before).not.toContain('one more check passed');
  // The unchanged files are taken from the published site, not copied again.
  const kept = Number(/(\d+) kept/.exec(again.output)?.[1]);
  expect(kept).toBeGreaterThan(0);

  expect(files(again)).toEqual(files(fresh));
  const differing = files(fresh).filter((file) => !readFileSync(join(again.outDir, file)).equals(readFileSync(join(fresh.outDir, file))));
  expect(differing).toEqual([]);
}, 180_000);

test('a task file removed: its page and folder are gone from the next build, and so is a file put there by hand', () => {
  const root = join(mkdtempSync(join(tmpdir(), 'cairn-removed-')), 'content');
  cpSync('test/fixtures/packages/minimal', root, { recursive: true });
  const first = buildSite({ content: root });
  expect(first.status, first.output).toBe(0);
  const page = join(first.outDir, 'phase-1', 'tasks', 'task-1.2-tests', 'index.html');
  expect(existsSync(page)).toBe(true);

  rmSync(join(root, 'phases', 'phase-1', 'task-1.2-tests.md'));
  // A file put into the published site by hand is not the build's: the next build leaves the site as it builds it.
  writeFileSync(join(first.outDir, 'phase-1', 'notes.txt'), 'by hand');
  const again = buildSite({ content: root, outDir: first.outDir });
  expect(again.status, again.output).toBe(0);
  expect(existsSync(page)).toBe(false);
  expect(existsSync(join(first.outDir, 'phase-1', 'tasks', 'task-1.2-tests'))).toBe(false);
  expect(existsSync(join(first.outDir, 'phase-1', 'notes.txt'))).toBe(false);
  expect(existsSync(join(first.outDir, 'phase-1', 'tasks', 'task-1.1-setup', 'index.html'))).toBe(true);
  const fresh = buildSite({ content: root });
  expect(fresh.status, fresh.output).toBe(0);
  expect(files(again)).toEqual(files(fresh));
}, 120_000);
