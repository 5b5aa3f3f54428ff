/** Feed items: the changes of tasks' statuses that the hook logs show, newest first. */
import { statusLabels } from '../format/labels.ts';
import type { FeedItem, Phase, StatusEvidence, Task } from '../schema/model.ts';

/**
 * How many items a feed holds: the newest. A reader shows the latest few and fetches the feed again and again, so a
 * big phase's whole history (L: 25,000 changes, 7.5 MB) has no place in it; every change stays on the task's page.
 */
export const FEED_ITEMS = 100;

/** The newest FEED_ITEMS status changes of a phase's tasks, from each task's changes (deriveTaskTimeline). */
export function buildStatusFeedItems(
  phase: Pick<Phase, 'id' | 'title'> & { tasks: readonly Task[] },
  changesByTask: ReadonlyMap<string, readonly StatusEvidence[]>,
): FeedItem[] {
  const items = phase.tasks.flatMap((task) =>
    (changesByTask.get(task.id) ?? []).map((step) => ({
      id: `${phase.id}/${task.id}/${step.time}/${step.status}`,
      title: `Task ${task.id} ${task.title}: ${statusLabels[step.status]}`,
      time: step.time!,
      description: `${phase.title}: task ${task.id} (${task.agent}) is now ${statusLabels[step.status].toLowerCase()}. Evidence: ${step.summary}, in ${step.path}${step.key ? ` (${step.key})` : ''}.`,
      path: `${phase.id}/tasks/${task.slug}/`,
    })),
  );
  return items.toSorted((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.id < b.id ? -1 : 1)).slice(0, FEED_ITEMS);
}
