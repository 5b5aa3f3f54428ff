import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadContent } from '../../../src/core/pipeline/load-content.ts';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { AS_OF, fixturePath } from '../fixtures.ts';

/** A copy of the minimal package, and a secret file outside it. */
function setUp() {
  const base = mkdtempSync(join(tmpdir(), 'cairn-links-'));
  const root = join(base, 'content');
  cpSync(fixturePath('packages/minimal'), root, { recursive: true });
  const outside = join(base, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'id_rsa'), 'PRIVATE');
  writeFileSync(join(outside, 'task-1.9-leak.md'), '# Task 1.9: Leak\n\n**Agent Type:** x\n**Duration:** 1 day\n');
  const [phase] = loadContent(root, AS_OF).phases;
  return { root, outside, phaseDir: join(root, 'phases', phase!.id) };
}

test('a task file linked from outside the content root is refused with an error naming it', () => {
  const { root, outside, phaseDir } = setUp();
  symlinkSync(join(outside, 'task-1.9-leak.md'), join(phaseDir, 'task-1.9-leak.md'));
  const { issues, phases } = loadContent(root, AS_OF);
  expect(
    issues
      .filter((issue) => issue.severity === 'error')
      .map(formatIssue)
      .join('\n'),
  ).toContain('task-1.9-leak.md:1:1 error');
  expect(issues.map((issue) => issue.message).join('\n')).toContain('is a symbolic link to a place outside the content root');
  expect(phases[0]?.tasks.map((task) => task.id)).not.toContain('1.9');
});

test('a hook log linked from outside is not read, and shows as a skipped source', () => {
  const { root, outside, phaseDir } = setUp();
  mkdirSync(join(phaseDir, 'hooks'), { recursive: true });
  symlinkSync(join(outside, 'id_rsa'), join(phaseDir, 'hooks', 'keys.json'));
  const { phases } = loadContent(root, AS_OF);
  const source = phases[0]?.dataQuality.sources.find((candidate) => candidate.path.endsWith('keys.json'));
  expect(source).toMatchObject({ records: 1, imported: 0, skipped: 1, skippedReasons: { 'link out of the content root': 1 } });
});

test('a link that stays inside the content root is followed', () => {
  const { root, phaseDir } = setUp();
  mkdirSync(join(root, 'shared'));
  writeFileSync(join(root, 'shared', 'task-1.8-linked.md'), '# Task 1.8: Linked\n\n**Agent Type:** coder\n**Duration:** 1 day\n');
  symlinkSync(join(root, 'shared', 'task-1.8-linked.md'), join(phaseDir, 'task-1.8-linked.md'));
  const { issues, phases } = loadContent(root, AS_OF);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  expect(phases[0]?.tasks.map((task) => task.id)).toContain('1.8');
});
