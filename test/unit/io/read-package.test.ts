import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { contentRoot, listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { fixturePath } from '../fixtures.ts';

describe('readPackage', () => {
  test('finds the overview, task files in name order, and both metrics files', () => {
    const files = readPackage(fixturePath('packages/minimal/phases/phase-1'), 'phase-1');
    expect(files).toMatchObject({
      phaseId: 'phase-1',
      dir: 'test/fixtures/packages/minimal/phases/phase-1',
      overview: { path: 'test/fixtures/packages/minimal/phases/phase-1/README.md' },
      baseline: { path: 'test/fixtures/packages/minimal/phases/phase-1/baseline-metrics.json' },
      final: { path: 'test/fixtures/packages/minimal/phases/phase-1/final-metrics.json' },
    });
    expect(files.tasks.map((task) => task.slug)).toEqual(['task-1.1-setup', 'task-1.2-tests']);
  });

  test('optional files that are missing are null', () => {
    const files = readPackage(fixturePath('packages/cycle/phases/phase-7'), 'phase-7');
    expect([files.baseline, files.final]).toEqual([null, null]);
    expect(files.tasks).toHaveLength(3);
  });
});

test('files that cannot be read as files are listed with why, never opened: pipes, folder links, links in a circle or to nothing', () => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-odd-files-'));
  try {
    const dir = join(root, 'phases', 'phase-1');
    mkdirSync(join(dir, 'archive'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), '# Phase 1\n');
    writeFileSync(join(dir, 'task-1.1.md'), '# Task 1.1: Setup\n\n**Agent:** coder\n**Estimate:** 1 day\n');
    execFileSync('mkfifo', [join(dir, 'task-1.2.md')]);
    symlinkSync('archive', join(dir, 'task-1.3.md'));
    symlinkSync('task-1.5.md', join(dir, 'task-1.4.md'));
    symlinkSync('task-1.4.md', join(dir, 'task-1.5.md'));
    symlinkSync('task-9.9.md', join(dir, 'task-1.6.md'));
    const files = readPackage(dir, 'phase-1', root);
    const shown = displayPath(dir);
    expect(files.tasks.map((task) => task.slug)).toEqual(['task-1.1']);
    expect(files.problems).toEqual([]);
    expect(files.otherFiles).toEqual([
      { path: `${shown}/task-1.2.md`, reason: 'not read: not a regular file' },
      { path: `${shown}/task-1.3.md`, reason: 'not read: a link to a folder' },
      { path: `${shown}/task-1.4.md`, reason: 'not read: a symbolic link that leads in a circle' },
      { path: `${shown}/task-1.5.md`, reason: 'not read: a symbolic link that leads in a circle' },
      { path: `${shown}/task-1.6.md`, reason: 'not read: a symbolic link to nothing' },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

describe('listPackageDirs', () => {
  test('lists every phase folder under phases/, each read by readPackage', () => {
    const root = fixturePath('packages/real-world');
    const { dirs, issues } = listPackageDirs(root);
    expect(issues).toEqual([]);
    const packages = dirs.map(({ dir, phaseId, part }) => readPackage(dir, phaseId, root, part));
    expect(packages.map((p) => [p.phaseId, p.tasks.length])).toEqual([['phase-7', 4]]);
  });

  test.each([
    ['a root that does not exist', 'packages/nope', 'The content folder test/fixtures/packages/nope does not exist.'],
    [
      'a root without phases/',
      'tasks',
      "The content folder has no phases/ folder, and is not a folder of task lists Cairn reads (Spec Kit's specs/, Kiro's .kiro/specs/, Taskmaster's .taskmaster/, a Backlog.md board, BMAD's stories, ccpm's .claude/epics/, a board of status folders, claude-flow's .claude-flow/tasks/store.json, Claude Code's task lists).",
    ],
  ])('%s is an error', (_case, name, message) => {
    const { dirs, issues } = listPackageDirs(fixturePath(name));
    expect(dirs).toEqual([]);
    expect(issues.map((issue) => [issue.severity, issue.message])).toEqual([['error', message]]);
  });
});

describe('contentRoot and displayPath', () => {
  test.each([
    [{}, join(process.cwd(), 'content')],
    [{ CAIRN_CONTENT: '' }, join(process.cwd(), 'content')],
    [{ CAIRN_CONTENT: 'test/fixtures/packages/minimal' }, join(process.cwd(), 'test/fixtures/packages/minimal')],
  ])('CAIRN_CONTENT %j → %s', (env, expected) => {
    expect(contentRoot(env)).toBe(expected);
  });

  test('paths are shown relative to the working directory', () => {
    expect(displayPath(join(process.cwd(), 'content', 'phases'))).toBe('content/phases');
    expect(displayPath(process.cwd())).toBe('.');
  });
});

test('a task file far past any limit (600 MB, sparse) is an error naming it, never read into a string', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-huge-'));
  writeFileSync(join(dir, 'README.md'), '# Phase 1: Huge\n');
  writeFileSync(join(dir, 'task-1.1-huge.md'), '');
  truncateSync(join(dir, 'task-1.1-huge.md'), 600_000_000);
  const files = readPackage(dir, 'phase-1');
  expect(files.problems?.map((issue) => [issue.severity, issue.message])).toEqual([
    ['error', 'The file is 600.0 MB; Cairn reads task, overview and metrics files of at most 8 MB, so it was not read.'],
  ]);
  expect(files.tasks.map((task) => task.text)).toEqual(['']);
});

describe('a folder pinned to a format ("formats" in cairn.config.json)', () => {
  const feature = resolve('test/fixtures/formats/spec-kit-route-log/specs/001-phase1-route-console');
  test('without a pin the first reader whose format the folder is reads it', () => {
    expect(readPackage(feature, 'f', feature).taskList?.format).toBe('spec-kit');
  });
  test('pinned to its own format: read by it', () => {
    expect(readPackage(feature, 'f', feature, undefined, { [resolve('test/fixtures/formats/spec-kit-route-log/specs/**')]: 'spec-kit' }).taskList?.format).toBe(
      'spec-kit',
    );
  });
  test('pinned to another list format: an error at the folder naming the pin, every file listed, nothing guessed', () => {
    const glob = resolve('test/fixtures/formats/spec-kit-route-log/specs/*');
    const files = readPackage(feature, 'f', feature, undefined, { [glob]: 'kiro' });
    expect(files.taskList ?? null).toBeNull();
    expect(files.tasks).toEqual([]);
    expect(files.problems?.map((problem) => [problem.severity, problem.message])).toEqual([
      ['error', `"formats" in cairn.config.json reads this folder as kiro ("${glob}"), but it is not a folder of that format, so no task was read.`],
    ]);
    expect(
      files.otherFiles?.some((other) => other.path.endsWith('/tasks.md') && other.reason === 'not read: the folder is pinned to kiro, which does not read it'),
    ).toBe(true);
  });
  test('pinned to free-form task files: its Markdown files are task candidates, tasks.md among them', () => {
    const files = readPackage(feature, 'f', feature, undefined, { [resolve('test/fixtures/formats/spec-kit-route-log/specs/**')]: 'task-files' });
    expect(files.taskList ?? null).toBeNull();
    expect(files.tasks.map((task) => task.slug)).toContain('tasks');
  });
  test('a folder no glob matches is read as without pins', () => {
    expect(readPackage(feature, 'f', feature, undefined, { [resolve('elsewhere/**')]: 'kiro' }).taskList?.format).toBe('spec-kit');
  });
});
