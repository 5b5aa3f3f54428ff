/**
 * claude-flow v3's task store, `.claude-flow/tasks/store.json` (also written by Ruflo, its later name):
 * `{"tasks": {"task-1768…-li3esh": {"taskId", "type", "description", "priority", "status", "progress", "assignedTo",
 * "tags", "createdAt", "startedAt", "completedAt", "result"}}, "version": "3.0.0"}`, as its task_create, task_update,
 * task_assign, task_complete and task_cancel tools write it. The store is one phase; each record a task. Its dates are
 * the tool's own record of the work: startedAt is when the task went in_progress, completedAt when it was completed or
 * cancelled. The store has no title (the first line of the description is the task's title), no estimate and, as the tools write it,
 * no dependencies (a "dependencies" list of task ids is read when a store has one). Issues are placed at the line of the
 * record's "taskId" key.
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
import { keyLines, pathKey } from './taskmaster.ts';
import type { TaskListFormat } from './task-lists.ts';

/** The store's records, or null when `data` is no claude-flow task store (a "tasks" object of records with "taskId" or "status"). */
function recordsOf(data: Json): [string, Json][] | null {
  if (!isObject(data) || !isObject(data.tasks)) return null;
  const entries = Object.entries(data.tasks);
  if (entries.length === 0) return typeof data.version === 'string' ? [] : null;
  return entries.some(([, record]) => isObject(record) && (typeof record.taskId === 'string' || typeof record.status === 'string')) ? entries : null;
}

/** The store's status words: failed is an end without success, shown as blocked (it needs someone to look at it). */
const storeStatuses: Record<string, StatusReading> = {
  pending: { status: 'pending' },
  in_progress: { status: 'in_progress' },
  completed: { status: 'complete' },
  cancelled: { status: 'complete', cancelled: true },
  failed: { status: 'blocked' },
};

const storeWords: StatusWords = {
  tool: 'claude-flow',
  own: storeStatuses,
  known: "claude-flow's statuses are pending, in_progress, completed, failed and cancelled.",
  example: 'Give it a "status" such as "pending", "in_progress" or "completed".',
};

/**
 * A time the store gives: an ISO 8601 string as the tools write it (`new Date().toISOString()`), or milliseconds since
 * 1970 (a number past 10^11, as `Date.now()` gives). Null when the value is null or absent; a value that is no time
 * gives `bad`, and is shown as unknown.
 */
function storeTime(value: Json | undefined): { time: string | null; bad?: string } {
  if (value === undefined || value === null || value === '') return { time: null };
  if (typeof value === 'number' && Number.isFinite(value) && value > 1e11) return { time: new Date(value).toISOString() };
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) &&
    !Number.isNaN(Date.parse(value.trim()))
  ) {
    return { time: new Date(Date.parse(value.trim())).toISOString() };
  }
  return { time: null, bad: JSON.stringify(value) };
}

/** The task's title: the first line of its description (the store gives no other name), whole. */
function titleOf(description: string): string {
  return description
    .trim()
    .split(/\r\n|\r|\n/)[0]!
    .trim();
}

/** A task's page: its whole description, its type and tags, and the result the tool stored when it finished. */
function pageText(record: JsonObject, title: string): string {
  const description = typeof record.description === 'string' ? record.description.trim() : '';
  const facts = [
    typeof record.type === 'string' && record.type.trim() !== '' ? `- Type: ${record.type.trim()}` : '',
    Array.isArray(record.tags) && record.tags.length > 0 ? `- Tags: ${record.tags.map(String).join(', ')}` : '',
    typeof record.progress === 'number' ? `- Progress: ${record.progress}%` : '',
  ].filter(Boolean);
  const result = record.result === undefined || record.result === null ? '' : `## Result\n\n\`\`\`json\n${JSON.stringify(record.result, null, 2)}\n\`\`\``;
  return [description !== title ? description : '', facts.join('\n'), result].filter(Boolean).join('\n\n');
}

/** A page address from a store id ("task-1768730716475-li3esh" stays as it is). */
const slugOf = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'task';

