/** What a task waits for, as its pages list it. */
import type { Phase, Task, TaskStatus } from '../schema/model.ts';

/** One thing a task waits for, as its pages list it; `slug` links to a task page, `phaseId` alone to a phase. */
export interface DependencyItem {
  text: string;
  phaseId: string | null;
  slug: string | null;
  status: TaskStatus | null;
  /** Why it links nowhere: "not found", "outside the content root". */
  note: string | null;
}

// A phase's tasks by id, made once per list: a dashboard asks for every task's dependencies, so a list made per task
// costs the square of the phase's size (100 phases of 100 tasks: 1,000,000 entries).
const byIdOf = new WeakMap<readonly Task[], ReadonlyMap<string, Task>>();
function tasksById(tasks: readonly Task[]): ReadonlyMap<string, Task> {
  let byId = byIdOf.get(tasks);
  if (!byId) byIdOf.set(tasks, (byId = new Map(tasks.map((task) => [task.id, task]))));
  return byId;
}

/** What a task waits for: tasks of its phase, tasks and phases of other phases (with their status), and the rest as written. */
export function dependencyItems(task: Task, phase: Pick<Phase, 'id' | 'tasks'>): DependencyItem[] {
  const byId = tasksById(phase.tasks);
  return task.dependencies.flatMap((dependency): DependencyItem[] => {
    const local = dependency.taskIds
      .filter((id) => byId.has(id))
      .map((id) => ({ text: id, phaseId: phase.id, slug: byId.get(id)!.slug, status: byId.get(id)!.status, note: null }));
    const linked = dependency.links.map((link) => ({
      text: link.taskId ? `${link.taskId} (${link.phaseId})` : link.title,
      phaseId: link.phaseId,
      slug: link.slug,
      status: link.status,
      note: null,
    }));
    const missing = dependency.missing.map((id) => ({ text: id, phaseId: null, slug: null, status: null, note: 'not found in any phase' }));
    const items = [...local, ...linked, ...missing];
    if (items.length > 0) return items;
    const inFolder = task.dependsOn.length > 0 && dependency.external;
    return [{ text: dependency.raw, phaseId: null, slug: null, status: null, note: dependency.external && !inFolder ? 'outside this content' : null }];
  });
}
