/**
 * Joins a phase's hook events to its tasks: matching, status with evidence, actual start and end, flags for tasks
 * that started before a dependency was complete, and the data-quality summary of every source.
 */
import { matchEvents, taskEventKinds } from './hooks/match.ts';
import type { ImportResult } from './hooks/import-result.ts';
import { redactEvent } from './hooks/redact.ts';
import type { DataQuality, EventView, Task } from './schema.ts';
import { chronological, deriveTaskTimeline } from './status.ts';
import { formatTimestamp } from './views.ts';

/** Older than this before the build's as-of time, the newest event makes a live phase "stale". */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Activity {
  tasks: Task[];
  events: EventView[];
  dataQuality: DataQuality;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Applies the hook logs to tasks that so far carry only their authored status. */
export function deriveActivity(tasks: readonly Task[], imports: readonly ImportResult[], buildAsOf: string): Activity {
  const events = chronological(imports.flatMap((result) => result.events).map(redactEvent));
  const matching = matchEvents(tasks, events);
  const views: EventView[] = events.map((event) => {
    const match = matching.byEvent.get(event.id);
    return { ...event, taskId: match?.taskId ?? null, matchedBy: match?.rule ?? null };
  });
  const byTask = Map.groupBy(views.filter((view) => view.taskId !== null), (view) => view.taskId!);

  const times = views.map((view) => view.time).filter((time): time is string => time !== null).toSorted();
  const newestEvent = times.at(-1) ?? null;
  const derived = tasks.map((task) => {
    const own = byTask.get(task.id) ?? [];
    const timeline = deriveTaskTimeline(task.statusEvidence, own);
    // "So far" is measured to the newest event: the last moment the logs speak for (staleness is flagged apart).
    const end = timeline.completedAt ?? (timeline.status === 'in_progress' ? (newestEvent ?? buildAsOf) : null);
    const elapsedDays = timeline.startedAt && end ? round2((Date.parse(end) - Date.parse(timeline.startedAt)) / DAY_MS) : null;
    return { ...task, status: timeline.status, statusEvidence: timeline.evidence, startedAt: timeline.startedAt, completedAt: timeline.completedAt, elapsedDays, events: own.length };
  });
  const completedAt = new Map(derived.map((task) => [task.id, task.completedAt]));
  const withFlags = derived.map((task) => ({ ...task, flags: [...task.flags, ...earlyStartFlags(task, completedAt)] }));

  const sources = imports.map((result) => result.report);
  const allComplete = withFlags.length > 0 && withFlags.every((task) => task.status === 'complete');
  const stale = newestEvent !== null && !allComplete && Date.parse(buildAsOf) - Date.parse(newestEvent) > STALE_AFTER_MS;
  const unmatched = matching.unmatched.length;
  const warnings = [
    ...sources.flatMap((source) => source.warnings),
    ...(unmatched > 0 ? [`${unmatched} event(s) match no task; they are listed under data quality.`] : []),
  ];
  return { tasks: withFlags, events: views, dataQuality: { sources, unmatchedEvents: unmatched, newestEvent, stale, warnings } };
}

/** "Started … before 7.3 was complete": a dependency not complete when the task started. */
function earlyStartFlags(task: Task, completedAt: ReadonlyMap<string, string | null>): string[] {
  if (!task.startedAt) return [];
  return task.dependsOn.flatMap((dep) => {
    const done = completedAt.get(dep) ?? null;
    if (done !== null && done <= task.startedAt!) return [];
    return [`Started ${formatTimestamp(task.startedAt)}, before task ${dep} was complete${done ? ` (${formatTimestamp(done)})` : ''}.`];
  });
}

/** Whether an event belongs to a task at all (sessions and metrics belong to the phase). */
export const isTaskEvent = (event: Pick<EventView, 'kind'>): boolean => taskEventKinds.has(event.kind);