export const claudeFlowTasks: TaskListFormat = {
  id: 'claude-flow-tasks',
  label: 'claude-flow v3 task store (.claude-flow/tasks/store.json)',
  detect(name, text) {
    if (name !== 'store.json') return null;
    const parsed = parse(text);
    if (!('data' in parsed))
      return /"tasks"\s*:\s*\{/.test(text) && /"taskId"\s*:/.test(text)
        ? `${name} holds a "tasks" object of records with "taskId", as claude-flow v3 writes it (the file is not valid JSON)`
        : null;
    const records = recordsOf(parsed.data);
    if (records === null) return null;
    const version = isObject(parsed.data) && typeof parsed.data.version === 'string' ? ` (store version ${parsed.data.version})` : '';
    return `${name} holds a "tasks" object of ${records.length} task record${records.length === 1 ? '' : 's'} keyed by "taskId", as claude-flow v3's task tools write it${version}`;
  },
  read(file, phaseId) {
    const sink = createIssueSink(file.path);
    const parsed = parse(file.text);
    if (!('data' in parsed)) {
      reportJsonError(
        sink,
        file.text,
        parsed.error,
        'store.json',
        'none of its tasks can be read',
        'Fix the JSON syntax (a missing comma or quote is the usual cause); claude-flow rewrites the whole file on every change, so an interrupted write can leave it cut short.',
      );
      return { title: null, tasks: [], issues: sink.issues };
    }
    const records = recordsOf(parsed.data);
    if (records === null) {
      sink.error(
        1,
        1,
        'store.json holds no claude-flow task store: no "tasks" object of task records.',
        'A claude-flow v3 task store is {"tasks": {"<taskId>": {"taskId": …, "status": …}}, "version": "3.0.0"}.',
      );
      return { title: null, tasks: [], issues: sink.issues };
    }
    const lines = keyLines(file.text, 3);
    const lineOf = (key: string) => lines.get(pathKey(['tasks', key, 'taskId'])) ?? lines.get(pathKey(['tasks', key])) ?? 1;
    const ids = new Set(
      records.map(([key, record]) => (isObject(record) && typeof record.taskId === 'string' && record.taskId.trim() !== '' ? record.taskId.trim() : key)),
    );
    const tasks: StoreTask[] = [];
    const seen = new Set<string>();
    for (const [key, record] of records) {
      const task = readRecord(key, record, { line: lineOf(key), ids, seen, phaseId, path: file.path }, sink);
      if (task) tasks.push(task);
    }
    return { title: null, tasks, issues: sink.issues };
  },
};

/** A task of the store, with its page and when it was created. */
type StoreTask = { task: Task; content: string; created?: string };

/** Where a record is and what it is read against: its line, every id of the store, and the ids already read (`seen`, added to). */
interface RecordPlace {
  line: number;
  ids: ReadonlySet<string>;
  seen: Set<string>;
  phaseId: string;
  path: string;
}

/** One record of the store (kept under `key`) as a task; null, with a warning, when it is no task record or its id was read before. */
function readRecord(key: string, record: Json, { line, ids, seen, phaseId, path }: RecordPlace, sink: IssueSink): StoreTask | null {
  if (!isObject(record)) {
    sink.warning(
      line,
      1,
      `The entry "${key}" of the store is not a task record, so it is not read.`,
      'Each entry of "tasks" is an object with "taskId", "description" and "status".',
    );
    return null;
  }
  const id = typeof record.taskId === 'string' && record.taskId.trim() !== '' ? record.taskId.trim() : key;
  if (id !== key)
    sink.warning(
      line,
      1,
      `The record kept under "${key}" says its taskId is "${id}"; it is read as ${id}.`,
      'claude-flow keeps every record under its own taskId; the two should be one.',
    );
  if (seen.has(id)) {
    sink.warning(line, 1, `Task ${id} is in the store twice; this record is left out.`, 'Keep one record per taskId.');
    return null;
  }
  seen.add(id);
  const description = typeof record.description === 'string' ? record.description : '';
  const title = description.trim() === '' ? id : titleOf(description);
  if (description.trim() === '')
    sink.warning(line, 1, `Task ${id} has no description, so its id is its title.`, 'claude-flow\'s task_create takes the task\'s text as "description".');

  const statusValue = record.status;
  const meaning = readStatusValue(statusValue, id, line, sink, storeWords);
  const status = meaning?.status ?? 'pending';
  const dates = recordDates(record, id, line, sink);
  if (status === 'complete' && dates.completedAt === null)
    sink.warning(
      line,
      1,
      `Task ${id} is ${meaning?.cancelled ? 'cancelled' : 'completed'} but has no completedAt; when it ended is unknown.`,
      'claude-flow\'s task_complete and task_cancel set "completedAt".',
    );
  const { written, dependsOn } = recordDependencies(record, id, ids, line, sink);

  const task = checklistTask({
    id,
    slug: slugOf(id),
    phaseId,
    title,
    file: path,
    line,
    status,
    statusText: typeof statusValue === 'string' ? statusValue : 'pending',
    dependsOn: [...new Set(dependsOn)],
    dependencyRaw: written.length > 0 ? written.map(String).join(', ') : undefined,
    format: 'claude-flow task store',
  });
  task.cancelled = meaning?.cancelled === true;
  task.agent = assignedTo(record);
  task.priority = typeof record.priority === 'string' && record.priority.trim() !== '' ? record.priority.trim() : null;
  task.metadataStyle = 'json-list';
  task.startedAt = dates.startedAt;
  task.completedAt = status === 'complete' ? dates.completedAt : null;
  // The status is evidence at the time the store says it was set: the end of a finished task, the start of one under way.
  task.statusEvidence = { ...task.statusEvidence, time: status === 'complete' ? dates.completedAt : status === 'in_progress' ? dates.startedAt : null };
  return { task, content: pageText(record, title), ...(dates.createdAt ? { created: dates.createdAt } : {}) };
}

/**
 * A record's dates: each a time the tools wrote, or unknown (never a default). A value that is no time, or an end
 * before the start, is a warning.
 */
function recordDates(record: JsonObject, id: string, line: number, sink: IssueSink): Record<'createdAt' | 'startedAt' | 'completedAt', string | null> {
  const dates: Record<'createdAt' | 'startedAt' | 'completedAt', string | null> = { createdAt: null, startedAt: null, completedAt: null };
  for (const name of ['createdAt', 'startedAt', 'completedAt'] as const) {
    const read = storeTime(record[name]);
    dates[name] = read.time;
    if (read.bad)
      sink.warning(
        line,
        1,
        `Task ${id} has ${name} ${read.bad}, which is no time; it is shown as unknown.`,
        'claude-flow writes times as ISO 8601 ("2026-01-18T10:05:16.475Z").',
      );
  }
  if (dates.startedAt && dates.completedAt && dates.completedAt < dates.startedAt)
    sink.warning(
      line,
      1,
      `Task ${id} has a completedAt (${dates.completedAt}) before its startedAt (${dates.startedAt}); both are shown as written.`,
      'Check the clock of the machine that wrote the store.',
    );
  return dates;
}

/** The agents a record is assigned to, joined ([] is unassigned: null). */
function assignedTo(record: JsonObject): string | null {
  const assigned = Array.isArray(record.assignedTo)
    ? record.assignedTo.filter((agent): agent is string => typeof agent === 'string' && agent.trim() !== '').map((agent) => agent.trim())
    : typeof record.assignedTo === 'string' && record.assignedTo.trim() !== ''
      ? [record.assignedTo.trim()]
      : [];
  return assigned.length > 0 ? assigned.join(', ') : null;
}

/**
 * A record's dependencies as written, and those that are other tasks of the store. The tools do not store them; a
 * "dependencies" list of task ids is read where a store has one, and an id that is no other task is a warning.
 */
function recordDependencies(record: JsonObject, id: string, ids: ReadonlySet<string>, line: number, sink: IssueSink): { written: Json[]; dependsOn: string[] } {
  const written = Array.isArray(record.dependencies) ? record.dependencies : [];
  const dependsOn: string[] = [];
  const unknown: string[] = [];
  for (const value of written) {
    const target = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
    if (target !== null && ids.has(target) && target !== id) dependsOn.push(target);
    else unknown.push(target ?? JSON.stringify(value));
  }
  if (unknown.length > 0)
    sink.warning(
      line,
      1,
      `Task ${id} depends on ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is no other task' : 'are no other tasks'} of the store; left out.`,
      "A dependency names another record's taskId.",
    );
  return { written, dependsOn };
}
