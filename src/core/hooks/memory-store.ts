/**
 * claude-flow v2's JSON memory store, memory/memory-store.json, and `memory export` output
 * (docs/hook-logs.md#the-json-memory-store): namespace → [{key, value, namespace, timestamp (ms)}]. This is where
 * agents put status text ("complete", "blocked: …"), so every entry becomes a memory.set event. Also the MemoryManager
 * export of a fork: {version, timestamp, entries: [{key, value, namespace, createdAt}]}.
 */
import { createImport, textOrNull, type ImportCollector } from './import-result.ts';
import type { ImportResult } from '../schema/package-files.ts';
import type { HookFormat } from '../schema/model.ts';
import { timeOrNull } from './shape.ts';

type Entry = Record<string, unknown>;
const isObject = (value: unknown): value is Entry => value !== null && typeof value === 'object' && !Array.isArray(value);
const isEntry = (value: unknown): boolean => isObject(value) && typeof value.key === 'string' && 'value' in value;

export const format: HookFormat = 'claude-flow-memory-store';
const exportFormat: HookFormat = 'claude-flow-memory-export';

/** An object whose every value is an array of {key, value} entries (an empty store `{"default": []}` too). */
export function matches(value: unknown): boolean {
  if (!isObject(value)) return false;
  const lists = Object.values(value);
  return lists.length > 0 && lists.every((list) => Array.isArray(list) && list.every(isEntry));
}

/** A MemoryManager export: {version, entries: [...]} with entries of {key, value, namespace}. */
export function matchesExport(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.entries) && typeof value.version === 'string' && value.entries.every(isEntry);
}

function valueText(value: unknown): string | null {
  return typeof value === 'string' ? value : value === undefined ? null : JSON.stringify(value);
}

/** Reads a memory store or `memory export` file. */
export function read(value: unknown, path: string): ImportResult {
  const collector = createImport(format, path);
  if (!matches(value)) {
    collector.warn('The file is not a claude-flow memory store (namespace → [{key, value}]), so nothing was read from it.');
    return collector.finish();
  }
  let order = 0;
  const untimed: Entry[] = [];
  for (const [namespace, list] of Object.entries(value as Record<string, Entry[]>)) {
    for (const entry of list) {
      order += 1;
      collector.record();
      const text = valueText(entry.value);
      const time = timeOrNull(entry.timestamp);
      if (time === null && entry.timestamp !== undefined && entry.timestamp !== null) untimed.push(entry);
      collector.event(
        { kind: 'memory.set', memoryKey: String(entry.key), status: text, message: text, time, timeSource: time ? 'value' : 'none', order },
        { namespace: textOrNull(entry.namespace) ?? namespace, key: String(entry.key), row: order },
      );
    }
  }
  warnUntimed(collector, untimed, 'timestamp');
  return collector.finish();
}

/** Reads a MemoryManager export. */
export function readExport(value: unknown, path: string): ImportResult {
  const collector = createImport(exportFormat, path);
  if (!matchesExport(value)) {
    collector.warn('The file is not a claude-flow memory export ({version, entries: [{key, value}]}), so nothing was read from it.');
    return collector.finish();
  }
  const untimed: Entry[] = [];
  (value as { entries: Entry[] }).entries.forEach((entry, index) => {
    collector.record();
    const text = valueText(entry.value);
    const written = entry.createdAt ?? entry.timestamp;
    const time = timeOrNull(written);
    if (time === null && written !== undefined && written !== null) untimed.push(entry);
    collector.event(
      { kind: 'memory.set', memoryKey: String(entry.key), status: text, message: text, time, timeSource: time ? 'value' : 'none', order: index + 1 },
      { namespace: textOrNull(entry.namespace), key: String(entry.key), row: index + 1 },
    );
  });
  warnUntimed(collector, untimed, 'createdAt');
  return collector.finish();
}

/** One warning for the entries whose time field holds something that is not a time (1e20, -1, "yesterday"). */
function warnUntimed(collector: ImportCollector, untimed: readonly Entry[], field: string): void {
  const [first] = untimed;
  if (!first) return;
  const shown = JSON.stringify(first[field] ?? first.timestamp);
  collector.warn(
    `${untimed.length} entr${untimed.length === 1 ? 'y has' : 'ies have'} a ${field} that is not a time (first: "${String(first.key)}", ${shown}); ${untimed.length === 1 ? 'it was' : 'they were'} imported without one.`,
  );
}
