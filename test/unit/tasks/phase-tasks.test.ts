/**
 * What a phase makes of its files together: companion files attach to their task, tasks the overview's table names
 * without a file are tasks, numbering alone makes no subtask, and a number in a dependency's prose is a task only
 * when the phase has it.
 */
import { describe, expect, test } from 'vitest';
import { buildPhase } from '../../../src/core/model/build-phase.ts';
import type { PackageFiles } from '../../../src/core/schema/package-files.ts';
import { attachCompanions, isCompanion } from '../../../src/core/tasks/companions.ts';
import { AS_OF } from '../fixtures.ts';

const files = (tasks: { name: string; text: string }[], overview = '# Phase 1: Test\n'): PackageFiles => ({
  phaseId: 'phase-1',
  dir: 'phases/phase-1',
  overview: { path: 'phases/phase-1/README.md', text: overview },
  tasks: tasks.map(({ name, text }) => ({ path: `phases/phase-1/${name}.md`, slug: name, text })),
  hooks: [],
  baseline: null,
  final: null,
});
const build = (tasks: { name: string; text: string }[], overview?: string) => buildPhase(files(tasks, overview), { buildAsOf: AS_OF });
const taskOf = (result: ReturnType<typeof build>, id: string) => result.phase?.tasks.find((task) => task.id === id);

const spec = (id: number, title: string, status = '📋 Planned') =>
  `# TASK ${id}: ${title}\n\n**Priority:** HIGH\n**Effort:** 4 hours\n**Dependencies:** None\n**Status:** ${status}\n\n## Overview\n\nText.\n`;
const report = (id: number, title: string, date: string) =>
  `# TASK ${id}: ${title} - COMPLETE ✅\n\n**Status:** ✅ **IMPLEMENTED & VERIFIED**\n**Date Completed:** ${date}\n**Time Taken:** ~1 hour\n\n## Summary\n\nDone.\n`;

