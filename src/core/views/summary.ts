/** The numbers at the top of a dashboard, and on the home and version pages for each phase. */
import type { Phase, TaskStatus, Verdict } from '../schema/model.ts';
import { countVerdicts, splitMetrics } from '../metrics/verdict.ts';
import { formatDays, percentOf } from '../format/format.ts';
import { progressLabel } from '../model/build-phase.ts';

/** Counts per key, with every key present (zero when none). */
function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

export interface PhaseSummary {
  progressPercent: number;
  /** What the percentage counts: "of the estimated work complete", or "of tasks complete" when not every task has an estimate. */
  progressLabel: string;
  taskCounts: Record<TaskStatus, number>;
  /** Verdicts of the metrics that have a target. */
  verdictCounts: Record<Verdict, number>;
  targetCount: number;
  criticalPathText: string;
  /** Set when the package states a total that differs from the computed critical path. */
  statedDaysNote: string | null;
  deliverablesDone: number;
  deliverablesTotal: number;
}

/** The numbers at the top of a dashboard. */
export function buildPhaseSummary(phase: Phase): PhaseSummary {
  const items = phase.deliverables.flatMap((group) => group.items).filter((item) => item.checked !== null);
  const { targeted } = splitMetrics(phase.metrics);
  const { taskIds, days, alternatives } = phase.criticalPath;
  const chain = (ids: readonly string[]) => ids.join(' → ');
  const criticalPathText =
    taskIds.length === 0
      ? phase.criticalPath.unestimated > 0
        ? 'No critical path: no task has an estimate.'
        : 'No critical path (no tasks, or the dependencies need fixing).'
      : `${chain(taskIds)}: ${formatDays(days)}` + (alternatives.length > 0 ? ` (equally long: ${alternatives.map(chain).join('; ')})` : '');
  const statedDaysNote =
    phase.statedDays !== null && Math.abs(phase.statedDays - days) > 0.005
      ? `The package states ${formatDays(phase.statedDays)}; the estimates and dependencies give ${formatDays(days)}.`
      : null;
  return {
    progressPercent: percentOf(phase.progress),
    progressLabel: progressLabel(phase.tasks),
    taskCounts: countBy(
      ['pending', 'in_progress', 'complete', 'blocked'],
      phase.tasks.map((task) => task.status),
    ),
    verdictCounts: countVerdicts(targeted),
    targetCount: targeted.length,
    criticalPathText,
    statedDaysNote,
    deliverablesDone: items.filter((item) => item.checked).length,
    deliverablesTotal: items.length,
  };
}

/** "75% of the estimated work complete · 4 tasks · critical path 2.4 days": a phase in a list of phases. */
export function phaseLine(phase: Pick<Phase, 'progress' | 'tasks' | 'criticalPath'>): string {
  const path =
    phase.criticalPath.taskIds.length === 0
      ? phase.criticalPath.unestimated > 0
        ? 'no estimates'
        : 'no critical path'
      : `critical path ${formatDays(phase.criticalPath.days)}`;
  return `${percentOf(phase.progress)}% ${progressLabel(phase.tasks)} · ${phase.tasks.length} tasks · ${path}`;
}
