import { describe, expect, test } from 'vitest';
import { buildPhase, newest, progressLabel } from '../../src/core/model/build-phase.ts';
import type { PackageFiles } from '../../src/core/schema/package-files.ts';
import { formatIssue } from '../../src/core/text/issues.ts';
import type { Task, TaskStatus } from '../../src/core/schema/model.ts';
import { AS_OF } from './fixtures.ts';
import { readText } from '../../src/core/hooks/cairn-ndjson.ts';
import { conflictText } from '../../src/core/report/report.ts';
import { defaultReading } from '../../src/core/config/reading.ts';
import { taskReaders } from '../../src/core/formats/readers.ts';
import { reportTask, standingOf } from './report-phase.ts';

/** A task file in bold-line style. */
const taskText = ({
  id,
  agent = 'coder',
  duration = '1 day',
  status = 'Ready',
  deps = 'None',
}: {
  id: string;
  agent?: string;
  duration?: string;
  status?: string;
  deps?: string;
}) =>
  [`# Task ${id}: Work ${id}`, '', `**Agent Type:** ${agent}`, `**Duration:** ${duration}`, `**Dependencies:** ${deps}`, `**Status:** ${status}`].join('\n');

const build = (input: PackageFiles) => buildPhase(input, { buildAsOf: AS_OF });

const files = (over: Partial<PackageFiles>): PackageFiles => ({
  phaseId: 'phase-1',
  dir: 'phases/phase-1',
  overview: { path: 'phases/phase-1/README.md', text: '# Phase 1: Test\n' },
  tasks: [],
  hooks: [],
  baseline: null,
  final: null,
  ...over,
});

const task = (id: string, text: string) => ({ path: `phases/phase-1/task-${id}.md`, slug: `task-${id}`, text });

describe("a phase's status, from its tasks'", () => {
  test.each([
    [[], 'pending'],
    [['pending', 'pending'], 'pending'],
    // The seed: three tasks ready, 7.4 waiting on 7.3. The phase can start, so it is not blocked.
    [['pending', 'pending', 'pending', 'blocked'], 'pending'],
    [['blocked', 'blocked'], 'blocked'],
    [['pending', 'in_progress'], 'in_progress'],
    [['complete', 'blocked'], 'in_progress'],
    [['complete', 'pending'], 'in_progress'],
    [['complete', 'complete'], 'complete'],
  ] as [TaskStatus[], TaskStatus][])('%j → %s', (statuses, expected) => {
    expect(standingOf(statuses.map((status, at) => reportTask({ id: String(at + 1), status }))).status).toBe(expected);
  });
});

describe("a phase's progress", () => {
  test.each([
    [[], 0],
    [
      [
        { status: 'complete', estimateDays: 1.2 },
        { status: 'pending', estimateDays: 2.4 },
        { status: 'in_progress', estimateDays: 2.4 },
      ],
      0.2,
    ],
    [
      [
        { status: 'complete', estimateDays: 1 },
        { status: 'complete', estimateDays: 3 },
      ],
      1,
    ],
    [
      [
        { status: 'complete', estimateDays: 0 },
        { status: 'pending', estimateDays: 0 },
        { status: 'pending', estimateDays: 0 },
      ],
      0.3333,
    ],
    // A missing estimate is not zero work: the share is of tasks.
    [
      [
        { status: 'complete', estimateDays: 4 },
        { status: 'pending', estimateDays: null },
      ],
      0.5,
    ],
    // Cancelled work is left out; a task made of subtasks counts through them, once.
    [
      [
        { id: '1', status: 'complete', estimateDays: 1 },
        { id: '2', status: 'complete', estimateDays: 5, cancelled: true },
        { id: '3', status: 'pending', estimateDays: 1 },
      ],
      0.5,
    ],
    [
      [
        { id: '8.11', status: 'pending', estimateDays: 20 },
        { id: '8.11.1', status: 'complete', estimateDays: 3, parentId: '8.11' },
        { id: '8.11.2', status: 'pending', estimateDays: 1, parentId: '8.11' },
      ],
      0.75,
    ],
  ] as [({ status: TaskStatus; estimateDays: number | null } & Partial<Task>)[], number][])('%j → %f', (tasks, expected) => {
    expect(standingOf(tasks.map((task, at) => reportTask({ id: String(at + 1), ...task }))).progress).toBe(expected);
  });
});

describe('newest', () => {
  test.each([
    [[], null],
    [['2025-10-23T08:00:00Z', '2025-10-26T17:30:00+02:00', 'not a date'], '2025-10-26T15:30:00.000Z'],
  ])('%j → %s', (timestamps, expected) => {
    expect(newest(timestamps)).toBe(expected);
  });
});

