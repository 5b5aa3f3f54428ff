/**
 * Rows of claude-flow v2's `memory_entries` table (docs/hook-logs.md#the-table-of-entries), from the SQLite file or its
 * `sqlite3 -json` dump. One user action writes several rows; each action is counted once, from the row named in
 * `namespaceRules`, and the copies are skipped with the reason shown under data quality
 * (docs/hook-logs.md#how-the-formats-relate).
 */
import { decodeStoredValue } from './decode-value.ts';
import { createImport, textOrNull, type EventFields, type ImportCollector } from './import-result.ts';
import type { ImportResult } from '../schema/package-files.ts';
import type { HookFormat } from '../schema/model.ts';
import { isTime, timeOrNull } from './shape.ts';
import {
  formatSize,
  maxRecordBytes,
  newReadBudget,
  overRecordLimit,
  pastLimitWarning,
  pastReadLimit,
  recordTooLarge,
  spent,
  take,
  type ReadBudget,
} from './limits.ts';

/** One row as SQLite (or its JSON dump) gives it. */
export interface MemoryEntryRow {
  id: number;
  key: string;
  value: string;
  namespace: string;
  metadata: string | null;
  /** Epoch seconds as claude-flow writes it; text when another writer put an ISO time in the column. */
  created_at: number | string | null;
  updated_at: number | null;
}

type Fields = Record<string, unknown>;
/** What rows of other namespaces tell about this one (pre-task rows that task-index already counts). */
interface RowContext {
  /** Task ids that have a task-index row: their hooks:pre-task row is a copy. */
  indexedTaskIds: ReadonlySet<string>;
  /** agentId from hooks:pre-task rows, which task-index rows lack. */
  agentByTaskId: ReadonlyMap<string, string>;
}
type Rule = { skip: string } | ((value: Fields, row: MemoryEntryRow, context: RowContext) => Omit<EventFields, 'order'> | string);

const copyOf = (what: string, countedFrom: string) => `copy of ${what} counted from ${countedFrom}`;

/** First ISO time among the given fields of a value. */
function timeFrom(value: Fields, ...fields: string[]): string | null {
  for (const field of fields) {
    const time = timeOrNull(value[field]);
    if (time) return time;
  }
  return null;
}

