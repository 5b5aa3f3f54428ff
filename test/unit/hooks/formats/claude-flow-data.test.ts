import { describe, expect, test } from 'vitest';
import { format, matches, read } from '../../../../src/core/hooks/claude-flow-data.ts';
import { HookEventSchema } from '../../../../src/core/schema/model.ts';
import { allHookFixtures, readHookJson, summarize } from './hook-fixtures.ts';

describe('claude-flow-data: one test per sample file', () => {
  test.each([['saverly-modern-empty.json'], ['myclaudeflowsetup-alpha-data-empty.json']])('%s: both arrays empty, 0 records', (name) => {
    const result = read(readHookJson(`claude-flow-data/${name}`), `memory/${name}`);
    expect(summarize(result)).toEqual({ records: 0, imported: 0, skipped: 0, skippedReasons: {}, kinds: {} });
    expect(result.report.warnings).toEqual([]);
  });
});

describe('claude-flow-data: records no sample has (JsonPersistenceManager fields)', () => {
  const result = read(
    {
      agents: [{ id: 'agent-1', type: 'coder', name: 'rust-coder', status: 'active', capabilities: [], createdAt: 1_700_000_000_000 }, 42],
      tasks: [
        {
          id: 'task-9',
          type: 'build',
          description: 'Build Infrastructure',
          status: 'completed',
          priority: 5,
          progress: 100,
          assignedAgent: 'agent-1',
          createdAt: 1_700_000_000_000,
          completedAt: 1_700_000_060_000,
        },
        { id: 'task-10', type: 'test', description: 'Configuration System', status: 'pending', priority: 1, progress: 0, createdAt: 1_700_000_001_000 },
        'junk',
      ],
      lastUpdated: 1_700_000_060_000,
    },
    'memory/claude-flow-data.json',
  );

  test('every element is a record; non-objects are skipped', () => {
    expect(summarize(result)).toEqual({
      records: 5,
      imported: 3,
      skipped: 2,
      skippedReasons: { 'not an agent record': 1, 'not a task record': 1 },
      kinds: { 'agent.spawn': 1, 'memory.set': 2 },
    });
    for (const event of result.events) expect(HookEventSchema.parse(event)).toEqual(event);
  });

  test('an agent is a spawn; a task is its last state, under tasks/<id>', () => {
    expect(
      result.events.map((event) => [
        event.kind,
        event.order,
        event.agent,
        event.memoryKey,
        event.message,
        event.status,
        event.time,
        event.source.namespace,
        event.source.row,
      ]),
    ).toEqual([
      ['agent.spawn', 0, 'rust-coder', null, null, 'active', '2023-11-14T22:13:20.000Z', 'agents', 0],
      ['memory.set', 2, 'agent-1', 'tasks/task-9', 'Build Infrastructure', 'completed', '2023-11-14T22:14:20.000Z', 'tasks', 0],
      ['memory.set', 3, null, 'tasks/task-10', 'Configuration System', 'pending', '2023-11-14T22:13:21.000Z', 'tasks', 1],
    ]);
    expect(result.events[1]!.data).toEqual({ type: 'build', priority: 5, progress: 100, error: null });
  });
});

describe('claude-flow-data: matches', () => {
  test.each(allHookFixtures)('%s fixture %s', (fixtureFormat, name) => {
    expect(matches(readHookJson(name))).toBe(fixtureFormat === format);
  });

  test.each([[{ agents: [], tasks: [] }], [{ agents: [], tasks: {}, lastUpdated: 1 }], [{ tasks: [], lastUpdated: 1 }], [[]], [null]])('not %j', (value) => {
    expect(matches(value)).toBe(false);
  });
});
