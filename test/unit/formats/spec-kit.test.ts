/** Spec Kit's dependency statements: edges only where a line pairs task ids; a phase's or a story's sentence names no task. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listPackageDirs } from '../../../src/core/io/read-package.ts';
import { specKitDependencyLines, taskListFormats } from '../../../src/core/formats/task-lists.ts';

const specKit = taskListFormats.find((format) => format.id === 'spec-kit')!;

/** The id and title the Spec Kit reader gives one task line, or null when it reads no task from it. */
function specKitItem(line: string): { id: string; title: string } | null {
  const task = specKit.read({ path: 'specs/x/tasks.md', text: `- [ ] ${line}\n` }, 'x').tasks[0]?.task;
  return task ? { id: task.id, title: task.title } : null;
}

const text = `# Tasks: Route log

- [x] T001 Create the layout
- [ ] T002 Add the parser
- [ ] T003 Add the menu

## Dependencies

- **Foundational (Phase 2)**: Depends on Setup - BLOCKS all user stories
- **User Story 2 (P2)**: Depends on US5 and US1
- T003 depends on T001-T002 complete
- T002 requires a running database

\`\`\`text
T003 depends on T002
\`\`\`
`;

describe('specKitDependencyLines', () => {
  const ids = new Set(['T001', 'T002', 'T003']);
  test('a line pairing task ids is an edge, ranges expanded', () => {
    expect(Object.fromEntries(specKitDependencyLines(text, ids).found)).toEqual({ T003: { on: ['T001', 'T002'], raw: 'depends on T001-T002 complete' } });
  });
  test('sentences of a phase or a story, and a task that depends on no task, are left unread by line; a fenced example is not a statement', () => {
    expect(specKitDependencyLines(text, ids).unread).toEqual([9, 10, 12]);
  });
});

// Shapes seen in real tasks.md files: the id in bold, alone or with its labels ("**T002 [P]**"), and lettered ids for
// tasks added between two (T009a), with story codes the file defines ([FN] foundational, [CR] cross-cutting).
const shapes = `# Tasks: Ferry timetable

## Phase 3.1: Setup

- [x] **T001** [P] Create the timetable table
- [x] **T002 [P]** Contract test for the stops list
- [ ] **T003** Add row rules (depends on T001-T002)
- [X] T004 [FN] Load the harbour list
- [X] T004a [P] [CR] Add the audit helper
- [ ] T004b [US1/2] Wire the audit helper into the list (depends on T004a)
- [ ] T005 [DEFERRED] Print the winter timetable
`;

describe('a task line read by the Spec Kit reader', () => {
  test('an id in bold, alone or with its labels, is the task id; the labels are not the title', () => {
    expect(specKitItem('**T001** [P] Create the timetable table')).toEqual({ id: 'T001', title: 'Create the timetable table' });
    expect(specKitItem('**T002 [P]** Contract test for the stops list')).toEqual({ id: 'T002', title: 'Contract test for the stops list' });
  });
  test('a lettered id is an id of its own; a story code the file defines is a label; a word in brackets stays in the title', () => {
    expect(specKitItem('T004a [P] [CR] Add the audit helper')).toEqual({ id: 'T004a', title: 'Add the audit helper' });
    expect(specKitItem('T004b [US1/2] Wire it')).toEqual({ id: 'T004b', title: 'Wire it' });
    expect(specKitItem('T005 [DEFERRED] Print')).toEqual({ id: 'T005', title: '[DEFERRED] Print' });
  });
  test('an id with a suffix of capitals is kept whole, as written, and the suffix is not the title', () => {
    expect(specKitItem('T036-MIN Basic error messages')).toEqual({ id: 'T036-MIN', title: 'Basic error messages' });
    expect(specKitItem('T038-MIN [P] Add the contract events')).toEqual({ id: 'T038-MIN', title: 'Add the contract events' });
    // A range is no suffix.
    expect(specKitItem('T001-T003 Create the tables')?.id).toBe('T001');
  });
  test('a line with no task id, or a word starting with T, is none', () => {
    expect(specKitItem('**Note** read T001 first')).toBeNull();
    expect(specKitItem('Tidy the list')).toBeNull();
    expect(specKitItem('T1x0 is no id')).toBeNull();
  });
});

