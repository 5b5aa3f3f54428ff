/**
 * Chart data as plain specs: the page renders each as a table (always there, for screen readers, print and no
 * JavaScript) and, where JavaScript runs, as a chart.js canvas drawn from the same numbers.
 */
import { round } from '../format/round.ts';
import { parseMetricValue } from '../metrics/parse-value.ts';
import type { Metric, MetricValue, Phase, Target, Task } from '../schema/model.ts';
import { progressCountsTasks } from '../model/build-phase.ts';
import { countedTasks } from '../model/schedule.ts';

interface ChartSeries {
  label: string;
  /** One value per label; null where there is none. */
  data: (number | null)[];
  /** Drawn as a line over bars, or as a dashed line. */
  style?: 'bar' | 'line' | 'dashed' | 'step';
}

export interface ChartSpec {
  id: string;
  title: string;
  /** What the numbers are, e.g. "% of estimated work" or "days". */
  unit: string;
  kind: 'bar' | 'line' | 'horizontal-bar';
  /** Column header of the labels in the table. */
  labelHeader: string;
  labels: string[];
  series: ChartSeries[];
}

const day = (iso: string) => iso.slice(0, 10);

/** A frozen version's progress, for the burn-up, with its task count and each metric's achieved value for the trends. */
export interface ProgressPoint {
  version: string;
  frozenAt: string;
  progress: number;
  /** Tasks in the version. */
  tasks?: number;
  /** The version's scope: its counted tasks, and their estimated days (null when one has no estimate). */
  scope?: { tasks: number; days: number | null };
  /** Achieved values as written, by metric key. */
  metrics?: Record<string, number | string | null>;
  /** The Monte Carlo ends the version forecast for the phase. */
  simulation?: { p50: string; p85: string; p95: string } | null;
}

/**
 * Burn-up: share of estimated work complete at the end of each day, from the tasks' completion times, with the
 * frozen versions' own figures beside it. All of it in percent of today's scope: the scope line stands where each
 * frozen version's scope stood against today's, so work added since shows as a step up to 100 %.
 */
export function buildBurnUpChart(phase: Phase, snapshots: readonly ProgressPoint[] = []): ChartSpec {
  // The same measure as the phase's progress: days of the counted tasks, or their number when an estimate is missing
  // or none has any length (progressCountsTasks).
  const counted = countedTasks(phase.tasks);
  const byCount = progressCountsTasks(phase.tasks);
  const weight = (task: Task) => (byCount ? 1 : (task.estimateDays ?? 0));
  const total = counted.reduce((sum, task) => sum + weight(task), 0);
  const times = [
    phase.created,
    ...phase.tasks.map((task) => task.startedAt),
    ...phase.tasks.map((task) => task.completedAt),
    phase.dataQuality.newestEvent,
    phase.asOf,
    ...snapshots.map((point) => point.frozenAt),
  ]
    .filter((time): time is string => time !== null && !Number.isNaN(Date.parse(time)))
    .map((time) => new Date(time).toISOString());
  const days = [...new Set(times.map(day))].toSorted();
  // A task complete by its file alone has no completion time: it counts from the last day, so the line ends where the
  // progress card stands.
  const last = days.at(-1);
  const doneOn = (task: Task, date: string) => (task.completedAt !== null ? day(task.completedAt) <= date : task.status === 'complete' && date === last);
  const doneBy = (date: string) => (total === 0 ? 0 : counted.filter((task) => doneOn(task, date)).reduce((sum, task) => sum + weight(task), 0) / total);
  // A version's scope in the unit of today's (days, or tasks when an estimate is missing anywhere).
  const versionScope = (point: ProgressPoint) => (point.scope ? (byCount ? point.scope.tasks : (point.scope.days ?? point.scope.tasks)) : total);
  const ordered = snapshots.toSorted((a, b) => (a.frozenAt < b.frozenAt ? -1 : 1));
  const newestVersionDay = ordered.length > 0 ? day(new Date(ordered.at(-1)!.frozenAt).toISOString()) : null;
  const scopeOn = (date: string) => {
    if (total === 0 || newestVersionDay === null || date > newestVersionDay) return 100;
    const at = ordered.filter((point) => day(new Date(point.frozenAt).toISOString()) <= date).at(-1) ?? ordered[0]!;
    return round((versionScope(at) / total) * 100, 2);
  };
  // A frozen version's progress is a share of its own scope; drawn against today's.
  const versionOn = new Map(
    ordered.map((point) => [day(new Date(point.frozenAt).toISOString()), total === 0 ? point.progress : (point.progress * versionScope(point)) / total]),
  );
  return {
    id: `burn-up-${phase.id}`,
    title: 'Progress over time',
    unit: "% of today's estimated work",
    kind: 'line',
    labelHeader: 'Day',
    labels: days,
    series: [
      { label: 'Complete', data: days.map((date) => round(doneBy(date) * 100, 2)), style: 'step' },
      ...(snapshots.length > 0
        ? [{ label: 'Frozen versions', data: days.map((date) => (versionOn.has(date) ? round(versionOn.get(date)! * 100, 2) : null)), style: 'line' as const }]
        : []),
      { label: 'Scope', data: days.map(scopeOn), style: 'dashed' },
    ],
  };
}

