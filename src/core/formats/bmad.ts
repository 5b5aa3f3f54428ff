/**
 * BMAD-method stories: one Markdown file per story, v4's `docs/stories/1.3.story.md` (a "## Status" heading with the
 * status under it) and v6's `1-3-user-login.md` (a "Status: ready-for-dev" line), each opening "# Story 1.3: Title";
 * the story files are read by the task-file reader (tasks/parse-task.ts). v6 also keeps `sprint-status.yaml`, whose
 * `development_status` map (`1-3-user-login: in-progress`) is what the workflow updates as a story moves: it names
 * every story of the plan, those without a file yet included, and its status is the one shown.
 */
import type { Issue, Task } from '../schema/model.ts';
import type { SourceFile } from '../schema/package-files.ts';
import { createIssueSink } from '../text/issues.ts';
import { parseStatusMeaning, statusOfMeaning } from '../tasks/parse-status.ts';
import { statusHint } from '../tasks/vocabulary.ts';
import { checklistTask } from './checklist.ts';

/** The format's id and its name on the data-quality panel. */
export const bmad = { id: 'bmad', label: 'BMAD stories' } as const;

/** Whether a file name is a story's: "1.3.story.md" or "1.3.some-title.md" (v4), "1-3-user-login.md" (v6). */
export function isStoryFileName(name: string): boolean {
  return /^\d+\.\d+(?:\.[^/]*)?\.md$/i.test(name) || /^\d+-\d+-[^/]*\.md$/i.test(name);
}

/** Whether a story file's text opens a story: "# Story 1.3: Title" (also "# Story 10-1: …", "# Story 7-1-slug: …"). */
export function opensStory(text: string): boolean {
  return /^# +Story +\d+[.-]\d+(?![\d])/m.test(text.slice(0, 4096));
}

/** One line of `development_status`: a story, an epic (`epic-1`) or a retrospective (`epic-1-retrospective`). */
interface SprintEntry {
  key: string;
  /** The status as written. */
  status: string;
  line: number;
  kind: 'story' | 'epic' | 'retrospective' | 'other';
  /** "1.3" for "1-3-user-login"; null for any other key. */
  storyId: string | null;
}

interface SprintStatus {
  /** `project:`, the phase's title, or null. */
  project: string | null;
  entries: SprintEntry[];
}

/** Longest sprint-status.yaml read; BMAD writes a few kilobytes. */
const maxSprintLength = 512 * 1024;

/**
 * A sprint-status.yaml's `development_status` map, line by line (the lines are what messages point at), or null when
 * the text has none. Comments, blank lines and keys without a value are passed over.
 */
