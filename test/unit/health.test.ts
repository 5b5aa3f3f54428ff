import { describe, expect, test } from 'vitest';
import { judgeHealth } from '../../src/core/model/judge.ts';
import { buildCompletionReport } from '../../src/core/report/report.ts';
import { emptyActivity, type Task } from '../../src/core/schema/model.ts';
import { reportPhase, reportTask } from './report-phase.ts';

// The phase was created 2025-10-20 08:00 (reportPhase); the build's "now" is set per test.
const judged = (tasks: Task[], buildAsOf = '2025-10-21T08:00:00.000Z', extra = {}) => judgeHealth(reportPhase({ tasks, buildAsOf, ...extra }));
const healthOf = (phase: ReturnType<typeof judged>, id: string) => phase.tasks.find((task) => task.id === id)!.health;

describe('task health', () => {
  test('a task marked blocked on a dependency that is complete is flagged, here and as a high risk', () => {
    const tasks = [
      reportTask({ id: '1.1', status: 'complete' }),
      reportTask({ id: '1.2', status: 'blocked', dependsOn: ['1.1'], statusText: 'Blocked: waiting for task 1.1' }),
    ];
    const phase = judged(tasks);
    expect(healthOf(phase, '1.2')).toEqual({
      state: 'blocked',
      reason: 'Marked blocked ("blocked" in the task file), but everything it depends on is complete: check whether it can start.',
    });
    expect(
      buildCompletionReport(phase)
        .deviations.filter((deviation) => deviation.kind === 'blocked-task')
        .map((deviation) => deviation.severity),
    ).toEqual(['high']);
  });

  test('a normal wait on a dependency is waiting, and only a low risk', () => {
    const tasks = [
      reportTask({ id: '1.1', status: 'in_progress', startedAt: '2025-10-20T09:00:00.000Z', elapsedDays: 0.2 }),
      reportTask({ id: '1.2', status: 'blocked', dependsOn: ['1.1'] }),
      reportTask({ id: '1.3', dependsOn: ['1.1'] }),
    ];
    const phase = judged(tasks);
    expect(healthOf(phase, '1.3')).toEqual({ state: 'waiting', reason: 'Waits for task 1.1 (in progress).' });
    expect(
      buildCompletionReport(phase)
        .deviations.filter((deviation) => deviation.kind === 'blocked-task')
        .map((deviation) => deviation.severity),
    ).toEqual(['low']);
  });

  test('a pending task whose dependencies are done can start now, and is late once the plan had it started', () => {
    const tasks = [reportTask({ id: '1.1', status: 'complete' }), reportTask({ id: '1.2', dependsOn: ['1.1'] })];
    // Planned start of 1.2: one day (1.1's estimate) after the phase start, 2025-10-21 08:00.
    expect(healthOf(judged(tasks, '2025-10-21T10:00:00.000Z'), '1.2')!.state).toBe('ready');
    expect(healthOf(judged(tasks, '2025-10-22T10:00:00.000Z'), '1.2')).toEqual({
      state: 'late',
      reason: 'Not started, though the plan had it start 2025-10-21 08:00 UTC; everything it depends on is complete.',
    });
  });

  test.each([
    [0.5, 'on-track'],
    [0.85, 'at-risk'],
    [1.3, 'late'],
  ])('in progress, %d of its 1 day used: %s', (elapsedDays, state) => {
    expect(healthOf(judged([reportTask({ id: '1.1', status: 'in_progress', startedAt: '2025-10-20T08:00:00.000Z', elapsedDays })]), '1.1')!.state).toBe(state);
  });
});

describe('phase health and forecast', () => {
  test('done when every task is', () => {
    expect(judged([reportTask({ id: '1.1', status: 'complete' })]).health).toEqual({ state: 'done', reason: 'All 1 tasks are complete.' });
  });

  test('off track when a task on the critical path is late; the reason names it', () => {
    const tasks = [reportTask({ id: '1.1', status: 'in_progress', startedAt: '2025-10-20T08:00:00.000Z', elapsedDays: 2 })];
    const phase = judged(tasks, '2025-10-22T08:00:00.000Z', { criticalPath: { taskIds: ['1.1'], days: 1, alternatives: [], unestimated: 0 } });
    expect(phase.health).toEqual({ state: 'off-track', reason: 'Off track: 1.1 is late on the critical path: 2 days so far against an estimate of 1 day.' });
  });

  test('the forecast: the remaining chain from now, the far end at the pace of finished tasks, against the stated day', () => {
    const tasks = [
      reportTask({ id: '1.1', status: 'complete', estimateDays: 1, elapsedDays: 1.5 }),
      reportTask({ id: '1.2', status: 'in_progress', estimateDays: 2, elapsedDays: 0.5, dependsOn: ['1.1'] }),
      reportTask({ id: '1.3', estimateDays: 1, dependsOn: ['1.2'] }),
    ];
    const phase = judged(tasks, '2025-10-22T00:00:00.000Z', { statedEnd: '2025-10-23T00:00:00.000Z' });
    // 1.5 days left of 1.2, then 1.3's day: 2.5 days; finished work took 1.5× its estimate, so up to 3.75 days.
    expect(phase.forecast).toEqual({
      remainingDays: 2.5,
      pace: 1.5,
      earliest: '2025-10-24T12:00:00.000Z',
      latest: '2025-10-25T18:00:00.000Z',
      statedEnd: '2025-10-23T00:00:00.000Z',
      slipDays: 1.8,
    });
    expect(phase.health!.state).toBe('off-track');
    expect(phase.health!.reason).toContain('the forecast is 1.8 days late');
  });
});

