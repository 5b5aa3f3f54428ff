/**
 * The plan-versus-actual timeline of a phase, one lane per task. The plan starts every task as early as its
 * dependencies allow (estimates in days from the phase start); the actual bar runs from the first reported start
 * to the completion, or to the newest event while the task is still in progress.
 */
import type { Phase, TaskStatus } from '../schema/model.ts';
import { clip, DAY_DEFINITION, formatDays, formatEstimate, formatNumber, formatTimestamp } from '../format/format.ts';
import { round } from '../format/round.ts';
import { statusLabels } from '../format/labels.ts';
import { DAY_MS, planOrigin, plannedDates } from '../model/plan.ts';
import { compareTaskIds, criticalTaskIds } from '../model/schedule.ts';

interface TimelineLane {
  taskId: string;
  title: string;
  /** "7.1 Build infrastructure", cut to fit beside the bars. */
  label: string;
  statusLabel: string;
  /** "2025-10-23 08:00 UTC → 2025-10-25 17:36 UTC", or why the plan has no dates for the task. */
  planned: string;
  /** The actual dates, "… → in progress", or "not started". */
  actualText: string;
  estimate: string;
  elapsed: string;
  status: TaskStatus;
  critical: boolean;
  /** Null when the plan cannot date the task (no estimate, or after work of unknown length). */
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  /** Completion, or the newest event while in progress; null before a start. */
  actualEnd: string | null;
  ongoing: boolean;
  estimateDays: number | null;
  elapsedDays: number | null;
  /** Positions in the SVG, in px. */
  plan: { x: number; width: number } | null;
  actual: { x: number; width: number } | null;
  y: number;
  /** Times of the task's events, as x positions. */
  ticks: number[];
}

export interface TimelineLayout {
  phaseId: string;
  phaseTitle: string;
  /** Day 0, or null for a phase nothing dates (its plan is drawn in days from its start). */
  origin: string | null;
  /** Day 0, as the legend says it. */
  originText: string;
  /** What a day is (format/format.ts), for the legend. */
  days: string;
  /** The last day drawn, or null for a phase nothing dates. */
  end: string | null;
  width: number;
  height: number;
  labelWidth: number;
  laneHeight: number;
  axis: { x: number; label: string }[];
  lanes: TimelineLane[];
  /** x of the newest event ("now" in the data), or null. */
  nowX: number | null;
  /** Why there is nothing to draw (no task has a planned or an actual date), or null when there is. */
  empty: string | null;
}

const LABEL_WIDTH = 170;
const CHART_WIDTH = 640;
const LANE_HEIGHT = 46;
const TOP = 28;

/** Lays the timeline out; the scale covers both plan and actual. */
export function buildTimelineLayout(phase: Phase): TimelineLayout {
  // A phase nothing dates is drawn in days from its start: its plan has lengths and order, never dates it does not have.
  const dated = planOrigin(phase);
  const origin = dated ?? 0;
  const when = (time: number) => (dated === null ? `day ${formatNumber(round((time - origin) / DAY_MS, 2))}` : formatTimestamp(new Date(time).toISOString()));
  const plan = plannedDates(phase, origin);
  const newest = phase.dataQuality.newestEvent ? Date.parse(phase.dataQuality.newestEvent) : null;
  const critical = criticalTaskIds(phase.criticalPath);
  const tasks = phase.tasks.toSorted((a, b) => plan.get(a.id)!.startDay - plan.get(b.id)!.startDay || compareTaskIds(a.id, b.id));

  const raw = tasks.map((task) => {
    // The origin is set; a task the plan cannot date (no estimate, or after work of unknown length) has no plan bar.
    const { start: planStart, end: planEnd } = plan.get(task.id)!;
    const actualStart = task.startedAt ? Date.parse(task.startedAt) : null;
    const ongoing = actualStart !== null && task.completedAt === null;
    const actualEnd = task.completedAt ? Date.parse(task.completedAt) : ongoing ? Math.max(newest ?? actualStart!, actualStart!) : null;
    return { task, planStart, planEnd, actualStart, actualEnd, ongoing };
  });
  const end = Math.max(origin + DAY_MS, ...raw.flatMap((lane) => [lane.planEnd ?? 0, lane.actualEnd ?? 0]));
  const scale = CHART_WIDTH / (end - origin);
  const x = (time: number) => LABEL_WIDTH + (time - origin) * scale;
  const days = Math.ceil((end - origin) / DAY_MS);
  const step = Math.max(1, Math.ceil(days / 8));
  const axis = Array.from({ length: Math.floor(days / step) + 1 }, (_, i) => ({ x: x(origin + i * step * DAY_MS), label: `day ${i * step}` }));

  const lanes: TimelineLane[] = raw.map(({ task, planStart, planEnd, actualStart, actualEnd, ongoing }, index) => ({
    taskId: task.id,
    title: task.title,
    label: clip(`${task.id} ${task.title}`, 24),
    statusLabel: statusLabels[task.status],
    planned:
      planStart === null || planEnd === null
        ? task.estimateDays === null
          ? 'not planned: no estimate'
          : 'not planned: after work of unknown length'
        : `${when(planStart)} → ${when(planEnd)}`,
    actualText:
      actualStart === null
        ? 'not started'
        : `${formatTimestamp(new Date(actualStart).toISOString())} → ${ongoing ? 'in progress' : formatTimestamp(actualEnd === null ? null : new Date(actualEnd).toISOString())}`,
    estimate: formatEstimate(task.estimateDays),
    elapsed: task.elapsedDays === null ? '—' : formatDays(task.elapsedDays),
    status: task.status,
    critical: critical.has(task.id),
    plannedStart: planStart === null || dated === null ? null : new Date(planStart).toISOString(),
    plannedEnd: planEnd === null || dated === null ? null : new Date(planEnd).toISOString(),
    actualStart: actualStart === null ? null : new Date(actualStart).toISOString(),
    actualEnd: actualEnd === null ? null : new Date(actualEnd).toISOString(),
    ongoing,
    estimateDays: task.estimateDays,
    elapsedDays: task.elapsedDays,
    plan: planStart === null || planEnd === null ? null : { x: x(planStart), width: Math.max(2, (planEnd - planStart) * scale) },
    actual: actualStart === null || actualEnd === null ? null : { x: x(actualStart), width: Math.max(3, (actualEnd - actualStart) * scale) },
    y: TOP + index * LANE_HEIGHT,
    ticks: (phase.activity.ticks[task.id] ?? []).map((time) => x(Date.parse(time))),
  }));
  return {
    phaseId: phase.id,
    phaseTitle: phase.title,
    origin: dated === null ? null : new Date(origin).toISOString(),
    originText: dated === null ? "the phase's start, which its files do not date" : formatTimestamp(new Date(origin).toISOString()),
    days: DAY_DEFINITION,
    end: dated === null ? null : new Date(end).toISOString(),
    width: LABEL_WIDTH + CHART_WIDTH + 16,
    height: TOP + lanes.length * LANE_HEIGHT + 8,
    empty: lanes.some((lane) => lane.plan !== null || lane.actual !== null)
      ? null
      : `No task has a date to draw: ${phase.tasks.some((task) => task.estimateDays !== null) ? 'the plan cannot date the work (tasks after work of unknown length)' : 'no task has an estimate, so the plan cannot date the work'}, and no start or finish is recorded. The table lists every task.`,
    labelWidth: LABEL_WIDTH,
    laneHeight: LANE_HEIGHT,
    axis,
    lanes,
    nowX: newest === null ? null : x(newest),
  };
}
