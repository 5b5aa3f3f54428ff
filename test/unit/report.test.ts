import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/core/pipeline/load-content.ts';
import { buildCompletionReport, type Deviation } from '../../src/core/report/report.ts';
import { judgeCriteria } from '../../src/core/model/criteria.ts';
import { VerdictSchema, type Metric } from '../../src/core/schema/model.ts';
import { AS_OF, fixturePath } from './fixtures.ts';
import { items, reportMetric, reportPhase, reportTask } from './report-phase.ts';

const loadReport = (root: string) => {
  const [phase] = loadContent(root, AS_OF).phases;
  return buildCompletionReport(phase!);
};
const verdicts = VerdictSchema.options;
const brief = (deviations: Deviation[]) => deviations.map(({ kind, severity, taskId }) => [kind, severity, taskId]);

describe('the example package (phase 7, mid-flight)', () => {
  const report = loadReport(fileURLToPath(new URL('../../content', import.meta.url)));
  const criterion = (text: string) => report.criteria.find((c) => c.text === text);

  test('is a draft, with every task, every targeted metric and every criterion judged', () => {
    expect(report).toMatchObject({
      draft: true,
      phaseId: 'phase-7',
      title: 'Phase 7: Quality & Infrastructure',
      status: 'in_progress',
      tasksComplete: 1,
      asOf: '2025-10-25T15:58:33.694Z',
    });
    expect(report.tasks.map((task) => task.id)).toEqual(['7.1', '7.2', '7.3', '7.4']);
    expect(report.timeline.rows.map((row) => row.taskId)).toEqual(['7.1', '7.2', '7.3', '7.4']);
    expect(report.summary.rows.map((row) => [row.label, row.verdict])).toEqual([
      ['Build Time (clean)', 'unknown'],
      ['Build Time (incremental)', 'unknown'],
      ['Env Variables', 'pending'],
      ['Clippy Warnings', 'met'],
      ['Dead Code (LOC)', 'unknown'],
      ['Version', 'pending'],
    ]);
    expect(report.summary.counts).toEqual({ met: 1, missed: 0, pending: 2, unknown: 3 });
    expect(report.summary.sentences).toEqual([
      'Not done: 1 of 4 tasks complete, 17% of the estimated work.',
      'Expected to end by 2025-10-26, on time for the date the package states (2025-10-26).',
      'Targets: 1 of 6 met (Clippy Warnings), 0 missed, 2 with no achieved value yet and 3 that cannot be judged (Build Time (clean), Build Time (incremental) and Dead Code (LOC)).',
      'Left: 7.1 Build Infrastructure (in progress), 7.2 Configuration System (in progress) and 7.4 Release Preparation (pending).',
    ]);
    expect(report.criteria).toHaveLength(8);
    for (const c of report.criteria) expect(verdicts).toContain(c.verdict);
    // No final-metrics.json yet: the only achieved values are the changes the agents' hook messages report.
    expect(report.impact).toEqual([
      { key: 'clippy_warnings', label: 'Clippy Warnings', before: '12', after: '0', change: { delta: -12, percent: -100 }, unit: null },
      { key: 'compiler_warnings', label: 'compiler_warnings', before: '114', after: '9', change: { delta: -105, percent: -92.11 }, unit: null },
    ]);
  });

  test('7.3 is complete, with the files its edits touched', () => {
    expect(report.tasks.find((task) => task.id === '7.3')).toMatchObject({
      status: 'complete',
      completedAt: '2025-10-24T15:01:09.051Z',
      filesTouched: [
        'crates/riptide-api/src/handlers/deprecated.rs',
        'crates/riptide-cli/src/metrics.rs',
        'crates/riptide-core/src/legacy/mod.rs',
        'crates/riptide-core/src/lib.rs',
        'crates/riptide-core/src/spider/legacy_queue.rs',
        'docs/CODE-QUALITY-REPORT.md',
        'src/lib.rs',
      ],
    });
    expect(report.timeline.rows.find((row) => row.taskId === '7.3')).toMatchObject({ plannedEnd: '2025-10-24T12:48:00.000Z', slipDays: 0.09 });
  });

  test.each([
    ['All 4 tasks delivered', 'pending', 'tasks', '1 of 4 tasks are complete.'],
    // The reviewer's hook message "clippy 12 -> 0" gives the achieved value.
    ['Fewer than 20 clippy warnings', 'met', 'metric', 'Clippy Warnings: 0 is below 20.'],
    ['93/93 env vars implemented', 'pending', 'metric', 'Env Variables: No achieved value yet.'],
    ['Documentation complete', 'pending', 'checkbox', 'Not checked yet; the phase is still open.'],
  ])('criterion "%s" is %s (by %s)', (text, verdict, basis, reason) => {
    expect(criterion(text)).toMatchObject({ verdict, basis, reason });
  });

  test("deviations: unjudgeable targets, 7.1 and 7.2 at risk by the agents' warnings, the late and unchecked 7.3, 7.4 not started, and the data-quality caveats", () => {
    expect(brief(report.deviations)).toEqual([
      ['unverified-target', 'medium', '7.1'],
      ['unverified-target', 'medium', '7.1'],
      ['unverified-target', 'medium', '7.3'],
      ['agent-report', 'medium', '7.1'],
      ['agent-report', 'medium', '7.2'],
      ['open-deliverable', 'medium', '7.3'],
      ['not-started', 'medium', '7.4'],
      ['late-task', 'low', '7.3'],
      ['data-quality', 'low', null],
    ]);
    // Each says the task's health, in its words: the agent's warning first, then how much of the estimate is used.
    expect(report.deviations.find((deviation) => deviation.kind === 'agent-report' && deviation.taskId === '7.1')?.text).toBe(
      'Task 7.1 (Build Infrastructure): An agent reported a warning at 2025-10-24 09:21 UTC: build_infra: CI cache wired (sccache keyed on Cargo.lock + toolchain); WARNING: GITHUB_TOKEN=[redacted: github-token] was echoed in the CI log, rotate it. Near its estimate: 2.31 days of its 2.4 days used, still open.',
    );
    expect(report.deviations.at(-1)?.text).toMatch(
      /^content\/phases\/phase-7\/hooks\/memory\.db \(claude-flow-sqlite\): 38 of 81 records skipped: copy of an edit counted from hooks:post-edit \(18\);/,
    );
  });
});

