/**
 * The completion report of a phase: what was planned, what happened and which targets were met, computed from the
 * model so it cannot go stale or claim more than the data shows. Pure: no clock, no I/O; plain data out, rendered
 * by `render-report-markdown.ts` and by the report page.
 */
import { countVerdicts, isMeasured } from '../metrics/verdict.ts';
import { formatNumber } from '../format/format.ts';
import { round } from '../format/round.ts';
import type { ChecklistItem, Metric, MetricValue, Phase, StatusEvidence, Task, TaskStatus, Verdict } from '../schema/model.ts';
import { DAY_MS, planOrigin, plannedDates } from '../model/plan.ts';
import { staleWarning } from '../model/freshness.ts';
import { judgeCriteria, type CriterionVerdict } from '../model/criteria.ts';
import { statusLabels } from '../format/labels.ts';
import { formatDays, formatTimestamp } from '../format/format.ts';


/** One row of the executive summary: a metric with a target and its computed verdict. */
export interface ReportSummaryRow {
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

export interface ReportSummary {
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
export interface ReportImpactRow {
  key: string;
  label: string;
  before: string;
  after: string;
  /** after − before and the change as a percentage of |before|; null when either value is not a number. */
  change: { delta: number; percent: number | null } | null;
  /** Unit of the comparable numbers ("%", "s"), or null. */
  unit: string | null;
}

export interface ReportTimelineRow {
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

export interface ReportTimeline {
  /** The phase start the plan counts from: the earliest of **Created:** and the first task start; null when neither. */
  origin: string | null;
  rows: ReportTimelineRow[];
}

export type DeviationKind =
  | 'missed-target'
  /** A target that cannot be judged (TBD, no numeric baseline), or has no achieved value once the phase is complete. */
  | 'unverified-target'
  | 'late-task'
  | 'blocked-task'
  | 'not-started'
  /** A complete task whose own deliverables checklist still has unchecked items. */
  | 'open-deliverable'
  | 'unmet-criterion'
  | 'early-start'
  /** A warning or error an agent logged (a notification at that level). */
  | 'agent-report'
  /** The task file and the hook logs say different things; the newer is shown. */
  | 'conflicting-sources'
  | 'data-quality';

export type Severity = 'high' | 'medium' | 'low';

export interface Deviation {
  kind: DeviationKind;
  severity: Severity;
  /** The task it concerns, if one. */
  taskId: string | null;
  /** One or two sentences, plain text. */
  text: string;
}

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
  /** High first, then medium, then low; within a severity in the order found (metrics, tasks, criteria, data). */
  deviations: Deviation[];
  criteria: CriterionVerdict[];
}

/** Builds the completion report of a phase. */
export function buildCompletionReport(phase: Phase): CompletionReport {
  const complete = phase.tasks.length > 0 && phase.tasks.every((task) => task.status === 'complete');
  const timeline = buildReportTimeline(phase);
  const criteria = judgeCriteria(phase);
  return {
    draft: !complete,
    title: phase.title,
    phaseId: phase.id,
    asOf: phase.asOf,
    status: phase.status,
    progress: phase.progress,
    tasksComplete: phase.tasks.filter((task) => task.status === 'complete').length,
    summary: buildSummary(phase.metrics),
    tasks: phase.tasks.map((task) => reportTask(task, phase)),
    impact: phase.metrics.flatMap(impactRow),
    timeline,
    deviations: collectDeviations(phase, complete, timeline, criteria),
    criteria,
  };
}

/** A metric value as written, or null. */
const written = (value: MetricValue | null): string | null => (value === null ? null : String(value.raw));

/** Whether a value was measured (a placeholder such as "TBD" or "pending_tokei" was not). */

function buildSummary(metrics: readonly Metric[]): ReportSummary {
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

function reportTask(task: Task, phase: Phase): ReportTask {
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
      change: delta === null ? null : { delta, percent: baseline.value === 0 ? null : round(((achieved.value! - baseline.value!) / Math.abs(baseline.value!)) * 100, 2) },
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

/** "the evidence, at a time (file key)": where a status came from, for the report's prose. */
export function describeEvidence(evidence: StatusEvidence): string {
  const where = [evidence.path, evidence.key].filter(Boolean).join(', ');
  return `${evidence.summary}${evidence.time ? ` at ${formatTimestamp(evidence.time)}` : ''} (${where})`;
}

const severityOrder: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const taskName = (task: Pick<Task, 'id' | 'title'>) => `Task ${task.id} (${task.title})`;
const signedDays = (days: number) => `${days > 0 ? '+' : ''}${formatNumber(days)} ${Math.abs(days) === 1 ? 'day' : 'days'}`;

function collectDeviations(phase: Phase, complete: boolean, timeline: ReportTimeline, criteria: readonly CriterionVerdict[]): Deviation[] {
  const out: Deviation[] = [];
  const add = (kind: DeviationKind, severity: Severity, taskId: string | null, text: string) => out.push({ kind, severity, taskId, text });

  for (const metric of phase.metrics.filter((m) => m.target !== null)) {
    const owner = metric.taskIds.length > 0 ? ` for ${metric.taskIds.length === 1 ? 'task' : 'tasks'} ${metric.taskIds.join(', ')}` : '';
    const taskId = metric.taskIds.length === 1 ? metric.taskIds[0]! : null;
    if (metric.verdict === 'missed') {
      add('missed-target', 'high', taskId, `${metric.label}${owner} missed its target: achieved ${written(metric.achieved)} against ${metric.target!.raw}. ${metric.reason}`);
    } else if (metric.verdict === 'unknown') {
      add('unverified-target', 'medium', taskId, `${metric.label}${owner} cannot be judged against ${metric.target!.raw}. ${metric.reason}`);
    } else if (metric.verdict === 'pending' && complete) {
      add('unverified-target', 'medium', taskId, `${metric.label}${owner} has no achieved value, although every task is complete.`);
    }
  }

  const planned = new Map(timeline.rows.map((row) => [row.taskId, row]));
  const byId = new Map(phase.tasks.map((task) => [task.id, task]));
  // Lateness is judged at the build's time, as health is (model/health.ts): a package without hook logs has no newer
  // input than its Created date, but its work is late all the same.
  const asOf = Date.parse(phase.buildAsOf);
  for (const task of phase.tasks) {
    const plan = planned.get(task.id);
    if (task.status === 'blocked') {
      // Waiting on work that is not done yet is the plan working; blocked on work that is done is a question to ask.
      const open = task.dependsOn.filter((dep) => byId.get(dep)?.status !== 'complete');
      if (task.dependsOn.length > 0 && open.length === 0) add('blocked-task', 'high', task.id, `${taskName(task)} is marked blocked (${describeEvidence(task.statusEvidence)}), but everything it depends on is complete.`);
      else if (open.length > 0) add('blocked-task', 'low', task.id, `${taskName(task)} is blocked while it waits for ${open.map((dep) => `task ${dep}`).join(', ')}: ${describeEvidence(task.statusEvidence)}.`);
      else add('blocked-task', 'high', task.id, `${taskName(task)} is blocked: ${describeEvidence(task.statusEvidence)}.`);
    }
    if (task.elapsedDays !== null && task.estimateDays !== null && task.elapsedDays > task.estimateDays) {
      const over = signedDays(round(task.elapsedDays - task.estimateDays, 2));
      add(
        'late-task',
        'medium',
        task.id,
        task.status === 'complete'
          ? `${taskName(task)} took ${formatDays(task.elapsedDays)} against an estimate of ${formatDays(task.estimateDays)} (${over}).`
          : `${taskName(task)} has run ${formatDays(task.elapsedDays)} against an estimate of ${formatDays(task.estimateDays)} (${over}) and is not complete.`,
      );
    } else if (plan?.slipDays != null && plan.slipDays > 0) {
      add('late-task', 'low', task.id, `${taskName(task)} finished ${formatDays(plan.slipDays)} after its planned end (${formatTimestamp(plan.plannedEnd)}), within its estimate: it started late.`);
    } else if (task.status === 'in_progress' && plan?.plannedEnd && asOf > Date.parse(plan.plannedEnd)) {
      add('late-task', 'low', task.id, `${taskName(task)} was still in progress on ${formatTimestamp(phase.buildAsOf)}, after its planned end (${formatTimestamp(plan.plannedEnd)}).`);
    }
    // A task not yet due by the plan is on schedule, not a deviation; without dates, say only that it has not started.
    if (task.status === 'pending' && task.startedAt === null) {
      const waiting = task.dependsOn.filter((dep) => byId.get(dep)?.status !== 'complete');
      const because = waiting.length > 0 ? ` It waits for ${waiting.map((dep) => `task ${dep} (${statusLabels[byId.get(dep)?.status ?? 'pending'].toLowerCase()})`).join(', ')}.` : task.dependsOn.length > 0 ? ' Its dependencies are complete.' : '';
      // Without a plan's date, a task that has not started is not late for anything: only the plan makes it a risk.
      if (plan?.plannedStart && asOf > Date.parse(plan.plannedStart)) add('not-started', 'medium', task.id, `${taskName(task)} had not started by ${formatTimestamp(phase.buildAsOf)}; the plan had it start ${formatTimestamp(plan.plannedStart)}.${because}`);
    }
    if (task.status === 'complete') {
      const open = task.deliverables.filter((item) => item.checked === false);
      if (open.length > 0) {
        const total = task.deliverables.filter((item) => item.checked !== null).length;
        add('open-deliverable', 'medium', task.id, `${taskName(task)} is complete, but ${open.length} of ${total} deliverables are not checked: ${open.map((item) => item.text).join('; ')}.`);
      }
    }
    for (const flag of task.flags) add('early-start', 'medium', task.id, `${taskName(task)}: ${flag}`);
    if (task.statusConflict) add('conflicting-sources', 'medium', task.id, `${taskName(task)}: ${conflictText(task).replace(/^The/, 'the')}`);
  }

  // What the agents themselves reported as going wrong.
  for (const event of phase.activity.notifications) {
    const level = (event.level ?? '').toLowerCase();
    if (level !== 'error' && level !== 'warning' && level !== 'warn') continue;
    const about = event.taskId ? `Task ${event.taskId}: ` : '';
    add('agent-report', level === 'error' ? 'high' : 'medium', event.taskId, `${about}an agent reported ${level === 'error' ? 'an error' : 'a warning'}${event.time ? ` at ${formatTimestamp(event.time)}` : ''}: ${event.message ?? ''}`);
  }

  for (const criterion of criteria) {
    if (criterion.claimed && criterion.verdict !== 'met') {
      // The hand-written report's failure mode: a ✅ the data does not bear out.
      // Missed contradicts it; unknown cannot bear it out; pending says it was claimed early.
      const severity: Severity = criterion.verdict === 'missed' ? 'high' : criterion.verdict === 'unknown' ? 'medium' : 'low';
      add('unmet-criterion', severity, null, `Success criterion "${criterion.text}" is marked done, but the data says ${criterion.verdict}: ${criterion.reason}`);
    } else if (criterion.verdict === 'missed' && criterion.basis !== 'metric') add('unmet-criterion', 'medium', null, `Success criterion "${criterion.text}" is not met: ${criterion.reason}`);
  }

  const quality = phase.dataQuality;
  if (quality.stale) add('data-quality', 'low', null, staleWarning(phase));
  if (quality.unmatchedEvents > 0) add('data-quality', 'low', null, quality.unmatchedEvents === 1 ? "1 hook event matches no task, so it decides no task's status." : `${quality.unmatchedEvents} hook events match no task, so they decide no task's status.`);
  for (const source of quality.sources) {
    if (source.skipped > 0) {
      // Most counts first, then by reason, so the text is the same on every build.
      const reasons = Object.entries(source.skippedReasons).toSorted(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
      add('data-quality', 'low', null, `${source.path} (${source.format}): ${source.skipped} of ${source.records} records skipped${reasons.length > 0 ? `: ${reasons.map(([reason, n]) => `${reason} (${n})`).join('; ')}` : ''}.`);
    }
    for (const warning of source.warnings) add('data-quality', 'low', null, `${source.path}: ${warning}`);
  }
  for (const warning of phase.warnings) add('data-quality', 'low', null, warning);

  return out.toSorted((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}

/** "The sources disagree: …": the status shown with its evidence, and what the other source says. */
export function conflictText(task: Pick<Task, 'status' | 'statusEvidence' | 'statusConflict'>): string {
  const other = task.statusConflict!;
  const source = (evidence: StatusEvidence) => (evidence.kind === 'authored' ? 'the task file' : 'the hook logs');
  return `The sources disagree: ${source(task.statusEvidence)} say${task.statusEvidence.kind === 'authored' ? 's' : ''} ${statusLabels[task.status].toLowerCase()} (${describeEvidence(task.statusEvidence)}), ${source(other)} say${other.kind === 'authored' ? 's' : ''} ${statusLabels[other.status].toLowerCase()} (${describeEvidence(other)}); the newer is shown.`;
}
