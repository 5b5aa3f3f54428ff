/**
 * The readers of whole task lists in one file, one per format, and the one list of them: GitHub Spec Kit's
 * `tasks.md` (`- [ ] T001 [P] [US1] text`) and Kiro's `tasks.md` (`- [x] 1. text`, `  - [ ]* 1.2 text`). Each says
 * why a file is its format from the file's own lines (never from the folder's name alone) and reads it into tasks.
 * Everything a list does not say (agent, estimate, dates) stays unknown. Taskmaster's tasks.json has its reader in
 * taskmaster.ts.
 */
import type { Issue, Task } from '../schema/model.ts';
import type { SourceFile } from '../schema/package-files.ts';
import { createIssueSink } from '../text/issues.ts';
import { checkText } from '../markdown/check-text.ts';
import { boxStatus, boxText, checklistLines, checklistTask, type ChecklistLine } from './checklist.ts';
import { taskmaster } from './taskmaster.ts';
import { claudeFlowTasks } from './claude-flow-tasks.ts';
import { claudeCodeTasks } from './claude-code-tasks.ts';

export interface TaskListRead {
  /** The phase's title as the list gives it, or null. */
  title: string | null;
  /** Each task with its page; `created` when the list says when the task was created (a creation is not a start). */
  tasks: { task: Task; content: string; created?: string }[];
  issues: Issue[];
}

export interface TaskListFormat {
  id: string;
  /** The format's name on the data-quality panel. */
  label: string;
  /** Why `file` is a list of this format, or null when it is not one. */
  detect(name: string, text: string): string | null;
  /**
   * Reads the list into tasks; `part` names the part of the file that is this phase (a Taskmaster tag), when the file
   * holds several; `files` are all the files of a list kept one file per task (Claude Code's `<id>.json`), `file` the first.
   */
  read(file: SourceFile, phaseId: string, part?: string, files?: readonly SourceFile[]): TaskListRead;
}

const isTasksFile = (name: string) => /^tasks?\.md$/i.test(name);

/** The lines under a task, as its page shows them: dedented to the least indented of them. */
function detailsText(item: ChecklistLine): string {
  const lines = item.details;
  const indent = lines.filter((line) => line.trim() !== '').reduce((least, line) => Math.min(least, /^ */.exec(line)![0].length), Infinity);
  return lines
    .map((line) => line.slice(Number.isFinite(indent) ? indent : 0))
    .join('\n')
    .trim();
}

/** Task ids in `text`, ranges ("T009-T011", "T005–T007") expanded. */
function specKitIds(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(/\bT(\d+)([a-z]?)(?:\s*(?:-|–|—|to|through)\s*T(\d+)(?![a-z]))?\b/g)) {
    // A lettered id (T009a, a task added between T009 and T010) is one task; a range runs between plain numbers.
    if (match[2]) {
      ids.push(`T${match[1]}${match[2]}`);
      continue;
    }
    const from = Number(match[1]);
    const to = match[3] === undefined ? from : Number(match[3]);
    const width = match[1]!.length;
    if (to < from || to - from > 500) {
      ids.push(`T${match[1]}`);
      continue;
    }
    for (let number = from; number <= to; number += 1) ids.push(`T${String(number).padStart(width, '0')}`);
  }
  return ids;
}

const dependsPhrase = /\b(?:depends on|depend on|blocked by|requires)\b/i;

/**
 * Spec Kit's stated dependencies: a line that names a task and then "depends on" ids ("T012: lend - depends on
 * T009-T011 complete", "(T008 depends on T005-T007)"). The task is the last id before the words (each task of a range
 * there: "T035-T040 depend on T013"); what it waits for is every id after them, to the end of the sentence or the bracket. Sentences about phases and stories name no task.
 */
function specKitDependencies(text: string, ids: ReadonlySet<string>): Map<string, { on: string[]; raw: string }> {
  return specKitDependencyLines(text, ids).found;
}

/**
 * Spec Kit's dependency statements: those that pair task ids ("T012 depends on T009-T011") become edges; the lines
 * that say "depends on" or "after" of a phase or a user story ("User Story 2: Depends on US5 and US1") name no task
 * and are left unread, by line, for `cairn doctor` to show.
 */
