/**
 * Boils a phase's matched hook events down to what the pages show. A long phase logs hundreds of thousands of
 * events; the pages need counts, the newest few, and summaries, so those are computed here, once, from all of them,
 * and the full list is dropped. That keeps the model (and every page built from it) small however long the logs get.
 */
import {
  toEventLine,
  type EventLine,
  type EventView,
  type FileEdits,
  type PhaseActivity,
  type SessionView,
  type StatusEvidence,
  type Task,
} from '../schema/model.ts';
import { buildStatusFeedItems } from './feed.ts';

/** Events the activity page lists: the newest of the phase. */
export const RECENT_EVENTS = 200;
/** Events a task page lists: the newest of the task. */
const RECENT_TASK_EVENTS = 10;
/** Notifications on the dashboard. */
const RECENT_NOTIFICATIONS = 8;
/** Files in the dashboard's "Files edited" table. */
const TOP_FILES = 10;

interface SummarizedActivity {
  /** The tasks, each with the files it edited. */
  tasks: Task[];
  /** The newest RECENT_EVENTS events, oldest first. */
  recent: EventLine[];
  activity: PhaseActivity;
}

/** `events` oldest first (as deriveActivity orders them), each already matched to its task. */
/** `statusChanges`: each task's dated changes of status (deriveActivity), for the feed. */
export function summarizeActivity(
  phase: { id: string; title: string; tasks: readonly Task[] },
  events: readonly EventView[],
  statusChanges: ReadonlyMap<string, readonly StatusEvidence[]> = new Map(),
): SummarizedActivity {
  const byTask = Map.groupBy(
    events.filter((event) => event.taskId !== null),
    (event) => event.taskId!,
  );
  const taskEvents: Record<string, EventLine[]> = {};
  const ticks: Record<string, string[]> = {};
  for (const task of phase.tasks) {
    const own = byTask.get(task.id) ?? [];
    if (own.length === 0) continue;
    taskEvents[task.id] = newestFirst(own).slice(0, RECENT_TASK_EVENTS).map(toEventLine);
    ticks[task.id] = toHours(own.flatMap((event) => (event.time ? [event.time] : [])));
  }
  const oldestEvent = events.reduce<string | null>(
    (oldest, event) => (event.time !== null && (oldest === null || event.time < oldest) ? event.time : oldest),
    null,
  );
  const edits = buildEditsByFile(events);
  const filesByTask = new Map<string, string[]>();
  for (const { file, taskIds } of edits) for (const taskId of taskIds) filesByTask.set(taskId, [...(filesByTask.get(taskId) ?? []), file]);
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    tasks: phase.tasks.map((task) => ({ ...task, files: (filesByTask.get(task.id) ?? []).toSorted(byName) })),
    recent: newestFirst(events).slice(0, RECENT_EVENTS).toReversed().map(toEventLine),
    activity: {
      eventCount: events.length,
      oldestEvent,
      notifications: newestFirst(events.filter((event) => event.kind === 'notify'))
        .slice(0, RECENT_NOTIFICATIONS)
        .map(toEventLine),
      topFiles: edits.slice(0, TOP_FILES),
      fileCount: edits.length,
      sessions: buildSessions(events),
      feed: buildStatusFeedItems(phase, statusChanges),
      taskEvents,
      ticks,
    },
  };
}

const HOUR_MS = 3_600_000;

/** Distinct hours of ISO times, in order: on a timeline of days, a mark per hour is as fine as it can draw. */
function toHours(times: readonly string[]): string[] {
  const byHour = new Map<string, number>();
  for (const time of times) {
    const key = time.slice(0, 13); // "2025-10-24T10": cheap, and the times are normalized ISO already
    if (byHour.has(key)) continue;
    const ms = Date.parse(time);
    if (!Number.isNaN(ms)) byHour.set(key, ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS));
  }
  return [...new Set(byHour.values())].toSorted((a, b) => a - b).map((ms) => new Date(ms).toISOString());
}

/** Events newest first (timeless ones last, in file order). */
export function newestFirst<T extends Pick<EventView, 'time'>>(events: readonly T[]): T[] {
  return events.toReversed().toSorted((a, b) => {
    if (a.time === null || b.time === null) return a.time === null ? (b.time === null ? 0 : 1) : -1;
    return a.time < b.time ? 1 : a.time > b.time ? -1 : 0;
  });
}

/** Edits per file, most edited first (ties by name). */
function buildEditsByFile(events: readonly EventView[]): FileEdits[] {
  const groups = Map.groupBy(
    events.filter((event) => event.kind === 'edit' && event.file),
    (event) => event.file!,
  );
  return [...groups]
    .map(([file, edits]) => ({
      file,
      edits: edits.length,
      taskIds: [...new Set(edits.map((edit) => edit.taskId).filter((id): id is string => id !== null))].toSorted(),
      last:
        edits
          .map((edit) => edit.time)
          .filter((time): time is string => time !== null)
          .toSorted()
          .at(-1) ?? null,
    }))
    .toSorted((a, b) => b.edits - a.edits || (a.file < b.file ? -1 : 1));
}

/** Session ends, newest first, each with the metrics exported for the same session id. */
function buildSessions(events: readonly EventView[]): SessionView[] {
  const metrics = new Map(events.filter((event) => event.kind === 'metrics' && event.session).map((event) => [event.session!, event]));
  return newestFirst(events.filter((event) => event.kind === 'session.end')).map((event) => {
    const exported = event.session ? metrics.get(event.session) : undefined;
    return {
      session: event.session,
      endedAt: event.time,
      durationMs: exported?.durationMs ?? null,
      metrics: { ...event.data, ...(exported?.data ?? {}) },
      source: event.source.path,
    };
  });
}
