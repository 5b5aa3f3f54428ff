import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { decodeStoredValue } from '../../../src/core/hooks/decode-value.ts';
import type { ImportResult } from '../../../src/core/schema/package-files.ts';
import { readHookSources } from '../../../src/core/io/read-hooks.ts';
import { HookEventSchema, SourceReportSchema, type HookEvent } from '../../../src/core/schema/model.ts';
import { fixturePath } from '../fixtures.ts';
import { summarize } from '../hooks/formats/hook-fixtures.ts';
import { copyCase, readStoreRows, sqliteCase } from './hook-dirs.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const scratchCopy = (name: string, files?: string[]) => {
  const dir = copyCase(name, files);
  scratch.push(dir);
  return dir;
};

const reason = {
  snapshot: 'session snapshot: copies of earlier rows',
  startCopy: 'copy of a task start counted from task-index',
  editRecord: 'copy of an edit (its --memory-key record) counted from hooks:post-edit',
  editCopy: 'copy of an edit counted from hooks:post-edit',
  durationCopy: 'copy of a task duration counted from hooks:post-task',
  agents: 'MCP server state (agents), not a hook event',
  swarms: 'MCP server state (swarms), not a hook event',
  system: 'MCP server state (system), not a hook event',
  tasks: 'MCP server state (orchestrated tasks), not a hook event',
  commandCopy: 'copy of a command counted from hooks:post-bash',
  commandMetrics: 'copy of command metrics counted from hooks:post-bash',
  preCommand: 'command announced (pre-command); runs are counted from hooks:post-bash',
  preEdit: 'edit announced (pre-edit); edits are counted from hooks:post-edit',
  recommendation: 'agent recommendation for a file, not an event',
};
const shown = (name: string, file: string) => `test/fixtures/hooks/claude-flow-sqlite/${name}/${file}`;

/** What each case folder gives: one entry per source, in path order. */
const expected: Record<
  string,
  {
    file: string;
    format: string;
    records: number;
    imported: number;
    skipped: number;
    skippedReasons: Record<string, number>;
    kinds: Record<string, number>;
    warnings: string[];
    readWith?: string[];
  }[]
> = {
  'saverly-with-wal': [
    {
      file: 'memory.db',
      format: 'claude-flow-sqlite',
      records: 641,
      imported: 357,
      skipped: 284,
      skippedReasons: {
        [reason.snapshot]: 71,
        [reason.startCopy]: 38,
        [reason.editRecord]: 64,
        [reason.editCopy]: 64,
        [reason.durationCopy]: 1,
        [reason.agents]: 33,
        [reason.swarms]: 6,
        [reason.system]: 1,
        [reason.tasks]: 6,
      },
      kinds: { 'session.end': 72, metrics: 71, 'task.start': 38, notify: 68, 'task.end': 38, edit: 64, 'memory.set': 6 },
      warnings: [],
      readWith: ['memory.db-wal'],
    },
  ],
  'hccg-with-wal': [
    {
      file: 'memory.db',
      format: 'claude-flow-sqlite',
      records: 121,
      imported: 54,
      skipped: 67,
      skippedReasons: {
        [reason.startCopy]: 21,
        [reason.editRecord]: 9,
        [reason.editCopy]: 9,
        [reason.agents]: 10,
        [reason.swarms]: 8,
        [reason.system]: 1,
        [reason.tasks]: 6,
        [reason.snapshot]: 1,
        [reason.durationCopy]: 2,
      },
      kinds: { 'task.start': 21, 'task.end': 19, edit: 9, notify: 3, 'session.end': 1, metrics: 1 },
      warnings: [],
      readWith: ['memory.db-wal'],
    },
  ],
  'myclaudeflowsetup-with-wal': [
    {
      file: 'memory.db',
      format: 'claude-flow-sqlite',
      records: 39,
      imported: 26,
      skipped: 13,
      skippedReasons: { [reason.snapshot]: 13 },
      kinds: { 'session.end': 13, metrics: 13 },
      warnings: [],
      readWith: ['memory.db-wal'],
    },
  ],
  'dsfr-no-wal': [
    {
      file: 'memory.db',
      format: 'claude-flow-sqlite',
      records: 218,
      imported: 37,
      skipped: 181,
      skippedReasons: {
        [reason.preCommand]: 102,
        [reason.commandCopy]: 42,
        [reason.commandMetrics]: 22,
        [reason.snapshot]: 7,
        [reason.preEdit]: 2,
        [reason.recommendation]: 2,
        [reason.editRecord]: 2,
        [reason.editCopy]: 2,
      },
      kinds: { command: 21, 'session.end': 7, metrics: 7, edit: 2 },
      warnings: [],
    },
  ],
  // v3 shares the file and table name; its memory_entries has `content`, not `value`, and no rows (FORMATS §5).
  // Its -shm and -wal are read as part of it, and named on its line.
  'ruflo-v3': [
    {
      file: 'memory.db',
      format: 'claude-flow-v3-sqlite',
      records: 0,
      imported: 0,
      skipped: 0,
      skippedReasons: {},
      kinds: {},
      warnings: [],
      readWith: ['memory.db-shm', 'memory.db-wal'],
    },
  ],
  // Without their database, a -shm (only an index of the WAL) and a WAL are each listed with why nothing came of them.
  'orphan-wal': [
    {
      file: 'memory.db-shm',
      format: 'claude-flow-sqlite',
      records: 1,
      imported: 0,
      skipped: 1,
      skippedReasons: { 'index without its database': 1 },
      kinds: {},
      warnings: [
        `${shown('orphan-wal', 'memory.db-shm')}: is the shared-memory index of a database that is not here (${shown('orphan-wal', 'memory.db')}); it holds no records.`,
      ],
    },
    {
      file: 'memory.db-wal',
      format: 'claude-flow-sqlite',
      records: 1,
      imported: 0,
      skipped: 1,
      skippedReasons: { 'WAL without its database': 1 },
      kinds: {},
      warnings: [`${shown('orphan-wal', 'memory.db-wal')}: has no database beside it (${shown('orphan-wal', 'memory.db')}); a WAL cannot be read on its own.`],
    },
  ],
  'run1-db-and-dump': [
    {
      file: 'memory.db',
      format: 'claude-flow-sqlite',
      records: 45,
      imported: 23,
      skipped: 22,
      skippedReasons: { [reason.startCopy]: 4, [reason.editRecord]: 8, [reason.editCopy]: 9, [reason.snapshot]: 1 },
      kinds: { 'task.start': 4, edit: 9, notify: 6, 'task.end': 2, 'session.end': 1, metrics: 1 },
      warnings: [],
    },
    // The dump holds the same 45 rows: each event is imported once, from the database.
    {
      file: 'memory_entries.json',
      format: 'sqlite-json',
      records: 45,
      imported: 0,
      skipped: 45,
      skippedReasons: { [`duplicate of the same row in ${shown('run1-db-and-dump', 'memory.db')}`]: 45 },
      kinds: {},
      warnings: [],
    },
  ],
};

