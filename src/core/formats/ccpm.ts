/**
 * ccpm (Claude Code PM) epics: `.claude/epics/<epic>/epic.md`, whose frontmatter (`name`, `status`, `created`,
 * `progress`, `prd`, `github`) and "# Epic: …" heading are the phase's overview, and one task file per task,
 * `001.md` before the GitHub sync and `1234.md` (the issue's number) after it, opening with frontmatter `name`,
 * `status` (open, in-progress, closed), `created`, `updated`, `github`, `depends_on`, `parallel`, `conflicts_with`;
 * read by the task-file reader (tasks/parse-task.ts). Beside them, `<n>-analysis.md` (the work streams of task n) and
 * `updates/<n>/*.md` (stream-A.md, progress.md) belong to task n: they are never tasks, and where an update's status
 * differs from the task file's, a warning says so (the task file's status is shown). github-mapping.md,
 * sync-status.md and execution-status.md are documents of the epic.
 */
import type { Issue, Task } from '../schema/model.ts';
import type { SourceFile } from '../schema/package-files.ts';
import { parseStatusMeaning, statusOfMeaning } from '../tasks/parse-status.ts';
import type { StatusMeaning } from '../tasks/vocabulary.ts';

/** The format's id and its name on the data-quality panel. */
export const ccpm = { id: 'ccpm', label: 'ccpm epic' } as const;