/** "task:task-7.1-build-infra:completed" → "task-7.1-build-infra". */
const postTaskRef = (key: string): string | null => /^task:(.+):completed$/.exec(key)?.[1] ?? null;

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** What each namespace's rows mean. A function returns event fields, or a string: the reason to skip the row. */
export const namespaceRules: Record<string, Rule> = {
  // One row per pre-task call, restarts included; hooks:pre-task keeps only the latest start of an id.
  'task-index': (value, _row, context) => ({
    kind: 'task.start',
    taskRef: textOrNull(value.taskId),
    description: textOrNull(value.description),
    agent: context.agentByTaskId.get(String(value.taskId)) ?? null,
    time: timeFrom(value, 'timestamp'),
    status: 'started',
  }),
  'hooks:pre-task': (value, _row, context) =>
    context.indexedTaskIds.has(String(value.taskId))
      ? copyOf('a task start', 'task-index')
      : {
          kind: 'task.start',
          taskRef: textOrNull(value.taskId),
          description: textOrNull(value.description),
          agent: textOrNull(value.agentId),
          time: timeFrom(value, 'startedAt'),
          status: textOrNull(value.status),
        },
  'hooks:post-task': (value, row) => ({
    kind: 'task.end',
    // Run with --task-id and no matching pre-task, the row holds only {status, completedAt, duration: null}: the id is in the key.
    taskRef: textOrNull(value.taskId) ?? postTaskRef(row.key),
    description: textOrNull(value.description),
    agent: textOrNull(value.agentId),
    time: timeFrom(value, 'completedAt'),
    status: textOrNull(value.status),
    durationMs: numberOrNull(value.duration),
  }),
  performance: { skip: copyOf('a task duration', 'hooks:post-task') },
  'hooks:post-edit': (value) => ({ kind: 'edit', file: textOrNull(value.file), memoryKey: textOrNull(value.memoryKey), time: timeFrom(value, 'timestamp') }),
  'hooks:pre-edit': { skip: 'edit announced (pre-edit); edits are counted from hooks:post-edit' },
  'file-history': { skip: copyOf('an edit', 'hooks:post-edit') },
  'agent-assignments': { skip: 'agent recommendation for a file, not an event' },
  coordination: (value, row) => {
    // post-edit upserts its --memory-key here with the edit record; only other values are memory writes.
    if (typeof value.editId === 'string' || typeof value.editedAt === 'string') return copyOf('an edit (its --memory-key record)', 'hooks:post-edit');
    return {
      kind: 'memory.set',
      memoryKey: row.key,
      status: textOrNull(value.__text) ?? textOrNull(value.status),
      message: textOrNull(value.__text),
      time: timeFrom(value, 'timestamp', 'updatedAt'),
    };
  },
  'hooks:notify': (value) => ({
    kind: 'notify',
    // A message that starts with "--" is taken for a flag by the CLI and stored as `true`
    // (docs/hook-logs.md#how-a-value-is-encoded).
    message: value.message === true ? '(message lost: it began with "--" and the CLI read it as a flag)' : textOrNull(value.message),
    level: textOrNull(value.level),
    time: timeFrom(value, 'timestamp'),
  }),
  sessions: (value) => ({
    kind: 'session.end',
    session: textOrNull(value.sessionId),
    time: timeFrom(value, 'endedAt'),
    // totalTasks/totalEdits count every row in the database at that moment, not the session's own
    // (docs/hook-logs.md#traps-in-tasks-sessions-and-matching).
    data: { dbTotalTasks: numberOrNull(value.totalTasks), dbTotalEdits: numberOrNull(value.totalEdits), dbTotalCommands: numberOrNull(value.totalCommands) },
  }),
  'session-metrics': (value, row) => ({
    kind: 'metrics',
    session: row.key.replace(/^session-metrics:/, ''),
    time: timeFrom(value, 'timestamp'),
    durationMs: numberOrNull(value.sessionDuration),
    data: flatNumbers(value),
  }),
  'session-states': { skip: 'session snapshot: copies of earlier rows' },
  'session-events': (value) => ({ kind: 'session.restore', session: textOrNull(value.restoredSessionId), time: timeFrom(value, 'restoredAt') }),
  'hooks:post-bash': (value) => ({
    kind: 'command',
    message: textOrNull(value.command),
    status: textOrNull(value.exitCode),
    time: timeFrom(value, 'timestamp'),
  }),
  'hooks:pre-bash': { skip: 'command announced (pre-command); runs are counted from hooks:post-bash' },
  'command-history': { skip: copyOf('a command', 'hooks:post-bash') },
  'command-results': { skip: copyOf('a command', 'hooks:post-bash') },
  'performance-metrics': { skip: copyOf('command metrics', 'hooks:post-bash') },
  'hooks:agent-spawned': (value) => ({
    kind: 'agent.spawn',
    agent: textOrNull(value.agentName) ?? textOrNull(value.agentType),
    time: timeFrom(value, 'spawnedAt'),
    data: { agentType: textOrNull(value.agentType) },
  }),
  'agent-roster': { skip: copyOf('an agent spawn', 'hooks:agent-spawned') },
  'hooks:ruv-swarm': { skip: 'ruv-swarm output, not an event' },
  agents: { skip: 'MCP server state (agents), not a hook event' },
  swarms: { skip: 'MCP server state (swarms), not a hook event' },
  tasks: { skip: 'MCP server state (orchestrated tasks), not a hook event' },
  system: { skip: 'MCP server state (system), not a hook event' },
  default: (value, row) => ({
    kind: 'memory.set',
    memoryKey: row.key,
    status: textOrNull(value.__text),
    message: textOrNull(value.__text) ?? JSON.stringify(value).slice(0, 500),
  }),
};

function flatNumbers(value: Fields): Record<string, number | string | null> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => typeof inner === 'number' || typeof inner === 'string')
      .map(([key, inner]) => [key, inner as number | string]),
  );
}

/** Rows of one file: the SQLite store or a dump of it. */
export interface MemoryEntrySource {
  path: string;
  format: HookFormat;
  /** A dump's rows, in any order and with any types; or a database's, read while they are imported. */
  rows: readonly MemoryEntryRow[] | RowStream;
}