export function specKitDependencyLines(text: string, ids: ReadonlySet<string>): { found: Map<string, { on: string[]; raw: string }>; unread: number[] } {
  const found = new Map<string, { on: string[]; raw: string }>();
  const unread: number[] = [];
  let fenced = false;
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    if (/^ {0,3}(?:`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const phrase = dependsPhrase.exec(line);
    if (!phrase) continue;
    // The task that waits is the last id before the words, or each task of the range there ("T035-T040 depend on T013").
    const subject = [...line.slice(0, phrase.index).matchAll(/\bT\d+[a-z]?(?:\s*(?:-|–|—|to|through)\s*T\d+)?\b/g)].at(-1)?.[0];
    const waiting = subject === undefined ? [] : specKitIds(subject).filter((id) => ids.has(id));
    if (waiting.length === 0) {
      unread.push(index + 1);
      continue;
    }
    let after = line.slice(phrase.index + phrase[0].length);
    const open = line.slice(0, phrase.index).lastIndexOf('(') > line.slice(0, phrase.index).lastIndexOf(')');
    if (open && after.includes(')')) after = after.slice(0, after.indexOf(')'));
    after = after.split(/;|\.(?:\s|$)/)[0]!;
    const named = specKitIds(after).filter((id) => ids.has(id));
    if (waiting.every((before) => named.every((id) => id === before))) {
      unread.push(index + 1);
      continue;
    }
    for (const before of waiting) {
      const on = named.filter((id) => id !== before);
      if (on.length === 0) continue;
      const entry = found.get(before) ?? { on: [], raw: '' };
      found.set(before, { on: [...new Set([...entry.on, ...on])], raw: [entry.raw, `depends on ${after.trim()}`].filter(Boolean).join('; ') });
    }
  }
  return { found, unread };
}

/** A list's items that are tasks (by `idOf`), the first of two with one id kept and the second named in a warning. */
function readItems(
  file: SourceFile,
  format: string,
  idOf: (item: ChecklistLine) => { id: string; title: string } | null,
): { items: { item: ChecklistLine; id: string; title: string }[]; issues: Issue[] } {
  const sink = createIssueSink(file.path);
  const items: { item: ChecklistLine; id: string; title: string }[] = [];
  const seen = new Map<string, number>();
  const unread: number[] = [];
  // The checks every authored Markdown file passes (size, binary, nesting, crowded paragraphs) before it is read.
  const text = checkText(file.text, sink, 'a task list', maxTaskListBytes);
  if (text === null) return { items, issues: sink.issues };
  for (const item of checklistLines(text)) {
    const task = idOf(item);
    if (!task) {
      unread.push(item.line);
      continue;
    }
    const first = seen.get(task.id);
    if (first !== undefined) {
      sink.warning(
        item.line,
        1,
        `Task ${task.id} is listed again here (first at line ${first}); this line is left out.`,
        `Give every task in ${format}'s list its own number.`,
      );
      continue;
    }
    seen.set(task.id, item.line);
    items.push({ item, ...task });
  }
  if (unread.length > 0) {
    sink.warning(
      unread[0]!,
      1,
      `${unread.length === 1 ? 'A checkbox line' : `${unread.length} checkbox lines`} with no task id ${unread.length === 1 ? 'was' : 'were'} not read as ${unread.length === 1 ? 'a task' : 'tasks'} (line${unread.length === 1 ? '' : 's'} ${unread.slice(0, 8).join(', ')}${unread.length > 8 ? ', …' : ''}).`,
      `A task line starts with its id, e.g. "- [ ] ${format === 'Kiro' ? '2.1' : 'T012'} …".`,
    );
  }
  return { items, issues: sink.issues };
}

/** Largest task list read, in UTF-8 bytes: a whole feature's tasks in one file, larger than one task file. */
const maxTaskListBytes = 512_000;

/** The text of the list's first "# " heading, or null. */
function firstHeading(text: string): string | null {
  return /^# +(.+?)\s*#*\s*$/m.exec(text)?.[1] ?? null;
}

/**
 * A Spec Kit task line's id and title: "T012 [P] [US1] text", the id as it is written in bold ("**T012** [P] text",
 * "**T012 [P]** text"), lettered where a task was added between two (T009a, T009b), or with a suffix of capitals
 * kept whole, as written (T036-MIN, a task cut down to its minimum). The labels that lead the text —
 * "[P]" (may run in parallel), the story ("[US1]", "[US1/2]", a story code such as "[FN]" or "[ST]") — label the task,
 * they are not its title. Null when the line holds no task id.
 */