describe('a phase nothing dates, or with nothing read', () => {
  test('undated: no Created or stated end, no task dates, no hook events: "Undated", no forecast, never "on track"', () => {
    const tasks = [reportTask({ id: '1.1', status: 'complete' }), reportTask({ id: '1.2' })];
    const phase = judged(tasks, '2025-10-21T08:00:00.000Z', { created: null, statedEnd: null });
    expect(phase.forecast).toBeNull();
    expect(phase.health).toEqual({
      state: 'undated',
      reason:
        'Undated: 1 of 2 tasks complete, nothing blocked; nothing in the files dates this phase (no Created or Estimated Completion date, no task dates, no hook events, no commits), so there is no forecast.',
    });
    // One date (a task's completion) is enough to judge it.
    const dated = judged(
      [reportTask({ id: '1.1', status: 'complete', completedAt: '2025-10-20T12:00:00.000Z' }), reportTask({ id: '1.2' })],
      '2025-10-21T08:00:00.000Z',
      { created: null, statedEnd: null },
    );
    expect(dated.health!.state).toBe('on-track');
    expect(dated.forecast).not.toBeNull();
  });

  test('a blocked task is said whether or not the phase is dated', () => {
    const phase = judged([reportTask({ id: '1.1', status: 'blocked', statusText: 'Blocked' })], '2025-10-21T08:00:00.000Z', { created: null, statedEnd: null });
    expect(phase.health!.state).toBe('at-risk');
  });

  test('no plan: dated, but no open task has an estimate and no end is stated: "No plan", no forecast, never "on track"', () => {
    const tasks = [reportTask({ id: '1.1', status: 'complete', estimateDays: null }), reportTask({ id: '1.2', estimateDays: null })];
    const phase = judged(tasks, '2025-10-21T08:00:00.000Z', { statedEnd: null });
    expect(phase.forecast).toBeNull();
    expect(phase.health).toEqual({
      state: 'unplanned',
      reason:
        'No plan: 1 of 2 tasks complete, nothing blocked; no open task has an estimate and no end date is stated, so nothing can be judged late or on time.',
    });
    // One estimate on open work is a plan to count from.
    expect(judged([tasks[0]!, reportTask({ id: '1.2', estimateDays: 2 })], '2025-10-20T10:00:00.000Z', { statedEnd: null }).health!.state).toBe('on-track');
  });

  test('a task with no estimate, or after one, has no planned start, so it is never late by the plan', () => {
    const tasks = [
      reportTask({ id: '1.1', status: 'complete', estimateDays: null }),
      reportTask({ id: '1.2', estimateDays: 1, dependsOn: ['1.1'] }),
      reportTask({ id: '1.3', estimateDays: 1 }),
      reportTask({ id: '1.4', estimateDays: null }),
    ];
    const phase = judged(tasks, '2025-10-23T08:00:00.000Z');
    // 1.3 was planned to start with the phase; 1.2 after work of unknown length, 1.4 has no estimate: no planned start.
    expect(phase.tasks.map((task) => [task.id, task.health!.state])).toEqual([
      ['1.1', 'done'],
      ['1.2', 'ready'],
      ['1.3', 'late'],
      ['1.4', 'ready'],
    ]);
  });

  test('no task read: "Unknown", nothing judged', () => {
    expect(judged([]).health).toEqual({ state: 'unknown', reason: 'No task was read from this phase, so there is nothing to judge.' });
  });
});