describe('buildPhase', () => {
  test('no overview: a warning, and the phase titled by its folder with its tasks', () => {
    const result = build(files({ phaseId: 'phase_1', overview: null, tasks: [task('1.1', taskText({ id: '1.1' }))] }));
    expect(result.phase).toMatchObject({ title: 'Phase 1', file: 'phases/phase-1', metrics: [] });
    expect(result.phase?.tasks.map((t) => t.id)).toEqual(['1.1']);
    expect(result.issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "phases/phase-1/README.md:1:1 warning The phase folder phases/phase-1 has no overview (README.md), so the folder name is its title and it has no metrics or success criteria.
        hint: Add a README.md with a "# Phase N: Title" heading, **Status:** and the success metrics table."
    `);
  });

  test('no task found: an error naming the files seen and the readers tried; with allowEmpty a warning and an empty phase', () => {
    const empty = files({});
    const { issues } = build(empty);
    expect(issues.map((issue) => `${issue.severity} ${issue.message}`)).toEqual([
      `error No task was found in phases/phase-1: Cairn saw one file (README.md) and tried every reader (${taskReaders.map((reader) => reader.label).join(', ')}); none found a task, so the phase would be shown with nothing to judge.`,
    ]);
    const allowed = buildPhase(empty, { buildAsOf: null, reading: { ...defaultReading, allowEmpty: true } });
    expect(allowed.issues.map((issue) => issue.severity)).toEqual(['warning']);
    expect(allowed.phase).toMatchObject({
      id: 'phase-1',
      title: 'Phase 1: Test',
      status: 'pending',
      progress: 0,
      tasks: [],
      criticalPath: { taskIds: [], days: 0, alternatives: [] },
    });
  });

  test('no task has an estimate: progress counts tasks and says so, and there is no critical path (not a 0-day chain)', () => {
    const { phase } = build(
      files({
        tasks: [task('1.1', '# Task 1.1: Plan\n\n**Status:** Done\n'), task('1.2', '# Task 1.2: Build\n\n**Status:** Pending\n**Dependencies:** Task 1.1\n')],
      }),
    );
    expect(phase).toMatchObject({ progress: 0.5, criticalPath: { taskIds: [], days: 0, alternatives: [], unestimated: 2 } });
    expect(progressLabel(phase!.tasks)).toBe('of tasks complete');
    const estimated = build(
      files({
        tasks: [
          task('1.1', '# Task 1.1: Plan\n\n**Status:** Done\n**Estimate:** 1 day\n'),
          task('1.2', '# Task 1.2: Build\n\n**Status:** Pending\n**Estimate:** 3 days\n**Dependencies:** Task 1.1\n'),
        ],
      }),
    ).phase!;
    expect(estimated).toMatchObject({ progress: 0.25, criticalPath: { taskIds: ['1.1', '1.2'], days: 4 } });
    expect(progressLabel(estimated.tasks)).toBe('of the estimated work complete');
  });

  test("files that are not tasks are named in the empty phase's error", () => {
    const { issues } = build(files({ tasks: [{ path: 'phases/phase-1/notes.md', slug: 'notes', text: '# Meeting notes\n\nWe talked.\n' }] }));
    expect(issues.find((issue) => issue.severity === 'error')?.message).toContain('Cairn saw 2 files (README.md, notes.md)');
  });

  test('a duplicate id: the file with less task metadata is left out, named in a warning and in data quality', () => {
    const { phase, issues } = build(
      files({ tasks: [task('1.1-a', '# Task 1.1: Notes\n\n**Status:** Done\n'), task('1.1-b', taskText({ id: '1.1', agent: 'tester' }))] }),
    );
    expect(phase?.tasks.map((t) => [t.id, t.agent, t.file])).toEqual([['1.1', 'tester', 'phases/phase-1/task-1.1-b.md']]);
    expect(phase?.dataQuality.otherFiles).toEqual([
      { path: 'phases/phase-1/task-1.1-a.md', reason: 'not read: its task id 1.1 is also used by phases/phase-1/task-1.1-b.md' },
    ]);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "phases/phase-1/task-1.1-a.md:1:1 warning Task id 1.1 is also used by phases/phase-1/task-1.1-b.md; this file is left out.
        hint: Give every task in a phase its own id."
    `);
  });

  test('tasks are sorted by id, and status, progress and critical path are derived', () => {
    const { phase, issues } = build(
      files({
        tasks: [
          task('1.10', taskText({ id: '1.10', duration: '2 days', deps: 'Task 1.2' })),
          task('1.2', taskText({ id: '1.2', duration: '6h', status: 'Done', deps: '1.1' })),
          task('1.1', taskText({ id: '1.1', duration: '1 day', status: 'In progress' })),
        ],
      }),
    );
    expect(issues).toEqual([]);
    expect(phase?.tasks.map((t) => [t.id, t.status, t.estimateDays, t.dependsOn])).toEqual([
      ['1.1', 'in_progress', 1, []],
      ['1.2', 'complete', 0.75, ['1.1']],
      ['1.10', 'pending', 2, ['1.2']],
    ]);
    expect(phase).toMatchObject({ status: 'in_progress', progress: 0.2, criticalPath: { taskIds: ['1.1', '1.2', '1.10'], days: 3.75, alternatives: [] } });
  });

  test('tasks without their own deliverables take the overview group for their id', () => {
    const overview = { path: 'phases/phase-1/README.md', text: '# Phase 1\n\n## Deliverables\n\n### Task 1.1 Deliverables\n\n- [x] Repo\n- [ ] CI\n' };
    const { phase } = build(files({ overview, tasks: [task('1.1', taskText({ id: '1.1' }))] }));
    expect(phase?.tasks[0]?.deliverables).toEqual([
      { text: 'Repo', checked: true },
      { text: 'CI', checked: false },
    ]);
  });

  test('secrets in authored files are redacted in the model and the bodies, and each file holding one is named in a warning', () => {
    // Fake secrets, assembled so that secret scanners do not flag this file.
    const token = 'ghp' + '_' + 'A'.repeat(36);
    const npm = 'npm' + '_' + 'B'.repeat(36);
    const text = `${taskText({ id: '1.1' })}\n**Priority:** High, GITHUB_TOKEN=${token}\n\n## Objectives\n\n- Rotate ${npm}\n\nUse password=hunter2 to log in.\n`;
    const { phase, bodies, issues } = build(
      files({
        tasks: [task('1.1', text)],
        baseline: {
          path: 'phases/phase-1/baseline-metrics.json',
          text: JSON.stringify({ deploy_password: 'hunter2', ci_note: `built with ${npm}`, clippy_warnings: 12 }),
        },
      }),
    );
    expect([phase?.tasks[0]?.priority, phase?.tasks[0]?.objectives]).toEqual(['High, GITHUB_TOKEN=[redacted: github-token]', ['Rotate [redacted: npm-token]']]);
    expect(bodies.get('1.1')).toContain('Use password=[redacted: password] to log in.');
    expect(phase?.metrics.map((metric) => [metric.key, metric.baseline?.raw])).toEqual([
      ['ci_note', 'built with [redacted: npm-token]'],
      ['clippy_warnings', 12],
      ['deploy_password', '[redacted: password]'],
    ]);
    expect(issues.filter((issue) => issue.message.includes('secret')).map(formatIssue)).toEqual([
      'phases/phase-1/baseline-metrics.json:1:21 warning This file holds 2 secrets (1 × npm-token, 1 × password); the site shows them redacted.\n  hint: Take the secret out of the file and rotate it: anyone who can read the content, or its history, can read it.',
      'phases/phase-1/task-1.1.md:7:34 warning This file holds 3 secrets (1 × github-token, 1 × npm-token, 1 × password); the site shows them redacted.\n  hint: Take the secret out of the file and rotate it: anyone who can read the content, or its history, can read it.',
    ]);
    expect(JSON.stringify({ phase, bodies: [...bodies], issues })).not.toMatch(/AAAAAAAAAAAA|BBBBBBBBBBBB|hunter2/);
  });

  test('asOf is the newest timestamp among the overview and both metrics files', () => {
    const { phase } = build(
      files({
        overview: { path: 'R.md', text: '# P\n\n**Created:** 2025-10-23T08:00:00Z\n' },
        baseline: { path: 'b.json', text: '{"timestamp": "2025-10-24T00:00:00Z"}' },
        final: { path: 'f.json', text: '{"measured_at": "2025-10-26T12:00:00Z", "clippy_warnings": 34}' },
      }),
    );
    expect(phase?.asOf).toBe('2025-10-26T12:00:00.000Z');
  });
});