/**
 * A database's rows, read while they are imported rather than held: a store of a million rows then never sits in
 * memory whole. `of` reads the few rows of some namespaces first; `each` reads every row once.
 */
export interface RowStream {
  /** True when `each` gives the rows in id order with unique integer ids (the table's id is its rowid). */
  inIdOrder: boolean;
  /** Gives every row to `use`, one at a time, as its values in MEMORY_ENTRY_COLUMNS' order, until `use` returns false. */
  each(use: (columns: readonly unknown[]) => unknown): void;
  /** How many rows the last `each` left unread, when `use` stopped it. */
  unread(): number;
  /** How many rows there are in all. */
  count(): number;
  /** The rows of `namespaces`, in id order, as `each` gives them. */
  of(namespaces: readonly string[]): readonly (readonly unknown[])[];
}

/** Rows that had fields of another type than the table's: how many, and the first. */
interface Retyped {
  count: number;
  first: { row: MemoryEntryRow; retyped: string[] } | null;
}

/** A source's rows ready to import: in id order, with the table's types, and what had another type. */
interface Prepared {
  /** Gives the rows in id order until `use` returns false. */
  each(use: (row: MemoryEntryRow) => boolean): void;
  /** How many rows the last `each` left unread when it was stopped. */
  unread(): number;
  /** How many rows there are in all. */
  count(): number;
  contextRows(): readonly MemoryEntryRow[];
  /** Filled as `each` reads, for a stream. */
  retyped: Retyped;
}

/** The columns of memory_entries that are read, in the order a RowStream gives a row's values. */
export const MEMORY_ENTRY_COLUMNS = ['id', 'key', 'value', 'namespace', 'metadata', 'created_at', 'updated_at'] as const;

/** The namespaces whose rows other rows need (RowContext). */
const CONTEXT_NAMESPACES = ['task-index', 'hooks:pre-task'] as const;
const isContextRow = (row: MemoryEntryRow): boolean => row.namespace === 'task-index' || row.namespace === 'hooks:pre-task';

const isStream = (rows: MemoryEntrySource['rows']): rows is RowStream => !Array.isArray(rows);

function prepare(rows: MemoryEntrySource['rows'], limit: number): Prepared {
  const retyped: Retyped = { count: 0, first: null };
  if (isStream(rows) && rows.inIdOrder) {
    return {
      retyped,
      each: (use) => rows.each(normalizing(retyped, use)),
      unread: () => rows.unread(),
      count: () => rows.count(),
      contextRows: () => rows.of(CONTEXT_NAMESPACES).map((raw, index) => normalizeRow(raw, index, [])),
    };
  }
  // Id order is insertion order: many rows share one created_at second (docs/hook-logs.md#the-table-of-entries). A dump
  // may be in any order. Such rows are held to be sorted, so only as many as may be read are (limits.ts); the rest are
  // counted.
  const list: MemoryEntryRow[] = [];
  const add = normalizing(retyped, (row) => list.push(row) < limit);
  let unheld = 0;
  if (isStream(rows)) {
    rows.each(add);
    unheld = rows.unread();
  } else {
    const dump = rows as readonly unknown[] as readonly Record<string, unknown>[];
    for (const row of dump.slice(0, limit)) add(MEMORY_ENTRY_COLUMNS.map((name) => row[name]));
    unheld = Math.max(0, dump.length - limit);
  }
  const ordered = list.every((row, at) => at === 0 || list[at - 1]!.id <= row.id) ? list : list.toSorted((a, b) => a.id - b.id);
  let unread = unheld;
  return {
    retyped,
    each: (use) => {
      for (const [at, row] of ordered.entries()) {
        if (!use(row)) {
          unread = unheld + ordered.length - at - 1;
          return;
        }
      }
    },
    unread: () => unread,
    count: () => unheld + ordered.length,
    contextRows: () => ordered.filter(isContextRow),
  };
}

/**
 * Imports the rows of every memory_entries source of a phase together. A row present in two sources (the database
 * and a dump of it) is imported once, from the first source; its twin is skipped as a duplicate.
 */