export function readSprintStatus(text: string): SprintStatus | null {
  if (text.length > maxSprintLength) return null;
  const lines = text.split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => /^development_status:\s*(?:#.*)?$/.test(line));
  if (start < 0) return null;
  const project = lines.map((line) => /^project:\s*(['"]?)(.+?)\1\s*(?:#.*)?$/.exec(line)?.[2]).find((name) => name !== undefined) ?? null;
  const rows: { key: string; status: string; line: number }[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const match = /^\s+([A-Za-z0-9._-]+)\s*:\s*(['"]?)([^'"#\s][^'"#]*?)\2\s*(?:#.*)?$/.exec(line);
    if (match) rows.push({ key: match[1]!, status: match[3]!.trim(), line: index + 1 });
  }
  // A decimal epic is keyed "epic-3-5"; its stories are "3-5-2-slug" (story 3.5.2). Without such an epic key,
  // "3-5-2-slug" is story 3.5, as BMAD numbers stories "<epic>-<story>-<slug>".
  const decimalEpics = rows
    .map((row) => /^epic-(\d+(?:-\d+)+)$/i.exec(row.key)?.[1])
    .filter((epic) => epic !== undefined)
    .sort((a, b) => b.length - a.length);
  const entries: SprintEntry[] = rows.map(({ key, status, line }) => {
    const epic = decimalEpics.find((number) => new RegExp(`^${number}-\\d+(?:-|$)`).test(key));
    const story = epic ? new RegExp(`^(${epic})-(\\d+)(?:-|$)`).exec(key) : /^(\d+)-(\d+)(?:-|$)/.exec(key);
    const kind = /^epic-\d+(?:-\d+)*$/i.test(key) ? 'epic' : /-retrospective$/i.test(key) ? 'retrospective' : story ? 'story' : 'other';
    const storyId = kind === 'story' ? [...story![1]!.split('-'), story![2]!].map(Number).join('.') : null;
    return { key, status, line, kind, storyId };
  });
  return { project, entries };
}

/** "3-2-expiry-dates-and-reminders" → "Expiry dates and reminders": the title of a story that has no file yet ("3-5-2-…" of story 3.5.2 loses three numbers). */
function storyTitleOfKey(key: string, storyId?: string | null): string {
  const parts = storyId ? storyId.split('.').length : 2;
  const words = key
    .replace(new RegExp(`^(?:\\d+-){${parts - 1}}\\d+-?`), '')
    .replaceAll('-', ' ')
    .trim();
  return words === '' ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

const fileStem = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');

/**
 * The phase's stories with sprint-status.yaml's statuses: a story with a file (its name is the key, else its id the
 * key's number) is shown with the sprint status, and where its file says otherwise a warning at the sprint line names
 * both; a story with no file yet is a task of its own, at its line. Epics and retrospectives are not tasks.
 */
export function applySprintStatus(tasks: readonly Task[], file: SourceFile, phaseId: string): { tasks: Task[]; added: Task[]; issues: Issue[] } {
  const sprint = readSprintStatus(file.text);
  const sink = createIssueSink(file.path);
  const result = [...tasks];
  const added: Task[] = [];
  if (!sprint) return { tasks: result, added, issues: [] };
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  for (const entry of sprint.entries) {
    if (entry.kind !== 'story') continue;
    let meaning = parseStatusMeaning(entry.status);
    if (meaning === null) {
      sink.warning(
        entry.line,
        1,
        `Unknown status "${entry.status}" for story ${entry.storyId}; it is shown as pending.`,
        `BMAD's story statuses are backlog, drafted, ready-for-dev, in-progress, review and done. ${statusHint}`,
      );
      meaning = 'pending';
    }
    const status = statusOfMeaning(meaning);
    const at = result.findIndex((task) => fileStem(task.file) === entry.key);
    const index = at >= 0 ? at : result.findIndex((task) => task.id === entry.storyId && !added.includes(task));
    if (index < 0) {
      const task = {
        ...checklistTask({
          id: entry.storyId!,
          slug: entry.key,
          phaseId,
          title: storyTitleOfKey(entry.key, entry.storyId),
          file: file.path,
          line: entry.line,
          status,
          statusText: entry.status,
          format: 'BMAD sprint status',
        }),
        cancelled: meaning === 'cancelled',
      };
      task.statusEvidence = { ...task.statusEvidence, summary: `"${entry.status}" at line ${entry.line} of ${name} (the story has no file yet)` };
      result.push(task);
      added.push(task);
      continue;
    }
    const story = result[index]!;
    const written = story.statusText === null ? null : parseStatusMeaning(story.statusText);
    const same = written === meaning || (written === null && status === 'pending');
    if (!same) {
      sink.warning(
        entry.line,
        1,
        `Story ${story.id} is "${entry.status}" here and "${story.statusText ?? 'without a status'}" in ${story.file}${story.statusEvidence.key ? ` (${story.statusEvidence.key})` : ''}; the sprint status is shown, as the workflow updates it when a story moves.`,
        `Set the status in ${story.file.slice(story.file.lastIndexOf('/') + 1)} to match ${name}, or correct the line here.`,
      );
    }
    result[index] = {
      ...story,
      status,
      statusText: entry.status,
      cancelled: meaning === 'cancelled',
      completedAt: status === 'complete' ? story.completedAt : null,
      statusEvidence: {
        ...story.statusEvidence,
        status,
        path: file.path,
        key: `line ${entry.line}`,
        summary: same
          ? `"${entry.status}" at line ${entry.line} of ${name}, as the story file says`
          : `"${entry.status}" at line ${entry.line} of ${name} (the story file says "${story.statusText ?? 'nothing'}")`,
      },
    };
  }
  return { tasks: result, added, issues: sink.issues };
}

/** Why a folder is read as BMAD stories, for the data-quality panel. */
export function bmadReason(stories: number, sprint: { entries: number; withoutFile: number } | null): string {
  const files = `${stories} story file${stories === 1 ? '' : 's'} opening "# Story N.M: …", each read as one task`;
  if (!sprint) return files;
  return `sprint-status.yaml lists ${sprint.entries} stor${sprint.entries === 1 ? 'y' : 'ies'} under development_status (its statuses are shown; ${sprint.withoutFile} without a file yet); ${files}`;
}
