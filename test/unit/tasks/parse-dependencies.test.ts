import { describe, expect, test } from 'vitest';
import { findTaskId, parseDependencies } from '../../../src/core/tasks/parse-dependencies.ts';

const dep = (raw: string, taskIds: string[] = [], external = false) => ({ raw, taskIds, external, line: null, column: null, links: [], missing: [] });

describe('parseDependencies', () => {
  test.each([
    ['Task 7.3 COMPLETE (code quality) ⚠️', [dep('Task 7.3 COMPLETE (code quality) ⚠️', ['7.3'])]],
    ['7.1, 7.2', [dep('7.1', ['7.1']), dep('7.2', ['7.2'])]],
    ['Tasks 7.1 and 7.2', [dep('Tasks 7.1', ['7.1']), dep('7.2', ['7.2'])]],
    ['Tasks 7.1 & 7.2', [dep('Tasks 7.1', ['7.1']), dep('7.2', ['7.2'])]],
    ['Task 7.1; Task 7.2', [dep('Task 7.1', ['7.1']), dep('Task 7.2', ['7.2'])]],
    ['task-7.2', [dep('task-7.2', ['7.2'])]],
    ['Task 7.10', [dep('Task 7.10', ['7.10'])]],
    ['t3', [dep('t3', ['T3'])]],
    ['Phase 6 complete ✅', [dep('Phase 6 complete ✅', [], true)]],
    ['7.1 and Phase 6 complete', [dep('7.1', ['7.1']), dep('Phase 6 complete', [], true)]],
    ['Task 7.1 (Phase 6)', [dep('Task 7.1 (Phase 6)', ['7.1'])]],
    ['Security review sign-off', [dep('Security review sign-off')]],
    ['v2.0.0 release branch', [dep('v2.0.0 release branch')]],
    ['None', []],
    ['None (can start immediately)', []],
    ['none', []],
    ['N/A', []],
    ['-', []],
    ['—', []],
    ['', []],
    // A range stands for every id between its ends, with their padding.
    ['P3-01 through P3-04', [dep('P3-01 through P3-04', ['P3-01', 'P3-02', 'P3-03', 'P3-04'])]],
    ['Tasks 7.1 to 7.3', [dep('Tasks 7.1 to 7.3', ['7.1', '7.2', '7.3'])]],
    ['Task 7.8 to Task 7.10', [dep('Task 7.8 to Task 7.10', ['7.8', '7.9', '7.10'])]],
    ['T1–T3 done', [dep('T1–T3 done', ['T1', 'T2', 'T3'])]],
    ['VC-009 - VC-011', [dep('VC-009 - VC-011', ['VC-009', 'VC-010', 'VC-011'])]],
    // Not ranges: two ends of different families, backwards, too wide, or two ids side by side.
    ['P3-01 through P4-02', [dep('P3-01 through P4-02', ['P3-01', 'P4-02'])]],
    ['7.4 to 7.2', [dep('7.4 to 7.2', ['7.4', '7.2'])]],
    ['TASK-1 through TASK-5000', [dep('TASK-1 through TASK-5000', ['TASK-1', 'TASK-5000'])]],
    ['7.1 then 7.3', [dep('7.1 then 7.3', ['7.1', '7.3'])]],
  ])('%j', (input, expected) => {
    expect(parseDependencies(input)).toEqual(expected);
  });

  test.each([
    [['7.3'], [dep('7.3', ['7.3'])]],
    [
      ['7.1', 'Phase 6'],
      [dep('7.1', ['7.1']), dep('Phase 6', [], true)],
    ],
    [[7.3], [dep('7.3', ['7.3'])]],
    [[], []],
    [null, []],
    [undefined, []],
  ])('array or nothing %j', (input, expected) => {
    expect(parseDependencies(input)).toEqual(expected);
  });
});

describe('findTaskId', () => {
  test.each([
    ['Task 7.1: Build Infrastructure', '7.1'],
    ['Task 7.4: Release Preparation (v2.0.0)', '7.4'],
    ['🚀 Task 4.3: API Gateway Hardening', '4.3'],
    ['task-7.2-config-system', '7.2'],
    ['task-10.12-foo', '10.12'],
    ['Task 7.1.2 subtask', '7.1.2'],
    ['T3 Frontend shell', 'T3'],
    ['Release Preparation (v2.0.0)', null],
    ['Coordinator Deliverables', null],
  ])('%j → %j', (text, id) => {
    expect(findTaskId(text)).toBe(id);
  });
});

describe('an id as found: "t3" upper-cased, other ids as written', () => {
  test.each([
    ['t3', 'T3'],
    ['T12', 'T12'],
    ['7.1', '7.1'],
  ])('%j → %j', (id, expected) => {
    expect(findTaskId(id)).toBe(expected);
    expect(parseDependencies(`after ${id}`).flatMap((dependency) => dependency.taskIds)).toEqual([expected]);
  });
});
