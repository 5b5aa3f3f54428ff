/**
 * Claude Code's own task lists, copied from `~/.claude/tasks/<list-id>/`: one file per task, named by its id (`1.json`,
 * `2.json`, …), each `{"id": "1", "subject", "description", "activeForm", "status", "blocks": [], "blockedBy": []}` with
 * an optional `owner` (the agent that claimed it) and `metadata`, as its TaskCreate and TaskUpdate tools write them. The
 * list folder is one phase. Status is pending, in_progress or completed. `blockedBy` names the tasks a task waits for;
 * `blocks` names the tasks that wait for it, so "1 blocks 2" is the edge "2 depends on 1": both are read, and where one
 * side names an edge the other does not, a warning says so. Nothing dates a task, and nothing estimates one. A task
 * whose metadata has `_internal` (Claude Code hides it from its list) is left out with a warning.
 */
import type { Issue, Task } from '../schema/model.ts';
import type { SourceFile } from '../schema/package-files.ts';
import { createIssueSink } from '../text/issues.ts';
import { checklistTask } from './checklist.ts';
import {
  isObject,
  type Json,
  type JsonObject,
  parseJson as parse,
  readStatusValue,
  reportJsonError,
  type StatusReading,
  type StatusWords,
} from './json-task-list.ts';
import { keyLines, pathKey } from './taskmaster.ts';
import type { TaskListFormat } from './task-lists.ts';

/** A task file's name: its id and ".json" ("12.json"). */
export const isTaskFileName = (name: string) => /^[A-Za-z0-9_-]+\.json$/.test(name);

/** Whether parsed JSON is one of Claude Code's task objects: a subject, a status, and the blocks/blockedBy lists. */
function isTaskObject(data: Json): data is JsonObject {
  return isObject(data) && typeof data.subject === 'string' && typeof data.status === 'string' && (Array.isArray(data.blockedBy) || Array.isArray(data.blocks));
}

/** Whether `text`, a file named `name`, is one task of a Claude Code task list. */
export function isClaudeCodeTask(name: string, text: string): boolean {
  if (!isTaskFileName(name)) return false;
  const parsed = parse(text);
  return 'data' in parsed ? isTaskObject(parsed.data) : /"subject"\s*:/.test(text) && /"blockedBy"\s*:/.test(text);
}

const codeStatuses: Record<string, StatusReading> = {
  pending: { status: 'pending' },
  in_progress: { status: 'in_progress' },
  completed: { status: 'complete' },
};

const codeWords: StatusWords = { tool: 'Claude Code', own: codeStatuses, known: "Claude Code's statuses are pending, in_progress and completed." };

/** An id as a list names it: a string, or a number written without quotes. */
function idText(value: Json | undefined): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

/** Ids in natural order: "2" before "10". */
const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

interface Entry {
  id: string;
  file: SourceFile;
  raw: JsonObject;
  line: number;
  lines: Map<string, number>;
  sink: { issues: Issue[]; warning: (line: number, column: number, message: string, hint?: string) => void };
}

export const claudeCodeTasks: TaskListFormat = {
  id: 'claude-code-tasks',
  label: 'Claude Code task list (<id>.json files)',
  detect(name, text) {
    return isClaudeCodeTask(name, text)
      ? `${name} is a task object with "subject", "status", "blocks" and "blockedBy", as Claude Code's task tools write one file per task`
      : null;
  },
  read(first, phaseId, _part, files) {
    const all = (files ?? [first]).toSorted((a, b) => byId(a.path, b.path));
    const issues: Issue[] = [];
    const entries: Entry[] = [];
    const seen = new Map<string, string>();
    for (const file of all) {
      const entry = readEntry(file, seen);
      if ('skipped' in entry) {
        issues.push(...entry.skipped);
        continue;
      }
      seen.set(entry.id, file.path);
      entries.push(entry);
    }
    const edges = readEdges(entries);
    warnOneSidedEdges(entries, edges);
    const tasks = entries.toSorted((a, b) => byId(a.id, b.id)).map((entry) => taskOf(entry, phaseId, edges));
    return { title: null, tasks, issues: [...issues, ...entries.flatMap((entry) => entry.sink.issues)] };
  },
};

/**
 * One task file read as an entry of the list, its problems in its own sink. When it is left out (not valid JSON, no
 * task, a task whose id an earlier file in `seen` has, an internal task), its problems alone, as `skipped`.
 */