export function readMemoryEntrySources(sources: readonly MemoryEntrySource[], budget: ReadBudget = newReadBudget()): ImportResult[] {
  const prepared = sources.map((source) => prepare(source.rows, Math.max(1, budget.records)));
  const context = buildContext(prepared);
  const firstSeen = new Map<string, string>();
  return sources.map((source, index) => {
    const collector = createImport(source.format, source.path);
    let untimed = 0;
    let firstUntimed: MemoryEntryRow | null = null;
    let read = 0;
    // Characters of the rows read; rows are read while they, and the text of their events, stay within `budget`.
    let bytes = 0;
    const more = () => read < budget.records && bytes < budget.bytes && collector.text() < budget.text;
    let tooLarge = 0;
    let firstTooLarge: MemoryEntryRow | null = null;
    // Each value is decoded when its row is imported (and only when its namespace's rule reads it), and let go
    // after: a store of a million rows is never held decoded all at once.
    const rows = prepared[index]!;
    if (!spent(budget))
      rows.each((row) => {
        read += 1;
        bytes += row.value.length + row.key.length + (row.metadata?.length ?? 0);
        collector.record();
        if (row.created_at !== null && !isTime(row.created_at)) {
          untimed += 1;
          firstUntimed ??= row;
        }
        if (
          overRecordLimit(row.value) ||
          (row.metadata !== null && overRecordLimit(row.metadata)) ||
          overRecordLimit(row.key) ||
          overRecordLimit(row.namespace)
        ) {
          tooLarge += 1;
          firstTooLarge ??= { ...row, value: '' };
          collector.skip(recordTooLarge);
          return more();
        }
        // The same row: a dump keeps the row's id and created_at. Two databases (two agents' .swarm folders) can share a
        // key such as "system/active_swarm" or "task:task-7.1-build-infra:completed"; those are different rows.
        // One source has no twin to find: its rows are not keyed at all.
        if (sources.length > 1) {
          const identity = `${row.id}\u0000${row.namespace}\u0000${row.key}\u0000${row.created_at}`;
          const twin = firstSeen.get(identity);
          if (twin !== undefined && twin !== source.path) {
            collector.skip(`duplicate of the same row in ${twin}`);
            return more();
          }
          firstSeen.set(identity, source.path);
        }
        importRow(row, context, collector);
        return more();
      });
    // A budget spent before this source: every row is counted, none read.
    const unread = read === 0 ? rows.count() : rows.unread();
    if (unread > 0) {
      collector.skipRecords(unread, pastReadLimit);
      collector.warn(pastLimitWarning(read, unread, 'rows'));
    }
    take(budget, read, bytes, collector.text());
    if (firstTooLarge) {
      collector.warn(
        `${tooLarge} row(s) have a key, value or metadata over ${formatSize(maxRecordBytes)} (first: row ${(firstTooLarge as MemoryEntryRow).id}); each was skipped and counted, not read.`,
      );
    }
    if (firstUntimed) {
      const first: MemoryEntryRow = firstUntimed;
      collector.warn(
        `${untimed} row(s) have a created_at that is not a time (first: row ${first.id}, ${JSON.stringify(first.created_at)}); their events take the time in their value, or have none.`,
      );
    }
    const { retyped } = prepared[index]!;
    if (retyped.first) {
      collector.warn(
        `${retyped.count} row(s) have fields of a type memory_entries does not hold (first: row ${retyped.first.row.id}, ${retyped.first.retyped.join(', ')}); they were read as text.`,
      );
    }
    return collector.finish();
  });
}

/**
 * Gives `use` each row with the types the table declares; what had another type goes to `retyped`. SQLite does not
 * enforce column types and a dump can be edited by hand, so a NULL key, a numeric value, a created_at of
 * "yesterday" or 1e20 must neither throw nor pass on as something else.
 */
