/** Feed items: every change of a task's status that the hook logs show, newest first. */
import type { EventView, FeedItem, Phase, Task } from '../schema/model.ts';
import { statusSteps } from '../model/status.ts';
import { parseStatus } from '../tasks/parse-status.ts';
import { statusLabels } from './phase.ts';

export type { FeedItem } from '../schema/model.ts';

/** Status changes of every task of a phase (steps that change nothing are left out), from each task's events. */
export function buildStatusFeedItems(phase: Pick<Phase, 'id' | 'title'> & { tasks: readonly Task[] }, eventsByTask: ReadonlyMap<string, readonly EventView[]>): FeedItem[] {
  const items: FeedItem[] = [];
  for (const task of phase.tasks) {
    const own = eventsByTask.get(task.id) ?? [];
    // The file's own status is where the steps start; only changes from it are news.
    let previous = parseStatus(task.statusText ?? 'pending') ?? 'pending';
    for (const step of statusSteps(task.statusEvidence, own).slice(1)) {
      if (step.status === previous || step.time === null) continue;
      items.push({
        id: `${phase.id}/${task.id}/${step.time}/${step.status}`,
        title: `Task ${task.id} ${task.title}: ${statusLabels[step.status]}`,
        time: step.time,
        description: `${phase.title}: task ${task.id} (${task.agent}) is now ${statusLabels[step.status].toLowerCase()}. Evidence: ${step.summary}, in ${step.path}${step.key ? ` (${step.key})` : ''}.`,
        path: `${phase.id}/tasks/${task.slug}/`,
      });
      previous = step.status;
    }
  }
  return items.toSorted((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.id < b.id ? -1 : 1));
}
