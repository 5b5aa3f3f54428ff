/** Tasks and events as the pages list them: each row with what it shows already worked out. */
import { formatAgent, formatDays, formatEstimate } from '../format/format.ts';
import { criticalTaskIds } from '../model/schedule.ts';
import type { EventLine, Phase, Task } from '../schema/model.ts';
import { describeEvent } from './activity.ts';
import { dependencyItems, type DependencyItem } from './dependencies.ts';
import { healthLabels } from './glance.ts';
import { conflictText } from '../report/report.ts';

export interface TaskRow {
  task: Task;
  /** On the critical path or a chain tied with it. */
  critical: boolean;
  /** The agent's name, or null when unassigned (`agentText` then says so). */
  agent: string | null;
  agentText: string;
  estimateText: string;
  dependencies: DependencyItem[];
  /** "1.27 days taken of 1.2 days estimated", or null before a start. */
  elapsedText: string | null;
  /** Where it stands against the plan, or null when not judged (a version frozen before health existed). */
  health: { state: string; label: string; reason: string } | null;
  /** "The sources disagree: …", or null when the task file and the hook logs agree. */
  conflict: string | null;
}

/** The rows of a phase's task table. */
export function buildTaskRows(phase: Phase): TaskRow[] {
  const critical = criticalTaskIds(phase.criticalPath);
  return phase.tasks.map((task) => ({
    task,
    critical: critical.has(task.id),
    agent: task.agent,
    agentText: formatAgent(task.agent),
    estimateText: formatEstimate(task.estimateDays),
    dependencies: dependencyItems(task, phase),
    elapsedText: elapsedText(task),
    health: task.health && { ...task.health, label: healthLabels[task.health.state] },
    conflict: task.statusConflict ? conflictText(task) : null,
  }));
}

function elapsedText(task: Task): string | null {
  if (task.elapsedDays === null) return null;
  const estimated = task.estimateDays === null ? '' : ` of ${formatDays(task.estimateDays)} estimated`;
  return `${formatDays(task.elapsedDays)} ${task.completedAt ? 'taken' : 'so far'}${estimated}`;
}

/** An event with the line of text that says what it was. */
export interface EventRow extends EventLine {
  what: string;
}

export function toEventRows(events: readonly EventLine[]): EventRow[] {
  return events.map((event) => ({ ...event, what: describeEvent(event) }));
}
