import { expect, test } from 'vitest';
import { FEED_ITEMS, buildStatusFeedItems } from '../../src/core/model/feed.ts';
import type { StatusEvidence, Task } from '../../src/core/schema/model.ts';

test('a phase feed holds the newest FEED_ITEMS status changes of all its tasks', () => {
  // 60 tasks, each started and completed: 120 changes, the completions the newest.
  const tasks = Array.from({ length: 60 }, (_, at) => ({ id: `1.${at + 1}`, title: `Task ${at + 1}`, slug: `task-1.${at + 1}`, agent: 'coder' }) as Task);
  const change = (status: StatusEvidence['status'], minute: number): StatusEvidence => ({
    status,
    kind: 'notify',
    time: new Date(Date.UTC(2025, 9, 1, 8, minute)).toISOString(),
    path: 'hooks/memory.db',
    key: null,
    summary: 'a notify',
  });
  const changes = new Map(tasks.map((task, at) => [task.id, [change('in_progress', at), change('complete', 100 + at)]]));
  const items = buildStatusFeedItems({ id: 'phase-1', title: 'Phase 1', tasks }, changes);
  expect(items).toHaveLength(FEED_ITEMS);
  expect(items.filter((item) => item.title.endsWith('Complete'))).toHaveLength(60);
  // Of the starts, the 40 newest: tasks 21 to 60.
  expect(
    items
      .filter((item) => item.title.endsWith('In progress'))
      .map((item) => item.title.split(' ')[1])
      .toSorted(),
  ).toEqual(
    tasks
      .slice(20)
      .map((task) => task.id)
      .toSorted(),
  );
  expect(items[0]!.title).toBe('Task 1.60 Task 60: Complete');
});
