/** claude-flow v3's memory store: rows of memory_entries, read from its SQLite database by io/read-sqlite.ts. */
import { createImport } from './import-result.ts';
import { timeOrNull } from './shape.ts';
import { formatSize, maxRecordBytes, overRecordLimit, pastLimitWarning, pastReadLimit, recordTooLarge } from './limits.ts';
import type { ImportResult } from '../schema/package-files.ts';

/** A row of claude-flow v3's memory_entries (other columns, times in milliseconds). */
export interface V3Row {
  key: string;
  namespace: string;
  content: string;
  type: string | null;
  created_at: number | null;
}

/**
 * claude-flow v3 rows: memory writes with times in milliseconds; the public sample has none. A row over the record
 * limit is skipped; `unread` rows past the read limit are counted as skipped (limits.ts).
 */
export function readV3Rows(rows: readonly V3Row[], path: string, damaged: string | undefined, unread = 0): ImportResult {
  const collector = createImport('claude-flow-v3-sqlite', path);
  let tooLarge = 0;
  rows.forEach((row, index) => {
    collector.record();
    if ([row.key, row.namespace, row.content].some((text) => typeof text === 'string' && overRecordLimit(text))) {
      tooLarge += 1;
      return collector.skip(recordTooLarge);
    }
    const time = timeOrNull(row.created_at);
    collector.event({ kind: 'memory.set', memoryKey: row.key, message: row.content, status: row.content, time, timeSource: time ? 'value' : 'none', order: index + 1, data: { type: row.type } }, { namespace: row.namespace, key: row.key, row: index + 1 });
  });
  if (tooLarge > 0) collector.warn(`${tooLarge} row(s) have a key or content over ${formatSize(maxRecordBytes)}; each was skipped and counted, not read.`);
  if (unread > 0) {
    collector.skipRecords(unread, pastReadLimit);
    collector.warn(pastLimitWarning(rows.length, unread, 'rows'));
  }
  if (damaged) collector.warn(damaged);
  return collector.finish();
}
