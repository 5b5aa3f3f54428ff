/**
 * Files that sit beside a task and speak about it: its completion report (`TASK-04-COMPLETION-REPORT.md`,
 * `task-6.2-completion-report.md`), an analysis (`412-analysis.md`), a hand-off, a course-correction request, a
 * guide (`task-7.5-testing-guide.md`), or a note under `updates/<task>/`. None is a task, and none replaces its task: each attaches to the task its name points
 * at. A completion report may give the task its status and dates, an update the start of the work; either is shown as
 * evidence from that file, so the page says where the status came from.
 */
import type { Issue, Task, TaskStatus } from '../schema/model.ts';
import { findTaskId } from './parse-dependencies.ts';
import { statusRank } from './parse-status.ts';
import { parseTaskFile } from './parse-task.ts';

type CompanionKind = 'completion report' | 'analysis' | 'hand-off' | 'course-correction request' | 'guide' | 'update';

const kinds: readonly [RegExp, CompanionKind][] = [
  [/[-_. ]completion[-_ ]?(?:report|summary|notes?)$|[-_. ](?:complete|completed|done)[-_ ]?report$/i, 'completion report'],
  [/[-_. ](?:analysis|analyses)$/i, 'analysis'],
  [/[-_. ](?:hand-?off|handover)(?:[-_ ]?notes?)?$|^(?:hand-?off|handover)[-_ ]/i, 'hand-off'],
  [/(?:^|[-_. ])course[-_ ]?correction(?:[-_ ]?request)?$/i, 'course-correction request'],
  [/[-_. ](?:testing|test|user|setup|implementation|migration)[-_ ]?guide$/i, 'guide'],
];

