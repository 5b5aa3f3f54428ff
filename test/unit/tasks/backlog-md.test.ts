/**
 * Task files as Backlog.md writes them (and any team that writes its frontmatter the same way): assignee and
 * dependency lists, ids such as task-12 and TASK-195.1 in one board, parent_task_id, custom statuses, dates that are
 * not starts. Errors that matter stay errors.
 */
import { describe, expect, test } from 'vitest';
import { parseTaskFile } from '../../../src/core/tasks/parse-task.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';
import { backlogConfig, backlogFileRole, backlogPageName } from '../../../src/core/formats/backlog-md.ts';
import type { PackageFiles } from '../../../src/core/schema/package-files.ts';

const task = (frontmatter: string, body = '\n## Description\n\nText.\n', name = 'task-1 - One') =>
  parseTaskFile({ text: `---\n${frontmatter}\n---\n${body}`, path: `backlog/tasks/${name}.md`, slug: name, phaseId: 'backlog', idPrefix: 'task' });

const errors = (parsed: ReturnType<typeof task>) => parsed.issues.filter((issue) => issue.severity === 'error');

describe('assignee', () => {
  test('an empty list is unassigned: no error, and no warning that none is named', () => {
    const parsed = task('id: task-1\ntitle: One\nstatus: To Do\nassignee: []');
    expect(parsed.issues.filter((issue) => /agent|assignee/i.test(issue.message))).toEqual([]);
    expect(parsed.task?.agent).toBeNull();
  });

  test('a block list is its items', () => {
    expect(task("id: task-1\nstatus: Done\nassignee:\n  - '@claude'").task?.agent).toBe('@claude');
  });

  test('a flow list is its items joined', () => {
    expect(task('id: task-1\nstatus: Done\nassignee: [Ana, Ben]').task?.agent).toBe('Ana, Ben');
  });

  test('a map is still an error at its line', () => {
    const parsed = task('id: task-1\nstatus: Done\nassignee:\n  name: Ana');
    expect(errors(parsed).map((issue) => [issue.line, issue.message])).toEqual([[4, '"assignee" is a set of keys, not one value.']]);
  });

  test('a list where one text belongs (status) is still an error', () => {
    expect(errors(task('id: task-1\nstatus: [To Do, Done]')).map((issue) => issue.message)).toEqual(['"status" is a list, not one value.']);
  });
});

describe('dependencies', () => {
  test.each([
    ['flow', 'dependencies: [task-3, TASK-4.1]'],
    ['block', 'dependencies:\n  - task-3\n  - TASK-4.1'],
  ])('a %s list names its ids as written', (_, line) => {
    const parsed = task(`id: task-5\nstatus: To Do\n${line}`);
    expect(parsed.task?.dependsOn).toEqual(['task-3', 'TASK-4.1']);
    expect(errors(parsed)).toEqual([]);
  });

  test('an empty list names none', () => {
    expect(task('id: task-5\nstatus: To Do\ndependencies: []').task?.dependencies).toEqual([]);
  });

  test('a listed phase is no task', () => {
    expect(task('id: task-5\nstatus: To Do\ndependencies: [phase-6]').task?.dependencies.map(({ taskIds, external }) => ({ taskIds, external }))).toEqual([
      { taskIds: [], external: true },
    ]);
  });
});

describe('status, dates, labels', () => {
  test.each([
    ['To Do', 'pending', false],
    ['In Progress', 'in_progress', false],
    ['Done', 'complete', false],
    ['Completed', 'complete', false],
    ['Ready', 'pending', false],
    ['Wontfix', 'complete', true],
  ])('"%s" is %s (cancelled: %s)', (word, status, cancelled) => {
    const parsed = task(`id: task-1\nstatus: ${word}\nassignee: []`);
    expect(parsed.task).toMatchObject({ status, cancelled, statusText: word });
    expect(parsed.issues.filter((issue) => /status/i.test(issue.message))).toEqual([]);
  });

  test('created_date is when the task was written, not a start; completed_date is its completion', () => {
    const open = task('id: task-1\nstatus: To Do\ncreated_date: \'2025-08-15 06:06\'\nupdated_date: "2025-08-16"\nlabels:\n  - ui\n  - awaiting hardware test');
    expect(open.task).toMatchObject({ status: 'pending', startedAt: null, completedAt: null });
    expect(open).toMatchObject({
      created: '2025-08-15T06:06:00.000Z',
      updated: '2025-08-16T00:00:00.000Z',
      labels: ['ui', 'awaiting hardware test'],
      unreadKeys: [],
    });
    expect(task("id: task-1\nstatus: Done\ncompleted_date: '2025-10-22'").task?.completedAt).toBe('2025-10-22T00:00:00.000Z');
  });

  test('a YAML syntax error in the frontmatter is still an error at its line', () => {
    const parsed = task("id: task-1\nstatus: Done\nassignee: ['@claude'\ncreated_date: '2025-07-08'");
    expect(parsed.task).toBeNull();
    expect(errors(parsed)).toHaveLength(1);
    expect(errors(parsed)[0]!.line).toBeGreaterThanOrEqual(4);
  });
});

