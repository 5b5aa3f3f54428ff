import { describe, expect, test } from 'vitest';
import { findTaskId, normalizeTaskId, parseDependencies } from '../../../src/core/tasks/parse-dependencies.ts';

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
  ])('%j', (input, expected) => {
    expect(parseDependencies(input)).toEqual(expected);
  });

  test.each([
    [['7.3'], [dep('7.3', ['7.3'])]],
    [['7.1', 'Phase 6'], [dep('7.1', ['7.1']), dep('Phase 6', [], true)]],
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

describe('normalizeTaskId', () => {
  test.each([
    ['t3', 'T3'],
    ['T12', 'T12'],
    ['7.1', '7.1'],
  ])('%j → %j', (id, expected) => {
    expect(normalizeTaskId(id)).toBe(expected);
  });
});