function normalizing(retyped: Retyped, use: (row: MemoryEntryRow) => boolean): (columns: readonly unknown[]) => boolean {
  // What a row had of another type, reused from row to row: almost every row has nothing.
  const found: string[] = [];
  let index = 0;
  return (columns) => {
    found.length = 0;
    const row = normalizeRow(columns, index++, found);
    if (found.length > 0) {
      retyped.count += 1;
      retyped.first ??= { row, retyped: [...found] };
    }
    return use(row);
  };
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value instanceof Uint8Array ? 'bytes' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A text column as text; any other type is read as text and named in `found`. */
function textField(value: unknown, name: string, found: string[]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  found.push(`${name} is ${kindOf(value)}`);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A row from its values in MEMORY_ENTRY_COLUMNS' order. */
function normalizeRow([id, key, value, namespace, metadata, createdAt, updatedAt]: readonly unknown[], index: number, found: string[]): MemoryEntryRow {
  if (createdAt !== null && createdAt !== undefined && typeof createdAt !== 'number' && typeof createdAt !== 'string')
    found.push(`created_at is ${kindOf(createdAt)}`);
  return {
    id: typeof id === 'number' && Number.isFinite(id) ? id : index + 1,
    key: textField(key, 'key', found) ?? '',
    value: textField(value, 'value', found) ?? '',
    namespace: textField(namespace, 'namespace', found) ?? '',
    metadata: textField(metadata, 'metadata', found),
    // Kept as found (a number, or ISO-like text), so the same row in a database and its dump still match.
    created_at: typeof createdAt === 'number' || typeof createdAt === 'string' ? createdAt : null,
    updated_at: typeof updatedAt === 'number' ? updatedAt : null,
  };
}

function decodeRow(row: MemoryEntryRow): Fields {
  const decoded = decodeStoredValue(row.value);
  return decoded.kind === 'json' && decoded.value !== null && typeof decoded.value === 'object' && !Array.isArray(decoded.value)
    ? (decoded.value as Fields)
    : { __text: decoded.kind === 'text' ? decoded.value : JSON.stringify(decoded.value) };
}

/** What importing a row may need of other rows: the tasks the task index names, and each task's agent. */
function buildContext(sources: readonly Prepared[]): RowContext {
  const indexedTaskIds = new Set<string>();
  const agentByTaskId = new Map<string, string>();
  for (const source of sources) {
    for (const row of source.contextRows()) {
      const value = decodeRow(row);
      if (row.namespace === 'task-index' && typeof value.taskId === 'string') indexedTaskIds.add(value.taskId);
      if (row.namespace === 'hooks:pre-task' && typeof value.taskId === 'string' && typeof value.agentId === 'string')
        agentByTaskId.set(value.taskId, value.agentId);
    }
  }
  return { indexedTaskIds, agentByTaskId };
}

/** Imports one row by its namespace's rule; its value is decoded only when the rule reads it. */
function importRow(row: MemoryEntryRow, context: RowContext, collector: ImportCollector): void {
  // Object.hasOwn: a namespace such as "constructor" or "__proto__" must not find Object's own members.
  const rule = Object.hasOwn(namespaceRules, row.namespace) ? namespaceRules[row.namespace] : undefined;
  if (rule === undefined) return collector.skip(`namespace "${row.namespace}" is not a known hook namespace`);
  if ('skip' in rule) return collector.skip(rule.skip);
  const fields = rule(decodeRow(row), row, context);
  if (typeof fields === 'string') return collector.skip(fields);
  // The rule's fields object is new for this row: completed in place rather than copied.
  const event = fields as EventFields;
  // created_at is written out only for an event without a time of its own: most rows are skipped or carry one.
  const createdAt = fields.time || row.created_at === null ? null : timeOrNull(row.created_at);
  event.timeSource = fields.time ? 'value' : createdAt ? 'created_at' : 'none';
  event.time = fields.time ?? createdAt;
  event.agent = fields.agent ?? metadataAgent(row.metadata);
  event.order = row.id;
  collector.event(event, { namespace: row.namespace, key: row.key, row: row.id });
}

/** The agent a row's metadata names, when its value named none. */
function metadataAgent(metadata: string | null): string | null {
  if (!metadata) return null;
  const decoded = decodeStoredValue(metadata);
  return decoded.kind === 'json' && decoded.value && typeof decoded.value === 'object' ? textOrNull((decoded.value as Fields).agentId) : null;
}

/** True for a value shaped like a `sqlite3 -json` dump of memory_entries: an array of row objects. */
export function isMemoryEntryRows(value: unknown): value is MemoryEntryRow[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (row) =>
        row !== null &&
        typeof row === 'object' &&
        typeof (row as Fields).key === 'string' &&
        'value' in (row as Fields) &&
        typeof (row as Fields).namespace === 'string' &&
        typeof (row as Fields).id === 'number',
    )
  );
}
