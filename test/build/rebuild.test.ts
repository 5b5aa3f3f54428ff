import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { BUILD_AS_OF, buildSite, type BuildResult } from './build-site.ts';

const files = (build: BuildResult) =>
  build
    .files()
    .map((file) => relative(build.outDir, file))
    .toSorted();

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
  appendFileSync(
    join(root, 'phases', 'phase-2', 'hooks', 'late.ndjson'),
    `${JSON.stringify({ kind: 'notify', time: '2025-10-25T17:30:00Z', message: 'task 1.1: one more check passed' })}\n`,
  );
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
  const linked = Number(/(\d+) unchanged \(linked\)/.exec(again.output)?.[1]);
  expect(linked).toBeGreaterThan(0);

  expect(files(again)).toEqual(files(fresh));
  const differing = files(fresh).filter((file) => !readFileSync(join(again.outDir, file)).equals(readFileSync(join(fresh.outDir, file))));
  expect(differing).toEqual([]);
}, 180_000);

test('a task file removed: its page and folder are gone from the next build; files the team put there are kept, and said', () => {
  const root = join(mkdtempSync(join(tmpdir(), 'cairn-removed-')), 'content');
  cpSync('test/fixtures/packages/minimal', root, { recursive: true });
  const first = buildSite({ content: root });
  expect(first.status, first.output).toBe(0);
  const page = join(first.outDir, 'phase-1', 'tasks', 'task-1.2-tests', 'index.html');
  expect(existsSync(page)).toBe(true);

  rmSync(join(root, 'phases', 'phase-1', 'task-1.2-tests.md'));
  // Files a team puts into its published site (a custom domain, a verification page, notes) are not Cairn's to remove.
  writeFileSync(join(first.outDir, 'CNAME'), 'status.example.org');
  writeFileSync(join(first.outDir, '.nojekyll'), '');
  writeFileSync(join(first.outDir, 'phase-1', 'notes.txt'), 'by hand');
  const again = buildSite({ content: root, outDir: first.outDir });
  expect(again.status, again.output).toBe(0);
  expect(again.output).toMatch(/kept 3 files Cairn did not write in \S+: \.nojekyll, CNAME, phase-1\/notes\.txt\n/);
  expect(existsSync(page)).toBe(false);
  expect(existsSync(join(first.outDir, 'phase-1', 'tasks', 'task-1.2-tests'))).toBe(false);
  expect(readFileSync(join(first.outDir, 'phase-1', 'notes.txt'), 'utf8')).toBe('by hand');
  expect(readFileSync(join(first.outDir, 'CNAME'), 'utf8')).toBe('status.example.org');
  expect(existsSync(join(first.outDir, 'phase-1', 'tasks', 'task-1.1-setup', 'index.html'))).toBe(true);
  const fresh = buildSite({ content: root });
  expect(fresh.status, fresh.output).toBe(0);
  expect(files(again).filter((file) => !['CNAME', '.nojekyll', 'phase-1/notes.txt'].includes(file))).toEqual(files(fresh));
}, 120_000);

/** Every file under `dir` with its bytes, dot files included. */
const snapshotOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'base64')]),
  );

// The output on a nearly full disk (a 4 MB tmpfs: mounting one needs root, as CI runs; elsewhere there is no disk to fill).
test.runIf(process.getuid?.() === 0)(
  'a rebuild that fills the disk leaves the previous site whole, says so, and the next build after space is freed publishes the new one',
  () => {
    const parent = mkdtempSync(join(tmpdir(), 'cairn-full-'));
    const disk = join(parent, 'disk');
    mkdirSync(disk);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]).status !== 0) return;
    try {
      const root = join(parent, 'content');
      cpSync('test/fixtures/packages/minimal', root, { recursive: true });
      const outDir = join(disk, 'site');
      const first = buildSite({ content: root, outDir });
      expect(first.status, first.output).toBe(0);
      const published = snapshotOf(outDir);

      // Twelve new task files, and the disk filled up to its last few kilobytes.
      for (let index = 3; index <= 14; index += 1)
        writeFileSync(
          join(root, 'phases', 'phase-1', `task-1.${index}-step.md`),
          `# Task 1.${index}: Step ${index}\n\n**Agent Type:** coder\n**Duration:** 1 day\n**Dependencies:** Task 1.1\n**Status:** Pending\n`,
        );
      const filler = join(disk, 'filler');
      try {
        for (;;) appendFileSync(filler, Buffer.alloc(16 * 1024));
      } catch {
        // ENOSPC: full
      }
      const full = buildSite({ content: root, outDir });
      expect(full.status).toBe(1);
      expect(full.output).toMatch(
        /error The disk that holds \S+ is full, so the site could not be written beside \S+site\. Free some space and build again\.\n {2}The previous site in \S+site was left as it was\./,
      );
      expect(full.output).not.toMatch(/\n\s+at |bug in Cairn/);
      expect(snapshotOf(outDir)).toEqual(published);
      expect(readdirSync(disk).toSorted()).toEqual(['filler', 'site']);

      rmSync(filler);
      const freed = buildSite({ content: root, outDir });
      expect(freed.status, freed.output).toBe(0);
      expect(freed.statusJson().phases[0]!.tasks).toHaveLength(14);
      for (let index = 3; index <= 14; index += 1) expect(existsSync(join(outDir, 'phase-1', 'tasks', `task-1.${index}-step`, 'index.html'))).toBe(true);
      expect(readdirSync(disk)).toEqual(['site']);
    } finally {
      spawnSync('umount', [disk]);
    }
  },
  240_000,
);
