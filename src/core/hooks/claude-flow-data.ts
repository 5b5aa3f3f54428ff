/**
 * claude-flow's JSON persistence file, `memory/claude-flow-data.json` (also `memory/claude-flow@alpha-data.json`):
 * `{agents: [], tasks: [], lastUpdated (ms)}` (docs/hook-logs.md#the-json-memory-store). Both arrays are empty in every
 * sample; the element fields below are those of claude-flow's JsonPersistenceManager (`PersistedAgent`,
 * `PersistedTask`): agent `{id, type, name, status, createdAt (ms), …}`, task `{id, type, description, status,
 * priority, progress, assignedAgent?, error?, createdAt (ms), completedAt? (ms), …}`.
 */
import type { HookFormat } from '../schema/model.ts';
import { createImport, textOrNull, type ImportCollector } from './import-result.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { isRecord, numberOrNull, timeFrom } from './shape.ts';

export const format: HookFormat = 'claude-flow-data';

/** True when this parsed JSON value has this format's shape: `agents` and `tasks` arrays with a numeric `lastUpdated`. */
export function matches(value: unknown): boolean {
  return isRecord(value) && Array.isArray(value.agents) && Array.isArray(value.tasks) && typeof value.lastUpdated === 'number';
}

/** Turns the parsed JSON value of one file into events; `path` is the display path of the file. */
export function read(value: unknown, path: string): ImportResult {
  const books = createImport(format, path);
  if (!matches(value)) {
    books.warn('The file is not a claude-flow data file ({agents, tasks, lastUpdated}), so nothing was read from it.');
    return books.finish();
  }
  const { agents, tasks } = value as { agents: unknown[]; tasks: unknown[] };
  agents.forEach((agent, index) => readAgent(books, agent, index));
  tasks.forEach((task, index) => readTask(books, task, agents.length + index, index));
  return books.finish();
}

/** An agent the orchestrator created. `order` runs on across both arrays; `row` is the index within its own. */
function readAgent(books: ImportCollector, agent: unknown, row: number): void {
  books.record();
  if (!isRecord(agent)) return books.skip('not an agent record');
  const id = textOrNull(agent.id);
  books.event(
    {
      kind: 'agent.spawn',
      order: row,
      ...timeFrom(agent.createdAt),
      agent: textOrNull(agent.name) ?? id,
      status: textOrNull(agent.status),
      data: { id, type: textOrNull(agent.type) },
    },
    { namespace: 'agents', key: id, row },
  );
}

/**
 * An orchestrated task. Which of its statuses mean started or ended is not known from any sample, so it is
 * imported as the state it was last written in (a memory write under `tasks/<id>`), not as a task event.
 */
function readTask(books: ImportCollector, task: unknown, order: number, row: number): void {
  books.record();
  if (!isRecord(task)) return books.skip('not a task record');
  const id = textOrNull(task.id);
  books.event(
    {
      kind: 'memory.set',
      order,
      ...timeFrom(task.completedAt ?? task.createdAt),
      memoryKey: `tasks/${id ?? row}`,
      taskRef: id,
      description: textOrNull(task.description),
      message: textOrNull(task.description),
      agent: textOrNull(task.assignedAgent),
      status: textOrNull(task.status),
      data: { type: textOrNull(task.type), priority: numberOrNull(task.priority), progress: numberOrNull(task.progress), error: textOrNull(task.error) },
    },
    { namespace: 'tasks', key: id, row },
  );
}
