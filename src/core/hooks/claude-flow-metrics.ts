/**
 * claude-flow v2's `.claude-flow/metrics/*.json`: counters of CLI calls and host load, never task progress.
 * See docs/hook-logs.md#the-metrics-files. Four shapes, told apart by content:
 * - task-metrics.json: `[{id: "cmd-<command>-<ms>", type, success, duration (ms), timestamp (ms), metadata}]`
 * - performance.json: `{startTime (ms), totalTasks, …}`, old and new (with sessionId, lastActivity, nested counters)
 * - system-metrics.json: `[{timestamp (ms), memoryTotal, memoryUsagePercent, cpuLoad, …}]`
 * - agent-metrics.json: `{}` in every sample
 */
import type { HookFormat } from '../schema/model.ts';
import { createImport, textOrNull, type ImportCollector } from './import-result.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { flattenData, isArrayOf, isRecord, numberOrNull, timeFrom, tooDeepWarning } from './shape.ts';

export const format: HookFormat = 'claude-flow-metrics';

type MetricsShape = 'task-metrics' | 'performance' | 'system-metrics' | 'agent-metrics';

function isTaskMetric(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    value.id.startsWith('cmd-') &&
    typeof value.type === 'string' &&
    typeof value.success === 'boolean' &&
    typeof value.timestamp === 'number'
  );
}

function isSystemSample(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.timestamp === 'number' &&
    typeof value.memoryTotal === 'number' &&
    typeof value.memoryUsagePercent === 'number' &&
    typeof value.cpuLoad === 'number'
  );
}

function shapeOf(value: unknown): MetricsShape | null {
  if (isArrayOf(value, isTaskMetric)) return 'task-metrics';
  if (isArrayOf(value, isSystemSample)) return 'system-metrics';
  if (!isRecord(value)) return null;
  if (typeof value.startTime === 'number' && typeof value.totalTasks === 'number') return 'performance';
  // Only an empty object: a non-empty one would be some other store (memory-store.json is namespace → entries).
  if (Object.keys(value).length === 0) return 'agent-metrics';
  return null;
}

/** True when this parsed JSON value has this format's shape (one of the four metrics files). */
export function matches(value: unknown): boolean {
  return shapeOf(value) !== null;
}

/** Turns the parsed JSON value of one file into events; `path` is the display path of the file. */
export function read(value: unknown, path: string): ImportResult {
  const books = createImport(format, path);
  const shape = shapeOf(value);
  const tooDeep: string[] = [];
  if (shape === 'task-metrics') (value as unknown[]).forEach((entry, index) => readTaskMetric(books, entry as Record<string, unknown>, index));
  else if (shape === 'system-metrics')
    (value as unknown[]).forEach((sample, index) => readSystemSample(books, sample as Record<string, unknown>, index, tooDeep));
  else if (shape === 'performance') readPerformance(books, value as Record<string, unknown>, tooDeep);
  else if (shape === null) books.warn('The file is not one of the claude-flow metrics shapes, so nothing was read from it.');
  // agent-metrics.json is `{}`: no records.
  const deep = tooDeepWarning(tooDeep);
  if (deep) books.warn(deep);
  return books.finish();
}

/** One CLI call (the id says which: "cmd-hooks-1754521999228"); `duration` is milliseconds, `timestamp` epoch ms. */
function readTaskMetric(books: ImportCollector, entry: Record<string, unknown>, index: number): void {
  books.record();
  const duration = numberOrNull(entry.duration);
  books.event(
    {
      kind: 'metrics',
      order: index,
      ...timeFrom(entry.timestamp),
      message: `claude-flow ${entry.type as string} command`,
      durationMs: duration,
      data: { type: entry.type as string, success: entry.success as boolean, duration, id: entry.id as string },
    },
    { namespace: null, key: entry.id as string, row: index },
  );
}

/**
 * One host sample, taken every 30 s by long-running processes. memoryUsagePercent and memoryEfficiency are already
 * percentages: 0.65 means 0.65 %, not 65 % (docs/hook-logs.md#the-metrics-files), so they are kept as written.
 */
function readSystemSample(books: ImportCollector, sample: Record<string, unknown>, index: number, tooDeep: string[]): void {
  books.record();
  books.event(
    { kind: 'metrics', order: index, ...timeFrom(sample.timestamp), data: flattenData(sample, ['timestamp'], tooDeep) },
    { namespace: null, key: 'system-metrics', row: index },
  );
}

/** The whole file is one record. Its `totalTasks` counts CLI calls, not coordination tasks. */
function readPerformance(books: ImportCollector, performance: Record<string, unknown>, tooDeep: string[]): void {
  books.record();
  books.event(
    {
      kind: 'metrics',
      order: 0,
      ...timeFrom(numberOrNull(performance.lastActivity) ?? performance.startTime),
      session: textOrNull(performance.sessionId),
      data: flattenData(performance, [], tooDeep),
    },
    { namespace: null, key: 'performance', row: null },
  );
}
