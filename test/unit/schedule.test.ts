import { describe, expect, test } from 'vitest';
import { compareTaskIds, computeCriticalPath, findGraphProblems, scheduleGraph } from '../../src/core/model/schedule.ts';

/** A task as the schedule computes with it: what scheduleGraph makes of the model's tasks. */
type ScheduleTask = ReturnType<typeof scheduleGraph>[number];

const task = (id: string, estimateDays: number, dependsOn: string[] = []): ScheduleTask => ({ id, estimateDays, dependsOn });

/** The seed's Phase 7: three parallel tasks, 7.4 after 7.3. */
const phase7 = [task('7.1', 2.4), task('7.2', 2.4), task('7.3', 1.2), task('7.4', 1, ['7.3'])];

describe('compareTaskIds', () => {
  test.each([
    [
      ['7.10', '7.2', '7.1'],
      ['7.1', '7.2', '7.10'],
    ],
    [
      ['10.1', '9.3', '9.12'],
      ['9.3', '9.12', '10.1'],
    ],
    [
      ['7.1.2', '7.1', '7.1.10'],
      ['7.1', '7.1.2', '7.1.10'],
    ],
    [
      ['T10', 'T2', 'T1'],
      ['T1', 'T10', 'T2'],
    ],
  ])('%j sorts to %j', (ids, sorted) => {
    expect(ids.toSorted(compareTaskIds)).toEqual(sorted);
  });
});

describe('computeCriticalPath', () => {
  test.each([
    ['seed phase 7: ties go to the ids that sort first', phase7, { taskIds: ['7.1'], days: 2.4, alternatives: [['7.2']] }],
    ['a chain beats a longer single task', [task('1', 3), task('2', 2), task('3', 2, ['2'])], { taskIds: ['2', '3'], days: 4, alternatives: [] }],
    [
      'a diamond lists both branches',
      [task('a', 1), task('b', 2, ['a']), task('c', 2, ['a']), task('d', 1, ['b', 'c'])],
      { taskIds: ['a', 'b', 'd'], days: 4, alternatives: [['a', 'c', 'd']] },
    ],
    ['decimal estimates add up without float noise', [task('1.1', 0.1), task('1.2', 0.2, ['1.1'])], { taskIds: ['1.1', '1.2'], days: 0.3, alternatives: [] }],
    ['a task on an unknown id still counts from 0', [task('1.1', 2, ['9.9'])], { taskIds: ['1.1'], days: 2, alternatives: [] }],
    ['no tasks', [], { taskIds: [], days: 0, alternatives: [] }],
  ])('%s', (_name, tasks, expected) => {
    expect(computeCriticalPath(tasks)).toEqual(expected);
  });
});

describe('findGraphProblems', () => {
  test.each([
    ['seed phase 7 is clean', phase7, { unknown: [], cycles: [] }],
    ['unknown id', [...phase7.slice(0, 3), task('7.4', 1, ['7.3', '7.9'])], { unknown: [['7.4', '7.9']], cycles: [] }],
    ['two-task cycle, reported once', [task('7.1', 1, ['7.2']), task('7.2', 1, ['7.1']), task('7.3', 1)], { unknown: [], cycles: [['7.1', '7.2', '7.1']] }],
    ['self-dependency', [task('7.1', 1, ['7.1'])], { unknown: [], cycles: [['7.1', '7.1']] }],
    ['three-task cycle', [task('3', 1, ['1']), task('1', 1, ['2']), task('2', 1, ['3'])], { unknown: [], cycles: [['1', '2', '3', '1']] }],
  ])('%s', (_name, tasks, expected) => {
    expect(findGraphProblems(tasks)).toEqual(expected);
  });
});

describe('scheduleGraph: a subtask never waits for a task above it', () => {
  // A board's subtask that names its own parent as a dependency (TASK-030B-1 on TASK-030B), and its subtasks, which
  // inherit what their parent waits for: the parent is the end of its subtasks, so waiting for it would be a cycle.
  const tasks = [
    { id: 'A', estimateDays: 1, dependsOn: ['Z'], parentId: null },
    { id: 'A-1', estimateDays: 1, dependsOn: ['A'], parentId: 'A' },
    { id: 'A-1.8', estimateDays: 1, dependsOn: [], parentId: 'A-1' },
    { id: 'Z', estimateDays: 1, dependsOn: [], parentId: null },
  ];

  test('no cycle; what the top task waits for is still handed down', () => {
    const graph = scheduleGraph(tasks);
    expect(findGraphProblems(graph).cycles).toEqual([]);
    expect(graph.find((task) => task.id === 'A-1')!.dependsOn.toSorted()).toEqual(['A-1.8', 'Z']);
    expect(graph.find((task) => task.id === 'A-1.8')!.dependsOn).toEqual(['Z']);
    expect(graph.find((task) => task.id === 'A')!.dependsOn.toSorted()).toEqual(['A-1', 'Z']);
  });
});
