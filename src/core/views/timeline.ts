/**
 * The plan-versus-actual timeline of a phase, one lane per task. The plan starts every task as early as its
 * dependencies allow (estimates in days from the phase start); the actual bar runs from the first reported start
 * to the completion, or to the newest event while the task is still in progress.
 */
import type { Phase, TaskStatus } from '../schema/model.ts';
import { compareTaskIds, scheduleGraph } from '../model/schedule.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TimelineLane {
  taskId: string;
  title: string;
  status: TaskStatus;
  critical: boolean;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  /** Completion, or the newest event while in progress; null before a start. */
  actualEnd: string | null;
  ongoing: boolean;
  estimateDays: number | null;
  elapsedDays: number | null;
  /** Positions in the SVG, in px. */
  plan: { x: number; width: number };
  actual: { x: number; width: number } | null;
  y: number;
  /** Times of the task's events, as x positions. */
  ticks: number[];
}

export interface TimelineLayout {
  origin: string;
  end: string;
  width: number;
  height: number;
  labelWidth: number;
  laneHeight: number;
  axis: { x: number; label: string }[];
  lanes: TimelineLane[];
  /** x of the newest event ("now" in the data), or null. */
  nowX: number | null;
}

const LABEL_WIDTH = 170;
const CHART_WIDTH = 640;
const LANE_HEIGHT = 46;
const TOP = 28;

/** Earliest start of each task in days from the phase start, dependencies first. */
export function plannedStarts(phase: Pick<Phase, 'tasks'>): Map<string, number> {
  const byId = new Map(scheduleGraph(phase.tasks).map((task) => [task.id, task]));
  const start = new Map<string, number>();
  const earliest = (id: string, seen: ReadonlySet<string> = new Set()): number => {
    const known = start.get(id);
    if (known !== undefined) return known;
    const task = byId.get(id);
    if (!task || seen.has(id)) return 0;
    const value = Math.max(0, ...task.dependsOn.filter((dep) => byId.has(dep)).map((dep) => earliest(dep, new Set([...seen, id])) + byId.get(dep)!.estimateDays));
    start.set(id, value);
    return value;
  };
  for (const task of byId.values()) earliest(task.id);
  return start;
}

/** Lays the timeline out; the scale covers both plan and actual. */
export function buildTimelineLayout(phase: Phase): TimelineLayout {
  const starts = plannedStarts(phase);
  const candidates = [phase.created, ...phase.tasks.map((task) => task.startedAt)].filter((time): time is string => time !== null && !Number.isNaN(Date.parse(time))).map(Date.parse);
  const origin = Math.min(...(candidates.length > 0 ? candidates : phase.activity.oldestEvent !== null ? [Date.parse(phase.activity.oldestEvent)] : [Date.parse(phase.buildAsOf)]));
  const newest = phase.dataQuality.newestEvent ? Date.parse(phase.dataQuality.newestEvent) : null;
  const critical = new Set([...phase.criticalPath.taskIds, ...phase.criticalPath.alternatives.flat()]);
  const tasks = phase.tasks.toSorted((a, b) => (starts.get(a.id)! - starts.get(b.id)!) || compareTaskIds(a.id, b.id));

  const raw = tasks.map((task) => {
    const planStart = origin + starts.get(task.id)! * DAY_MS;
    const planEnd = planStart + (task.estimateDays ?? 0) * DAY_MS;
    const actualStart = task.startedAt ? Date.parse(task.startedAt) : null;
    const ongoing = actualStart !== null && task.completedAt === null;
    const actualEnd = task.completedAt ? Date.parse(task.completedAt) : ongoing ? Math.max(newest ?? actualStart!, actualStart!) : null;
    return { task, planStart, planEnd, actualStart, actualEnd, ongoing };
  });
  const end = Math.max(origin + DAY_MS, ...raw.flatMap((lane) => [lane.planEnd, lane.actualEnd ?? 0]));
  const scale = CHART_WIDTH / (end - origin);
  const x = (time: number) => LABEL_WIDTH + (time - origin) * scale;
  const days = Math.ceil((end - origin) / DAY_MS);
  const step = Math.max(1, Math.ceil(days / 8));
  const axis = Array.from({ length: Math.floor(days / step) + 1 }, (_, i) => ({ x: x(origin + i * step * DAY_MS), label: `day ${i * step}` }));

  const lanes: TimelineLane[] = raw.map(({ task, planStart, planEnd, actualStart, actualEnd, ongoing }, index) => ({
    taskId: task.id,
    title: task.title,
    status: task.status,
    critical: critical.has(task.id),
    plannedStart: new Date(planStart).toISOString(),
    plannedEnd: new Date(planEnd).toISOString(),
    actualStart: actualStart === null ? null : new Date(actualStart).toISOString(),
    actualEnd: actualEnd === null ? null : new Date(actualEnd).toISOString(),
    ongoing,
    estimateDays: task.estimateDays,
    elapsedDays: task.elapsedDays,
    plan: { x: x(planStart), width: Math.max(2, (planEnd - planStart) * scale) },
    actual: actualStart === null || actualEnd === null ? null : { x: x(actualStart), width: Math.max(3, (actualEnd - actualStart) * scale) },
    y: TOP + index * LANE_HEIGHT,
    ticks: (phase.activity.ticks[task.id] ?? []).map((time) => x(Date.parse(time))),
  }));
  return {
    origin: new Date(origin).toISOString(),
    end: new Date(end).toISOString(),
    width: LABEL_WIDTH + CHART_WIDTH + 16,
    height: TOP + lanes.length * LANE_HEIGHT + 8,
    labelWidth: LABEL_WIDTH,
    laneHeight: LANE_HEIGHT,
    axis,
    lanes,
    nowX: newest === null ? null : x(newest),
  };
}