describe('achieved values during the phase', () => {
  const overview = {
    path: 'phases/phase-1/README.md',
    text: '# Phase 1: Test\n\n## Success Metrics\n\n| Metric | Baseline | Target |\n|---|---|---|\n| Test Coverage | 40% | at least 80% |\n| Clippy Warnings | 34 | <20 |\n',
  };
  const log = (lines: object[]) => readText(lines.map((line) => JSON.stringify(line)).join('\n'), 'phases/phase-1/hooks/agents.ndjson');

  test('a memory value under <phase>/metrics/<key> is the achieved value, the newest one wins, and it says where it came from', () => {
    const hooks = [
      log([
        { kind: 'memory.set', time: '2025-10-24T10:00:00Z', memoryKey: 'phase1/metrics/test_coverage', message: '72%' },
        { kind: 'memory.set', time: '2025-10-25T09:00:00Z', memoryKey: 'phase1/metrics/test_coverage', message: '85%' },
        { kind: 'memory.set', time: '2025-10-25T09:05:00Z', memoryKey: 'phase1/metrics/clippy_warnings', message: '25' },
      ]),
    ];
    const { phase } = build(files({ overview, tasks: [task('1.1', taskText({ id: '1.1' }))], hooks }));
    expect(phase!.metrics.map(({ label, achieved, verdict, achievedFrom }) => [label, achieved?.raw, verdict, achievedFrom])).toEqual([
      [
        'Test Coverage',
        '85%',
        'met',
        { path: 'phases/phase-1/hooks/agents.ndjson', key: 'phase1/metrics/test_coverage', time: '2025-10-25T09:00:00.000Z', said: null },
      ],
      [
        'Clippy Warnings',
        '25',
        'missed',
        { path: 'phases/phase-1/hooks/agents.ndjson', key: 'phase1/metrics/clippy_warnings', time: '2025-10-25T09:05:00.000Z', said: null },
      ],
    ]);
  });

  test('a metrics file the phase updates while it runs gives achieved values too; the newest value of a key wins, whichever source', () => {
    const current = [
      { path: 'phases/phase-1/current-metrics.json', text: '{ "timestamp": "2025-10-25T08:00:00Z", "test_coverage": "81%", "clippy_warnings": 19 }' },
    ];
    const hooks = [log([{ kind: 'memory.set', time: '2025-10-25T09:00:00Z', memoryKey: 'phase1/metrics/test_coverage', message: '79%' }])];
    const { phase } = build(files({ overview, tasks: [task('1.1', taskText({ id: '1.1' }))], hooks, current }));
    expect(phase!.metrics.map(({ label, achieved, verdict, achievedFrom }) => [label, achieved?.raw, verdict, achievedFrom?.path])).toEqual([
      ['Test Coverage', '79%', 'missed', 'phases/phase-1/hooks/agents.ndjson'],
      ['Clippy Warnings', '19', 'met', 'phases/phase-1/current-metrics.json'],
    ]);
  });

  test('final-metrics.json, when there is one, is the achieved value', () => {
    const hooks = [log([{ kind: 'memory.set', time: '2025-10-25T09:00:00Z', memoryKey: 'phase1/metrics/test_coverage', message: '85%' }])];
    const final = { path: 'phases/phase-1/final-metrics.json', text: '{ "test_coverage": "78%" }' };
    const { phase } = build(files({ overview, tasks: [task('1.1', taskText({ id: '1.1' }))], hooks, final }));
    expect(phase!.metrics[0]).toMatchObject({
      achieved: { raw: '78%' },
      verdict: 'missed',
      achievedFrom: { path: 'phases/phase-1/final-metrics.json', key: null, time: null },
    });
  });
});

