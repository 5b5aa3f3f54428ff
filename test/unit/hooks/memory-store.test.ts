import { describe, expect, test } from 'vitest';
import { format, matches, matchesExport, read, readExport } from '../../../src/core/hooks/memory-store.ts';
import { HookEventSchema, SourceReportSchema } from '../../../src/core/schema/model.ts';
import { allHookFixtures, readHookJson, summarize } from './formats/hook-fixtures.ts';

const readStore = (name: string) => read(readHookJson(`claude-flow-memory-store/${name}`), `memory/${name}`);
/** The fields a memory write carries, in file order. */
const writes = (name: string) => readStore(name).events.map((event) => [event.source.namespace, event.memoryKey, event.status, event.time]);

describe('memory-store: one test per sample file', () => {
  test.each([
    // [fixture, records]: `memory store --basic` writes, and `memory export` (namespace default unless --namespace)
    ['run1-seed-memory-store.json', 3],
    ['run1-seed-memory-export-coordination.json', 3],
    ['run1-seed-memory-export-default-empty.json', 0],
    ['saverly-modern-memory-store.json', 10],
  ])('%s: %i records, all memory writes', (name, records) => {
    const result = readStore(name);
    expect(summarize(result)).toEqual({ records, imported: records, skipped: 0, skippedReasons: {}, kinds: records ? { 'memory.set': records } : {} });
    expect(result.report).toMatchObject({ format, path: `memory/${name}`, warnings: [] });
    expect(SourceReportSchema.parse(result.report)).toEqual(result.report);
    for (const event of result.events) expect(HookEventSchema.parse(event)).toEqual(event);
  });

  // Both files hold the statuses that steps 018, 022 and 028 stored (COMMANDS.md); times are epoch milliseconds.
  test.each([['run1-seed-memory-store.json'], ['run1-seed-memory-export-coordination.json']])('%s: the status values with their times', (name) => {
    expect(writes(name)).toEqual([
      ['coordination', 'phase7/build_infra/status', 'complete', '2026-11-24T12:34:00.990Z'],
      ['coordination', 'phase7/code_quality/status', 'complete', '2026-11-24T12:34:04.853Z'],
      ['coordination', 'phase7/config_system/status', 'in_progress', '2026-11-24T12:34:13.052Z'],
    ]);
    const first = readStore(name).events[0]!;
    expect([first.message, first.timeSource, first.order, first.source.key, first.source.row]).toEqual([
      'complete',
      'value',
      1,
      'phase7/build_infra/status',
      1,
    ]);
  });

  test('saverly: free text and JSON text stay the string they were stored as', () => {
    const rows = writes('saverly-modern-memory-store.json');
    expect(rows.map(([, key, , time]) => [key, time])).toEqual([
      ['migration_goal', '2025-07-28T18:21:58.196Z'],
      ['replit_source', '2025-07-28T18:21:58.338Z'],
      ['api_keys_source', '2025-07-28T18:21:58.479Z'],
      ['target_stack', '2025-07-28T18:21:58.623Z'],
      ['preserve_all', '2025-07-28T18:21:58.765Z'],
      ['deployment_strategy', '2025-07-28T18:21:58.907Z'],
      ['visual_preservation', '2025-07-28T18:23:33.083Z'],
      ['swarm/objective', '2025-08-07T00:01:40.063Z'],
      ['swarm/config', '2025-08-07T00:01:41.058Z'],
      ['project/info', '2025-08-07T00:01:42.075Z'],
    ]);
    expect(rows.every(([namespace]) => namespace === 'default')).toBe(true);
    expect(rows[8]![2]).toBe('{"strategy": "development", "mode": "hierarchical", "maxAgents": 5}');
    expect(rows[0]![2]).toBe('Complete migration of working Saverly app from Replit to modern local development with Supabase backend');
  });
});

describe('memory-store: the MemoryManager export of a fork', () => {
  const value = readHookJson('claude-flow-memory-export/claude-flow-windows.json');

  test('1 record: an object value as JSON text, the time from createdAt', () => {
    expect([matches(value), matchesExport(value)]).toEqual([false, true]);
    const result = readExport(value, 'memory-export.json');
    expect(summarize(result)).toEqual({ records: 1, imported: 1, skipped: 0, skippedReasons: {}, kinds: { 'memory.set': 1 } });
    expect(result.report.format).toBe('claude-flow-memory-export');
    expect(result.events.map((event) => [event.memoryKey, event.message, event.status, event.time, event.timeSource, event.source.namespace])).toEqual([
      ['test-data', '{"important":"information"}', '{"important":"information"}', '2025-09-21T14:25:09.898Z', 'value', 'default'],
    ]);
  });
});

describe('memory-store: entries no sample has', () => {
  test('an epoch-ms timestamp, a missing one, and a non-string value', () => {
    const { events } = read(
      {
        coordination: [
          { key: 'phase7/7.4/status', value: 'blocked: waiting for review', namespace: 'coordination', timestamp: 1_761_210_000_000 },
          { key: 'phase7/7.4/blockers', value: ['7.3'] },
        ],
      },
      'memory/memory-store.json',
    );
    expect(events.map((event) => [event.memoryKey, event.status, event.time, event.timeSource, event.source.namespace])).toEqual([
      ['phase7/7.4/status', 'blocked: waiting for review', '2025-10-23T09:00:00.000Z', 'value', 'coordination'],
      ['phase7/7.4/blockers', '["7.3"]', null, 'none', 'coordination'],
    ]);
  });
});

describe('memory-store: matches', () => {
  test.each(allHookFixtures)('%s fixture %s', (fixtureFormat, name) => {
    const value = readHookJson(name);
    expect([matches(value), matchesExport(value)]).toEqual([fixtureFormat === format, fixtureFormat === 'claude-flow-memory-export']);
  });

  test.each([[{}], [[]], [{ default: [{ value: 'no key' }] }], [{ default: 'x' }], [{ version: 1, entries: [] }], [null]])('not %j', (value) => {
    expect([matches(value), matchesExport(value)]).toEqual([false, false]);
  });
});