function readEntry(file: SourceFile, seen: ReadonlyMap<string, string>): Entry | { skipped: Issue[] } {
  const sink = createIssueSink(file.path);
  const stem = file.path
    .split('/')
    .at(-1)!
    .replace(/\.json$/i, '');
  const parsed = parse(file.text);
  if (!('data' in parsed)) {
    reportJsonError(
      sink,
      file.text,
      parsed.error,
      `${stem}.json`,
      'its task cannot be read',
      'Fix the JSON syntax, or let Claude Code rewrite the task (TaskUpdate writes the whole file).',
    );
    return { skipped: sink.issues };
  }
  if (!isTaskObject(parsed.data)) {
    sink.warning(
      1,
      1,
      `${stem}.json is not a Claude Code task (no "subject", "status" and "blocks"/"blockedBy"), so it is not read.`,
      'A task file is {"id": "1", "subject": …, "status": "pending", "blocks": [], "blockedBy": []}.',
    );
    return { skipped: sink.issues };
  }
  const raw = parsed.data;
  const lines = keyLines(file.text, 1);
  const line = lines.get(pathKey(['id'])) ?? lines.get(pathKey(['subject'])) ?? 1;
  const id = entryId(raw, stem, line, sink);
  const twin = seen.get(id);
  if (twin !== undefined) {
    sink.warning(line, 1, `Task ${id} is also in ${twin}; this file is left out.`, 'Give every task of the list its own id.');
    return { skipped: sink.issues };
  }
  if (isObject(raw.metadata) && raw.metadata._internal !== undefined && raw.metadata._internal !== false && raw.metadata._internal !== null) {
    sink.warning(
      line,
      1,
      `Task ${id} is marked internal (metadata "_internal"): Claude Code keeps it for its own bookkeeping and hides it from the list, so it is left out.`,
      'Nothing to do; remove the file from the copy if it should not be named here.',
    );
    return { skipped: sink.issues };
  }
  return { id, file, raw, line, lines, sink };
}

/** A task's id: its "id" as written, else its file's name (`stem`); an id missing, written as a number or unlike the file's name is a warning. */
function entryId(raw: JsonObject, stem: string, line: number, sink: Entry['sink']): string {
  const written = idText(raw.id);
  if (written === null)
    sink.warning(
      line,
      1,
      `The task has no "id"; it is read as ${stem}, from its file name.`,
      'Claude Code writes the id as a string, the file\'s name without ".json".',
    );
  else if (typeof raw.id === 'number')
    sink.warning(
      line,
      1,
      `The task's id is the number ${written}; Claude Code writes ids as strings ("${written}") and does not show a task whose id is a number.`,
      `Write "id": "${written}".`,
    );
  const id = written ?? stem;
  if (written !== null && written !== stem)
    sink.warning(line, 1, `The file ${stem}.json holds task ${written}; it is read as ${written}.`, "Claude Code names each file by its task's id.");
  return id;
}

/** The list's edges: what each task depends on, and which of its sides named each edge. */
interface Edges {
  dependsOn: Map<string, Set<string>>;
  from: Map<string, { blockedBy: Set<string>; blocks: Set<string> }>;
}

/** A task's "blocks" or "blockedBy" list; none when it is not a list. */
const listOf = (entry: Entry, key: 'blocks' | 'blockedBy') => (Array.isArray(entry.raw[key]) ? (entry.raw[key] as Json[]) : []);

/**
 * Edges from both sides: B in A's blockedBy, and A in B's blocks, are each "A depends on B". A list that is not one,
 * and ids that are no other task of the list, are warnings.
 */
function readEdges(entries: readonly Entry[]): Edges {
  const ids = new Set(entries.map((entry) => entry.id));
  const edges: Edges = {
    dependsOn: new Map<string, Set<string>>(entries.map((entry) => [entry.id, new Set<string>()])),
    from: new Map<string, { blockedBy: Set<string>; blocks: Set<string> }>(
      entries.map((entry) => [entry.id, { blockedBy: new Set<string>(), blocks: new Set<string>() }]),
    ),
  };
  for (const entry of entries) {
    const unknown = [...readEdgeList(entry, 'blockedBy', ids, edges), ...readEdgeList(entry, 'blocks', ids, edges)];
    if (unknown.length > 0)
      entry.sink.warning(
        entry.lines.get(pathKey(['blockedBy'])) ?? entry.line,
        1,
        `Task ${entry.id} names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is no other task' : 'are no other tasks'} of this list; left out.`,
        `Task ids of the list: ${[...ids].toSorted(byId).slice(0, 20).join(', ')}${ids.size > 20 ? ', …' : ''}.`,
      );
  }
  return edges;
}

