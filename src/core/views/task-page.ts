/** A task's page: its metadata as the page lists it, its newest events and the files it edited. */
import { formatAgent, formatCount, formatDays, formatEstimate, formatTimestamp } from '../format/format.ts';
import { metadataStyleLabels } from '../format/labels.ts';
import { criticalTaskIds } from '../model/schedule.ts';
import type { EventLine, Phase, Task } from '../schema/model.ts';
import { dependencyItems, type DependencyItem } from './dependencies.ts';
import { toEventRows, type EventRow } from './tasks.ts';
import { conflictText } from '../report/report.ts';
import { healthLabels } from './glance.ts';

export interface TaskPageView {
  phase: Pick<Phase, 'id' | 'title' | 'asOf'>;
  task: Task;
  /** "started 2025-10-23 08:00 UTC, done … · 1.27 days taken", or what the hooks did not report. */
  actual: string;
  agentText: string;
  /** "2.4 days (written “2-3 days”) · on the critical path". */
  estimate: string;
  dependencies: DependencyItem[];
  parent: { id: string; slug: string } | null;
  files: string[];
  /** How the task file gives its metadata: "bold-line metadata". */
  metadataStyle: string;
  events: EventRow[];
  /** "The newest 10 of its 54 events", when the page lists fewer than the task has. */
  shown: string | null;
  /** "The sources disagree: …", or null. */
  conflict: string | null;
  /** Where it stands against the plan, as its row in the task table says it; null when not judged. */
  health: { state: string; label: string; reason: string } | null;
}

/** `lists`: the task's newest events and edited files (kept apart from the phase model). The view keeps only the phase's id, title and as-of. */
export function buildTaskPageView(phase: Phase, task: Task, lists: { events: readonly EventLine[]; files: readonly string[] }): TaskPageView {
  const critical = criticalTaskIds(phase.criticalPath).has(task.id);
  const written = task.estimateText !== null && task.estimateText !== formatEstimate(task.estimateDays) ? ` (written “${task.estimateText}”)` : '';
  const parent = task.parentId === null ? null : { id: task.parentId, slug: phase.tasks.find((other) => other.id === task.parentId)?.slug ?? '' };
  return {
    phase: { id: phase.id, title: phase.title, asOf: phase.asOf },
    task,
    actual: actualText(task),
    agentText: formatAgent(task.agent),
    estimate: `${formatEstimate(task.estimateDays)}${written}${critical ? ' · on the critical path' : ''}`,
    dependencies: dependencyItems(task, phase),
    parent,
    files: [...lists.files],
    metadataStyle: metadataStyleLabels[task.metadataStyle],
    events: toEventRows(lists.events),
    conflict: task.statusConflict ? conflictText(task) : null,
    health: task.health && { ...task.health, label: healthLabels[task.health.state] },
    shown:
      task.events > lists.events.length ? `The newest ${lists.events.length} of its ${formatCount(task.events)} events. The hook logs hold them all.` : null,
  };
}

function actualText(task: Task): string {
  if (!task.startedAt) return 'no start reported by the hooks';
  const done = task.completedAt ? `, done ${formatTimestamp(task.completedAt)}` : ', not done yet';
  const elapsed = task.elapsedDays === null ? '' : ` · ${formatDays(task.elapsedDays)} ${task.completedAt ? 'taken' : 'so far'}`;
  return `started ${formatTimestamp(task.startedAt)}${done}${elapsed}`;
}