describe('companion files', () => {
  test.each([
    ['TASK-04-COMPLETION-REPORT', 'completion report', 'TASK-04'],
    ['task-6.2-completion-report', 'completion report', 'task-6.2'],
    ['412-analysis', 'analysis', '412'],
    ['task-3-handoff', 'hand-off', 'task-3'],
    ['task-3-course-correction-request', 'course-correction request', 'task-3'],
    ['updates/412/stream-a', 'update', '412'],
    ['task-7.5-testing-guide', 'guide', 'task-7.5'],
  ])('%s is a %s of %s', (slug, kind, stem) => {
    // Alone in its phase, it is listed as a companion of that kind whose task is missing.
    const { otherFiles } = attachCompanions([], [{ path: `phases/phase-1/${slug}.md`, slug, text: '' }], 'phase-1');
    const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
    expect(otherFiles.map((file) => file.reason)).toEqual([`not a task: ${article} ${kind}, and no task of this phase is named "${stem}"`]);
  });

  test.each(['task-7.9-lender-review', 'TASK-04-CONSENT-REQUEST', 'analysis-tools', '01_API_REFERENCE'])('%s is not a companion', (slug) => {
    expect(isCompanion(slug, [slug, 'task-7.9', 'TASK-04', 'tools', '01'])).toBe(false);
  });

  test('a completion report never becomes the task nor replaces it; it gives the status and date, marked as from the report', () => {
    const result = build([
      { name: 'TASK-04-CONSENT-REQUEST', text: spec(4, 'Consent Request Workflow') },
      { name: 'TASK-04-COMPLETION-REPORT', text: report(4, 'Consent Request Workflow', 'November 23, 2024') },
      { name: 'TASK-05-FILE-UPLOAD', text: spec(5, 'File Upload Support') },
    ]);
    expect(result.phase?.tasks.map((task) => [task.id, task.title, task.file.split('/').at(-1), task.status])).toEqual([
      ['4', 'Consent Request Workflow', 'TASK-04-CONSENT-REQUEST.md', 'complete'],
      ['5', 'File Upload Support', 'TASK-05-FILE-UPLOAD.md', 'pending'],
    ]);
    const four = taskOf(result, '4')!;
    expect(four.completedAt).toBe('2024-11-23T00:00:00.000Z');
    expect(four.statusEvidence).toMatchObject({
      path: 'phases/phase-1/TASK-04-COMPLETION-REPORT.md',
      summary: '"✅ IMPLEMENTED & VERIFIED" from the completion report (TASK-04-COMPLETION-REPORT.md:3)',
    });
    expect(result.phase?.dataQuality.otherFiles).toContainEqual({
      path: 'phases/phase-1/TASK-04-COMPLETION-REPORT.md',
      reason: 'not a task: the completion report of task 4, read for its status and dates',
    });
    expect(result.issues.map((issue) => issue.message)).toContain(
      'Task 4\'s file TASK-04-CONSENT-REQUEST.md says "📋 Planned"; its completion report says "✅ IMPLEMENTED & VERIFIED", so the task is shown as complete (from the completion report).',
    );
  });

  test('an analysis attaches to its task by name and changes nothing of it', () => {
    const result = build([
      { name: '412', text: '# Task 412: Asset Cache\n\n**Status:** open\n**Agent:** claude\n' },
      {
        name: '412-analysis',
        text: '# Issue #412 Analysis: Asset Cache\n\n**Status:** Ready to proceed\n\n### Stream A\n**Agent**: `general-purpose`\n**Estimated Duration**: 1-2 days\n',
      },
    ]);
    expect(result.phase?.tasks.map((task) => [task.id, task.agent, task.status, task.estimateDays])).toEqual([['412', 'claude', 'pending', null]]);
    expect(result.phase?.dataQuality.otherFiles.map((file) => file.reason)).toEqual(['not a task: the analysis of task 412']);
  });

  test('an update gives at most "in progress" and a start', () => {
    const result = build([
      { name: '418', text: '# Task 418: Reference Pages\n\n**Status:** open\n' },
      { name: 'updates/418/stream-a', text: '---\nissue: 418\nstarted: 2025-08-31T22:08:54Z\nstatus: completed\n---\n\n# Stream A: Job File Reference\n' },
    ]);
    expect(taskOf(result, '418')).toMatchObject({ status: 'in_progress', startedAt: '2025-08-31T22:08:54.000Z', completedAt: null });
  });

  test('a report about a part of the task ("task-8.12-action-7-completion-summary") attaches but does not close the task', () => {
    const result = build([
      { name: 'task-8.12-audit-corrections', text: '# Task 8.12: Audit Corrections\n\n**Status:** 🟢 In Progress\n' },
      { name: 'task-8.12-action-7-completion-summary', text: '# Task 8.12 - Action 7: Throttling Complete\n\n**Status:** ✅ **100% COMPLETE**\n' },
    ]);
    expect(result.phase?.tasks.map((task) => [task.id, task.status])).toEqual([['8.12', 'in_progress']]);
    expect(result.phase?.dataQuality.otherFiles.map((file) => file.reason)).toEqual(['not a task: a completion report about part of task 8.12']);
  });

  test('the overview table is checked against the status the report gave, naming the report', () => {
    const overview = ['# Phase 1: Core', '', '| # | Task | Status |', '|---|---|---|', '| 4 | Swaps | 📋 Planned |'].join('\n');
    const result = build(
      [
        { name: 'TASK-04-SWAP-REQUEST', text: '# TASK 4: Swaps\n\n## Objective\n\nText.\n' },
        { name: 'TASK-04-COMPLETION-REPORT', text: report(4, 'Swaps', 'November 23, 2024') },
      ],
      overview,
    );
    expect(result.issues.map((issue) => issue.message)).toContain(
      'The task table and task 4\'s file disagree: status "📋 Planned" here, "✅ IMPLEMENTED & VERIFIED" in TASK-04-COMPLETION-REPORT.md:3. The task file is used.',
    );
  });

  test('a companion of no task is listed, not read as a task', () => {
    const result = build([{ name: 'TASK-09-COMPLETION-REPORT', text: report(9, 'Gone', 'November 1, 2024') }]);
    expect(result.phase?.tasks).toEqual([]);
    expect(result.phase?.dataQuality.otherFiles.map((file) => file.path)).toEqual(['phases/phase-1/TASK-09-COMPLETION-REPORT.md']);
  });
});