describe('a tasks.md with bold and lettered ids', () => {
  const read = specKit.read({ path: 'specs/001-ferry/tasks.md', text: shapes }, '001-ferry');
  test('is detected as Spec Kit by its task lines', () => {
    expect(specKit.detect('tasks.md', shapes)).toContain('lists 7 tasks');
  });
  test('every task line is read, with its status, and no line is left unread', () => {
    expect(read.tasks.map(({ task }) => [task.id, task.status, task.title])).toEqual([
      ['T001', 'complete', 'Create the timetable table'],
      ['T002', 'complete', 'Contract test for the stops list'],
      ['T003', 'pending', 'Add row rules (depends on T001-T002)'],
      ['T004', 'complete', 'Load the harbour list'],
      ['T004a', 'complete', 'Add the audit helper'],
      ['T004b', 'pending', 'Wire the audit helper into the list (depends on T004a)'],
      ['T005', 'pending', '[DEFERRED] Print the winter timetable'],
    ]);
    expect(read.issues).toEqual([]);
  });
  test('dependencies are read from and to lettered ids', () => {
    expect(Object.fromEntries(read.tasks.map(({ task }) => [task.id, task.dependsOn]))).toEqual({
      T001: [],
      T002: [],
      T003: ['T001', 'T002'],
      T004: [],
      T004a: [],
      T004b: ['T004a'],
      T005: [],
    });
  });
});

describe('a specs/ folder whose feature has a tasks.md with no task line Cairn reads', () => {
  test('the warning names the tasks.md, not a folder "with no task list"; a folder with no tasks.md is named as one', () => {
    const root = mkdtempSync(join(tmpdir(), 'cairn-spec-kit-'));
    try {
      for (const name of ['001-ferry', '002-harbour', '003-notes']) mkdirSync(join(root, name));
      writeFileSync(join(root, '001-ferry', 'tasks.md'), '# Tasks: Ferry\n\n- [ ] T001 Create the table\n');
      writeFileSync(join(root, '002-harbour', 'tasks.md'), '# Tasks: Harbour\n\n- [ ] Task one: Create the table\n');
      writeFileSync(join(root, '003-notes', 'spec.md'), '# Notes\n');
      const { dirs, issues } = listPackageDirs(root);
      expect(dirs.map(({ phaseId }) => phaseId)).toEqual(['001-ferry']);
      expect(issues.map(({ file, message }) => [file.endsWith(join('002-harbour', 'tasks.md')) || file.endsWith('003-notes'), message])).toEqual([
        [true, 'No line of tasks.md is a task line Cairn reads, so the folder 002-harbour is not read as a phase.'],
        [true, 'The folder 003-notes holds no task list (tasks.md of Spec Kit or Kiro), so it is not read as a phase.'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a statement whose tasks are a range ("T035-T040 depend on T013")', () => {
  const list = `# Tasks: Berths

- [x] T001 Create the berth table
- [x] T002 Create the vessel table
- [ ] T003 Add the booking endpoint
- [ ] T004 Add the cancel endpoint
- [ ] T005 Add the list endpoint

## Dependencies

- T003-T005 depend on T001-T002 (tables first)
- T004 depends on T003
- T001-T002 depend on T002
`;
  const ids = new Set(['T001', 'T002', 'T003', 'T004', 'T005']);
  const { found, unread } = specKitDependencyLines(list, ids);
  test('each task of the range waits for what the statement names', () => {
    expect(Object.fromEntries([...found].map(([id, { on }]) => [id, on]))).toEqual({
      T001: ['T002'],
      T003: ['T001', 'T002'],
      T004: ['T001', 'T002', 'T003'],
      T005: ['T001', 'T002'],
    });
  });
  test('a range waiting only for one of its own tasks gives no edge to that task, and no line is left unread', () => {
    expect(found.get('T002')).toBeUndefined();
    expect(unread).toEqual([]);
  });
});
