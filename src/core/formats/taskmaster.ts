/**
 * Taskmaster's `tasks.json`: tagged (`{"master": {"tasks": [...], "metadata": {...}}, "feature-x": {...}}`, one phase
 * per tag) or legacy (`{"tasks": [...]}`, one phase). Each task's id, title, status, dependencies, priority and
 * subtasks (reported as `<parent>.<sub>`) are read; description, details and test strategy are its page. Metadata
 * counts, `complexity` (a score, not an estimate) and subtasks' `parentId` are not read. Issues are placed at the line
 * of the task's `"id"` key.
 */
import type { Task } from '../schema/model.ts';
import { createIssueSink, type IssueSink } from '../text/issues.ts';
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
import type { TaskListFormat } from './task-lists.ts';

/** A tag's tasks and metadata, with the path of its tasks array in the file. */
interface TaskmasterPart {
  /** The tag, or null for a legacy file. */
  tag: string | null;
  tasks: Json[];
  metadata: JsonObject | null;
  path: (string | number)[];
}

/** The tags of a parsed tasks.json (or its one legacy list); null when it is no Taskmaster list. */
function partsOf(data: Json): TaskmasterPart[] | null {
  if (!isObject(data)) return null;
  if (Array.isArray(data.tasks)) return [{ tag: null, tasks: data.tasks, metadata: isObject(data.metadata) ? data.metadata : null, path: ['tasks'] }];
  const parts = Object.entries(data).flatMap(([tag, value]) =>
    isObject(value) && Array.isArray(value.tasks)
      ? [{ tag, tasks: value.tasks, metadata: isObject(value.metadata) ? value.metadata : null, path: [tag, 'tasks'] }]
      : [],
  );
  return parts.length > 0 ? parts : null;
}

/** Whether text that is not valid JSON still looks like a Taskmaster list (a "tasks" array), to report its syntax error. */
const looksLikeTaskmaster = (text: string) => /"tasks"\s*:\s*\[/.test(text) && /"id"\s*:/.test(text);

/**
 * The tags of a tasks.json with the line of each tag's key, for the content-root layout: `tagged` false for a
 * legacy file (one part, tag null); null when the text is no Taskmaster list, or not valid JSON.
 */
export function taskmasterTags(text: string): { tagged: boolean; tags: { tag: string | null; line: number }[] } | null {
  const parsed = parse(text);
  if (!('data' in parsed)) return null;
  const parts = partsOf(parsed.data);
  if (!parts) return null;
  if (parts[0]!.tag === null) return { tagged: false, tags: [{ tag: null, line: 1 }] };
  const lines = keyLines(text, 1);
  return { tagged: true, tags: parts.map((part) => ({ tag: part.tag, line: lines.get(pathKey([part.tag!])) ?? 1 })) };
}

export const pathKey = (path: readonly (string | number)[]) => path.join('\u0000');

/**
 * The 1-based line of every object key in valid JSON `text` up to `depth` levels deep, by its path (pathKey), in one
 * pass: a list of thousands of tasks is located in linear time.
 */
export function keyLines(text: string, depth: number): Map<string, number> {
  const found = new Map<string, number>();
  const path: (string | number)[] = [];
  const kinds: string[] = [];
  let expectKey = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
    else if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (kinds.at(-1) === '{' && expectKey) {
        expectKey = false;
        path[path.length - 1] = JSON.parse(text.slice(start, i + 1)) as string;
        if (path.length <= depth) found.set(pathKey(path), line);
      }
    } else if (char === '{' || char === '[') {
      kinds.push(char);
      path.push(char === '{' ? '' : 0);
      expectKey = char === '{';
    } else if (char === '}' || char === ']') {
      kinds.pop();
      path.pop();
    } else if (char === ',') {
      if (kinds.at(-1) === '[') path[path.length - 1] = (path.at(-1) as number) + 1;
      else expectKey = true;
    }
  }
  return found;
}

