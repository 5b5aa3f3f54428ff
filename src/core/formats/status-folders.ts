/**
 * Boards with one folder per status: task files in `backlog/` (or `pending/`, `todo/`), `in_progress/` (`active/`,
 * `doing/`, `in_review/`), `completed/` (`done/`, nested `completed/2025-10/` included), `blocked/`, `obsolete/`
 * (`cancelled/`), each file opening with YAML frontmatter (`id`, `title`, `status`, …) read by the task-file reader
 * (tasks/parse-task.ts). A file's folder is evidence of its status: the status the file itself states is the one
 * shown, as a Backlog.md task's is (its status, not its folder, decides), with a warning where the two disagree; a
 * file that states none takes its folder's. `archive/` and `archived/` are off the board, as Backlog.md's archive/ is.
 */
import type { Issue, Task } from '../schema/model.ts';
import { parseStatusMeaning, statusOfMeaning } from '../tasks/parse-status.ts';
import type { StatusMeaning } from '../tasks/vocabulary.ts';

/** The format's id and its name on the data-quality panel. */
export const statusFolders = { id: 'status-folders', label: 'board of status folders' } as const;

/** Folder names a board uses for a status, as written with "-" or "_" or none; their meaning is the status word's. */
const statusFolderNames = new Set([
  'pending',
  'todo',
  'to-do',
  'to_do',
  'backlog',
  'planned',
  'ready',
  'open',
  'queued',
  'active',
  'in-progress',
  'in_progress',
  'inprogress',
  'doing',
  'wip',
  'started',
  'review',
  'in-review',
  'in_review',
  'design_approved',
  'design-approved',
  'testing',
  'completed',
  'complete',
  'done',
  'finished',
  'closed',
  'blocked',
  'on-hold',
  'on_hold',
  'waiting',
  'cancelled',
  'canceled',
  'obsolete',
  'dropped',
  'abandoned',
  'wontfix',
]);

/** Folder names that mean "no longer on the board". */
const offBoardNames = new Set(['archive', 'archived']);

/** What a folder of a board stands for: a status, off the board (the archive), or null for any other folder. */
export function folderStatus(name: string): StatusMeaning | 'off' | null {
  const lower = name.toLowerCase();
  if (offBoardNames.has(lower)) return 'off';
  if (!statusFolderNames.has(lower)) return null;
  if (lower === 'doing' || lower === 'inprogress') return 'in_progress';
  if (lower === 'canceled') return 'cancelled';
  return parseStatusMeaning(lower.replace(/[-_]+/g, ' '));
}

/** Whether a task file's text opens with frontmatter naming its id or status, as the files of such boards do. */
export function opensWithTaskFrontmatter(text: string): boolean {
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(head)) return false;
  const end = head.search(/\r?\n---\s*(?:\r?\n|$)/);
  return /^(?:id|status)\s*:/m.test(end < 0 ? head : head.slice(0, end));
}

/**
 * What a file of a board is, by its path in the board: a task candidate (a Markdown file in a status folder, nested
 * folders included), or why it is not read.
 */
export function statusFolderRole(rel: string): 'task' | { reason: string } {
  const [top = ''] = rel.split('/');
  if (!rel.includes('/')) return { reason: "not read: not in a status folder (the board's tasks are the files of its status folders)" };
  const status = folderStatus(top);
  if (status === 'off') return { reason: `not read: archived (${top}/ is off the board)` };
  if (status === null) return { reason: `not read: ${top}/ is not a status folder of the board` };
  return /\.(?:md|markdown)$/i.test(rel) ? 'task' : { reason: 'not read: not Markdown (a task of the board is one Markdown file)' };
}

/** The reason a file in a status folder is not a task: it does not open with the frontmatter the board's tasks have. */
export function statusFolderDocumentReason(rel: string): string {
  return `not read: a document in ${rel.split('/')[0]}/, not a task (it does not open with frontmatter naming its id or status, as the board's task files do)`;
}

/** Why a folder is read as a board of status folders, for the data-quality panel. */
export function statusFoldersReason(counts: ReadonlyMap<string, number>): string {
  const folders = [...counts].map(([folder, n]) => `${folder}/ (${n})`).join(', ');
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return `status folders ${folders}: ${total} Markdown file${total === 1 ? '' : 's'} opening with frontmatter (id, status), each read as one task; a file's own status decides, its folder where it states none`;
}

/**
 * The tasks of a board with their folders' evidence: a task whose file states no status takes its folder's; where
 * the file states another, its own is kept, and a warning at its status line names both. `dir` is the board's
 * path as the tasks' files are shown (their folder is the first part of the path after it).
 */
export function applyFolderStatus(tasks: readonly Task[], dir: string): { tasks: Task[]; issues: Issue[]; superseded: string[] } {
  const issues: Issue[] = [];
  // The task files whose "Unknown status" warning this replaces, its status being the folder's.
  const superseded: string[] = [];
  const result = tasks.map((task) => {
    if (!task.file.startsWith(`${dir}/`)) return task;
    const folder = task.file.slice(dir.length + 1).split('/')[0] ?? '';
    const meaning = folderStatus(folder);
    if (meaning === null || meaning === 'off') return task;
    if (task.statusText === null) {
      const status = statusOfMeaning(meaning);
      return {
        ...task,
        status,
        cancelled: meaning === 'cancelled',
        statusEvidence: {
          ...task.statusEvidence,
          status,
          key: `folder ${folder}/`,
          summary: `no status in the task file; its folder ${folder}/ says ${meaning.replace('_', ' ')}`,
        },
      };
    }
    const written = parseStatusMeaning(task.statusText);
    if (written === null) {
      // A word the reader does not know ("review_complete" in in_review/): the folder is the status the board states.
      const status = statusOfMeaning(meaning);
      const line = /^line (\d+)$/.exec(task.statusEvidence.key ?? '')?.[1];
      superseded.push(task.file);
      issues.push({
        file: task.file,
        line: line ? Number(line) : 1,
        column: 1,
        severity: 'warning',
        message: `Unknown status "${task.statusText}"; the task is shown as its folder ${folder}/ says: ${meaning.replace('_', ' ')}.`,
        hint: 'Write one of the board\'s status words, or add this one to "statusWords" in cairn.config.json.',
      });
      return {
        ...task,
        status,
        cancelled: meaning === 'cancelled',
        statusEvidence: {
          ...task.statusEvidence,
          status,
          summary: `"${task.statusText}" in the task file is no status word Cairn knows; its folder ${folder}/ says ${meaning.replace('_', ' ')}`,
        },
      };
    }
    if (written !== meaning) {
      const line = /^line (\d+)$/.exec(task.statusEvidence.key ?? '')?.[1];
      issues.push({
        file: task.file,
        line: line ? Number(line) : 1,
        column: 1,
        severity: 'warning',
        message: `Task ${task.id} is "${task.statusText}" here and sits in ${folder}/ (${meaning.replace('_', ' ')}); the file's own status is shown.`,
        hint: `Move the file to the folder of its status, or correct its status to match ${folder}/.`,
      });
    }
    return task;
  });
  return { tasks: result, issues, superseded };
}
