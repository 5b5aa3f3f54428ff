import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { contentRoot, readPackage, readPackages } from '../../../src/core/io/read-package.ts';
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

describe('readPackages', () => {
  test('reads every phase folder under phases/', () => {
    const { packages, issues } = readPackages(fixturePath('packages/real-world'));
    expect(issues).toEqual([]);
    expect(packages.map((p) => [p.phaseId, p.tasks.length])).toEqual([['phase-7', 4]]);
  });

  test.each([
    ['a root that does not exist', 'packages/nope', 'The content folder test/fixtures/packages/nope does not exist.'],
    ['a root without phases/', 'tasks', 'The content folder has no phases/ folder.'],
  ])('%s is an error', (_case, name, message) => {
    const { packages, issues } = readPackages(fixturePath(name));
    expect(packages).toEqual([]);
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