/** Taskmaster's status words; any other word the general vocabulary knows is read as it says. */
const taskmasterStatuses: Record<string, StatusReading> = {
  done: { status: 'complete' },
  completed: { status: 'complete' },
  complete: { status: 'complete' },
  pending: { status: 'pending' },
  'in-progress': { status: 'in_progress' },
  review: { status: 'in_progress' },
  deferred: { status: 'pending' },
  cancelled: { status: 'complete', cancelled: true },
  canceled: { status: 'complete', cancelled: true },
  blocked: { status: 'blocked' },
};

const taskmasterWords: StatusWords = {
  tool: 'Taskmaster',
  own: taskmasterStatuses,
  known: "Taskmaster's statuses are pending, in-progress, review, done, deferred, cancelled and blocked.",
  example: 'Give it a "status" such as "pending", "in-progress" or "done".',
};

/** An id as Taskmaster writes it (an integer, or a string of one), as text; null when it is neither. */
function idText(value: Json | undefined): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && value.trim() !== 'undefined') return value.trim();
  return null;
}

/** A task's page: its description, then its details and test strategy under headings, as Taskmaster wrote them. */
function pageText(task: JsonObject): string {
  const text = (key: string) => (typeof task[key] === 'string' ? (task[key] as string).trim() : '');
  return [text('description'), text('details') && `## Details\n\n${text('details')}`, text('testStrategy') && `## Test strategy\n\n${text('testStrategy')}`]
    .filter(Boolean)
    .join('\n\n');
}

/** The phase title a tag's metadata gives: its name, or a description Taskmaster did not fill in itself. */
function tagTitle(metadata: JsonObject | null): string | null {
  for (const key of ['name', 'description']) {
    const value = metadata?.[key];
    if (typeof value !== 'string' || value.trim() === '' || /^Tasks for .+ context$/i.test(value.trim())) continue;
    return value.trim().split(/\r\n|\r|\n/)[0]!;
  }
  return null;
}

interface Entry {
  id: string;
  parentId: string | null;
  raw: JsonObject;
  line: number;
  /** Its dependencies as written, each resolved to a task id of the tag. */
  dependencies: { written: string; id: string }[];
}

/** The part of the file this phase is: the tag `part`, else the only tag, else master (the others named in a warning). */
function choosePart(parts: TaskmasterPart[], part: string | undefined, sink: IssueSink, tagLine: (tag: string) => number): TaskmasterPart | null {
  if (parts[0]!.tag === null) return parts[0]!;
  if (part !== undefined) {
    const found = parts.find((candidate) => candidate.tag === part);
    if (!found)
      sink.error(
        1,
        1,
        `The Taskmaster list has no tag "${part}" (its tags: ${parts.map((candidate) => candidate.tag).join(', ')}).`,
        'Point the content at the Taskmaster folder again, so that its tags are listed anew.',
      );
    return found ?? null;
  }
  if (parts.length === 1) return parts[0]!;
  const chosen = parts.find((candidate) => candidate.tag === 'master') ?? parts[0]!;
  sink.warning(
    tagLine(chosen.tag!),
    1,
    `Only the tag "${chosen.tag}" of this Taskmaster list is read here; its other tags (${parts
      .filter((candidate) => candidate !== chosen)
      .map((candidate) => candidate.tag)
      .join(', ')}) are not.`,
    'Point the content at the Taskmaster folder (.taskmaster/) to get one phase per tag.',
  );
  return chosen;
}