function specKitItem(text: string): { id: string; title: string } | null {
  const plain = text.replace(/^\*\*(T\d+[a-z]?\b[^*]*?)\s*\*\*/, '$1 ');
  const match = /^(T\d+[a-z]?(?:-(?!T\d)[A-Z][A-Z0-9]*)?)\b[:.]?\s*(.*)$/.exec(plain);
  if (!match) return null;
  const title = match[2]!.replace(/^(?:\[(?:P\d*|Story|S\d+|US\d+(?:[/,]\s*(?:US)?\d+)*|[A-Z]{2,3})\]\s*)+/, '').trim();
  return { id: match[1]!, title: title || match[1]! };
}

const specKit: TaskListFormat = {
  id: 'spec-kit',
  label: 'GitHub Spec Kit tasks.md',
  detect(name, text) {
    if (!isTasksFile(name)) return null;
    const count = checklistLines(text).filter((item) => specKitItem(item.text) !== null).length;
    return count > 0 ? `${name} lists ${count} task${count === 1 ? '' : 's'} as "- [ ] T001 …" checkbox lines` : null;
  },
  read(file, phaseId) {
    const { items, issues } = readItems(file, 'Spec Kit', (item) => specKitItem(item.text));
    const ids = new Set(items.map(({ id }) => id));
    const dependencies = specKitDependencies(file.text, ids);
    const heading = firstHeading(file.text);
    return {
      title: heading ? heading.replace(/^tasks\s*:\s*/i, '').trim() || null : null,
      tasks: items.map(({ item, id, title }) => ({
        task: checklistTask({
          id,
          slug: id,
          phaseId,
          title,
          file: file.path,
          line: item.line,
          status: boxStatus(item.mark),
          statusText: boxText(item.mark, item.optional),
          dependsOn: dependencies.get(id)?.on ?? [],
          dependencyRaw: dependencies.get(id)?.raw,
          format: 'Spec Kit',
        }),
        content: detailsText(item),
      })),
      issues,
    };
  },
};

/**
 * A Kiro task line's id and title: "1. text", "2.1 text", a lettered task added between two ("14a. text", its step
 * "14a.1 text"), or the id followed by a colon ("1.1.1: text"). Null when the line holds no task number.
 */
function kiroItem(text: string): { id: string; title: string } | null {
  const match = /^(\d+[a-z]?(?:\.\d+[a-z]?)*)[.:]?\s+(.*)$/.exec(text);
  return match ? { id: match[1]!, title: match[2]!.trim() || match[1]! } : null;
}

const kiro: TaskListFormat = {
  id: 'kiro',
  label: 'Kiro tasks.md',
  detect(name, text) {
    if (!isTasksFile(name)) return null;
    const count = checklistLines(text).filter((item) => kiroItem(item.text) !== null).length;
    return count > 0 ? `${name} lists ${count} numbered task${count === 1 ? '' : 's'} as "- [ ] 1. …" / "- [ ] 1.1 …" checkbox lines` : null;
  },
  read(file, phaseId) {
    const { items, issues } = readItems(file, 'Kiro', (item) => kiroItem(item.text));
    // Kiro numbers its hierarchy: 2.5 is a step of task 2, wherever the line is indented.
    const ids = new Set(items.map(({ id }) => id));
    const parentOf = (id: string) => (id.includes('.') && ids.has(id.slice(0, id.lastIndexOf('.'))) ? id.slice(0, id.lastIndexOf('.')) : null);
    return {
      title: null,
      tasks: items.map(({ item, id, title }) => ({
        task: checklistTask({
          id,
          slug: `task-${id}`,
          phaseId,
          title,
          file: file.path,
          line: item.line,
          status: boxStatus(item.mark),
          statusText: boxText(item.mark, item.optional),
          optional: item.optional,
          parentId: parentOf(id),
          format: 'Kiro',
        }),
        content: detailsText(item),
      })),
      issues,
    };
  },
};

/** Every task-list format, most specific first. */
export const taskListFormats: readonly TaskListFormat[] = [specKit, kiro, taskmaster, claudeFlowTasks, claudeCodeTasks];

/** The format of a file named `name` holding `text`, with why; null when it is no task list Cairn knows. */
export function detectTaskList(
  name: string,
  text: string,
  formats: readonly TaskListFormat[] = taskListFormats,
): { format: TaskListFormat; reason: string } | null {
  for (const format of formats) {
    const reason = format.detect(name, text);
    if (reason) return { format, reason };
  }
  return null;
}
