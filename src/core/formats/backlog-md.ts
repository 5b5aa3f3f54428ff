/**
 * Backlog.md boards (`backlog/`): a `config.yml` naming the project and its statuses, and one Markdown file per task
 * in `tasks/` (subfolders included) and `completed/`, named by id ("task-12 - Title.md") and opening with YAML
 * frontmatter (`id`, `title`, `status`, `assignee`, `dependencies`, `parent_task_id`, dates, labels). The task files
 * are read by the task-file reader (tasks/parse-task.ts); this says what a board is and which of its files are tasks.
 */
import yaml from 'js-yaml';

/** The format's id and its name on the data-quality panel. */
export const backlogMd = { id: 'backlog-md', label: 'Backlog.md board' } as const;

/** What a board's config.yml says that Cairn uses. */
export interface BacklogConfig {
  /** `project_name`: the phase's title. */
  projectName: string;
  /** `statuses`, as written (the board's columns). */
  statuses: string[];
  /** `task_prefix` ("task" when not given): task ids and file names are "<prefix>-<number>". */
  taskPrefix: string;
}

/** Longest config.yml read; Backlog.md writes a few hundred bytes. */
const maxConfigLength = 64 * 1024;

/**
 * A Backlog.md config.yml: `project_name` (text) and `statuses` (a list) are Backlog.md's own keys, so a file with
 * both is one. Null for any other file, or one that is not YAML.
 */
export function backlogConfig(text: string): BacklogConfig | null {
  if (text.length > maxConfigLength) return null;
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.FAILSAFE_SCHEMA });
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { project_name: name, statuses, task_prefix: prefix } = data as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || !Array.isArray(statuses)) return null;
  const taskPrefix = typeof prefix === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(prefix.trim()) ? prefix.trim() : 'task';
  return { projectName: name.trim(), statuses: statuses.filter((status): status is string => typeof status === 'string'), taskPrefix };
}

/** Why a board is read as one, for the data-quality panel. */
export function backlogReason(config: BacklogConfig, taskFiles: number): string {
  const statuses = config.statuses
    .slice(0, 12)
    .map((status) => `"${status}"`)
    .join(', ');
  return `config.yml names the project "${config.projectName}" and the statuses ${statuses || '(none)'}; ${taskFiles} Markdown file${taskFiles === 1 ? '' : 's'} in tasks/ and completed/, each read as one task`;
}

/**
 * What a file of a board is, by its path in the board: a task file, the config, or why it is not read. The board
 * Backlog.md shows is tasks/ and completed/; drafts and the archive are off it, docs and decisions are documents.
 */
export function backlogFileRole(rel: string): 'task' | 'config' | { reason: string } {
  if (rel === 'config.yml') return 'config';
  const [top] = rel.split('/');
  const markdown = /\.(?:md|markdown)$/i.test(rel);
  if ((top === 'tasks' || top === 'completed') && rel.includes('/'))
    return markdown ? 'task' : { reason: 'not read: not Markdown (a Backlog.md task is one Markdown file)' };
  if (top === 'drafts') return { reason: "not read: a draft (Backlog.md's drafts/ are not on the board)" };
  if (top === 'archive') return { reason: "not read: archived (Backlog.md's archive/ is off the board)" };
  if (top === 'docs') return { reason: "not read: a document (Backlog.md's docs/)" };
  if (top === 'decisions') return { reason: "not read: a decision record (Backlog.md's decisions/)" };
  return { reason: 'not read: not part of the Backlog.md board (its tasks are the files of tasks/ and completed/)' };
}

/**
 * A task file's page name: its file name with what an address cannot hold made "-" ("task-54 - Fix 2.3.1→2.4.0" →
 * "task-54 - Fix 2.3.1-2.4.0"). Backlog.md names files from titles, so the name is the tool's, not the team's.
 */
export function backlogPageName(name: string): string {
  return name.replace(/[^\p{L}\p{N} ._-]+/gu, '-').replace(/^[^\p{L}\p{N}]+/u, '');
}

/** A phase id from a project name: "Cell Check" → "cell-check". */
export function backlogPhaseId(projectName: string): string {
  return projectName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
