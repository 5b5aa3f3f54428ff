/** BMAD stories: file names, the sprint-status.yaml map, its statuses over the story files', and the status words. */
import { describe, expect, test } from 'vitest';
import { applySprintStatus, isStoryFileName, opensStory, readSprintStatus } from '../../../src/core/formats/bmad.ts';
import { parseTaskFile } from '../../../src/core/tasks/parse-task.ts';
import { parseStatusMeaning } from '../../../src/core/tasks/parse-status.ts';
import { listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';

describe('status words', () => {
  test.each([
    ['Draft', 'pending'],
    ['drafted', 'pending'],
    ['Approved', 'pending'],
    ['backlog', 'pending'],
    ['ready-for-dev', 'pending'],
    ['Ready for Review', 'in_progress'],
    ['review', 'in_progress'],
    ['InProgress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['in-progress', 'in_progress'],
    ['Done', 'complete'],
    ['done', 'complete'],
    ['Blocked', 'blocked'],
  ])('%s is %s', (word, meaning) => {
    expect(parseStatusMeaning(word)).toBe(meaning);
  });
});

test.each([
  ['1.3.story.md', true],
  ['1.3.some-title.md', true],
  ['1-2-account-mgmt.md', true],
  ['epic-1.md', false],
  ['prd.md', false],
  ['1.3.story.txt', false],
])('%s is a story file name: %s', (name, story) => {
  expect(isStoryFileName(name)).toBe(story);
});

const sprint = [
  '# project: notes',
  'project: notes',
  'development_status:',
  '  # Epic 1: Basics',
  '  epic-1: in-progress',
  '  1-1-user-auth: done',
  '  1-2-account-mgmt: ready-for-dev',
  "  1-10-export: 'review'   # waiting",
  '  epic-1-retrospective: optional',
  '',
  'other: 1',
  '  2-1-not-read: done',
].join('\n');

test('sprint-status.yaml: stories, epics and retrospectives at their lines, until the map ends', () => {
  expect(readSprintStatus(sprint)).toEqual({
    project: 'notes',
    entries: [
      { key: 'epic-1', status: 'in-progress', line: 5, kind: 'epic', storyId: null },
      { key: '1-1-user-auth', status: 'done', line: 6, kind: 'story', storyId: '1.1' },
      { key: '1-2-account-mgmt', status: 'ready-for-dev', line: 7, kind: 'story', storyId: '1.2' },
      { key: '1-10-export', status: 'review', line: 8, kind: 'story', storyId: '1.10' },
      { key: 'epic-1-retrospective', status: 'optional', line: 9, kind: 'retrospective', storyId: null },
    ],
  });
  expect(readSprintStatus('project: x\nstories: []\n')).toBeNull();
  expect(applySprintStatus([], { path: 's.yaml', text: 'development_status:\n  3-2-expiry-dates: done\n' }, 'x').tasks[0]?.title).toBe('Expiry dates');
});

const story = (name: string, text: string) => parseTaskFile({ text, path: `docs/stories/${name}`, slug: name.replace(/\.md$/, ''), phaseId: 'stories' }).task!;

test('a v4 story: id and title from "# Story 1.3: …", status under "## Status", checkboxes as its checklist, prose no dependency', () => {
  const task = story(
    '1.3.story.md',
    '# Story 1.3: Export Notes\n\n## Status\nDone\n\n## Story\n**As a** user, **I want** export, **so that** I keep a copy.\n\n## Tasks / Subtasks\n- [x] Task 1: Write the exporter (AC: 1)\n  - [x] Subtask\n- [ ] Task 2: Tests (AC: 2)\n\n## Dev Notes\nStory 1.2 must be complete before this one.\n',
  );
  expect([task.id, task.title, task.status, task.statusText, task.dependsOn, task.parentId]).toEqual(['1.3', 'Export Notes', 'complete', 'Done', [], null]);
  expect(task.deliverables.map((item) => item.checked)).toEqual([true, false]);
});

test('a story of a decimal epic ("# Story 4.6.1: …") is read by its own heading, not by a numbered heading further down ("#### 7.1 …")', () => {
  const task = story(
    '4-6-1-gap-review.md',
    '# Story 4.6.1: Gap Review\n\nStatus: Done\n\n## Tasks / Subtasks\n- [x] 7.1 Review the matrix\n\n## Dev Agent Record\n\n#### 7.1 Matrix Review\nThe matrix is whole.\n',
  );
  expect([task.id, task.title, task.status, task.statusText]).toEqual(['4.6.1', 'Gap Review', 'complete', 'Done']);
});

test('sprint-status.yaml: with an "epic-3-5" key, "3-5-2-…" is story 2 of epic 3.5 (3.5.2), while "3-5-help" stays story 3.5', () => {
  const text = [
    'development_status:',
    '  epic-3: done',
    '  3-5-help-overlay: done',
    '  epic-3-5: in-progress',
    '  3-5-2-shelf-sync: review',
    '  epic-3-5-retrospective: optional',
    '  4-5-2-no-epic-key: done',
  ].join('\n');
  expect(readSprintStatus(text)!.entries.map((entry) => [entry.key, entry.kind, entry.storyId])).toEqual([
    ['epic-3', 'epic', null],
    ['3-5-help-overlay', 'story', '3.5'],
    ['epic-3-5', 'epic', null],
    ['3-5-2-shelf-sync', 'story', '3.5.2'],
    ['epic-3-5-retrospective', 'retrospective', null],
    ['4-5-2-no-epic-key', 'story', '4.5'],
  ]);
  const alone = applySprintStatus([], { path: 's.yaml', text }, 'x');
  expect(alone.tasks.map((task) => [task.id, task.title])).toEqual([
    ['3.5', 'Help overlay'],
    ['3.5.2', 'Shelf sync'],
    ['4.5', '2 no epic key'],
  ]);
});

test.each([
  ['10-1-key-check.md', '# Story 10-1: Key Check\n\nStatus: ready-for-dev\n', '10.1', 'Key Check'],
  [
    '7-1-video-session.md',
    '# Story 7-1-video-session: Video Session\n\n## Story Overview\n- **Story ID:** 7-1-video-session\n\n## Tasks\n\n### Task 1.1: Start Recording\n\n### Status: REVIEW\n',
    '7.1',
    'Video Session',
  ],
  ['3-5-2-shelf-sync.md', '# Story 3-5-2: Shelf Sync\n\nStatus: done\n', '3.5.2', 'Shelf Sync'],
])('a story heading written with dashes (%s) names its story by the numbers, as its file name does', (name, text, id, title) => {
  const task = story(name, text);
  expect([task.id, task.title]).toEqual([id, title]);
});

test('a report named like a story file (1-2-validation-report.md) is a document, and the phase counts only the files that open a story', () => {
  const root = 'test/fixtures/formats/bmad-kiln-ledger/docs/sprint-artifacts';
  const [dir] = listPackageDirs(root).dirs;
  const { phase } = buildPhase(readPackage(dir!.dir, dir!.phaseId, root), { buildAsOf: null });
  expect(phase!.dataQuality.otherFiles.find((other) => other.path.endsWith('validations/epic-1/1-2-validation-report.md'))?.reason).toBe(
    'not read: named like a story file, but it does not open "# Story N.M: …"',
  );
  expect(phase!.dataQuality.readers[0]!.reason).toContain('; 7 story files opening "# Story N.M: …"');
});

test.each([
  ['# Story 1.3: Export', true],
  ['# Story 10-1: Key Check', true],
  ['# Story 7-1-video-session: Video Session', true],
  ['# Story 3.5.2: Shelf Sync', true],
  ['# Validation Report', false],
  ['# Story time: notes', false],
])('%j opens a story: %s', (heading, opens) => {
  expect(opensStory(`${heading}\n\nStatus: done\n`)).toBe(opens);
});

describe('sprint statuses over the story files', () => {
  const file = { path: 'docs/sprint-artifacts/sprint-status.yaml', text: sprint };
  const tasks = [
    story('1-1-user-auth.md', '# Story 1.1: User Auth\n\nStatus: done\n'),
    story('1-2-account-mgmt.md', '# Story 1.2: Account Management\n\nStatus: drafted\n'),
    { ...story('1-10-export.md', '# Story 1.10: Export\n\nStatus: in-progress\n'), file: 'docs/sprint-artifacts/1-10-export.md' },
  ];
  const merged = applySprintStatus(tasks, file, 'sprint-artifacts');

  test('the sprint status is shown; agreeing words (drafted, ready-for-dev) give no warning, a disagreement one naming both', () => {
    expect(merged.tasks.map((task) => [task.id, task.status, task.statusText, task.statusEvidence.key])).toEqual([
      ['1.1', 'complete', 'done', 'line 6'],
      ['1.2', 'pending', 'ready-for-dev', 'line 7'],
      ['1.10', 'in_progress', 'review', 'line 8'],
    ]);
    expect(merged.issues).toEqual([]);
    const disagreeing = applySprintStatus([story('1-1-user-auth.md', '# Story 1.1: User Auth\n\nStatus: review\n')], file, 'x');
    expect(disagreeing.issues.map((issue) => `${issue.file}:${issue.line} ${issue.message}`)).toEqual([
      'docs/sprint-artifacts/sprint-status.yaml:6 Story 1.1 is "done" here and "review" in docs/stories/1-1-user-auth.md (line 3); the sprint status is shown, as the workflow updates it when a story moves.',
    ]);
  });

  test('a story with no file is a task at its sprint line, titled by its key; epics and retrospectives are not tasks', () => {
    const alone = applySprintStatus([], file, 'x');
    expect(alone.tasks.map((task) => [task.id, task.title, task.status, task.file, task.statusEvidence.key])).toEqual([
      ['1.1', 'User auth', 'complete', file.path, 'line 6'],
      ['1.2', 'Account mgmt', 'pending', file.path, 'line 7'],
      ['1.10', 'Export', 'in_progress', file.path, 'line 8'],
    ]);
    expect(alone.added).toHaveLength(3);
  });

  test('an unknown sprint status is a warning at its line, and pending', () => {
    const odd = applySprintStatus([], { path: 's.yaml', text: 'development_status:\n  2-1-x: archived\n' }, 'x');
    expect(odd.tasks.map((task) => task.status)).toEqual(['pending']);
    expect(odd.issues.map((issue) => [issue.line, issue.message])).toEqual([[2, 'Unknown status "archived" for story 2.1; it is shown as pending.']]);
  });
});