test('the seed package: ✅ bullets under "Phase 7 is COMPLETE when:" are how the list is drawn, judged only through tasks or metrics, and claim nothing', () => {
  const report = loadReport(fixturePath('packages/real-world'));
  expect(report.criteria.map((c) => [c.text, c.verdict, c.basis, c.claimed])).toEqual([
    ['All 4 tasks delivered', 'pending', 'tasks', false],
    ['Build time improved 25-40%', 'unknown', 'metric', false],
    ['93/93 env vars implemented', 'pending', 'metric', false],
    ['<20 clippy warnings', 'pending', 'metric', false],
    ['Version 2.0.0 ready', 'pending', 'metric', false],
    ['All tests passing (626/630)', 'unknown', 'none', false],
    ['Documentation complete', 'unknown', 'none', false],
    ['Completion report created', 'unknown', 'none', false],
  ]);
  expect(report.deviations.filter((deviation) => deviation.kind === 'unmet-criterion')).toEqual([]);
});

const done = (id: string, fields = {}) =>
  reportTask({ id, status: 'complete', startedAt: '2025-10-20T08:00:00.000Z', completedAt: '2025-10-21T08:00:00.000Z', elapsedDays: 1, ...fields });
const clippy = (achieved: number | null) => reportMetric({ label: 'Clippy Warnings', baseline: 12, target: '<20', achieved, taskIds: ['7.3'] });

