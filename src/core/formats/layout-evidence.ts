/**
 * What a tool's folder says of its tasks besides their own files: the status folders of a board (a task file that
 * states no status takes its folder's; a warning where the two disagree), ccpm's update files (a warning where one
 * disagrees with its task) and its dependencies by numbers from before the GitHub sync. One place for build-phase.ts to ask, whatever the layout.
 */
import type { Issue, Task } from '../schema/model.ts';
import type { PackageFiles } from '../schema/package-files.ts';
import { applyFolderStatus, statusFolders } from './status-folders.ts';
import { ccpm, ccpmStaleDependencies, ccpmUpdateIssues } from './ccpm.ts';

/** `superseded`: task files whose "Unknown status" warning the layout's own reading replaces (a board's folder status). */
export function applyLayoutEvidence(tasks: readonly Task[], files: PackageFiles): { tasks: Task[]; issues: Issue[]; superseded?: string[] } {
  if (files.layout?.format === statusFolders.id) return applyFolderStatus(tasks, files.dir);
  if (files.layout?.format === ccpm.id) {
    const stale = ccpmStaleDependencies(tasks);
    return { tasks: stale.tasks, issues: [...stale.issues, ...ccpmUpdateIssues(tasks, files.layout.companions ?? [], files.dir)] };
  }
  return { tasks: [...tasks], issues: [] };
}
