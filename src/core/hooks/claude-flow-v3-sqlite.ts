/** claude-flow v3's memory store: rows of memory_entries, read from its SQLite database by io/read-sqlite.ts. */
import { createImport } from './import-result.ts';
import { timeOrNull } from './shape.ts';
import type { ImportResult } from '../schema/package-files.ts';

/** A row of claude-flow v3's memory_entries (other columns, times in milliseconds). */
export interface V3Row {
  key: string;
  namespace: string;
  content: string;
  type: string | null;
  created_at: number | null;
}

/** claude-flow v3 rows: memory writes with times in milliseconds; the public sample has none. */
export function readV3Rows(rows: readonly V3Row[], path: string, damaged: string | undefined): ImportResult {
  const collector = createImport('claude-flow-v3-sqlite', path);
  rows.forEach((row, index) => {
    collector.record();
    const time = timeOrNull(row.created_at);
    collector.event({ kind: 'memory.set', memoryKey: row.key, message: row.content, status: row.content, time, timeSource: time ? 'value' : 'none', order: index + 1, data: { type: row.type } }, { namespace: row.namespace, key: row.key, row: index + 1 });
  });
  if (damaged) collector.warn(damaged);
  return collector.finish();
}