/** Adds the edges one of a task's lists names to `edges`; the values that name no other task of the list, each with its list's name. */
function readEdgeList(entry: Entry, key: 'blockedBy' | 'blocks', ids: ReadonlySet<string>, edges: Edges): string[] {
  const keyLine = entry.lines.get(pathKey([key])) ?? entry.line;
  if (entry.raw[key] !== undefined && !Array.isArray(entry.raw[key]))
    entry.sink.warning(keyLine, 1, `Task ${entry.id}'s "${key}" is not a list, so it is not read.`, `Write "${key}" as a list of task ids, e.g. ["1", "2"].`);
  const unknown: string[] = [];
  for (const value of listOf(entry, key)) {
    const other = idText(value);
    if (other === null || !ids.has(other) || other === entry.id) {
      unknown.push(`${other ?? JSON.stringify(value)} (${key})`);
      continue;
    }
    // blockedBy: this task waits for `other`; blocks: `other` waits for this task.
    const [waiting, on] = key === 'blockedBy' ? [entry.id, other] : [other, entry.id];
    edges.dependsOn.get(waiting)!.add(on);
    edges.from.get(waiting)![key].add(on);
  }
  return unknown;
}

/** One side without the other: the edge is read, and the disagreement named at the side that lacks it. */
function warnOneSidedEdges(entries: readonly Entry[], { dependsOn, from }: Edges): void {
  const byTask = new Map(entries.map((entry) => [entry.id, entry]));
  for (const entry of entries) {
    const sides = from.get(entry.id)!;
    for (const on of [...dependsOn.get(entry.id)!].toSorted(byId)) {
      if (!sides.blockedBy.has(on)) {
        entry.sink.warning(
          entry.lines.get(pathKey(['blockedBy'])) ?? entry.line,
          1,
          `Task ${on} says it blocks ${entry.id}, but ${entry.id}'s "blockedBy" does not name ${on}; ${entry.id} is read as depending on ${on}.`,
          `Add "${on}" to task ${entry.id}'s blockedBy, or remove "${entry.id}" from task ${on}'s blocks.`,
        );
      } else if (!sides.blocks.has(on)) {
        const other = byTask.get(on)!;
        other.sink.warning(
          other.lines.get(pathKey(['blocks'])) ?? other.line,
          1,
          `Task ${entry.id} is blocked by ${on}, but ${on}'s "blocks" does not name ${entry.id}; ${entry.id} is read as depending on ${on}.`,
          `Add "${entry.id}" to task ${on}'s blocks, or remove "${on}" from task ${entry.id}'s blockedBy.`,
        );
      }
    }
  }
}

/** The task an entry is, with its description as its page; a status Claude Code does not write is a warning, and pending. */
function taskOf(entry: Entry, phaseId: string, { dependsOn, from }: Edges): { task: Task; content: string } {
  const { raw, id, file, line, sink } = entry;
  const statusValue = raw.status as string;
  const meaning = readStatusValue(statusValue, id, line, sink, codeWords);
  const on = [...dependsOn.get(id)!].toSorted(byId);
  const sides = from.get(id)!;
  const raws = [
    sides.blockedBy.size > 0 ? `blockedBy ${[...sides.blockedBy].toSorted(byId).join(', ')}` : '',
    on.some((other) => !sides.blockedBy.has(other)) ? `blocked by ${on.filter((other) => !sides.blockedBy.has(other)).join(', ')} (their "blocks")` : '',
  ].filter(Boolean);
  const title = String(raw.subject).trim() || `Task ${id}`;
  const task = checklistTask({
    id,
    slug: `task-${id.replace(/[^A-Za-z0-9._-]+/g, '-')}`,
    phaseId,
    title,
    file: file.path,
    line,
    status: meaning?.status ?? 'pending',
    statusText: statusValue,
    dependsOn: on,
    dependencyRaw: raws.length > 0 ? raws.join('; ') : undefined,
    format: 'Claude Code',
  });
  task.cancelled = meaning?.cancelled === true;
  task.agent = typeof raw.owner === 'string' && raw.owner.trim() !== '' ? raw.owner.trim() : null;
  task.metadataStyle = 'json-list';
  task.statusEvidence = { ...task.statusEvidence, summary: `"${statusValue}" in ${file.path.split('/').at(-1)}` };
  const description = typeof raw.description === 'string' ? raw.description.trim() : '';
  return { task, content: description };
}
