/**
 * Boards with one folder per status: which folders are statuses, what makes a folder such a board, the role of each
 * file, and the one rule between a file's status and its folder (the file's own status decides, the folder where it
 * states none, a warning where they differ).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { folderStatus, opensWithTaskFrontmatter, statusFolderRole } from '../../../src/core/formats/status-folders.ts';
import { statusBoardOf } from '../../../src/core/io/status-folders-layout.ts';
import { listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';
import { parseTaskFile } from '../../../src/core/tasks/parse-task.ts';

test.each([
  ['backlog', 'pending'],
  ['pending', 'pending'],
  ['todo', 'pending'],
  ['to-do', 'pending'],
  ['active', 'in_progress'],
  ['in-progress', 'in_progress'],
  ['in_progress', 'in_progress'],
  ['doing', 'in_progress'],
  ['in_review', 'in_progress'],
  // GuardKit's folder of tasks whose design was approved before the work starts.
  ['design_approved', 'pending'],
  ['design-approved', 'pending'],
  ['completed', 'complete'],
  ['done', 'complete'],
  ['Done', 'complete'],
  ['blocked', 'blocked'],
  ['cancelled', 'cancelled'],
  ['canceled', 'cancelled'],
  ['obsolete', 'cancelled'],
  ['archive', 'off'],
  ['archived', 'off'],
  ['docs', null],
  ['2025-10', null],
  ['tasks', null],
])('the folder %s means %s', (name, meaning) => {
  expect(folderStatus(name)).toBe(meaning);
});

test.each([
  ['backlog/TASK-1-a.md', 'task'],
  ['completed/2025/10/TASK-2.md', 'task'],
  ['completed/TASK-030B/TASK-030B-guide.md', 'task'],
  ['archived/TASK-3.md', { reason: 'not read: archived (archived/ is off the board)' }],
  ['notes/plan.md', { reason: 'not read: notes/ is not a status folder of the board' }],
  ['README.md', { reason: "not read: not in a status folder (the board's tasks are the files of its status folders)" }],
  ['done/diagram.png', { reason: 'not read: not Markdown (a task of the board is one Markdown file)' }],
])('%s: %j', (rel, role) => {
  expect(statusFolderRole(rel)).toEqual(role);
});

test.each([
  ['---\nid: TASK-1\ntitle: A\n---\n# A\n', true],
  ['---\ntitle: A\nstatus: done\n---\n', true],
  ['\uFEFF---\r\nid: TASK-1\r\n---\r\n', true],
  // A report with bold Task ID and Status lines, or a title-only frontmatter, is not one of the board's task files.
  ['# TASK-030B Completion Report\n\n**Task ID**: TASK-030B\n**Status**: ✅ COMPLETED\n', false],
  ['---\ntitle: Notes\n---\n', false],
  ['# Notes\n---\nid: x\n', false],
])('%j opens with task frontmatter: %s', (text, opens) => {
  expect(opensWithTaskFrontmatter(text)).toBe(opens);
});

test('a GuardKit board of backlog/ and design_approved/ only is a board; "design_approved" in a file is pending, with no warning', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-design-approved-'));
  try {
    mkdirSync(join(temp, 'tasks', 'backlog'), { recursive: true });
    mkdirSync(join(temp, 'tasks', 'design_approved'));
    writeFileSync(join(temp, 'tasks', 'backlog', 'TASK-A01-001-scaffold.md'), '---\nid: TASK-A01-001\ntitle: Scaffold\nstatus: backlog\n---\n# Scaffold\n');
    writeFileSync(
      join(temp, 'tasks', 'design_approved', 'TASK-A01-002-endpoints.md'),
      '---\nid: TASK-A01-002\ntitle: Endpoints\nstatus: design_approved\n---\n# Endpoints\n',
    );
    const [dir] = listPackageDirs(temp).dirs;
    const { phase, issues } = buildPhase(readPackage(dir!.dir, dir!.phaseId, temp), { buildAsOf: null });
    expect(phase!.dataQuality.readers.map((reader) => reader.format)).toEqual(['status-folders']);
    expect(phase!.tasks.map((task) => [task.id, task.status, task.statusText])).toEqual([
      ['TASK-A01-001', 'pending', 'backlog'],
      ['TASK-A01-002', 'pending', 'design_approved'],
    ]);
    expect(issues.filter((issue) => /status/i.test(issue.message)).map((issue) => issue.message)).toEqual([]);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});

test('a status word the reader does not know ("review_complete" in in_review/) takes its folder\'s status, and the warning says so', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-folder-unknown-'));
  try {
    mkdirSync(join(temp, 'tasks', 'backlog'), { recursive: true });
    mkdirSync(join(temp, 'tasks', 'in_review'));
    writeFileSync(join(temp, 'tasks', 'backlog', 'TASK-1.md'), '---\nid: TASK-1\ntitle: One\nstatus: backlog\n---\n# One\n');
    writeFileSync(
      join(temp, 'tasks', 'in_review', 'TASK-REV-2.md'),
      '---\nid: TASK-REV-2\ntitle: Review the plan\nstatus: review_complete\n---\n# Review the plan\n',
    );
    const [dir] = listPackageDirs(temp).dirs;
    const { phase, issues } = buildPhase(readPackage(dir!.dir, dir!.phaseId, temp), { buildAsOf: null });
    const task = phase!.tasks.find((each) => each.id === 'TASK-REV-2')!;
    expect([task.status, task.statusText, task.statusEvidence.summary]).toEqual([
      'in_progress',
      'review_complete',
      '"review_complete" in the task file is no status word Cairn knows; its folder in_review/ says in progress',
    ]);
    expect(issues.filter((issue) => issue.file.endsWith('TASK-REV-2.md')).map((issue) => [issue.line, issue.message])).toEqual([
      [4, 'Unknown status "review_complete"; the task is shown as its folder in_review/ says: in progress.'],
    ]);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});

test("GuardKit's estimated_minutes is the task's estimate, in minutes", () => {
  const text = '---\nid: TASK-C002-004\ntitle: Tide table tool\nstatus: in_review\nestimated_minutes: 96\n---\n\n# Task: tide table tool\n';
  const parsed = parseTaskFile({ text, path: 'tasks/in_review/TASK-C002-004.md', slug: 'TASK-C002-004', phaseId: 'tasks', idPrefix: '' });
  expect([parsed.task?.estimateText, parsed.task?.estimateDays]).toEqual(['96', 0.2]);
  expect(parsed.unreadKeys).not.toContain('estimated_minutes');
});

describe('what makes a folder a board', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-status-folders-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(temp, path, '..'), { recursive: true });
    writeFileSync(join(temp, path), text);
  };
  write('board/todo/T-1.md', '---\nid: T-1\ntitle: One\n---\n# One\n');
  write('board/done/2025/11/T-2.md', '---\nid: T-2\ntitle: Two\nstatus: done\n---\n# Two\n');
  write('board/done/2025/11/T-3.md', '---\nid: T-3\ntitle: Three\nstatus: in progress\n---\n# Three\n');
  write('board/blocked/T-4.md', '---\nid: T-4\ntitle: Four\n---\n# Four\n');
  // Status folders of notes only, and one status folder alone, are no board: the folder names alone decide nothing.
  write('notes/todo/ideas.md', '# Ideas\n');
  write('notes/done/old.md', '# Old\n');
  write('single/done/T-9.md', '---\nid: T-9\n---\n');
  write('single/docs/a.md', '# A\n');
  // A board whose work is all done has only its done folder: git keeps no empty backlog/.
  write('finished/completed/T-5.md', '---\nid: T-5\ntitle: Five\n---\n# Five\n');
  write('finished/archive/T-0.md', '---\nid: T-0\ntitle: Zero\n---\n# Zero\n');
  write('finished/README.md', '# Finished board\n');
  // One done folder beside a task file of its own is a free-form phase that keeps finished tasks apart.
  write('mixed/completed/T-6.md', '---\nid: T-6\n---\n');
  write('mixed/task-7.md', '---\nid: T-7\n---\n');

  test('two status folders, one holding a file that opens with task frontmatter', () => {
    expect(statusBoardOf(join(temp, 'board'))).toEqual(['blocked', 'done', 'todo']);
    expect(statusBoardOf(join(temp, 'notes'))).toBeNull();
    expect(statusBoardOf(join(temp, 'single'))).toBeNull();
  });

  test('a done folder alone, with nothing beside it but an overview and an archive, is a board whose work is done', () => {
    expect(statusBoardOf(join(temp, 'finished'))).toEqual(['completed']);
    expect(statusBoardOf(join(temp, 'mixed'))).toBeNull();
    const { phase } = buildPhase(readPackage(join(temp, 'finished'), 'finished', temp), { buildAsOf: null });
    expect(phase!.tasks.map((task) => [task.id, task.status])).toEqual([['T-5', 'complete']]);
  });

  test('a file states its status, or its folder gives it (nested month folders too); a warning where they differ', () => {
    const root = join(temp, 'board');
    const [dir] = listPackageDirs(root).dirs;
    expect(dir?.phaseId).toBe('board');
    const { phase, issues } = buildPhase(readPackage(dir!.dir, dir!.phaseId, root), { buildAsOf: null });
    const shown = Object.fromEntries(phase!.tasks.map((task) => [task.id, [task.status, task.statusEvidence.summary]]));
    expect(shown).toEqual({
      'T-1': ['pending', 'no status in the task file; its folder todo/ says pending'],
      'T-2': ['complete', '"done" in the task file'],
      'T-3': ['in_progress', '"in progress" in the task file'],
      'T-4': ['blocked', 'no status in the task file; its folder blocked/ says blocked'],
    });
    const warnings = issues.filter((issue) => issue.message.includes(' sits in '));
    expect(warnings.map((issue) => [issue.file.split('/').slice(-4).join('/'), issue.line, issue.message])).toEqual([
      ['done/2025/11/T-3.md', 4, 'Task T-3 is "in progress" here and sits in done/ (complete); the file\'s own status is shown.'],
    ]);
  });
});

test('a phase folder under phases/ laid out as a board is read as one, its status folders and all', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cairn-status-phase-'));
  try {
    const phase = join(temp, 'phases', 'sprint-4');
    mkdirSync(join(phase, 'todo'), { recursive: true });
    mkdirSync(join(phase, 'done'), { recursive: true });
    writeFileSync(join(phase, 'README.md'), '# Sprint 4\n');
    writeFileSync(join(phase, 'todo', 'S4-2.md'), '---\nid: S4-2\ntitle: Second\n---\n# Second\n');
    writeFileSync(join(phase, 'done', 'S4-1.md'), '---\nid: S4-1\ntitle: First\n---\n# First\n');
    const [dir] = listPackageDirs(temp).dirs;
    const files = readPackage(dir!.dir, dir!.phaseId, temp);
    expect(files.layout?.format).toBe('status-folders');
    expect(files.otherFiles?.map((other) => other.reason)).toEqual([
      "not read: not in a status folder (the board's tasks are the files of its status folders)",
    ]);
    const { phase: built } = buildPhase(files, { buildAsOf: null });
    expect(built!.tasks.map((task) => [task.id, task.status])).toEqual([
      ['S4-1', 'complete'],
      ['S4-2', 'pending'],
    ]);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});

describe('the fixture board', () => {
  const base = 'test/fixtures/formats/status-folders-quay-tasks';
  const facts = JSON.parse(readFileSync(`${base}/facts.json`, 'utf8')) as { phases: { tasks: { id: string; file: string; estimateDays: number | null }[] }[] };
  const [dir] = listPackageDirs(`${base}/tasks`).dirs;
  const { phase, issues } = buildPhase(readPackage(dir!.dir, dir!.phaseId, `${base}/tasks`), { buildAsOf: null });

  test('estimates as the facts say: hours, minutes, "1 hour (of 3 hours total, …)"; an empty estimated_effort is none, with no warning', () => {
    const kept = facts.phases[0]!.tasks.filter((task) => task.file !== 'tasks/obsolete/TASK-004-drop-plan-fields-from-create.md');
    expect(Object.fromEntries(phase!.tasks.map((task) => [task.id, task.estimateDays]))).toEqual(
      Object.fromEntries(kept.map((task) => [task.id, task.estimateDays])),
    );
    expect(issues.filter((issue) => issue.message.startsWith('Cannot read the estimate'))).toEqual([]);
  });

  test('ids whole as written; a subtask that depends on its own parent is no cycle', () => {
    expect(phase!.tasks.map((task) => task.id)).toContain('TASK-030B-1.8');
    expect(phase!.tasks.map((task) => task.id)).toContain('TASK-006-REV');
    expect(phase!.tasks.find((task) => task.id === 'TASK-030B-1.9')!.dependsOn).toEqual(['TASK-030B-1.8']);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});