describe('a complete phase whose report says "34 warnings" against "<20"', () => {
  const report = buildCompletionReport(
    reportPhase({
      tasks: [done('7.3')],
      metrics: [clippy(34)],
      successCriteria: items('✅ All 1 tasks delivered', '[x] <20 clippy warnings', '[ ] Documentation complete'),
    }),
  );

  test('is final, and the target is missed, first among the deviations and high', () => {
    expect(report.draft).toBe(false);
    expect(report.summary.rows[0]).toMatchObject({
      label: 'Clippy Warnings',
      baseline: '12',
      target: '<20',
      achieved: '34',
      verdict: 'missed',
      reason: '34 is not below 20.',
    });
    expect(report.deviations[0]).toEqual({
      kind: 'missed-target',
      severity: 'high',
      taskId: '7.3',
      text: 'Clippy Warnings for task 7.3 missed its target: achieved 34 against <20. 34 is not below 20.',
    });
  });

  test('the ticked criterion is missed, and says the box was ticked', () => {
    expect(report.criteria.map((c) => [c.verdict, c.reason])).toEqual([
      ['met', '1 of 1 task is complete.'],
      ['missed', 'Checked in the package; the data says missed. Clippy Warnings: 34 is not below 20.'],
      ['missed', 'Not checked in the package, and every task is complete.'],
    ]);
    expect(brief(report.deviations)).toEqual([
      ['missed-target', 'high', '7.3'],
      ['unmet-criterion', 'high', null], // the ticked clippy criterion: a claim the data contradicts
      ['unmet-criterion', 'medium', null], // the unchecked box
    ]);
    expect(report.deviations[1]!.text).toBe(
      'Success criterion "<20 clippy warnings" is marked done, but the data says missed: Checked in the package; the data says missed. Clippy Warnings: 34 is not below 20.',
    );
  });

  test('impact: before, after and the change', () => {
    expect(report.impact).toEqual([
      { key: 'clippy_warnings', label: 'Clippy Warnings', before: '12', after: '34', change: { delta: 22, percent: 183.33 }, unit: null },
    ]);
  });
});

describe('deviations of hand-built phases', () => {
  test.each([
    [
      'a finished task that took longer than its estimate is a low risk (a lesson for the estimates)',
      reportPhase({ tasks: [done('1.1', { estimateDays: 1, elapsedDays: 1.5, completedAt: '2025-10-21T20:00:00.000Z' })] }),
      [['late-task', 'low', '1.1']],
      'Task 1.1 (Work 1.1): Complete since 2025-10-21 20:00 UTC. It took 1.5 days against an estimate of 1 day (+0.5 days).',
    ],
    [
      'a task past its planned end within its estimate started late',
      reportPhase({ tasks: [done('1.1', { startedAt: '2025-10-21T08:00:00.000Z', completedAt: '2025-10-22T08:00:00.000Z' })] }),
      [['late-task', 'low', '1.1']],
      'Task 1.1 (Work 1.1): Complete since 2025-10-22 08:00 UTC. It finished 1 day after its planned end (2025-10-21 08:00 UTC), within its estimate: it started late.',
    ],
    [
      'a blocked task is high',
      reportPhase({
        tasks: [
          reportTask({
            id: '1.1',
            status: 'blocked',
            statusEvidence: {
              status: 'blocked',
              kind: 'memory.set',
              time: '2025-10-24T10:00:00.000Z',
              path: 'hooks/memory-store.json',
              key: 'coordination phase1/work/blockers',
              summary: 'phase1/work/blockers = "waiting for credentials"',
            },
          }),
        ],
        asOf: '2025-10-19T00:00:00.000Z',
      }),
      [['blocked-task', 'high', '1.1']],
      'Task 1.1 (Work 1.1): Blocked: phase1/work/blockers = "waiting for credentials".',
    ],
    [
      'a task waiting for an open dependency is not a risk of its own; the dependency, open past its planned end, is late',
      reportPhase({
        tasks: [
          reportTask({ id: '1.1', status: 'in_progress', startedAt: '2025-10-20T08:00:00.000Z', elapsedDays: 0.5 }),
          reportTask({ id: '1.2', dependsOn: ['1.1'] }),
        ],
      }),
      [['late-task', 'low', '1.1']],
      'Task 1.1 (Work 1.1): Still in progress 4.4 days after its planned end (2025-10-21 08:00 UTC).',
    ],
    [
      'a start before a dependency was complete (task flags)',
      reportPhase({ tasks: [done('1.1', { flags: ['Started 2025-10-20 08:00 UTC, before task 1.0 was complete.'] })] }),
      [['early-start', 'medium', '1.1']],
      'Task 1.1 (Work 1.1): Started 2025-10-20 08:00 UTC, before task 1.0 was complete.',
    ],
    [
      'a stale phase, unmatched events, skipped records and source warnings are low data-quality caveats',
      reportPhase({
        dataQuality: {
          stale: true,
          newestEvent: '2025-10-24T10:00:00.000Z',
          unmatchedEvents: 2,
          sources: [
            {
              path: 'hooks/memory.db',
              format: 'claude-flow-sqlite',
              records: 5,
              imported: 3,
              skipped: 2,
              skippedReasons: { 'unknown shape': 2 },
              newest: null,
              warnings: ['The -wal file could not be read.'],
              redactions: {},
              readWith: [],
              shared: false,
            },
          ],
        },
      }),
      [
        ['data-quality', 'low', null],
        ['data-quality', 'low', null],
        ['data-quality', 'low', null],
        ['data-quality', 'low', null],
      ],
      'The newest hook event is from 2025-10-24 10:00 UTC, more than a day before the time the site was judged at: the status shown may be out of date.',
    ],
  ])('%s', (_, phase, expected, firstText) => {
    const { deviations } = buildCompletionReport(phase);
    expect(brief(deviations)).toEqual(expected);
    expect(deviations.map((d) => d.text)).toContain(firstText);
  });

  test('the data-quality texts name the counts and reasons', () => {
    const { deviations } = buildCompletionReport(
      reportPhase({
        dataQuality: {
          unmatchedEvents: 1,
          sources: [
            {
              path: 'hooks/a.json',
              format: 'sqlite-json',
              records: 4,
              imported: 1,
              skipped: 3,
              skippedReasons: { 'copy of a row': 1, 'unknown shape': 2 },
              newest: null,
              warnings: [],
              redactions: {},
              readWith: [],
              shared: false,
            },
          ],
        },
      }),
    );
    expect(deviations.map((d) => d.text)).toEqual([
      "1 hook event matches no task, so it decides no task's status.",
      'hooks/a.json (sqlite-json): 3 of 4 records skipped: unknown shape (2); copy of a row (1).',
    ]);
  });
});

