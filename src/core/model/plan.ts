/**
 * The plan of a phase in calendar time: every task starts as early as its dependencies allow (estimates in days,
 * counted from the phase start) and ends its estimate later. The report's timeline table and the timeline page both
 * read it from here.
 */
import type { Phase } from '../schema/model.ts';
import { earliestStarts, isLeftOut, scheduleGraph } from './schedule.ts';

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

/**
 * The tasks whose planned start the estimates cannot give: those that wait (through any chain) for a task that takes
 * time but has no estimate.
 */
function unknownStarts(tasks: Pick<Phase, 'tasks'>['tasks'], graph: ReturnType<typeof scheduleGraph>): Set<string> {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const parents = new Set(tasks.map((task) => task.parentId).filter((id): id is string => !!id));
  const unsized = new Set(tasks.filter((task) => task.estimateDays === null && !isLeftOut(task) && !parents.has(task.id)).map((task) => task.id));
  const waitsFor = new Map(graph.map((node) => [node.id, node.dependsOn.filter((id) => byId.has(id))]));
  const memo = new Map<string, boolean>();
  const unknownStart = (id: string, seen: Set<string>): boolean => {
    if (memo.has(id)) return memo.get(id)!;
    if (seen.has(id)) return false; // a cycle is reported elsewhere
    seen.add(id);
    const result = (waitsFor.get(id) ?? []).some((dep) => unsized.has(dep) || unknownStart(dep, seen));
    memo.set(id, result);
    return result;
  };
  return new Set(tasks.filter((task) => unknownStart(task.id, new Set())).map((task) => task.id));
}

/** Each task's planned start and end, by task id; `origin` is planOrigin's (or a time chosen to draw an undated plan). */
export function plannedDates(phase: Pick<Phase, 'tasks'>, origin: number | null): Map<string, PlannedDates> {
  const graph = scheduleGraph(phase.tasks);
  const starts = earliestStarts(graph);
  const unknown = unknownStarts(phase.tasks, graph);
  const parents = new Set(phase.tasks.map((task) => task.parentId).filter((id): id is string => !!id));
  return new Map(
    phase.tasks.map((task) => {
      const startDay = starts.get(task.id) ?? 0;
      // A task without an estimate is not in the plan (as on the critical path), and after work of unknown length the
      // plan cannot say when a task starts: no date, rather than one that counts unknown work as none.
      const start = origin === null || unknown.has(task.id) || (task.estimateDays === null && !parents.has(task.id)) ? null : origin + startDay * DAY_MS;
      return [task.id, { startDay, start, end: start === null ? null : start + (task.estimateDays ?? 0) * DAY_MS }];
    }),
  );
}
