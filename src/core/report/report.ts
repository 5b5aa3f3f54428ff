/**
 * The completion report of a phase: what was planned, what happened and which targets were met, computed from the
 * model so it cannot go stale or claim more than the data shows. Pure: no clock, no I/O; plain data out, rendered
 * by `render-report-markdown.ts` and by the report page.
 */
import { countVerdicts, isMeasured } from '../metrics/verdict.ts';
import { round } from '../format/round.ts';
import type { ChecklistItem, Metric, MetricValue, Phase, StatusEvidence, Task, TaskStatus, Verdict } from '../schema/model.ts';
import { DAY_MS, planOrigin, plannedDates } from '../model/plan.ts';
import { allTasksComplete, completeCount } from '../model/completion.ts';
import { judgeCriteria, type CriterionVerdict } from '../model/criteria.ts';
import { judgeRisks, type Deviation } from '../model/judge.ts';
import { summarySentences } from './summary-sentences.ts';

/** One row of the executive summary: a metric with a target and its computed verdict. */
interface ReportSummaryRow {
  key: string;
  label: string;
  /** Task ids named in the metric's Impact column. */
  taskIds: string[];
  /** Values as written; null when absent. */
  baseline: string | null;
  target: string;
  achieved: string | null;
  verdict: Verdict;
  reason: string;
}

interface ReportSummary {
  /** Done or not, on time or not, the targets, what is left: report/summary-sentences.ts. */
  sentences: string[];
  rows: ReportSummaryRow[];
  /** Verdicts of the rows, every verdict present (zero when none). */
  counts: Record<Verdict, number>;
}

export interface ReportTask {
  id: string;
  title: string;
  /** null: unassigned. */
  agent: string | null;
  status: TaskStatus;
  /** Working days, as estimated in the task file; null when it gives none. */
  estimateDays: number | null;
  /** Calendar days from start to completion (or to the newest event while in progress); null before a start. */
  elapsedDays: number | null;
  startedAt: string | null;
  completedAt: string | null;
  dependsOn: string[];
  objectives: string[];
  deliverables: ChecklistItem[];
  /** Distinct files of the task's `edit` events, sorted by code point. */
  filesTouched: string[];
  /** What decided the status: the task file or one hook event. */
  statusEvidence: StatusEvidence;
  /** e.g. a start before a dependency was complete. */
  flags: string[];
}

/** A metric with both a baseline and an achieved value: before → after. */
interface ReportImpactRow {
  key: string;
  label: string;
  before: string;
  after: string;
  /** after − before and the change as a percentage of |before|; null when either value is not a number. */
  change: { delta: number; percent: number | null } | null;
  /** Unit of the comparable numbers ("%", "s"), or null. */
  unit: string | null;
}

interface ReportTimelineRow {
  taskId: string;
  title: string;
  status: TaskStatus;
  estimateDays: number | null;
  /** Earliest start the dependencies allow, from the phase start (ISO 8601); null when the phase has no start. */
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  /** Completion; null while not complete. */
  actualEnd: string | null;
  /** Actual end − planned end, in calendar days (positive: late); null while not complete or without a plan. */
  slipDays: number | null;
}

interface ReportTimeline {
  /** The phase start the plan counts from: the earliest of **Created:** and the first task start; null when neither. */
  origin: string | null;
  rows: ReportTimelineRow[];
}

/** The risks and deviations are the judge's (model/judge.ts): the same rules as the health the pages show. */
export type { Deviation, DeviationKind, Severity } from '../model/judge.ts';
export { conflictText, describeEvidence } from '../model/judge.ts';

export interface CompletionReport {
  /** True unless every task is complete. */
  draft: boolean;
  title: string;
  phaseId: string;
  /** Newest timestamp in the phase's inputs (ISO 8601), or null. */
  asOf: string | null;
  status: TaskStatus;
  /** Share of estimated work complete, 0..1. */
  progress: number;
  tasksComplete: number;
  summary: ReportSummary;
  tasks: ReportTask[];
  impact: ReportImpactRow[];
  timeline: ReportTimeline;
  /** High first, then medium, then low; within a severity in the order found (metrics, tasks, agents, criteria, data). */
  deviations: Deviation[];
  criteria: CriterionVerdict[];
}

