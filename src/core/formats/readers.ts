/**
 * Every reader of tasks Cairn has, in the order a folder is tried: the one-file task lists (task-lists.ts), the
 * folder layouts of tools, and last the free-form Markdown task files. What a phase's data quality and an empty
 * phase's error name as "the readers tried".
 */
import { backlogMd } from './backlog-md.ts';
import { bmad } from './bmad.ts';
import { ccpm } from './ccpm.ts';
import { statusFolders } from './status-folders.ts';
import { taskListFormats } from './task-lists.ts';

interface TaskReader {
  id: string;
  label: string;
}

/** The reader of free-form folders: one Markdown file per task. */
const taskFiles: TaskReader = { id: 'task-files', label: 'Markdown task files' };

export const taskReaders: readonly TaskReader[] = [...taskListFormats, backlogMd, bmad, ccpm, statusFolders, taskFiles];
