/** Feed items: every change of a task's status that the hook logs show, newest first. */
import { statusLabels } from '../format/labels.ts';
import type { FeedItem, Phase, StatusEvidence, Task } from '../schema/model.ts';

/** Status changes of every task of a phase, from each task's changes (deriveTaskTimeline). */
export function buildStatusFeedItems(phase: Pick<Phase, 'id' | 'title'> & { tasks: readonly Task[] }, changesByTask: ReadonlyMap<string, readonly StatusEvidence[]>): FeedItem[] {
  const items = phase.tasks.flatMap((task) =>
    (changesByTask.get(task.id) ?? []).map((step) => ({
      id: `${phase.id}/${task.id}/${step.time}/${step.status}`,
      title: `Task ${task.id} ${task.title}: ${statusLabels[step.status]}`,
      time: step.time!,
      description: `${phase.title}: task ${task.id} (${task.agent}) is now ${statusLabels[step.status].toLowerCase()}. Evidence: ${step.summary}, in ${step.path}${step.key ? ` (${step.key})` : ''}.`,
      path: `${phase.id}/tasks/${task.slug}/`,
    })),
  );
  return items.toSorted((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.id < b.id ? -1 : 1));
}