/** Builds the completion report of a phase. */
export function buildCompletionReport(phase: Phase): CompletionReport {
  const timeline = buildReportTimeline(phase);
  const criteria = judgeCriteria(phase);
  const deviations = judgeRisks(phase, criteria);
  return {
    draft: !allTasksComplete(phase.tasks),
    title: phase.title,
    phaseId: phase.id,
    asOf: phase.asOf,
    status: phase.status,
    progress: phase.progress,
    tasksComplete: completeCount(phase.tasks),
    summary: { sentences: summarySentences(phase, deviations), ...buildSummary(phase.metrics) },
    tasks: phase.tasks.map((task) => reportTask(task)),
    impact: phase.metrics.flatMap(impactRow),
    timeline,
    deviations,
    criteria,
  };
}

/** A metric value as written, or null. */
const written = (value: MetricValue | null): string | null => (value === null ? null : String(value.raw));

/** Whether a value was measured (a placeholder such as "TBD" or "pending_tokei" was not). */

function buildSummary(metrics: readonly Metric[]): Omit<ReportSummary, 'sentences'> {
  const rows = metrics
    .filter((metric) => metric.target !== null)
    .map((metric) => ({
      key: metric.key,
      label: metric.label,
      taskIds: metric.taskIds,
      baseline: written(metric.baseline),
      target: metric.target!.raw,
      achieved: written(metric.achieved),
      verdict: metric.verdict,
      reason: metric.reason,
    }));
  return { rows, counts: countVerdicts(rows) };
}

function reportTask(task: Task): ReportTask {
  return {
    id: task.id,
    title: task.title,
    agent: task.agent,
    status: task.status,
    estimateDays: task.estimateDays,
    elapsedDays: task.elapsedDays,
    startedAt: task.startedAt,
    completedAt: task.completedAt,
    dependsOn: task.dependsOn,
    objectives: task.objectives,
    deliverables: task.deliverables,
    filesTouched: task.files,
    statusEvidence: task.statusEvidence,
    flags: task.flags,
  };
}

function impactRow(metric: Metric): ReportImpactRow[] {
  const { baseline, achieved } = metric;
  if (baseline === null || !isMeasured(achieved)) return [];
  const numeric = isMeasured(baseline) && baseline.value !== null && achieved.value !== null;
  const delta = numeric ? round(achieved.value! - baseline.value!, 2) : null;
  return [
    {
      key: metric.key,
      label: metric.label,
      before: String(baseline.raw),
      after: String(achieved.raw),
      change:
        delta === null
          ? null
          : { delta, percent: baseline.value === 0 ? null : round(((achieved.value! - baseline.value!) / Math.abs(baseline.value!)) * 100, 2) },
      unit: achieved.unit ?? baseline.unit,
    },
  ];
}

/**
 * Plan vs actual per task. The plan starts every task as early as its dependencies allow, counted from the phase
 * start (planOrigin), as on the timeline page.
 */
function buildReportTimeline(phase: Phase): ReportTimeline {
  const origin = planOrigin(phase);
  const plan = plannedDates(phase, origin);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const rows = phase.tasks.map((task): ReportTimelineRow => {
    const { start: planStart, end: planEnd } = plan.get(task.id)!;
    const end = task.completedAt === null ? null : Date.parse(task.completedAt);
    return {
      taskId: task.id,
      title: task.title,
      status: task.status,
      estimateDays: task.estimateDays,
      plannedStart: iso(planStart),
      plannedEnd: iso(planEnd),
      actualStart: task.startedAt,
      actualEnd: task.completedAt,
      slipDays: planEnd === null || end === null || Number.isNaN(end) ? null : round((end - planEnd) / DAY_MS, 2),
    };
  });
  return { origin: iso(origin), rows };
}
