/**
 * The plan of a phase in calendar time: every task starts as early as its dependencies allow (estimates in days,
 * counted from the phase start) and ends its estimate later. The report's timeline table and the timeline page both
 * read it from here.
 */
import type { Phase } from '../schema/model.ts';
import { earliestStarts, scheduleGraph } from './schedule.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

const dated = (time: string | null): time is string => time !== null && !Number.isNaN(Date.parse(time));

/**
 * When the phase started, in milliseconds: the earliest of the overview's **Created:** and the first reported start
 * of a task; without either, the oldest hook event; null when nothing dates the phase.
 */
export function planOrigin(phase: Pick<Phase, 'created' | 'tasks' | 'activity'>): number | null {
  const candidates = [phase.created, ...phase.tasks.map((task) => task.startedAt)].filter(dated).map(Date.parse);
  if (candidates.length > 0) return Math.min(...candidates);
  return dated(phase.activity.oldestEvent) ? Date.parse(phase.activity.oldestEvent) : null;
}

export interface PlannedDates {
  /** Days from the phase start. */
  startDay: number;
  /** Milliseconds, or null when nothing dates the phase. */
  start: number | null;
  end: number | null;
}

/** Each task's planned start and end, by task id; `origin` is planOrigin's (or a time chosen to draw an undated plan). */
export function plannedDates(phase: Pick<Phase, 'tasks'>, origin: number | null): Map<string, PlannedDates> {
  const starts = earliestStarts(scheduleGraph(phase.tasks));
  return new Map(
    phase.tasks.map((task) => {
      const startDay = starts.get(task.id) ?? 0;
      const start = origin === null ? null : origin + startDay * DAY_MS;
      return [task.id, { startDay, start, end: start === null ? null : start + (task.estimateDays ?? 0) * DAY_MS }];
    }),
  );
}
