/** Taskmaster's tasks.json: the reader (src/core/formats/taskmaster.ts) and the content-root layout that finds its tags. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { taskmaster } from '../../../src/core/formats/taskmaster.ts';
import { detectTaskList } from '../../../src/core/formats/task-lists.ts';
import { listPackageDirs, readPackage } from '../../../src/core/io/read-package.ts';
import { buildPhase } from '../../../src/core/model/build-phase.ts';

const read = (data: unknown, part?: string) =>
  taskmaster.read({ path: 'tm/tasks.json', text: typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n` }, 'phase', part);
/** The 1-based line of the first line of `text` that holds `needle`, searched from line `from`. */
const lineOf = (text: string, needle: string, from = 1) => text.split('\n').findIndex((line, index) => index + 1 >= from && line.includes(needle)) + 1;

describe('invalid JSON', () => {
  const text = '{\n  "tasks": [\n    { "id": 1, "title": "One", "status": "done", }\n  ]\n}\n';

  test('is an error at its line and column naming the file, and no task', () => {
    const result = read(text);
    expect(result.tasks).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'tm/tasks.json', line: 3, column: 50, severity: 'error' });
    expect(result.issues[0]!.message).toMatch(/^tasks\.json is not valid JSON: /);
  });

  test('is still taken as a Taskmaster list when it looks like one, so the error is shown', () => {
    expect(taskmaster.detect('tasks.json', text)).toContain('not valid JSON');
    expect(taskmaster.detect('tasks.json', '{ "name": "x", }')).toBeNull();
  });
});

describe('statuses', () => {
  const statuses = ['done', 'completed', 'pending', 'in-progress', 'review', 'deferred', 'cancelled', 'blocked', 'someday', 7];
  const data = { tasks: statuses.map((status, index) => ({ id: index + 1, title: `Task ${index + 1}`, status, dependencies: [] })) };
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const result = read(data);

  test("Taskmaster's words, with the word kept as the status text", () => {
    expect(result.tasks.map(({ task }) => [task.statusText, task.status, task.cancelled])).toEqual([
      ['done', 'complete', false],
      ['completed', 'complete', false],
      ['pending', 'pending', false],
      ['in-progress', 'in_progress', false],
      ['review', 'in_progress', false],
      ['deferred', 'pending', false],
      ['cancelled', 'complete', true],
      ['blocked', 'blocked', false],
      ['someday', 'pending', false],
      ['pending', 'pending', false],
    ]);
  });

  test("a word it does not know, or no word, is a warning at the line of the task's id, read as pending", () => {
    const someday = lineOf(text, '"id": 9');
    expect(result.issues.map((issue) => [issue.severity, issue.line, issue.message])).toEqual([
      ['warning', someday, 'Task 9 has the status "someday", which is no Taskmaster status; it is read as pending.'],
      ['warning', lineOf(text, '"id": 10'), 'Task 10 has the status 7, which is not a word; it is read as pending.'],
    ]);
    expect(result.tasks[8]!.task.statusEvidence).toMatchObject({ key: `line ${someday}`, path: 'tm/tasks.json' });
  });
});