describe('linking criteria to metrics', () => {
  /** The labels of the metrics a criterion written as `text` is judged by. */
  const linkedLabels = (text: string, metrics: Metric[]) => {
    const [criterion] = judgeCriteria(reportPhase({ metrics, successCriteria: items(text) }));
    return criterion!.metricKeys.map((key) => metrics.find((metric) => metric.key === key)!.label);
  };
  const metrics = [
    clippy(null),
    reportMetric({ label: 'Env Variables', baseline: 0, target: '93' }),
    reportMetric({ label: 'Build Time (clean)', baseline: '120s', target: '-25 to -40%' }),
    reportMetric({ label: 'Build Time (incremental)', baseline: '30s', target: '-40 to -60%' }),
    reportMetric({ label: 'Version', baseline: '1.x', target: '2.0.0' }),
    reportMetric({ label: 'Test Coverage', baseline: '45%', target: 'TBD' }),
  ];
  test.each([
    ['Fewer than 20 clippy warnings', ['Clippy Warnings']],
    ['<20 Clippy warning', ['Clippy Warnings']],
    ['93/93 env vars implemented', ['Env Variables']],
    ['All 93 environment variables supported', ['Env Variables']],
    ['Clean build time down 25%', ['Build Time (clean)']],
    ['Build time improved 25-40%', ['Build Time (clean)', 'Build Time (incremental)']],
    ['Version 2.0.0 ready', ['Version']],
    ['Documentation complete', []],
    ['Clippy is happy', []],
  ])('"%s" → %j', (text, labels) => {
    expect(linkedLabels(text, metrics)).toEqual(labels);
  });

  test('metrics without a target are never linked', () => {
    expect(linkedLabels('Clippy warnings', [{ ...clippy(3), target: null }])).toEqual([]);
  });

  test('a linked criterion takes the weakest verdict of its metrics', () => {
    const phase = reportPhase({
      tasks: [done('1.1')],
      metrics: [
        reportMetric({ label: 'Build Time (clean)', baseline: '100s', target: '-25%', achieved: '70s' }),
        reportMetric({ label: 'Build Time (incremental)', baseline: '10s', target: '-40%', achieved: '9s' }),
      ],
      successCriteria: items('Build time improved', '[x] Clean build time improved'),
    });
    expect(buildCompletionReport(phase).criteria.map((c) => [c.verdict, c.metricKeys])).toEqual([
      ['missed', ['build_time_clean', 'build_time_incremental']],
      ['met', ['build_time_clean']],
    ]);
  });

  test('"All N tasks" with the wrong N cannot be judged', () => {
    const report = buildCompletionReport(reportPhase({ tasks: [done('1.1')], successCriteria: items('All 5 tasks delivered') }));
    expect(report.criteria[0]).toMatchObject({ verdict: 'unknown', reason: 'The criterion names 5 tasks; the package has 1, and 1 of 1 task is complete.' });
  });
});