describe('tasks named only in the overview table', () => {
  const overview = [
    '# Phase 1: Core',
    '',
    '| # | Task | Priority | Effort | Status | Dependencies |',
    '|---|------|----------|--------|--------|--------------|',
    '| 1 | [Registration](./TASK-01-REGISTRATION.md) | HIGH | 4h | ✅ Completed | None |',
    '| 2 | Audit Trail | HIGH | 3h | 📋 Planned | TASK 1 |',
    '| 3 | Exports | LOW | 2h | Planned | Task 2 |',
  ].join('\n');

  test('are tasks, from their row, marked as read from the overview; a row with a file is that one task, the file deciding', () => {
    const result = build([{ name: 'TASK-01-REGISTRATION', text: spec(1, 'Registration', 'In progress') }], overview);
    expect(result.phase?.tasks.map((task) => [task.id, task.title, task.file.split('/').at(-1), task.status, task.estimateDays, task.dependsOn])).toEqual([
      ['1', 'Registration', 'TASK-01-REGISTRATION.md', 'in_progress', 0.5, []],
      ['2', 'Audit Trail', 'README.md', 'pending', 0.375, ['1']],
      ['3', 'Exports', 'README.md', 'pending', 0.25, ['2']],
    ]);
    expect(taskOf(result, '2')?.statusEvidence.summary).toBe('"📋 Planned" in the task table of README.md (line 6); the task has no file of its own');
    const messages = result.issues.map((issue) => `${issue.line} ${issue.message}`);
    expect(messages).toContain('6 2 tasks 2, 3 have no task file and are read from the task table of README.md.');
    expect(messages.some((message) => message.startsWith('5 The task table and task 1\'s file disagree: status "✅ Completed" here'))).toBe(true);
  });

  test('a phase whose tasks exist only as rows has those tasks', () => {
    const result = build([], overview);
    expect(result.phase?.tasks.map((task) => task.id)).toEqual(['1', '2', '3']);
    expect(result.phase?.status).toBe('in_progress');
  });
});

