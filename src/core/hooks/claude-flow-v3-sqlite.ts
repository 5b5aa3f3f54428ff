/**
 * claude-flow v3's memory store: rows of memory_entries, read from its SQLite database by io/read-sqlite.ts. The
 * same rows come from `.swarm/memory.db` (written whole by sql.js, or through the WAL by better-sqlite3) and from the
 * `agentdb-memory.db` beside it, which can hold a copy of them; and from a v2 store that v3 opened and added its
 * columns to (a row with content and no value is v3's). Times are milliseconds since the epoch.
 */
import { createImport } from './import-result.ts';
import { timeOrNull } from './shape.ts';
import { formatSize, maxRecordBytes, overRecordLimit, pastLimitWarning, pastReadLimit, recordTooLarge } from './limits.ts';
import type { ImportResult } from '../schema/package-files.ts';

/** A row of claude-flow v3's memory_entries (columns a store lacks are null). */
export interface V3Row {
  key: string;
  namespace: string;
  content: string;
  type: string | null;
  created_at: number | null;
  /** active, archived or deleted (v3 deletes by marking the row). */
  status?: string | null;
  /** owner_id: the agent that wrote the entry. */
  owner?: string | null;
  /** provenance_type: user_claim, agent_output, system_observation, tool_result or unknown (newer stores). */
  provenance?: string | null;
  /** The row's id (v3: text such as "entry_…"; in a v2 store v3 reopened, the integer rowid). */
  id?: string | number | null;
}

interface V3Options {
  /**
   * Rows already imported from another store of this read, by id, namespace, key and time, with its path: a row
   * in both memory.db and agentdb-memory.db is imported once, from the first (in path order).
   */
  seen?: Map<string, string>;
  /** Rows of the store's graph_edges table, or null when it has none. */
  graphEdges?: number | null;
  /** True for the v3 rows of a store that holds v2's rows too. */
  hybrid?: boolean;
}

/** The skip reason of a row v3 has marked deleted. */
const deletedReason = 'deleted in the store (status "deleted")';

/**
 * claude-flow v3 rows: memory writes with times in milliseconds. A row over the record limit is skipped; `unread`
 * rows past the read limit are counted as skipped (limits.ts); a row marked deleted is skipped.
 */
export function readV3Rows(
  rows: readonly V3Row[],
  path: string,
  damaged: string | undefined,
  unread = 0,
  { seen, graphEdges = null, hybrid = false }: V3Options = {},
): ImportResult {
  const collector = createImport('claude-flow-v3-sqlite', path);
  let tooLarge = 0;
  rows.forEach((row, index) => {
    collector.record();
    if ([row.key, row.namespace, row.content].some((text) => typeof text === 'string' && overRecordLimit(text))) {
      tooLarge += 1;
      return collector.skip(recordTooLarge);
    }
    if (row.status === 'deleted') return collector.skip(deletedReason);
    if (seen) {
      const identity = `${row.id ?? ''}\u0000${row.namespace}\u0000${row.key}\u0000${row.created_at}`;
      const twin = seen.get(identity);
      if (twin !== undefined && twin !== path) return collector.skip(`duplicate of the same row in ${twin}`);
      seen.set(identity, path);
    }
    const time = timeOrNull(row.created_at);
    const data: Record<string, string | null> = { type: row.type };
    if (row.provenance != null) data.provenance = row.provenance;
    if (row.status != null && row.status !== 'active') data.entryStatus = row.status;
    collector.event(
      {
        kind: 'memory.set',
        memoryKey: row.key,
        message: row.content,
        status: row.content,
        agent: typeof row.owner === 'string' && row.owner !== '' ? row.owner : null,
        time,
        timeSource: time ? 'created_at' : 'none',
        order: index + 1,
        data,
      },
      { namespace: row.namespace, key: row.key, row: typeof row.id === 'number' ? row.id : index + 1 },
    );
  });
  if (tooLarge > 0) collector.warn(`${tooLarge} row(s) have a key or content over ${formatSize(maxRecordBytes)}; each was skipped and counted, not read.`);
  if (unread > 0) {
    collector.skipRecords(unread, pastReadLimit);
    collector.warn(pastLimitWarning(rows.length, unread, 'rows'));
  }
  if (hybrid)
    collector.warn(
      `holds rows of claude-flow v2 (a "value") and of v3 (a "content", no value): the store was written by both. Each row was read by its own columns; ${rows.length + unread} row(s) are v3's.`,
    );
  if (graphEdges !== null && graphEdges > 0)
    collector.warn(`has ${graphEdges} row(s) in graph_edges (links between memory entries, not events); they were not read.`);
  if (damaged) collector.warn(damaged);
  return collector.finish();
}