describe('dependencies', () => {
  const data = {
    tasks: [
      { id: 1, title: 'One', status: 'done', dependencies: [] },
      { id: 2, title: 'Two', status: 'pending', dependencies: ['1', 12] },
      {
        id: 4,
        title: 'Four',
        status: 'pending',
        dependencies: [1, '2'],
        subtasks: [
          { id: 1, title: 'Sub one', status: 'done', dependencies: [], parentId: 'undefined' },
          { id: 2, title: 'Sub two', status: 'pending', dependencies: [1] },
          { id: 3, title: 'Sub three', status: 'pending', dependencies: [1, 2] },
          { id: 4, title: 'Sub four', status: 'pending', dependencies: ['4.1', '2', '1.1'] },
          { id: 5, title: 'Sub five', status: 'pending', dependencies: [9] },
        ],
      },
      { id: 5, title: 'Five', status: 'pending', dependencies: ['4.3'] },
    ],
  };
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const result = read(data);
  const byId = new Map(result.tasks.map(({ task }) => [task.id, task]));

  test('top-level tasks name task ids as numbers or strings; a subtask is <parent>.<sub> with its parent', () => {
    expect(result.tasks.map(({ task }) => [task.id, task.parentId])).toEqual([
      ['1', null],
      ['2', null],
      ['4', null],
      ['4.1', '4'],
      ['4.2', '4'],
      ['4.3', '4'],
      ['4.4', '4'],
      ['4.5', '4'],
      ['5', null],
    ]);
    expect(byId.get('4')!.dependsOn).toEqual(['1', '2']);
    expect(byId.get('5')!.dependsOn).toEqual(['4.3']);
  });

  test('a subtask names its siblings by number ([1, 2] in task 4 is 4.1 and 4.2), or any task by its dotted id', () => {
    expect(byId.get('4.2')!.dependsOn).toEqual(['4.1']);
    expect(byId.get('4.3')!.dependsOn).toEqual(['4.1', '4.2']);
    expect(byId.get('4.4')!.dependsOn).toEqual(['4.1', '4.2']);
  });

  test("an id that is no task of the list is a warning naming it at the task's line, and left out", () => {
    expect(byId.get('2')!.dependsOn).toEqual(['1']);
    expect(byId.get('4.5')!.dependsOn).toEqual([]);
    expect(byId.get('2')!.dependencies.flatMap((dependency) => dependency.taskIds)).toEqual(['1']);
    const warnings = result.issues.map((issue) => [issue.line, issue.message.split(';')[0]]);
    expect(warnings).toEqual([
      [lineOf(text, '"id": 2'), 'Task 2 depends on 12, which is no other task of this list'],
      [lineOf(text, '"id": 4', lineOf(text, '"Sub three"')), 'Task 4.4 depends on 1.1, which is no other task of this list'],
      [lineOf(text, '"id": 5', lineOf(text, '"Sub four"')), 'Task 4.5 depends on 9 (4.9), which is no other task of this list'],
    ]);
  });

  test('priority and the page, from description, details and test strategy', () => {
    const page = read({
      tasks: [
        {
          id: 1,
          title: 'One',
          description: 'What it does.',
          details: 'Use <b>bold</b> & *this*.',
          testStrategy: 'Run it.',
          priority: 'high',
          status: 'pending',
          complexity: 7,
        },
      ],
    });
    expect(page.tasks[0]!.task).toMatchObject({ priority: 'high', estimateDays: null, agent: null, metadataStyle: 'json-list' });
    expect(page.tasks[0]!.content).toBe('What it does.\n\n## Details\n\nUse <b>bold</b> & *this*.\n\n## Test strategy\n\nRun it.');
  });
});

describe('legacy and tagged files', () => {
  const legacy = { tasks: [{ id: 1, title: 'One', status: 'pending', dependencies: [] }], metadata: { projectName: 'Carousel' } };
  const tagged = {
    master: { tasks: [{ id: 1, title: 'Master one', status: 'done', dependencies: [] }], metadata: { description: 'Tasks for master context' } },
    'feature-x': {
      tasks: [
        { id: 1, title: 'Feature one', status: 'pending', dependencies: [] },
        { id: 2, title: 'Feature two', status: 'pending', dependencies: [1] },
      ],
      metadata: { description: 'Login by e-mail' },
    },
  };

  test('are told apart by their shape, and both by their content, never the name alone', () => {
    expect(taskmaster.detect('tasks.json', JSON.stringify(legacy))).toBe('tasks.json holds a "tasks" list of 1 task (Taskmaster\'s legacy, untagged file)');
    expect(taskmaster.detect('tasks.json', JSON.stringify(tagged))).toBe(
      'tasks.json holds Taskmaster tags master, feature-x, each with a "tasks" list (3 tasks in all)',
    );
    expect(taskmaster.detect('tasks.json', '{"master": {"name": "x"}}')).toBeNull();
    expect(taskmaster.detect('todo.json', JSON.stringify(legacy))).toBeNull();
    expect(detectTaskList('tasks.json', JSON.stringify(tagged))?.format.id).toBe('taskmaster');
  });

  test('a tag is read as its phase, titled by its metadata unless Taskmaster wrote the description itself', () => {
    expect(read(tagged, 'feature-x')).toMatchObject({ title: 'Login by e-mail', issues: [] });
    expect(read(tagged, 'feature-x').tasks.map(({ task }) => [task.id, task.title, task.dependsOn])).toEqual([
      ['1', 'Feature one', []],
      ['2', 'Feature two', ['1']],
    ]);
    expect(read(tagged, 'master').title).toBe('master');
    expect(read(legacy).title).toBe('Carousel');
  });

  test('without a tag, a tagged file is read as master, the other tags named in a warning', () => {
    const result = read(tagged);
    expect(result.tasks.map(({ task }) => task.title)).toEqual(['Master one']);
    expect(result.issues.map((issue) => [issue.severity, issue.line, issue.message])).toEqual([
      ['warning', 2, 'Only the tag "master" of this Taskmaster list is read here; its other tags (feature-x) are not.'],
    ]);
    expect(read(tagged, 'gone').issues[0]).toMatchObject({
      severity: 'error',
      message: 'The Taskmaster list has no tag "gone" (its tags: master, feature-x).',
    });
  });
});