export const taskmaster: TaskListFormat = {
  id: 'taskmaster',
  label: 'Taskmaster tasks.json',
  detect(name, text) {
    if (!/^tasks\.json$/i.test(name)) return null;
    const parsed = parse(text);
    if (!('data' in parsed))
      return looksLikeTaskmaster(text) ? `${name} holds a "tasks" list with task ids, as Taskmaster writes it (the file is not valid JSON)` : null;
    const parts = partsOf(parsed.data);
    if (!parts) return null;
    const count = parts.reduce((sum, part) => sum + part.tasks.length, 0);
    const tasks = `${count} task${count === 1 ? '' : 's'}`;
    return parts[0]!.tag === null
      ? `${name} holds a "tasks" list of ${tasks} (Taskmaster's legacy, untagged file)`
      : `${name} holds Taskmaster tag${parts.length === 1 ? '' : 's'} ${parts.map((part) => part.tag).join(', ')}, each with a "tasks" list (${tasks} in all)`;
  },
  read(file, phaseId, part) {
    const sink = createIssueSink(file.path);
    const name = file.path.split('/').at(-1)!;
    const parsed = parse(file.text);
    if (!('data' in parsed)) {
      reportJsonError(
        sink,
        file.text,
        parsed.error,
        name,
        'none of its tasks can be read',
        'Fix the JSON syntax (a missing comma or quote is the usual cause), or run `task-master validate-dependencies`, which rewrites the file.',
      );
      return { title: null, tasks: [], issues: sink.issues };
    }
    const parts = partsOf(parsed.data);
    if (!parts) {
      sink.error(
        1,
        1,
        `${name} holds no Taskmaster task list: neither a "tasks" array nor tags that each hold one.`,
        'A Taskmaster list is {"master": {"tasks": [...]}} or {"tasks": [...]}.',
      );
      return { title: null, tasks: [], issues: sink.issues };
    }
    const lines = keyLines(file.text, parts[0]!.tag === null ? 5 : 6);
    const lineOf = (path: (string | number)[]) => lines.get(pathKey(path)) ?? lines.get(pathKey(path.slice(0, -1).concat('title'))) ?? 1;
    const chosen = choosePart(parts, part, sink, (tag) => lines.get(pathKey([tag])) ?? 1);
    if (!chosen) return { title: null, tasks: [], issues: sink.issues };
    const entries = entriesOf(chosen, lineOf, sink);
    const ids = new Set(entries.map((entry) => entry.id));
    const tasks = entries.map((entry) => taskOf(entry, { entries, ids, tag: chosen.tag, phaseId, path: file.path }, sink));
    return { title: partTitle(chosen), tasks, issues: sink.issues };
  },
};

/** Every task and subtask of the tag, in file order; an entry that is no task, or a second task with one id, is named and left out. */
function entriesOf(chosen: TaskmasterPart, lineOf: (path: (string | number)[]) => number, sink: IssueSink): Entry[] {
  const entries: Entry[] = [];
  const seen = new Map<string, number>();
  const add = (raw: Json, path: (string | number)[], parentId: string | null) => {
    const line = lineOf([...path, 'id']);
    if (!isObject(raw)) {
      sink.warning(
        line,
        1,
        `An entry of the ${parentId === null ? 'tasks' : `subtasks of task ${parentId}`} list is not a task object, so it is not read.`,
        'Each task is an object with "id", "title" and "status".',
      );
      return null;
    }
    const own = idText(raw.id);
    if (own === null) {
      sink.warning(
        line,
        1,
        `A ${parentId === null ? 'task' : `subtask of task ${parentId}`} has no id${typeof raw.title === 'string' ? ` ("${raw.title}")` : ''}, so it is not read.`,
        'Give it an integer "id".',
      );
      return null;
    }
    // Subtask ids are local to their parent ("id": 3 in task 4 is 4.3); one already written "4.3" is kept as is.
    const id = parentId === null || own.startsWith(`${parentId}.`) ? own : `${parentId}.${own}`;
    const first = seen.get(id);
    if (first !== undefined) {
      sink.warning(line, 1, `Task ${id} is listed again here (first at line ${first}); this one is left out.`, 'Give every task of a tag its own id.');
      return null;
    }
    seen.set(id, line);
    const entry: Entry = { id, parentId, raw, line, dependencies: [] };
    entries.push(entry);
    return entry;
  };
  for (const [index, raw] of chosen.tasks.entries()) {
    const entry = add(raw, [...chosen.path, index], null);
    const subtasks = entry?.raw.subtasks;
    if (!entry || subtasks === undefined || subtasks === null) continue;
    if (!Array.isArray(subtasks)) {
      sink.warning(entry.line, 1, `The "subtasks" of task ${entry.id} are not a list, so they are not read.`, 'Write "subtasks" as a list of task objects.');
      continue;
    }
    for (const [subIndex, sub] of subtasks.entries()) add(sub, [...chosen.path, index, 'subtasks', subIndex], entry.id);
  }
  return entries;
}