const view = (name: string, result: ImportResult) => ({
  file: result.report.path.replace(`${shown(name, '')}`, ''),
  format: result.report.format,
  ...summarize(result),
  warnings: result.report.warnings,
  ...(result.report.readWith.length > 0 ? { readWith: result.report.readWith } : {}),
});
const readCase = (name: string) => readHookSources(sqliteCase(name));
const eventsOf = (name: string, kind?: HookEvent['kind']) =>
  readCase(name)
    .flatMap((result) => result.events)
    .filter((event) => kind === undefined || event.kind === kind);

describe('readHookSources: the claude-flow SQLite samples', () => {
  test.each(Object.entries(expected))('%s', (name, sources) => {
    const results = readCase(name);
    expect(results.map((result) => view(name, result))).toEqual(sources);
    for (const { report, events } of results) {
      expect(report.records).toBe(report.imported + report.skipped);
      expect(SourceReportSchema.parse(report)).toEqual(report);
      for (const event of events) expect(HookEventSchema.parse(event)).toEqual(event);
    }
  });

  test.each([
    // [case, rows with its -wal beside it, rows in memory.db alone]: committed repos hold many rows only in the WAL (FORMATS §2.1).
    ['saverly-with-wal', 641, 589],
    ['hccg-with-wal', 121, 111],
    ['myclaudeflowsetup-with-wal', 39, 30],
  ])('%s: %i rows with the WAL, %i from memory.db alone', (name, withWal, withoutWal) => {
    expect(readCase(name)[0]!.report.records).toBe(withWal);
    expect(readHookSources(scratchCopy(name, ['memory.db']))[0]!.report.records).toBe(withoutWal);
  });

  test('every sample folder read at once gives each source the same report as when read alone', () => {
    const together = readHookSources(fixturePath('hooks/claude-flow-sqlite'));
    const alone = Object.keys(expected).flatMap((name) => readCase(name).map((result) => result.report));
    expect(together.map((result) => result.report)).toEqual(alone.toSorted((a, b) => (a.path < b.path ? -1 : 1)));
  });
});