describe('content roots', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, data: unknown) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n`);
  };

  test('.taskmaster/: a phase per tag, its other files listed with why they are not read', () => {
    root = mkdtempSync(join(tmpdir(), 'cairn-taskmaster-'));
    write('.taskmaster/tasks/tasks.json', {
      master: { tasks: [{ id: 1, title: 'A', status: 'done' }] },
      'feature-x': { tasks: [{ id: 1, title: 'B', status: 'pending' }] },
    });
    write('.taskmaster/state.json', { currentTag: 'feature-x' });
    write('.taskmaster/tasks/task_001.txt', '# Task ID: 1\n# Status: pending\n');
    const content = join(root, '.taskmaster');
    const { dirs, issues } = listPackageDirs(content);
    expect(issues).toEqual([]);
    expect(dirs).toEqual([
      { dir: content, phaseId: 'master', part: 'master' },
      { dir: content, phaseId: 'feature-x', part: 'feature-x' },
    ]);
    const files = readPackage(dirs[1]!.dir, dirs[1]!.phaseId, content, dirs[1]!.part);
    expect(files.taskList).toMatchObject({ format: 'taskmaster', part: 'feature-x' });
    expect(files.otherFiles!.map((file) => [file.path.split('.taskmaster/')[1], file.reason.split(' (')[0]])).toEqual([
      ['state.json', "not read: Taskmaster's state"],
      ['tasks/task_001.txt', "not read: Taskmaster's text copy of one task"],
    ]);
    const { phase } = buildPhase(files, { buildAsOf: null });
    expect(phase!.tasks.map((task) => [task.id, task.title, task.status])).toEqual([['1', 'B', 'pending']]);
  });

  test("a legacy project's tasks/tasks.json is one phase, master, of the tasks/ folder", () => {
    root = mkdtempSync(join(tmpdir(), 'cairn-taskmaster-'));
    write('tasks/tasks.json', { tasks: [{ id: 1, title: 'A', status: 'done' }] });
    write('package.json', '{}');
    expect(listPackageDirs(root)).toEqual({ dirs: [{ dir: join(root, 'tasks'), phaseId: 'master' }], issues: [] });
  });

  test('a tag that cannot be a phase name is an error at its line; the other tags are read', () => {
    root = mkdtempSync(join(tmpdir(), 'cairn-taskmaster-'));
    const text = `${JSON.stringify({ master: { tasks: [{ id: 1, title: 'A', status: 'done' }] }, 'feature/login': { tasks: [] }, search: { tasks: [] } }, null, 2)}\n`;
    write('.taskmaster/tasks/tasks.json', text);
    const { dirs, issues } = listPackageDirs(join(root, '.taskmaster'));
    expect(dirs.map((dir) => dir.phaseId)).toEqual(['master']);
    expect(issues.map((issue) => [issue.severity, issue.file.endsWith('.taskmaster/tasks/tasks.json'), issue.line])).toEqual([
      ['error', true, lineOf(text, '"feature/login"')],
      ['error', true, lineOf(text, '"search"')],
    ]);
    expect(issues[0]!.message).toMatch(/^The Taskmaster tag cannot be published as a phase: its name "feature\/login" has characters/);
  });

  test('a tasks.json that is not valid JSON is one phase whose error names the file, line and column', () => {
    root = mkdtempSync(join(tmpdir(), 'cairn-taskmaster-'));
    write('.taskmaster/tasks/tasks.json', '{\n  "master": {\n    "tasks": [\n      { "id": 1 "title": "A" }\n    ]\n  }\n}\n');
    const content = join(root, '.taskmaster');
    const { dirs } = listPackageDirs(content);
    expect(dirs).toEqual([{ dir: content, phaseId: 'master' }]);
    const { issues } = buildPhase(readPackage(dirs[0]!.dir, dirs[0]!.phaseId, content), { buildAsOf: null });
    const error = issues.find((issue) => issue.severity === 'error');
    expect(error).toMatchObject({ line: 4, column: 17 });
    expect(error!.file).toMatch(/\.taskmaster\/tasks\/tasks\.json$/);
  });
});