/** What a task is read against: every entry of its tag (and their ids), the tag (null for a legacy list), and where the list is. */
interface TagContext {
  entries: readonly Entry[];
  ids: ReadonlySet<string>;
  tag: string | null;
  phaseId: string;
  path: string;
}

/** The task an entry is, with its page. */
function taskOf(entry: Entry, context: TagContext, sink: IssueSink): { task: Task; content: string } {
  const { raw, id, parentId, line } = entry;
  const { written, dependsOn } = entryDependencies(entry, context, sink);
  const statusValue = raw.status;
  const meaning = readStatusValue(statusValue, id, line, sink, taskmasterWords);
  const statusText = typeof statusValue === 'string' ? statusValue : 'pending';
  const title = typeof raw.title === 'string' && raw.title.trim() !== '' ? raw.title.trim() : `Task ${id}`;
  const task = checklistTask({
    id,
    slug: `task-${id}`,
    phaseId: context.phaseId,
    title,
    file: context.path,
    line,
    status: meaning?.status ?? 'pending',
    statusText,
    dependsOn,
    dependencyRaw: written.length > 0 ? written.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ') : undefined,
    parentId,
    format: 'Taskmaster',
  });
  task.cancelled = meaning?.cancelled === true;
  task.priority = typeof raw.priority === 'string' && raw.priority.trim() !== '' ? raw.priority.trim() : null;
  task.metadataStyle = 'json-list';
  return { task, content: pageText(raw) };
}

/**
 * A task's dependencies as written, and the task ids they name. Top-level tasks name task ids of the tag; a subtask
 * names its siblings by their own number ([1, 2] in task 4 is 4.1 and 4.2) or any task by its full id ("4.1"). Those
 * that name no other task of the tag are a warning.
 */
function entryDependencies({ raw, id, parentId, line }: Entry, { entries, ids, tag }: TagContext, sink: IssueSink): { written: Json[]; dependsOn: string[] } {
  const written = Array.isArray(raw.dependencies) ? raw.dependencies : raw.dependencies === undefined || raw.dependencies === null ? [] : [raw.dependencies];
  const dependsOn: string[] = [];
  const unknown: string[] = [];
  for (const value of written) {
    const text = idText(value);
    if (text === null) {
      unknown.push(JSON.stringify(value));
      continue;
    }
    const target = parentId !== null && !text.includes('.') ? `${parentId}.${text}` : text;
    if (ids.has(target) && target !== id) dependsOn.push(target);
    else unknown.push(target === text ? text : `${text} (${target})`);
  }
  if (unknown.length > 0) {
    sink.warning(
      line,
      1,
      `Task ${id} depends on ${unknown.length === 1 ? `${unknown[0]}, which is no other task` : `${unknown.join(', ')}, which are no other tasks`} of ${tag === null ? 'this list' : `the tag "${tag}"`}; ${unknown.length === 1 ? 'that dependency is' : 'those dependencies are'} left out.`,
      `Task ids of ${tag === null ? 'the list' : 'the tag'}: ${entries
        .slice(0, 20)
        .map((other) => other.id)
        .join(', ')}${entries.length > 20 ? ', …' : ''}. Ids restart in every tag, so a task of another tag cannot be named.`,
    );
  }
  return { written, dependsOn };
}

/** The phase title of a tag: its metadata's name or description, else the tag; a legacy list's project name, if it has one. */
function partTitle(chosen: TaskmasterPart): string | null {
  return chosen.tag === null
    ? typeof chosen.metadata?.projectName === 'string' && chosen.metadata.projectName.trim() !== ''
      ? chosen.metadata.projectName.trim()
      : null
    : (tagTitle(chosen.metadata) ?? chosen.tag);
}
