/**
 * Claude Code's task lists, `<list-id>/<id>.json` one file per task: the reader (src/core/formats/claude-code-tasks.ts)
 * and the folders it finds (src/core/io/claude-task-layouts.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { claudeCodeTasks } from '../../../src/core/formats/claude-code-tasks.ts';
import { listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';

type Fields = { [key: string]: unknown };
const task = (id: string, fields: Fields = {}): Fields => ({
  id,
  subject: `Task ${id}`,
  description: `What ${id} does`,
  activeForm: `Doing ${id}`,
  status: 'pending',
  blocks: [],
  blockedBy: [],
  ...fields,
});
const file = (fields: Fields, name = `${String(fields.id)}.json`) => ({ path: `list/${name}`, text: JSON.stringify(fields, null, 2) });
const read = (...files: { path: string; text: string }[]) => claudeCodeTasks.read(files[0]!, 'list', undefined, files);

describe('a list of task files', () => {
  const result = read(
    file(task('1', { status: 'completed', blocks: ['2', '3'] })),
    file(task('2', { status: 'in_progress', blockedBy: ['1'], owner: 'researcher' })),
    file(task('3', { blockedBy: ['1'] })),
    file(task('10', { blockedBy: ['2', '3'] })),
  );
  const byId = Object.fromEntries(result.tasks.map(({ task: each }) => [each.id, each]));

  test('ids, subjects as titles, statuses, owners as agents, in id order (2 before 10)', () => {
    expect(result.tasks.map(({ task: each }) => [each.id, each.title, each.status, each.agent])).toEqual([
      ['1', 'Task 1', 'complete', null],
      ['2', 'Task 2', 'in_progress', 'researcher'],
      ['3', 'Task 3', 'pending', null],
      ['10', 'Task 10', 'pending', null],
    ]);
    expect(result.tasks.find(({ task: each }) => each.id === '2')!.content).toBe('What 2 does');
  });

  test('blockedBy and blocks give the same edges; nothing undated is dated', () => {
    expect([byId['2']!.dependsOn, byId['3']!.dependsOn, byId['10']!.dependsOn]).toEqual([['1'], ['1'], ['2', '3']]);
    expect(Object.values(byId).map((each) => [each.startedAt, each.completedAt, each.estimateDays])).toEqual(Array(4).fill([null, null, null]));
  });

  test('where the two sides agree there is no warning, and each task is located in its own file', () => {
    // 10 is blocked by 2 and 3, whose "blocks" do not name it: two warnings, at 2.json and 3.json.
    expect(result.issues.map((issue) => [issue.file, issue.line])).toEqual([
      ['list/2.json', 7],
      ['list/3.json', 7],
    ]);
    expect(byId['10']!.file).toBe('list/10.json');
    expect(byId['10']!.statusEvidence.key).toBe('line 2');
  });
});

describe('disagreements and odd files', () => {
  test('"blocks" alone: the edge is read, with a warning at the task whose blockedBy lacks it', () => {
    const result = read(file(task('4', { blocks: ['7'] })), file(task('7')));
    expect(result.tasks.find(({ task: each }) => each.id === '7')!.task.dependsOn).toEqual(['4']);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'list/7.json', severity: 'warning', line: 8 });
    expect(result.issues[0]!.message).toBe('Task 4 says it blocks 7, but 7\'s "blockedBy" does not name 4; 7 is read as depending on 4.');
  });

  test('an id no task has (a deleted task) is left out with a warning', () => {
    const result = read(file(task('1', { blockedBy: ['6'] })));
    expect(result.tasks[0]!.task.dependsOn).toEqual([]);
    expect(result.issues[0]!.message).toContain('6 (blockedBy)');
  });

  test('a number id, an id other than the file name, internal tasks, invalid JSON', () => {
    const result = read(file(task('1', { id: 1 }), '1.json'), file(task('3'), '2.json'), file(task('5', { metadata: { _internal: true } })), {
      path: 'list/9.json',
      text: '{\n  "id": "9",\n  "subject": "x",\n}',
    });
    expect(result.tasks.map(({ task: each }) => each.id)).toEqual(['1', '3']);
    const messages = result.issues.map((issue) => `${issue.severity} ${issue.file} ${issue.message}`);
    expect(messages.some((message) => message.startsWith("warning list/1.json The task's id is the number 1"))).toBe(true);
    expect(messages.some((message) => message.startsWith('warning list/2.json The file 2.json holds task 3'))).toBe(true);
    expect(messages.some((message) => message.startsWith('warning list/5.json Task 5 is marked internal'))).toBe(true);
    expect(messages.some((message) => message.startsWith('error list/9.json 9.json is not valid JSON'))).toBe(true);
  });

  test('the same id in two files: the first is kept, the second named', () => {
    const result = read(file(task('2'), '2.json'), file(task('2'), '3.json'));
    expect(result.tasks.map(({ task: each }) => each.file)).toEqual(['list/2.json']);
    expect(result.issues.map((issue) => `${issue.file} ${issue.message}`)).toEqual([
      'list/3.json The file 3.json holds task 2; it is read as 2.',
      'list/3.json Task 2 is also in list/2.json; this file is left out.',
    ]);
  });
});

describe('folders', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (folder: string, fields: Fields) => writeFileSync(join(folder, `${String(fields.id)}.json`), JSON.stringify(fields, null, 2));

  test('a copy of ~/.claude/tasks/: one phase per list, a session folder with no task named in a warning', () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-claude-code-'));
    for (const name of ['team-alpha', 'empty-session']) mkdirSync(join(dir, name));
    write(join(dir, 'team-alpha'), task('1'));
    writeFileSync(join(dir, 'team-alpha', '.lock'), '');
    writeFileSync(join(dir, 'empty-session', '.lock'), '');
    writeFileSync(join(dir, 'empty-session', '.highwatermark'), '2');
    const { dirs, issues } = listPackageDirs(dir);
    expect(dirs).toEqual([{ dir: join(dir, 'team-alpha'), phaseId: 'team-alpha' }]);
    expect(issues.map((issue) => [issue.severity, issue.message])).toEqual([
      ['warning', 'The folder empty-session holds no Claude Code task file, so it is not read as a phase.'],
    ]);
    const files = readPackage(join(dir, 'team-alpha'), 'team-alpha', dir);
    expect(files.taskList?.format).toBe('claude-code-tasks');
    expect(files.otherFiles?.map((other) => other.reason)).toEqual(["not read: Claude Code's lock file (empty; it keeps two sessions from writing at once)"]);
  });

  test('a project holding .claude/tasks/, and a list folder itself, are read the same way', () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-claude-code-'));
    const list = join(dir, '.claude', 'tasks', 'reef');
    mkdirSync(list, { recursive: true });
    write(list, task('1'));
    write(list, task('2', { blockedBy: ['1'], blocks: [] }));
    expect(listPackageDirs(dir).dirs).toEqual([{ dir: list, phaseId: 'reef' }]);
    expect(listPackageDirs(list).dirs).toEqual([{ dir: list, phaseId: 'reef' }]);
    const { phase, issues } = buildPhase(readPackage(list, 'reef', list), { buildAsOf: null });
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(phase!.tasks.map((each) => [each.id, each.dependsOn])).toEqual([
      ['1', []],
      ['2', ['1']],
    ]);
    expect(phase!.dataQuality.readers[0]!.files).toEqual([expect.stringMatching(/\/reef\/1\.json$/), expect.stringMatching(/\/reef\/2\.json$/)]);
  });

  test('JSON that is not a Claude Code task (a metrics file) does not make a folder a list', () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-claude-code-'));
    writeFileSync(join(dir, '1.json'), JSON.stringify({ id: '1', title: 'not a task', status: 'pending' }));
    expect(listPackageDirs(dir).dirs).toEqual([]);
  });
});