/** The frontmatter keys of a file's opening block, each with its value as written and its 1-based line. */
function frontmatterKeys(text: string): Map<string, { value: string; line: number }> {
  const keys = new Map<string, { value: string; line: number }>();
  const lines = text
    .slice(0, 16_384)
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') return keys;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '---') break;
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (match && !keys.has(match[1]!)) keys.set(match[1]!, { value: match[2]!.replace(/^(['"])(.*)\1$/, '$2'), line: index + 1 });
  }
  return keys;
}

/** Whether epic.md is ccpm's: frontmatter with `name` and `status`, and `created`, `progress`, `prd` or `github`. */
export function isCcpmEpic(text: string): boolean {
  const keys = frontmatterKeys(text);
  return keys.has('name') && keys.has('status') && ['created', 'progress', 'prd', 'github'].some((key) => keys.has(key));
}

/** Whether a task file is ccpm's: frontmatter with `status` and `depends_on`, `parallel` or `conflicts_with`. */
export function isCcpmTask(text: string): boolean {
  const keys = frontmatterKeys(text);
  return keys.has('status') && ['depends_on', 'parallel', 'conflicts_with'].some((key) => keys.has(key));
}

/**
 * Whether a file named by a number and a slug ("001-fix-repo-access.md", as some teams' decompose step names them) is
 * task n itself: no file is named by the number alone (`numbered`), and it opens with a ccpm task's frontmatter.
 * Otherwise such a file is a note of task n ("362-progress.md").
 */
export function isSlugNamedCcpmTask(rel: string, text: string, numbered: ReadonlySet<string>): boolean {
  const match = /^(\d+)-[a-z][\w-]*\.md$/i.exec(rel);
  return match !== null && !numbered.has(match[1]!) && !/-analysis\.md$/i.test(rel) && isCcpmTask(text);
}

/** Whether a file name is a ccpm task's: its number ("001.md", "1234.md"). */
export function isCcpmTaskName(name: string): boolean {
  return /^\d+\.md$/i.test(name);
}

/** Documents ccpm writes beside an epic's tasks, each with what it is. */
const documents: Record<string, string> = {
  'github-mapping.md': 'the GitHub issue number and link of each task',
  'sync-status.md': 'the last sync with GitHub',
  'execution-status.md': "the agents' notes on their run of the epic, not the tasks' own status",
};

type CcpmRole = 'epic' | 'task' | { companion: string; kind: CompanionKind } | { reason: string };

/** A file that belongs to a task: its analysis (`412-analysis.md`), a note named after it (`362-progress.md`), or an update. */
type CompanionKind = 'analysis' | 'note' | 'update';

/** What a file of an epic folder is, by its path in the folder. */
export function ccpmFileRole(rel: string): CcpmRole {
  if (rel === 'epic.md') return 'epic';
  if (isCcpmTaskName(rel)) return 'task';
  const analysis = /^(\d+)-analysis\.md$/i.exec(rel);
  if (analysis) return { companion: analysis[1]!, kind: 'analysis' };
  const note = /^(\d+)-[a-z][\w-]*\.md$/i.exec(rel);
  if (note) return { companion: note[1]!, kind: 'note' };
  const update = /^updates\/(\d+)\/[^/]+\.md$/i.exec(rel);
  if (update) return { companion: update[1]!, kind: 'update' };
  const document = documents[rel.toLowerCase()];
  if (document) return { reason: `not read: a document of the ccpm epic (${document})` };
  if (/\.(?:md|markdown)$/i.test(rel))
    return { reason: 'not read: a document of the ccpm epic, not a task (a task file is named by its number, "001.md" or "1234.md")' };
  return { reason: 'not read: not Markdown (a ccpm task is one Markdown file)' };
}

/** Why a companion file is listed: which task it belongs to, or that no task file of the epic has its number. */
export function ccpmCompanionReason(kind: CompanionKind, number: string, hasTask: boolean): string {
  const what = kind === 'analysis' ? 'the analysis of task' : kind === 'note' ? 'a note on task' : 'a progress update of task';
  return hasTask
    ? `read with ${number}.md: ${what} ${number}, never a task (where its status differs from the task file's, a warning says so)`
    : `not read: ${what} ${number}, which has no task file in the epic`;
}

/** Why a folder is read as a ccpm epic, for the data-quality panel. */
export function ccpmReason(tasks: number, companions: number): string {
  return `epic.md opens with ccpm's frontmatter (name, status and created, progress, prd or github); ${tasks} task file${tasks === 1 ? '' : 's'} named by number (NNN.md), each read as one task${companions > 0 ? `; ${companions} analysis and update file${companions === 1 ? '' : 's'} read with their task` : ''}`;
}

/** What an update file says of its task's status: a stream's `status`, or progress.md's `completion` percentage. */
function updateStatus(text: string): { meaning: StatusMeaning; written: string; line: number; whole: boolean } | null {
  const keys = frontmatterKeys(text);
  const status = keys.get('status');
  if (status && status.value !== '') {
    const meaning = parseStatusMeaning(status.value);
    return meaning ? { meaning, written: `status: ${status.value}`, line: status.line, whole: false } : null;
  }
  const completion = keys.get('completion');
  const percent = completion ? Number.parseFloat(completion.value) : Number.NaN;
  if (!completion || Number.isNaN(percent)) return null;
  return {
    meaning: percent >= 100 ? 'complete' : percent > 0 ? 'in_progress' : 'pending',
    written: `completion: ${completion.value}`,
    line: completion.line,
    whole: true,
  };
}

/**
 * The warnings an epic's update files give about their tasks: where an update says a stream or the task is further
 * along, or less far, than the task file's status, a warning at the update's line names both; the task file's
 * status is the one shown. `dir` is the epic's folder as the files are shown.
 */
export function ccpmUpdateIssues(tasks: readonly Task[], companions: readonly SourceFile[], dir: string): Issue[] {
  const issues: Issue[] = [];
  for (const file of companions) {
    const number = /^updates\/(\d+)\//.exec(file.path.slice(dir.length + 1))?.[1];
    if (number === undefined) continue;
    const task = tasks.find((candidate) => candidate.file === `${dir}/${number}.md`);
    const said = updateStatus(file.text);
    if (!task || !said) continue;
    const own: StatusMeaning = task.cancelled ? 'cancelled' : task.status;
    const closed = statusOfMeaning(own) === 'complete';
    // progress.md speaks for the whole task; one stream done while the task runs on is no disagreement, one still
    // running when the task is closed, or started while it is open, is.
    const differs = said.whole
      ? (said.meaning === 'complete') !== closed || (!closed && said.meaning !== own)
      : (closed && said.meaning !== 'complete') || (own === 'pending' && (said.meaning === 'in_progress' || said.meaning === 'complete'));
    if (!differs) continue;
    issues.push({
      file: file.path,
      line: said.line,
      column: 1,
      severity: 'warning',
      message: `This update says "${said.written}" (${said.meaning.replace('_', ' ')}) while task ${task.id} (${number}.md) is "${task.statusText ?? own.replace('_', ' ')}"; the task file's status is shown.`,
      hint: `Bring ${number}.md and its updates to one status (ccpm updates the task's frontmatter when it syncs the issue).`,
    });
  }
  return issues;
}

/**
 * Dependencies by a number from before the GitHub sync: ccpm names the task files 001.md, 002.md … and renames them by
 * issue number when it syncs, and a `depends_on: [003, 004]` written before may stay as it was. A zero-padded number
 * that no task file of the epic has names a file that is gone, not the task whose issue number it reads as ("008" is
 * not 8.md): it is left out of the schedule, with a warning at the task's depends_on line.
 */
export function ccpmStaleDependencies(tasks: readonly Task[]): { tasks: Task[]; issues: Issue[] } {
  const ids = new Set(tasks.map((task) => task.id.toLowerCase()));
  const issues: Issue[] = [];
  const result = tasks.map((task) => {
    const stale = [...new Set(task.dependencies.flatMap((dependency) => dependency.taskIds.filter((id) => /^0\d+$/.test(id) && !ids.has(id.toLowerCase()))))];
    if (stale.length === 0) return task;
    const line = task.dependencies.find((dependency) => dependency.line !== null)?.line ?? 1;
    const files = stale.map((id) => `${id}.md`).join(', ');
    issues.push({
      file: task.file,
      line,
      column: 1,
      severity: 'warning',
      message: `Task ${task.id} depends on ${stale.join(', ')}: ${stale.length === 1 ? 'a task number' : 'task numbers'} from before the GitHub sync, and the epic has no ${files} (its task files are named by issue number now), so ${stale.length === 1 ? 'it is' : 'they are'} left out of the schedule.`,
      hint: 'Write the issue numbers of the tasks it waits for in depends_on (ccpm renames the task files when it syncs an epic, and depends_on may keep the numbers from before).',
    });
    const dependencies = task.dependencies.map((dependency) => ({ ...dependency, taskIds: dependency.taskIds.filter((id) => !stale.includes(id)) }));
    return { ...task, dependencies, dependsOn: task.dependsOn.filter((id) => !stale.includes(id)) };
  });
  return { tasks: result, issues };
}
