/**
 * The dependency graph of a phase: unknown ids and cycles, and the critical path (the longest chain of
 * estimates, which is the shortest the phase can take with every task started as early as possible).
 */
import type { CriticalPath } from '../schema/model.ts';
import { round } from '../format/round.ts';

interface ScheduleTask {
  id: string;
  estimateDays: number;
  dependsOn: readonly string[];
}

/** What the schedule needs of a task as the model holds it. */
interface PlannedTask {
  id: string;
  estimateDays: number | null;
  dependsOn: readonly string[];
  cancelled?: boolean;
  optional?: boolean;
  status?: string;
  parentId?: string | null;
}

/** Work the schedule and progress leave out: cancelled, or optional and not done. */
export function isLeftOut(task: { cancelled?: boolean; optional?: boolean; status?: string }): boolean {
  return task.cancelled === true || (task.optional === true && task.status !== 'complete');
}

/**
 * The graph the schedule is computed on. A task without an estimate, or cancelled, takes no time (it still passes
 * its dependencies on). A task with subtasks is the end of its subtasks: they inherit what it waits for, it waits for
 * them and takes no time itself, so nothing is counted twice.
 */
export function scheduleGraph(tasks: readonly PlannedTask[]): ScheduleTask[] {
  const children = Map.groupBy(
    tasks.filter((task) => task.parentId),
    (task) => task.parentId!,
  );
  const inherited = (task: PlannedTask, seen = new Set<string>()): string[] => {
    const parent = task.parentId ? tasks.find((other) => other.id === task.parentId) : undefined;
    if (!parent || seen.has(parent.id)) return [];
    return [...parent.dependsOn, ...inherited(parent, new Set([...seen, parent.id]))];
  };
  // A subtask is part of its parent and of every task above it: waiting for one of them ("TASK-030B-1 depends on
  // TASK-030B", its parent, handed down to its own subtasks) would wait for itself.
  const ancestors = (task: PlannedTask): Set<string> => {
    const found = new Set<string>();
    for (let parent = task.parentId; parent && !found.has(parent); parent = tasks.find((other) => other.id === parent)?.parentId) found.add(parent);
    return found;
  };
  return tasks.map((task) => {
    const own = children.get(task.id) ?? [];
    const above = ancestors(task);
    const dependsOn = [...new Set([...task.dependsOn, ...inherited(task), ...own.map((child) => child.id)])].filter((dep) => !above.has(dep));
    const takesTime = !isLeftOut(task) && own.length === 0;
    return { id: task.id, estimateDays: takesTime ? (task.estimateDays ?? 0) : 0, dependsOn };
  });
}

/** Tasks whose work the progress and the critical path count: not left out, not a task made of subtasks. */
export function countedTasks<T extends { id?: string; cancelled?: boolean; optional?: boolean; status?: string; parentId?: string | null }>(
  tasks: readonly T[],
): T[] {
  const parents = new Set(
    tasks
      .filter((task) => !isLeftOut(task))
      .map((task) => task.parentId)
      .filter((id): id is string => !!id),
  );
  return tasks.filter((task) => !isLeftOut(task) && !(task.id !== undefined && parents.has(task.id)));
}

interface GraphProblems {
  /** [task id, the unknown id it depends on]. */
  unknown: [string, string][];
  /** Each cycle as the ids along it, first id repeated at the end: ["7.1", "7.2", "7.1"]. */
  cycles: string[][];
}

