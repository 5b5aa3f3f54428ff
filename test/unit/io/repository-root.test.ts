/**
 * A content root that is a whole repository (what a team points Cairn at first): the tool's folder inside it is
 * found and read as when it is named itself, never the repository taken for one free-form phase.
 */
import { expect, test } from 'vitest';
import { join } from 'node:path';
import { listPackageDirs } from '../../../src/core/io/read-package.ts';

test.each([
  ['backlog-md-formula-linter', 'backlog'],
  ['backlog-md-museum-kiosk', 'backlog'],
  ['bmad-pantry-shelf', '_bmad-output/implementation-artifacts'],
  ['bmad-tide-logbook', 'docs/stories'],
  ['ccpm-harbor-epics', '.claude/epics'],
  ['ccpm-local-runner', '.claude/epics'],
  ['status-folders-quay-tasks', 'tasks'],
])('the repository of %s is read as its %s', (name, folder) => {
  const repository = join('test/fixtures/formats', name);
  const found = listPackageDirs(repository);
  const named = listPackageDirs(join(repository, folder));
  expect(named.dirs.length).toBeGreaterThan(0);
  expect(found.dirs).toEqual(named.dirs);
  expect(found.issues.map((issue) => issue.message)).toEqual(named.issues.map((issue) => issue.message));
});