describe('subtasks and dependencies between the files of a phase', () => {
  const story = (id: string, extra = '') => `# Story ${id}: Part ${id}\n\n**Status:** ${id === '4.3.1' ? 'In progress' : 'Draft'}\n${extra}`;

  test('numbering alone never makes a subtask: 4.3.1 does not drag 4.3 to in progress', () => {
    const result = build(['4.3', '4.3.1', '4.3.2'].map((id) => ({ name: `story-${id}`, text: story(id) })));
    expect(result.phase?.tasks.map((task) => [task.id, task.parentId, task.status])).toEqual([
      ['4.3', null, 'pending'],
      ['4.3.1', null, 'in_progress'],
      ['4.3.2', null, 'pending'],
    ]);
  });

  test('a parent the file names makes the subtask', () => {
    const result = build([
      { name: 'story-4.3', text: story('4.3') },
      { name: 'story-4.3.1', text: story('4.3.1', '**Parent:** Story 4.3\n') },
    ]);
    expect(taskOf(result, '4.3.1')?.parentId).toBe('4.3');
    expect(taskOf(result, '4.3')?.status).toBe('in_progress');
  });

  test('"Dependencies: Gemini 2.5 Pro API" is not story 2.5, unless the phase has a task 2.5', () => {
    const needs = { name: 'story-3.1', text: '# Story 3.1: Summaries\n\n**Status:** Draft\n**Dependencies:** Gemini 2.5 Pro API, Story 1.2\n' };
    const without = build([needs, { name: 'story-1.2', text: '# Story 1.2: Login\n\n**Status:** Done\n' }]);
    expect(taskOf(without, '3.1')?.dependsOn).toEqual(['1.2']);
    // Not left for the content root to look up in other phases (phase 2's 2.5) or to report as missing.
    expect(taskOf(without, '3.1')?.dependencies.flatMap((dependency) => dependency.taskIds)).toEqual(['1.2']);
    const withTask = build([needs, { name: 'story-2.5', text: '# Story 2.5: Gemini Client\n\n**Status:** Done\n' }]);
    expect(taskOf(withTask, '3.1')?.dependsOn).toEqual(['2.5']);
  });

  test('an unknown reference written as one is a warning, not an invented task', () => {
    const result = build([{ name: 'story-3.1', text: '# Story 3.1: Summaries\n\n**Status:** Draft\n**Dependencies:** Task 7.3\n' }]);
    expect(result.phase?.tasks.map((task) => task.id)).toEqual(['3.1']);
    expect(taskOf(result, '3.1')?.dependencies.flatMap((dependency) => dependency.taskIds)).toEqual(['7.3']);
  });
});

describe('ids of one phase with and without its prefix', () => {
  test('"001" beside "TASK-038": a dependency on TASK-001 is the task 001, and the reverse', () => {
    const result = build([
      { name: '001-setup', text: '# 001: Setup\n\n**Status:** Done\n**Agent:** coder\n' },
      { name: 'TASK-038-export', text: '# TASK-038: Export\n\n**Status:** Ready\n**Dependencies:** TASK-001\n' },
      { name: 'TASK-039-import', text: '# TASK-039: Import\n\n**Status:** Ready\n**Dependencies:** Task 038, Task 001\n' },
    ]);
    expect(result.phase?.tasks.map((task) => [task.id, task.dependsOn])).toEqual([
      ['001', []],
      ['TASK-038', ['001']],
      ['TASK-039', ['TASK-038', '001']],
    ]);
    expect(taskOf(result, 'TASK-038')?.dependencies.flatMap((dependency) => dependency.taskIds)).toEqual(['001']);
  });

  test('a table row "| 04 |" is the task of TASK-04-SWAP.md headed "TASK-04", not a second task; "1" and "001" stay two ids', () => {
    const overview = ['# Phase 1', '', '| # | Task | Status |', '|---|---|---|', '| 04 | Swaps | Planned |', '| 5 | Photos | Planned |'].join('\n');
    const result = build([{ name: 'TASK-04-SWAP', text: '# TASK-04: Swaps\n\n**Status:** Done\n' }], overview);
    expect(result.phase?.tasks.map((task) => task.id)).toEqual(['5', 'TASK-04']);
  });
});

test('idKey: the prefix does not matter, the digits do', async () => {
  const { idKey } = await import('../../../src/core/tasks/parse-dependencies.ts');
  expect([idKey('TASK-001'), idKey('001'), idKey('task-001'), idKey('1'), idKey('7.1'), idKey('VC-001')]).toEqual(['001', '001', '001', '1', '7.1', '001']);
});

test('idLookup: "001" finds TASK-001 and the reverse, never across prefixes, never when two could be meant', async () => {
  const { idLookup } = await import('../../../src/core/tasks/parse-dependencies.ts');
  const find = idLookup(['001', 'TASK-038', 'SEC-002', 'VC-003', 'OPS-003']);
  expect(['TASK-001', '038', 'task-038', 'VC-002', '002', '003', 'vc-003'].map(find)).toEqual([
    '001',
    'TASK-038',
    'TASK-038',
    undefined,
    'SEC-002',
    undefined,
    'VC-003',
  ]);
});

