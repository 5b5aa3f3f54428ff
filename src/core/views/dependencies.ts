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

/** What a task waits for: tasks of its phase, tasks and phases of other phases (with their status), and the rest as written. */
export function dependencyItems(task: Task, phase: Pick<Phase, 'id' | 'tasks'>): DependencyItem[] {
  const byId = new Map(phase.tasks.map((other) => [other.id, other]));
  return task.dependencies.flatMap((dependency): DependencyItem[] => {
    const local = dependency.taskIds.filter((id) => byId.has(id)).map((id) => ({ text: id, phaseId: phase.id, slug: byId.get(id)!.slug, status: byId.get(id)!.status, note: null }));
    const linked = dependency.links.map((link) => ({ text: link.taskId ? `${link.taskId} (${link.phaseId})` : link.title, phaseId: link.phaseId, slug: link.slug, status: link.status, note: null }));
    const missing = dependency.missing.map((id) => ({ text: id, phaseId: null, slug: null, status: null, note: 'not found in any phase' }));
    const items = [...local, ...linked, ...missing];
    if (items.length > 0) return items;
    const inFolder = task.dependsOn.length > 0 && dependency.external;
    return [{ text: dependency.raw, phaseId: null, slug: null, status: null, note: dependency.external && !inFolder ? 'outside this content' : null }];
  });
}