/** Compares ids such as "7.2" and "7.10" by their numbers, then as text: a stable, locale-free order. */
export function compareTaskIds(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x = '', y = ''] = [pa[i], pb[i]];
    const [nx, ny] = [Number(x), Number(y)];
    const diff = Number.isNaN(nx) || Number.isNaN(ny) ? (x < y ? -1 : x > y ? 1 : 0) : nx - ny;
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Finds dependencies on ids that are not in the phase, and every cycle (each reported once). */
export function findGraphProblems(tasks: readonly ScheduleTask[]): GraphProblems {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const unknown: [string, string][] = tasks.flatMap((task) => task.dependsOn.filter((dep) => !byId.has(dep)).map((dep): [string, string] => [task.id, dep]));
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    state.set(id, 'visiting');
    path.push(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(dep)) continue;
      if (state.get(dep) === 'visiting') {
        const cycle = [...path.slice(path.indexOf(dep)), dep];
        const key = cycle.slice(0, -1).toSorted(compareTaskIds).join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(dep)) visit(dep);
    }
    path.pop();
    state.set(id, 'done');
  };
  for (const task of tasks.toSorted((a, b) => compareTaskIds(a.id, b.id))) if (!state.has(task.id)) visit(task.id);
  return { unknown, cycles };
}

/**
 * The earliest start of each task in days from the phase start: as soon as everything it depends on can be done.
 * Sums are rounded at each step, so 0.1 + 0.2 days is 0.3 and equal chains compare equal. A cycle (reported by
 * findGraphProblems) is cut where it closes, so the result is always defined.
 */
export function earliestStarts(tasks: readonly ScheduleTask[]): Map<string, number> {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const start = new Map<string, number>();
  const visiting = new Set<string>();
  const earliest = (id: string): number => {
    const known = start.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const deps = byId.get(id)!.dependsOn.filter((dep) => byId.has(dep) && !visiting.has(dep));
    const value = Math.max(0, ...deps.map((dep) => round(earliest(dep) + byId.get(dep)!.estimateDays)));
    visiting.delete(id);
    start.set(id, value);
    return value;
  };
  for (const task of tasks) earliest(task.id);
  return start;
}

/**
 * The longest chain by estimate. Ties go to the chain whose ids sort first; the other chains of the same length are
 * listed as alternatives. Expects a graph without cycles or unknown ids (check with findGraphProblems first).
 */
export function computeCriticalPath(tasks: readonly ScheduleTask[]): Omit<CriticalPath, 'unestimated'> {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const starts = earliestStarts(tasks);
  const earliestFinish = (id: string): number => round(starts.get(id)! + byId.get(id)!.estimateDays);
  const ordered = tasks.map((task) => task.id).toSorted(compareTaskIds);
  if (ordered.length === 0) return { taskIds: [], days: 0, alternatives: [] };
  const days = Math.max(...ordered.map(earliestFinish));
  // Every chain that ends at `days` and runs through tasks with no slack.
  const chainsEndingAt = (id: string): string[][] => {
    const start = starts.get(id)!;
    const critical = byId
      .get(id)!
      .dependsOn.filter((dep) => byId.has(dep) && earliestFinish(dep) === start)
      .toSorted(compareTaskIds);
    if (critical.length === 0) return [[id]];
    return critical.flatMap((dep) => chainsEndingAt(dep).map((chain) => [...chain, id]));
  };
  const chains = ordered.filter((id) => earliestFinish(id) === days).flatMap(chainsEndingAt);
  const [first = [], ...alternatives] = chains;
  return { taskIds: first, days, alternatives };
}

/** Every task on a longest chain: the critical path and the chains tied with it (all have zero slack). */
export function criticalTaskIds({ taskIds, alternatives }: Pick<CriticalPath, 'taskIds' | 'alternatives'>): Set<string> {
  return new Set([...taskIds, ...alternatives.flat()]);
}

/** The scope of a phase's tasks as the burn-up weighs it: counted tasks, and their estimated days when all have one. */
export function scopeOf<T extends Parameters<typeof countedTasks>[0][number] & { estimateDays: number | null }>(
  tasks: readonly T[],
): { tasks: number; days: number | null } {
  const counted = countedTasks(tasks);
  return {
    tasks: counted.length,
    days: counted.some((task) => task.estimateDays === null) ? null : counted.reduce((sum, task) => sum + (task.estimateDays ?? 0), 0),
  };
}