/** The number a target aims at, on the same scale as the values: a bound, an exact value, or baseline + change. */
function targetValue(target: Target | null, baseline: MetricValue | null): number | null {
  if (!target || target.value === null) return null;
  if (target.kind === 'compare' || target.kind === 'exact') return target.value;
  if (target.kind === 'change' && baseline?.value != null) {
    return target.percent ? round(baseline.value * (1 + target.value / 100)) : round(baseline.value + target.value);
  }
  return null;
}

/** Metrics whose baseline, target and achieved values are numbers (at least two of them), side by side. */
export function buildMetricsChart(phase: Phase): ChartSpec | null {
  const rows = phase.metrics
    .filter((metric) => metric.target !== null)
    .map((metric: Metric) => ({
      metric,
      values: [metric.baseline?.value ?? null, targetValue(metric.target, metric.baseline), metric.achieved?.value ?? null],
    }))
    .filter((row) => row.values.filter((value) => value !== null).length >= 2);
  if (rows.length === 0) return null;
  return {
    id: `metrics-${phase.id}`,
    title: 'Metrics: baseline, target and achieved',
    unit: 'as measured (each metric in its own unit)',
    kind: 'bar',
    labelHeader: 'Metric',
    labels: rows.map((row) => row.metric.label),
    series: ['Baseline', 'Target', 'Achieved'].map((label, index) => ({
      label,
      data: rows.map((row) => (row.values[index] === null ? null : round(row.values[index]!))),
      style: 'bar',
    })),
  };
}

/** Estimate against time taken (or taken so far) per task, in days. */
export function buildPlanActualChart(phase: Phase): ChartSpec {
  return {
    id: `plan-actual-${phase.id}`,
    title: 'Plan vs actual per task',
    unit: 'days',
    kind: 'horizontal-bar',
    labelHeader: 'Task',
    labels: phase.tasks.map((task) => `${task.id} ${task.title}`),
    series: [
      { label: 'Estimate', data: phase.tasks.map((task) => task.estimateDays), style: 'bar' },
      { label: 'Actual (so far while in progress)', data: phase.tasks.map((task) => task.elapsedDays), style: 'bar' },
    ],
  };
}

/**
 * Each target across the frozen versions and now, as the share of the way from its baseline to its target (0 % at the
 * baseline, 100 % at the target): metrics in ms, GB and % on one axis only this way. Null without a version, or when
 * no target has a number to measure against.
 */
export function buildTrendsChart(phase: Phase, history: readonly ProgressPoint[]): ChartSpec | null {
  if (history.length === 0) return null;
  const labels = [...history.map((point) => point.version), 'now'];
  const series = phase.metrics.flatMap((metric): ChartSeries[] => {
    const from = metric.baseline?.value ?? null;
    const to = targetValue(metric.target, metric.baseline);
    if (from === null || to === null || to === from) return [];
    // A bound the baseline already meets ("<20" from 12) has no way to go: a share of it would draw a met target as
    // going backwards. Its values are in the table beside the chart.
    const op = metric.target?.kind === 'compare' ? metric.target.op : null;
    if ((op?.startsWith('<') && from < to) || (op?.startsWith('>') && from > to)) return [];
    const share = (raw: number | string | null | undefined) => {
      const value = raw === null || raw === undefined ? null : parseMetricValue(raw).value;
      return value === null ? null : round(((value - from) / (to - from)) * 100, 1);
    };
    const data = [...history.map((point) => share(point.metrics?.[metric.key])), share(metric.achieved?.raw)];
    return data.some((value) => value !== null) ? [{ label: metric.label, data, style: 'line' }] : [];
  });
  if (series.length === 0) return null;
  return {
    id: `trends-${phase.id}`,
    title: 'Targets across versions',
    unit: '% of the way from baseline to target',
    kind: 'line',
    labelHeader: 'Version',
    labels,
    series,
  };
}