describe("one judge: a task's risk is its health, in the same words", () => {
  const risksOf = (phase: ReturnType<typeof judged>) =>
    buildCompletionReport(phase)
      .deviations.filter((deviation) => deviation.taskId !== null)
      .map(({ kind, severity, taskId, text }) => ({ kind, severity, taskId, text }));
  // Planned start of 1.2: 2025-10-21 08:00 (1.1's day after the phase start); late by the plan half a day after it.
  const tasks = [reportTask({ id: '1.1', status: 'complete', completedAt: '2025-10-20T20:00:00.000Z' }), reportTask({ id: '1.2', dependsOn: ['1.1'] })];

  test('six hours after its planned start a task can start, and no risk says it had not started', () => {
    const phase = judged(tasks, '2025-10-21T14:00:00.000Z');
    expect(healthOf(phase, '1.2')).toEqual({ state: 'ready', reason: 'Can start now: everything it depends on is complete.' });
    expect(risksOf(phase)).toEqual([]);
  });

  test("more than half a day after it, the task is late, and its one risk says so in its health's words", () => {
    const phase = judged(tasks, '2025-10-21T21:00:00.000Z');
    const reason = 'Not started, though the plan had it start 2025-10-21 08:00 UTC; everything it depends on is complete.';
    expect(healthOf(phase, '1.2')).toEqual({ state: 'late', reason });
    expect(risksOf(phase)).toEqual([{ kind: 'not-started', severity: 'medium', taskId: '1.2', text: `Task 1.2 (Work 1.2): ${reason}` }]);
    // The headline says it in words: what it waits for finished a day ago, and it has not started.
    expect(phase.health!.reason).toBe('At risk: 1.2 is late: what it waits for finished 1 day ago and it has not started.');
  });

  test('a task waiting for open work past its planned start is waiting, not a risk of its own', () => {
    const phase = judged(
      [
        reportTask({ id: '1.1', status: 'in_progress', startedAt: '2025-10-20T08:00:00.000Z', elapsedDays: 0.3 }),
        reportTask({ id: '1.2', dependsOn: ['1.1'] }),
      ],
      '2025-10-22T08:00:00.000Z',
    );
    expect(healthOf(phase, '1.2')).toEqual({ state: 'waiting', reason: 'Waits for task 1.1 (in progress).' });
    expect(risksOf(phase).map((risk) => risk.taskId)).toEqual(['1.1']);
  });

  const report = (taskId: string | null, level: string, time: string, message: string) => ({
    kind: 'notify' as const,
    time,
    taskId,
    matchedBy: null,
    session: null,
    taskRef: null,
    description: null,
    agent: null,
    file: null,
    memoryKey: null,
    message,
    level,
    status: null,
    durationMs: null,
    data: {},
    source: { path: 'hooks/log.ndjson', namespace: null, key: null },
  });

  test("an agent's error about an open task puts it at risk, high; its earlier warning is counted, not listed again", () => {
    const activity = {
      ...emptyActivity(),
      notifications: [
        report('1.1', 'error', '2025-10-20T12:00:00.000Z', 'tests fail on main'),
        report('1.1', 'warning', '2025-10-20T10:00:00.000Z', 'slow build'),
      ],
    };
    const phase = judged(
      [reportTask({ id: '1.1', status: 'in_progress', startedAt: '2025-10-20T08:00:00.000Z', elapsedDays: 0.2 })],
      '2025-10-20T14:00:00.000Z',
      { activity },
    );
    const reason = 'An agent reported an error at 2025-10-20 12:00 UTC: tests fail on main. It is the newest of 2 reports about this task.';
    expect(healthOf(phase, '1.1')).toEqual({ state: 'at-risk', reason });
    expect(risksOf(phase)).toEqual([{ kind: 'agent-report', severity: 'high', taskId: '1.1', text: `Task 1.1 (Work 1.1): ${reason}` }]);
  });

  test('a report about no task of the phase is a risk of the phase; one about a complete task is not', () => {
    const activity = {
      ...emptyActivity(),
      notifications: [
        report(null, 'warning', '2025-10-20T12:00:00.000Z', 'disk almost full'),
        report('1.1', 'error', '2025-10-20T09:00:00.000Z', 'flaky test'),
      ],
    };
    const phase = judged(
      [reportTask({ id: '1.1', status: 'complete', completedAt: '2025-10-20T10:00:00.000Z' }), reportTask({ id: '1.2', estimateDays: 2 })],
      '2025-10-20T14:00:00.000Z',
      { activity },
    );
    expect(healthOf(phase, '1.1')!.state).toBe('done');
    expect(
      buildCompletionReport(phase)
        .deviations.filter((deviation) => deviation.kind === 'agent-report')
        .map(({ severity, taskId, text }) => [severity, taskId, text]),
    ).toEqual([['medium', null, 'an agent reported a warning at 2025-10-20 12:00 UTC: disk almost full']]);
  });

  test('in progress: near its estimate at risk (low), over it late (medium), each its own words', () => {
    const near = judged(
      [reportTask({ id: '1.1', status: 'in_progress', startedAt: '2025-10-20T08:00:00.000Z', elapsedDays: 0.9, estimateDays: 1 })],
      '2025-10-20T20:00:00.000Z',
    );
    expect(risksOf(near)).toEqual([
      { kind: 'at-risk-task', severity: 'low', taskId: '1.1', text: 'Task 1.1 (Work 1.1): Near its estimate: 0.9 days of its 1 day used, still open.' },
    ]);
    const over = judged(
      [reportTask({ id: '1.1', status: 'in_progress', startedAt: '2025-10-20T08:00:00.000Z', elapsedDays: 1.5, estimateDays: 1 })],
      '2025-10-20T20:00:00.000Z',
    );
    expect(risksOf(over)).toEqual([
      { kind: 'late-task', severity: 'medium', taskId: '1.1', text: 'Task 1.1 (Work 1.1): Over its estimate: 1.5 days so far against 1 day.' },
    ]);
  });

  test('at risk beside an early forecast, the headline says why', () => {
    const phase = judged(
      [reportTask({ id: '1.1', status: 'complete', completedAt: '2025-10-20T20:00:00.000Z' }), reportTask({ id: '1.2', dependsOn: ['1.1'] })],
      '2025-10-21T21:00:00.000Z',
      { statedEnd: '2025-10-30T00:00:00.000Z' },
    );
    expect(phase.forecast!.slipDays).toBeLessThan(0);
    expect(phase.health!.reason).toBe(
      'At risk: 1.2 is late: what it waits for finished 1 day ago and it has not started. The forecast is early only if the open work starts now.',
    );
  });
});

