/**
 * Joins a phase's hook events to its tasks: matching, status with evidence, actual start and end, flags for tasks
 * that started before a dependency was complete, and the data-quality summary of every source.
 */
import { matchEvents } from './match.ts';
import { round } from '../format/round.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { addCounts, redactEventCounting, redactSourceReport, type RedactionCounts } from '../redact/redact.ts';
import { capEventText } from '../hooks/limits.ts';
import type { DataQuality, EventView, StatusEvidence, Task } from '../schema/model.ts';
import { judgeAsOf } from './freshness.ts';
import { DAY_MS } from './plan.ts';
import { chronological, deriveTaskTimeline } from './status.ts';
import { formatTimestamp } from '../format/format.ts';

export interface Activity {
  tasks: Task[];
  /** Every event, oldest first, matched to its task. */
  events: EventView[];
  dataQuality: DataQuality;
  /** Every event time, oldest first: enough to judge the phase against any as-of time later. */
  times: string[];
  /** Each task's dated changes of status, oldest first, by task id. */
  statusChanges: Map<string, StatusEvidence[]>;
}

/**
 * Applies the hook logs to tasks that so far carry only their authored status. With `buildAsOf` null nothing is
 * judged against a time (not stale, no events "from the future"): `judgeAsOf` does that later.
 */
export function deriveActivity(tasks: readonly Task[], imports: readonly ImportResult[], buildAsOf: string | null): Activity {
  // Every event is redacted before anything else sees it. What was taken out is counted on the report of the source
  // the event came from (its source.path), so the data-quality panel can show it per file. Then each text is cut to
  // what a page shows whole (hooks/limits.ts): one event of a 200 MB message must not be written into three pages.
  // Summed as they come, kind by kind: a file of two million events must not become two million arguments.
  const redactedByPath = new Map<string, Record<string, number>>();
  const redacted = imports
    .flatMap((result) => result.events)
    .map((raw) => {
      const { event, counts } = redactEventCounting(raw);
      for (const [kind, count] of Object.entries(counts)) {
        if (!count) continue;
        const forPath = redactedByPath.get(raw.source.path) ?? {};
        forPath[kind] = (forPath[kind] ?? 0) + count;
        redactedByPath.set(raw.source.path, forPath);
      }
      // Cut after redaction, so a secret is never cut in two and half of it shown; always a copy of the import's event.
      const shown = capEventText(event);
      return shown === raw ? { ...raw } : shown;
    });
  const events = chronological(redacted);
  const matching = matchEvents(tasks, events);
  // The redacted events are this function's own copies, so each is completed into its view in place rather than copied
  // once more: a million events are some 0.4 GB a copy.
  const views: EventView[] = events.map((event) => {
    const match = matching.byEvent.get(event.id);
    const view = event as EventView;
    view.taskId = match?.taskId ?? null;
    view.matchedBy = match?.rule ?? null;
    return view;
  });
  const byTask = Map.groupBy(
    views.filter((view) => view.taskId !== null),
    (view) => view.taskId!,
  );

  const times = views
    .map((view) => view.time)
    .filter((time): time is string => time !== null)
    .toSorted();
  const newestEvent = times.at(-1) ?? null;
  const statusChanges = new Map<string, StatusEvidence[]>();
  const derived = tasks.map((task) => {
    const own = byTask.get(task.id) ?? [];
    const timeline = deriveTaskTimeline(task.statusEvidence, own);
    statusChanges.set(task.id, timeline.changes);
    // "So far" is measured to the newest event: the last moment the logs speak for (staleness is flagged apart).
    // A start comes from a dated event, so an in-progress task with a start always has a newest event to measure to.
    // The logs' start, else the one the task's own source states (a Started date, a task store's startedAt); while
    // the status rests on that source and the source says when it was set (a task store's completedAt), that time.
    const startedAt = timeline.startedAt ?? task.startedAt;
    const completedAt = timeline.completedAt ?? (timeline.status === 'complete' && timeline.evidence === task.statusEvidence ? task.statusEvidence.time : null);
    const end = completedAt ?? (timeline.status === 'in_progress' ? newestEvent : null);
    const elapsedDays = startedAt && end ? round((Date.parse(end) - Date.parse(startedAt)) / DAY_MS) : null;
    return {
      ...task,
      status: timeline.status,
      statusEvidence: timeline.evidence,
      statusConflict: timeline.disagreement,
      startedAt,
      completedAt,
      elapsedDays,
      events: own.length,
    };
  });
  const completedAt = new Map(derived.map((task) => [task.id, task.completedAt]));
  const withFlags = derived.map((task) => ({ ...task, flags: [...task.flags, ...earlyStartFlags(task, completedAt)] }));

  const sources = imports.map(({ report }) => {
    const own = redactSourceReport(report);
    const fromEvents = (redactedByPath.get(report.path) ?? {}) as RedactionCounts;
    redactedByPath.delete(report.path); // two reports for one path: the first takes the counts, never both
    return { ...own.report, redactions: addCounts(report.redactions ?? {}, own.counts, fromEvents) };
  });
  const unmatched = matching.unmatched.length;
  const dataQuality: DataQuality = {
    sources,
    otherFiles: [],
    readers: [],
    unmatchedEvents: unmatched,
    newestEvent,
    stale: false,
    history: null,
    warnings: [
      ...sources.flatMap((source) => source.warnings),
      ...(unmatched > 0 ? [`${unmatched} event(s) match no task; they are listed under data quality.`] : []),
    ],
  };
  const judged = buildAsOf === null ? dataQuality : judgeAsOf(dataQuality, withFlags, times, buildAsOf);
  return { tasks: withFlags, events: views, dataQuality: judged, times, statusChanges };
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
