/**
 * What claude-flow v3 ("ruflo") leaves as JSON (docs/hook-logs.md#claude-flow-v3-ruflo). v3 records no task start,
 * notify, memory key or session end; these files are all there is. Shapes, told apart by content:
 * - `.claude-flow/data/auto-memory-store.json`: `[{id, key, content, namespace, type, metadata, createdAt (ms)}]`;
 *   post-task writes `type: "task-outcome"`, `content: "Task completed: <taskId>"`
 * - `.claude-flow/neural/patterns.json`: `[{id, type: "action", content, embedding[384], confidence, metadata, createdAt (ms)}]`
 * - `.claude-flow/neural/stats.json`: `{trajectoriesRecorded, patternsLearned, signalsProcessed, lastAdaptation (ms)}`
 * - `.claude-flow/metrics/learning.json`, `swarm-activity.json`, `v3-progress.json`: placeholder counters with an ISO time
 */
import type { HookFormat } from '../schema/model.ts';
import { createImport, textOrNull, type ImportCollector } from './import-result.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { flattenData, isArrayOf, isRecord, numberOrNull, timeFrom, tooDeepWarning } from './shape.ts';

export const format: HookFormat = 'claude-flow-v3-json';

/** The single-object files, each with the field that holds its time. */
type SummaryShape = 'neural-stats' | 'learning' | 'swarm-activity' | 'v3-progress';

const summaryShapeToTimeField: Record<SummaryShape, string> = {
  'neural-stats': 'lastAdaptation',
  learning: 'initialized',
  'swarm-activity': 'timestamp',
  'v3-progress': 'initialized',
};

/**
 * An element of auto-memory-store.json or patterns.json: text content and an epoch-ms `createdAt`. The camelCase
 * `createdAt` keeps out `sqlite3 -json` dumps of either memory.db, whose rows have `created_at`.
 */
function isV3Entry(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string' && typeof value.content === 'string' && typeof value.createdAt === 'number';
}

/** An auto-memory-store entry has a key and a namespace; a learning pattern has neither. */
function isMemoryEntry(entry: Record<string, unknown>): boolean {
  return typeof entry.key === 'string' && typeof entry.namespace === 'string';
}

const isObjectField = (object: Record<string, unknown>, name: string): boolean => isRecord(object[name]);
const isTextField = (object: Record<string, unknown>, name: string): boolean => typeof object[name] === 'string';

function summaryShapeOf(value: Record<string, unknown>): SummaryShape | null {
  if (typeof value.trajectoriesRecorded === 'number' && typeof value.patternsLearned === 'number') return 'neural-stats';
  if (isTextField(value, 'initialized') && isObjectField(value, 'routing') && isObjectField(value, 'patterns')) return 'learning';
  if (isTextField(value, 'timestamp') && isObjectField(value, 'processes') && isObjectField(value, 'swarm')) return 'swarm-activity';
  if (isTextField(value, 'initialized') && isObjectField(value, 'domains') && isObjectField(value, 'ddd')) return 'v3-progress';
  return null;
}

/** True when this parsed JSON value has this format's shape (one of the v3 files above). */
export function matches(value: unknown): boolean {
  if (Array.isArray(value)) return isArrayOf(value, isV3Entry);
  return isRecord(value) && summaryShapeOf(value) !== null;
}

/** Turns the parsed JSON value of one file into events; `path` is the display path of the file. */
export function read(value: unknown, path: string): ImportResult {
  const books = createImport(format, path);
  if (isArrayOf(value, isV3Entry)) {
    (value as Record<string, unknown>[]).forEach((entry, index) => {
      books.record();
      if (isMemoryEntry(entry)) readMemoryEntry(books, entry, index);
      else readPattern(books, entry, index);
    });
    return books.finish();
  }
  const shape = isRecord(value) ? summaryShapeOf(value) : null;
  if (shape === null) {
    books.warn('The file is not one of the claude-flow v3 shapes, so nothing was read from it.');
    return books.finish();
  }
  const summary = value as Record<string, unknown>;
  const timeField = summaryShapeToTimeField[shape];
  const tooDeep: string[] = [];
  books.record();
  books.event(
    { kind: 'metrics', order: 0, ...timeFrom(summary[timeField]), data: flattenData(summary, [timeField], tooDeep) },
    { namespace: null, key: shape, row: null },
  );
  const deep = tooDeepWarning(tooDeep);
  if (deep) books.warn(deep);
  return books.finish();
}

/** A post-task outcome ("Task completed: task-7.1-build-infra") ends the task named by `key`; any other entry is a memory write. */
function readMemoryEntry(books: ImportCollector, entry: Record<string, unknown>, index: number): void {
  const metadata = isRecord(entry.metadata) ? entry.metadata : {};
  const key = entry.key as string;
  const where = { namespace: entry.namespace as string, key, row: index };
  const base = { order: index, ...timeFrom(entry.createdAt), message: textOrNull(entry.content) };
  if (entry.type === 'task-outcome') {
    const success = typeof metadata.success === 'boolean' ? metadata.success : null;
    books.event(
      {
        ...base,
        kind: 'task.end',
        taskRef: key,
        status: success === null ? null : success ? 'completed' : 'failed',
        data: { success, quality: numberOrNull(metadata.quality) },
      },
      where,
    );
    return;
  }
  books.event({ ...base, kind: 'memory.set', memoryKey: key, data: { type: textOrNull(entry.type) } }, where);
}

/**
 * patterns.json gets one "pattern" per post-edit and per post-task (generated/run3-v3-ruflo/claude-flow/neural/patterns.json).
 * Only the post-edit ones say something auto-memory-store.json does not: "Task edit-<file>-<ms> completed by …".
 * The post-task ones repeat its task outcomes, so they are skipped.
 */
const editPattern = /^Task edit-(.+)-(\d{10,}) completed\b/;
const successPattern = /\bsuccess=(true|false)\b/;

function readPattern(books: ImportCollector, pattern: Record<string, unknown>, index: number): void {
  const content = pattern.content as string;
  const edit = editPattern.exec(content);
  if (edit === null) return books.skip('learning pattern, not an event');
  const metadata = isRecord(pattern.metadata) ? pattern.metadata : {};
  const success = successPattern.exec(content)?.[1];
  books.event(
    {
      kind: 'edit',
      order: index,
      ...timeFrom(pattern.createdAt),
      file: edit[1]!,
      message: content,
      data: {
        editId: `edit-${edit[1]!}-${edit[2]!}`,
        success: success === undefined ? null : success === 'true',
        quality: numberOrNull(metadata.quality),
        confidence: numberOrNull(pattern.confidence),
      },
    },
    { namespace: null, key: textOrNull(pattern.id), row: index },
  );
}
