/** When a phase's work is done, one rule for every judgement and page that asks. */
import type { TaskStatus } from '../schema/model.ts';

/** Whether every task is complete; a phase with no task is not. */
export function allTasksComplete(tasks: readonly { status: TaskStatus }[]): boolean {
  return tasks.length > 0 && tasks.every((task) => task.status === 'complete');
}

/** How many of the tasks are complete. */
export function completeCount(tasks: readonly { status: TaskStatus }[]): number {
  return tasks.filter((task) => task.status === 'complete').length;
}