describe('risk levels: high where the phase’s end is hit', () => {
  const levels = (phase: ReturnType<typeof judged>) =>
    buildCompletionReport(phase).deviations.map(({ kind, severity, taskId }) => `${severity} ${kind} ${taskId ?? 'phase'}`);
  // Two unstarted tasks, both late by the plan; only 1.1 is on the critical path.
  const tasks = [reportTask({ id: '1.1', estimateDays: 2 }), reportTask({ id: '1.2', estimateDays: 1 })];
  const onPath = { criticalPath: { taskIds: ['1.1'], days: 2, alternatives: [], unestimated: 0 } };

  test('a late task on the critical path is high, and its risk says it is on the path; one with slack keeps its level', () => {
    const phase = judged(tasks, '2025-10-22T08:00:00.000Z', onPath);
    expect(levels(phase)).toEqual(['high not-started 1.1', 'medium not-started 1.2']);
    const text = buildCompletionReport(phase).deviations[0]!.text;
    expect(text).toMatch(/^Task 1\.1 \(Work 1\.1\), on the critical path: Not started/);
  });

  test('a forecast after the stated date is a risk of the phase: high when even its early end is late', () => {
    const phase = judged(tasks, '2025-10-22T08:00:00.000Z', { ...onPath, statedEnd: '2025-10-22T00:00:00.000Z' });
    expect(levels(phase)).toContain('high late-forecast phase');
    const risk = buildCompletionReport(phase).deviations.find((deviation) => deviation.kind === 'late-forecast')!;
    expect(risk.text).toBe('The forecast ends 2025-10-24, 1.3 days after the date the package states (2025-10-22).');
  });

  test('medium when only the far end, at the pace of the finished tasks, is after it; none when it meets it', () => {
    const paced = [
      reportTask({ id: '1.0', status: 'complete', estimateDays: 1, elapsedDays: 2 }),
      reportTask({ id: '1.1', status: 'in_progress', estimateDays: 1, elapsedDays: 0 }),
    ];
    const at = '2025-10-22T00:00:00.000Z';
    const late = judged(paced, at, { statedEnd: '2025-10-22T00:00:00.000Z' });
    expect(buildCompletionReport(late).deviations.find((deviation) => deviation.kind === 'late-forecast')?.severity).toBe('medium');
    const onTime = judged(paced, at, { statedEnd: '2025-10-24T00:00:00.000Z' });
    expect(buildCompletionReport(onTime).deviations.map((deviation) => deviation.kind)).not.toContain('late-forecast');
  });
});

test('a task that depends only on work outside the phase is never said to depend on nothing', () => {
  const outside = { raw: 'Phase 6 complete ✅', taskIds: [], external: true, line: 5, column: 19, links: [], missing: [] };
  const phase = judged([reportTask({ id: '1.1', estimateDays: 1, dependencies: [outside] })], '2025-10-20T10:00:00.000Z');
  expect(healthOf(phase, '1.1')).toEqual({ state: 'ready', reason: 'Can start now: it depends on no task of this phase, only on "Phase 6 complete ✅".' });
  const alone = judged([reportTask({ id: '1.1', estimateDays: 1 })], '2025-10-20T10:00:00.000Z');
  expect(healthOf(alone, '1.1')!.reason).toBe('Can start now: it depends on nothing.');
});