describe('an analysis alone may be the task itself', () => {
  test('"task-3-performance-analysis.md" with no other file for task 3 is task 3', () => {
    const result = build([{ name: 'task-3-performance-analysis', text: '# Task 3: Performance Analysis\n\n**Status:** In progress\n**Agent:** analyst\n' }]);
    expect(result.phase?.tasks.map((task) => [task.id, task.title, task.status])).toEqual([['3', 'Performance Analysis', 'in_progress']]);
  });

  test('a plan-wide analysis ("plan-analysis.md" beside "plan-phase-1.md") is not attached to the first phase file', async () => {
    const { isCompanion } = await import('../../../src/core/tasks/companions.ts');
    expect(isCompanion('plan-analysis', ['plan-analysis', 'plan-phase-1', 'plan-phase-2'])).toBe(false);
    expect(isCompanion('412-analysis', ['412-analysis', '412', '413'])).toBe(true);
    expect(isCompanion('TASK-09-COMPLETION-REPORT', ['TASK-09-COMPLETION-REPORT'])).toBe(true);
  });
});

describe('subtasks a task file nests as its sections', () => {
  const text = [
    '# Task 8.0: Data Corrections',
    '',
    '**Status:** ✅ COMPLETED',
    '**Owner:** Database Team',
    '',
    '## Sub-Task Breakdown',
    '',
    '### Sub-Task 8.0.1: Damage Assessment',
    '**Status:** ✅ COMPLETED',
    '**Duration:** 2 days',
    '**Owner:** Data Analyst',
    '',
    '#### Success Criteria',
    '- [x] Counted',
    '',
    '### Sub-Task 8.0.2: Table Split',
    '**Status:** 🔄 In Progress',
    '**Duration:** 3 days',
    '',
    '## Notes',
    '',
    '- 8.0.3 may follow',
  ].join('\n');

  test('"### Sub-Task 8.0.1: Title" with its own status lines is a subtask of 8.0; a number in a list is not', () => {
    const result = build([{ name: 'task-8.0-data-corrections', text }]);
    expect(result.phase?.tasks.map((task) => [task.id, task.title, task.parentId, task.agent, task.estimateDays, task.status])).toEqual([
      ['8.0', 'Data Corrections', null, 'Database Team', null, 'in_progress'],
      ['8.0.1', 'Damage Assessment', '8.0', 'Data Analyst', 2, 'complete'],
      ['8.0.2', 'Table Split', '8.0', null, 3, 'in_progress'],
    ]);
    expect(taskOf(result, '8.0.2')?.statusEvidence.summary).toBe('"🔄 In Progress" in its section of the task file (line 16)');
  });

  test('a heading that writes the words escaped or emphasized ("Sub\\-Task", "**Sub**task") is a subtask heading too', () => {
    const written = text
      .replace('### Sub-Task 8.0.1', '### Sub\\-Task 8.0.1')
      .replace('### Sub-Task 8.0.2', '### **Sub**task 8.0.2')
      .replace('## Sub-Task Breakdown', '## Breakdown');
    expect(written).not.toMatch(/sub-task/i);
    const result = build([{ name: 'task-8.0-data-corrections', text: written }]);
    expect(result.phase?.tasks.map((task) => [task.id, task.parentId])).toEqual([
      ['8.0', null],
      ['8.0.1', '8.0'],
      ['8.0.2', '8.0'],
    ]);
  });

  test('a subtask with a file of its own is that file', () => {
    const result = build([
      { name: 'task-8.0-data-corrections', text },
      { name: 'task-8.0.2-table-split', text: '# Task 8.0.2: Table Split (file)\n\n**Status:** Done\n' },
    ]);
    expect(result.phase?.tasks.map((task) => [task.id, task.title])).toEqual([
      ['8.0', 'Data Corrections'],
      ['8.0.1', 'Damage Assessment'],
      ['8.0.2', 'Table Split (file)'],
    ]);
  });
});