describe('one status per task, the newest evidence winning', () => {
  const log = (lines: object[]) => readText(lines.map((line) => JSON.stringify(line)).join('\n'), 'phases/phase-1/hooks/agents.ndjson');
  const hooks = [log([{ kind: 'task.start', time: '2025-10-24T09:00:00Z', task: '1.1' }])];

  test('a task file status dated after the logs wins, and the disagreement is kept with both sides', () => {
    const { phase } = build(
      files({ tasks: [task('1.1', taskText({ id: '1.1', status: '🚫 Blocked since 2025-10-25 12:00 (waiting on legal sign-off)' }))], hooks }),
    );
    const [only] = phase!.tasks;
    expect([only!.status, only!.statusEvidence.kind, only!.statusEvidence.time]).toEqual(['blocked', 'authored', '2025-10-25T12:00:00.000Z']);
    expect(only!.statusConflict).toMatchObject({ status: 'in_progress', kind: 'task.start', time: '2025-10-24T09:00:00.000Z' });
    expect(conflictText(only!)).toBe(
      'The sources disagree: the task file says blocked ("🚫 Blocked since 2025-10-25 12:00 (waiting on legal sign-off)" in the task file at 2025-10-25 12:00 UTC (phases/phase-1/task-1.1.md, line 6)), the hook logs say in progress (started at 2025-10-24 09:00 UTC (phases/phase-1/hooks/agents.ndjson, task.start)); the newer is shown.',
    );
  });

  test('an undated task file status that the logs overrule: the logs win, and the file is shown to disagree', () => {
    const { phase } = build(files({ tasks: [task('1.1', taskText({ id: '1.1', status: 'Blocked (waiting on legal sign-off)' }))], hooks }));
    expect([phase!.tasks[0]!.status, phase!.tasks[0]!.statusConflict?.kind]).toEqual(['in_progress', 'authored']);
  });
});