describe('ids', () => {
  test('frontmatter ids are kept as written, decimal subtasks included', () => {
    expect(task('id: task-42\nstatus: To Do').task?.id).toBe('task-42');
    expect(task('id: TASK-195.1\nstatus: To Do').task?.id).toBe('TASK-195.1');
    expect(task('id: task-100.11\nstatus: To Do').task?.id).toBe('task-100.11');
  });

  test('on a board, a file without frontmatter takes its id from its name, and its title from its heading', () => {
    const read = (name: string, text: string) =>
      parseTaskFile({ text, path: `backlog/tasks/${name}.md`, slug: name, phaseId: 'backlog', idPrefix: 'task' }).task;
    expect(read('task-110 - Support-edges', '# Task 110: Support Edges\n\n**Status:** Ready  \n')).toMatchObject({
      id: 'task-110',
      title: 'Support Edges',
      status: 'pending',
    });
    expect(read('task-152.9-plan-test-migration', '# Task 152.9: Plan\n\n**Parent**: task-152 (Split)\n**Status**: In Progress\n')).toMatchObject({
      id: 'task-152.9',
      title: 'Plan',
      status: 'in_progress',
    });
    expect(read('task-epic-11.95-Add-lambda', '# task-epic-11.95 - Add LAMBDA\n\n## Status\n- **Status**: `In Progress`\n')).toMatchObject({
      id: 'task-epic-11.95',
      title: 'Add LAMBDA',
      status: 'in_progress',
    });
  });

  test('an id never comes from a date in a file name', () => {
    const parsed = parseTaskFile({
      text: '# Notes\n\n**Status:** Done\n',
      path: 'backlog/tasks/task-2025-01-15 - notes.md',
      slug: 'task-2025-01-15 - notes',
      phaseId: 'backlog',
      idPrefix: 'task',
    });
    expect(['2025', 'task-2025', 'TASK-2025']).not.toContain(parsed.task?.id);
    const plain = parseTaskFile({ text: '# Notes\n\n**Status:** Done\n', path: 'p/task-2025-01-15-notes.md', slug: 'task-2025-01-15-notes', phaseId: 'p' });
    expect(plain.task?.id).toBe('task-2025-01-15-notes');
  });
});

describe('a board with ids in two cases', () => {
  const file = (name: string, frontmatter: string) => ({
    path: `backlog/tasks/${name}.md`,
    slug: name,
    text: `---\n${frontmatter}\n---\n\n## Description\n\nText.\n`,
  });
  const board: PackageFiles = {
    phaseId: 'backlog',
    dir: 'backlog',
    overview: null,
    tasks: [
      file('task-42 - Parent', 'id: task-42\ntitle: Parent\nstatus: In Progress\nassignee: []'),
      file('task-42.1 - Child', 'id: TASK-42.1\ntitle: Child\nstatus: Done\nassignee: []\nparent_task_id: TASK-42'),
      file('task-195 - Next', 'id: TASK-195\ntitle: Next\nstatus: To Do\nassignee: []\ndependencies: [task-42.1]\nparent_task_id: TASK-161'),
    ],
    layout: { format: 'backlog-md', label: 'Backlog.md board', reason: 'test', title: 'cellcheck', file: 'backlog/config.yml', idPrefix: 'task' },
    baseline: null,
    final: null,
    hooks: [],
  };
  const { phase, issues } = buildPhase(board, { buildAsOf: null });

  test('dependencies and parents are matched in any case and named by the task they find', () => {
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(phase!.tasks.map((task) => [task.id, task.parentId, task.dependsOn]).toSorted((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['TASK-195', null, ['TASK-42.1']],
      ['task-42', null, []],
      ['TASK-42.1', 'task-42', []],
    ]);
  });

  test('a parent not on the board is a warning, and the task stands on its own', () => {
    expect(issues.filter((issue) => issue.message.includes('TASK-161')).map((issue) => [issue.file, issue.line, issue.severity])).toEqual([
      ['backlog/tasks/task-195 - Next.md', 7, 'warning'],
    ]);
  });

  test('the board titles the phase, and no overview is asked for', () => {
    expect(phase!.title).toBe('cellcheck');
    expect(issues.some((issue) => issue.message.includes('has no overview'))).toBe(false);
    expect(phase!.dataQuality.readers).toEqual([{ format: 'backlog-md', label: 'Backlog.md board', files: ['backlog/config.yml'], reason: 'test' }]);
  });
});

describe('the board itself', () => {
  test("config.yml is Backlog.md's when it has project_name and statuses", () => {
    expect(backlogConfig('project_name: "kiosk"\nstatuses: ["To Do", "Done", "Wontfix"]\ntask_prefix: "task"\n')).toEqual({
      projectName: 'kiosk',
      statuses: ['To Do', 'Done', 'Wontfix'],
      taskPrefix: 'task',
    });
    expect(backlogConfig('project_name: kiosk\n')).toBeNull();
    expect(backlogConfig('name: kiosk\nstatuses: [a]\n')).toBeNull();
    expect(backlogConfig('project_name: [\n')).toBeNull();
  });

  test('tasks/ (nested) and completed/ are tasks; everything else says why it is not read', () => {
    expect(backlogFileRole('tasks/epics/epic-11/task-152 - Split.md')).toBe('task');
    expect(backlogFileRole('completed/task-1 - One.md')).toBe('task');
    expect(backlogFileRole('config.yml')).toBe('config');
    for (const rel of [
      'drafts/draft-3 - Idea.md',
      'archive/tasks/task-1 - Old.md',
      'docs/guide.md',
      'decisions/naming.md',
      'task-dependencies.yaml',
      'tasks/notes.txt',
    ]) {
      expect(backlogFileRole(rel), rel).toEqual({ reason: expect.stringMatching(/^not read: /) });
    }
  });

  test('a file name with what an address cannot hold still has a page', () => {
    expect(backlogPageName('task-54 - Fix-CI-after-authkit-2.3.1→2.4.0-upgrade')).toBe('task-54 - Fix-CI-after-authkit-2.3.1-2.4.0-upgrade');
  });
});