describe('readHookSources: values', () => {
  test('saverly: the 42 __compressed__ values (all session-states) decode to their session, with no type markers left', () => {
    const read = readStoreRows(`${sqliteCase('saverly-with-wal')}/memory.db`);
    if (read.schema !== 'v2') throw new Error(`expected a v2 store, got ${read.schema}`);
    const compressed = read.rows.filter((row) => row.value.startsWith('__compressed__'));
    expect(compressed.map((row) => row.namespace)).toEqual(Array(42).fill('session-states'));
    for (const row of compressed) {
      expect(Buffer.from(row.value.slice('__compressed__'.length), 'base64').toString('utf8')).toContain('{"__type__":"__Date__"');
      const decoded = decodeStoredValue(row.value);
      expect(decoded.kind).toBe('json');
      const value = decoded.value as Record<string, unknown>;
      expect(`session-state:${String(value.sessionId)}`).toBe(row.key);
      expect(JSON.stringify(value)).not.toContain('__type__');
    }
  });

  test('run1: the 3,933-character notify stored as __compressed__ is imported with its whole message', () => {
    const read = readStoreRows(`${sqliteCase('run1-db-and-dump')}/memory.db`);
    const row = read.schema === 'v2' ? read.rows.find((candidate) => candidate.key === 'notification:notify-1795523636200-r8m0y7w73') : undefined;
    expect(row?.value.startsWith('__compressed__')).toBe(true);
    const notify = eventsOf('run1-db-and-dump', 'notify').find((event) => event.source.key === row!.key)!;
    expect(notify.message).toHaveLength(3933);
    expect(
      notify.message!.startsWith(
        'code_quality: clippy baseline report (cargo clippy --all-targets -- -D warnings): [W01] warning: this `if` has identical blocks',
      ),
    ).toBe(true);
    expect([notify.level, notify.time, notify.timeSource]).toEqual(['warning', '2026-11-24T12:33:56.199Z', 'value']);
  });

  test('saverly: plain-text values are memory writes with the text as written; active_swarm is MCP state', () => {
    const writes = eventsOf('saverly-with-wal', 'memory.set');
    expect(writes.map((event) => event.memoryKey)).toEqual([
      'research/context',
      'development/requirements',
      'consumer_requirements',
      'current_coupon_system',
      'critical_subscription_model',
      'final_subscription_model',
    ]);
    const [context, requirements] = writes;
    expect(context!.message!.startsWith('Saverly subscription system research context: React/TypeScript coupon marketplace')).toBe(true);
    expect([context!.message!.length, context!.status === context!.message, context!.time, context!.timeSource]).toEqual([
      322,
      true,
      '2025-08-07T03:41:13.000Z',
      'created_at',
    ]);
    expect([requirements!.message!.length, requirements!.time]).toEqual([351, '2025-08-07T13:54:31.000Z']);
    // A JSON object is not a status: shown as JSON text, status null.
    expect([writes[2]!.status, JSON.parse(writes[2]!.message!).target_users]).toEqual([null, 'active subscribers']);
  });

  test('hccg: {"__type__":"__undefined__"} fields (agentId, memoryKey) become null, never text', () => {
    const events = eventsOf('hccg-with-wal');
    expect(JSON.stringify(events)).not.toMatch(/__type__|__undefined__|\[object Object\]/);
    expect(events.filter((event) => event.kind === 'task.start').map((event) => event.agent)).toEqual(Array(21).fill(null));
  });
});

describe('readHookSources: task references of post-task rows', () => {
  test('run1: post-task run with --task-id has only its key; the reference comes from it', () => {
    expect(
      eventsOf('run1-db-and-dump', 'task.end').map(({ taskRef, description, durationMs, status, time }) => ({
        taskRef,
        description,
        durationMs,
        status,
        time,
      })),
    ).toEqual([
      { taskRef: 'task-7.1-build-infra', description: null, durationMs: null, status: 'completed', time: '2026-11-24T12:34:00.305Z' },
      { taskRef: 'task-7.3-code-quality', description: null, durationMs: null, status: 'completed', time: '2026-11-24T12:34:03.400Z' },
    ]);
    expect(eventsOf('run1-db-and-dump', 'task.start').map((event) => [event.taskRef, event.description])).toEqual([
      ['task-1795523619627-vquslt32a', 'Task 7.1: Build Infrastructure'],
      ['task-1795523623166-46t3s34oa', 'Task 7.2: Configuration System'],
      ['task-1795523626481-s2v2f1pre', 'Task 7.3: Code Quality'],
      ['task-1795523646585-hsxt4skrw', 'Task 7.4: Release Preparation'],
    ]);
  });

  test.each([
    // [case, task ends, of them without a pre-task row (no description; FORMATS §2.5)]
    ['saverly-with-wal', 38, 37],
    ['hccg-with-wal', 19, 17],
  ])('%s: all %i task ends have a reference, %i of them from the key only', (name, ends, keyOnly) => {
    const events = eventsOf(name, 'task.end');
    expect(events).toHaveLength(ends);
    expect(events.every((event) => event.taskRef !== null && event.source.key === `task:${event.taskRef}:completed`)).toBe(true);
    expect(events.filter((event) => event.description === null)).toHaveLength(keyOnly);
  });
});

test('run1: the sqlite3 -json dump alone gives the same events as the database', () => {
  const strip = ({ id: _id, source, ...event }: HookEvent) => ({ ...event, source: { ...source, format: null, path: null } });
  const dumpOnly = readHookSources(scratchCopy('run1-db-and-dump', ['memory_entries.json']));
  const dbOnly = readHookSources(scratchCopy('run1-db-and-dump', ['memory.db']));
  expect(dumpOnly.map((result) => [basename(result.report.path), result.report.format, summarize(result)])).toEqual([
    ['memory_entries.json', 'sqlite-json', summarize(dbOnly[0]!)],
  ]);
  expect(dumpOnly[0]!.events.map(strip)).toEqual(dbOnly[0]!.events.map(strip));
});