/** What kind of companion a file is, from its path in the phase folder without extension; null for any other file. */
function companionKind(slug: string): CompanionKind | null {
  if (/(?:^|\/)updates\/./i.test(slug)) return 'update';
  const name = slug.slice(slug.lastIndexOf('/') + 1);
  return kinds.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/**
 * Whether a file of the phase is a companion, from the names alone: a completion report, hand-off, course-correction
 * request, guide or update always is; an analysis only when another file of the phase is named for the task it names
 * ("412-analysis.md" beside "412.md"), since "task-3-performance-analysis.md" alone may be the task itself.
 */
export function isCompanion(slug: string, slugs: readonly string[]): boolean {
  const kind = companionKind(slug);
  if (kind === null) return false;
  if (kind !== 'analysis') return true;
  const stem = companionStem(slug).toLowerCase();
  const names = slugs.filter((other) => other !== slug && companionKind(other) === null).map((other) => other.slice(other.lastIndexOf('/') + 1).toLowerCase());
  const id = findTaskId(stem);
  return names.some((name) => stemMatches(name, stem) || (id !== null && findTaskId(name) === id));
}

/** A task file's name is the companion's stem, or starts with it when the stem holds a number ("TASK-04" of "TASK-04-SWAP"). */
function stemMatches(name: string, stem: string): boolean {
  return stem !== '' && (name === stem || (/\d/.test(stem) && name.startsWith(stem) && /^[-_. ]/.test(name.slice(stem.length))));
}

/** The part of a companion's name that names its task: "TASK-04-COMPLETION-REPORT" → "TASK-04", "updates/412/stream-a" → "412". */
function companionStem(slug: string): string {
  const update = /(?:^|\/)updates\/([^/]+)\//i.exec(slug);
  if (update) return update[1]!;
  const name = slug.slice(slug.lastIndexOf('/') + 1);
  const kind = kinds.find(([pattern]) => pattern.test(name));
  return kind ? name.replace(kind[0], '').replace(/^[-_. ]+|[-_. ]+$/g, '') : name;
}

interface CompanionFile {
  path: string;
  slug: string;
  text: string;
}

/**
 * Attaches each companion to its task: the task whose file name is the companion's stem (or starts with it, as
 * `TASK-04-CONSENT-REQUEST.md` does for `TASK-04-COMPLETION-REPORT.md`), else the task with the id the companion's
 * own title or name gives. A completion report that says the work is further along than the task file does gives
 * the task its status (and Started and Completed dates where the task has none), with a warning naming both files;
 * an update gives at most "in progress" (one stream of the work under way) and a start.
 */
export function attachCompanions(
  tasks: readonly Task[],
  companions: readonly CompanionFile[],
  phaseId: string,
): { tasks: Task[]; issues: Issue[]; otherFiles: { path: string; reason: string }[] } {
  const result = [...tasks];
  const issues: Issue[] = [];
  const otherFiles: { path: string; reason: string }[] = [];
  const fileStem = (task: Task) =>
    task.file
      .slice(task.file.lastIndexOf('/') + 1)
      .replace(/\.[^.]+$/, '')
      .toLowerCase();
  for (const companion of companions) {
    const kind = companionKind(companion.slug)!;
    const stem = companionStem(companion.slug).toLowerCase();
    const parsed = parseTaskFile({ text: companion.text, path: companion.path, slug: companion.slug, phaseId });
    const ownId = parsed.task && parsed.idFrom.from !== 'file name' ? parsed.task.id.toLowerCase() : null;
    const byName = [
      result.findIndex((task) => stem !== '' && fileStem(task) === stem),
      result.findIndex((task) => stemMatches(fileStem(task), stem)),
      result.findIndex((task) => task.id.toLowerCase() === stem),
    ].find((index) => index >= 0);
    // A report named after more than its task ("task-8.12-action-7-completion-summary") is about a part of it: it
    // attaches by the id its title gives, but the part's status is not the task's.
    const at = byName ?? (ownId === null ? undefined : result.findIndex((task) => task.id.toLowerCase() === ownId));
    if (at === undefined || at < 0) {
      otherFiles.push({
        path: companion.path,
        reason: `not a task: ${article(kind)} ${kind}, and no task of this phase is named "${companionStem(companion.slug)}"`,
      });
      continue;
    }
    const task = result[at]!;
    const gives = byName !== undefined && (kind === 'completion report' || kind === 'update');
    otherFiles.push({
      path: companion.path,
      reason: `not a task: ${byName === undefined ? `${article(kind)} ${kind} about part of task ${task.id}` : `the ${kind} of task ${task.id}`}${gives ? ', read for its status and dates' : ''}`,
    });
    const said = parsed.task;
    if (!said || !gives) continue;
    const offered: TaskStatus = kind === 'update' && said.status === 'complete' ? 'in_progress' : said.status;
    const statusLine = parsed.fieldLines.status ?? null;
    let next = task;
    if (said.statusText !== null && statusRank[offered] > statusRank[task.status] && !task.cancelled) {
      const name = companion.path.slice(companion.path.lastIndexOf('/') + 1);
      const where = `${name}${statusLine ? `:${statusLine}` : ''}`;
      next = {
        ...next,
        status: offered,
        statusEvidence: {
          status: offered,
          kind: 'authored',
          time: said.completedAt ?? said.startedAt ?? null,
          path: companion.path,
          key: statusLine ? `line ${statusLine}` : null,
          summary: `"${said.statusText}" from the ${kind} (${where})`,
        },
      };
      if (task.statusText !== null) {
        const own = task.file.slice(task.file.lastIndexOf('/') + 1);
        issues.push({
          file: companion.path,
          line: statusLine ?? 1,
          column: 1,
          severity: 'warning',
          message: `Task ${task.id}'s file ${own} says "${task.statusText}"; its ${kind} says "${said.statusText}", so the task is shown as ${offered.replace('_', ' ')} (from the ${kind}).`,
          hint: `Update the status in ${own} so that both say the same.`,
        });
      }
    }
    const startedAt = next.startedAt ?? said.startedAt;
    const completedAt = next.status === 'complete' ? (next.completedAt ?? (kind === 'completion report' ? said.completedAt : null)) : null;
    if (startedAt !== next.startedAt || completedAt !== next.completedAt) next = { ...next, startedAt, completedAt };
    result[at] = next;
  }
  return { tasks: result, issues, otherFiles };
}

const article = (kind: CompanionKind) => (/^[aeiou]/.test(kind) ? 'an' : 'a');
