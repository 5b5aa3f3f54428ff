import { describe, expect, test } from 'vitest';
import { format, matches, read } from '../../../../src/core/hooks/claude-flow-v3-json.ts';
import { HookEventSchema } from '../../../../src/core/schema/model.ts';
import { allHookFixtures, readHookJson, summarize } from './hook-fixtures.ts';

const readCase = (name: string) => read(readHookJson(`claude-flow-v3-json/${name}`), `.claude-flow/${name}`);

const notAnEvent = 'learning pattern, not an event';

describe('claude-flow-v3-json: one test per sample file', () => {
  test.each([
    // [fixture, records, imported, skippedReasons, events per kind, newest event time]
    ['ruflo-learning.json', 1, 1, {}, { metrics: 1 }, '2026-06-11T23:01:07.154Z'],
    ['ruflo-swarm-activity.json', 1, 1, {}, { metrics: 1 }, '2026-06-11T23:01:07.154Z'],
    ['ruflo-v3-progress.json', 1, 1, {}, { metrics: 1 }, '2026-06-11T23:01:07.154Z'],
    ['run3-auto-memory-store.json', 2, 2, {}, { 'task.end': 2 }, '2026-11-24T12:45:44.394Z'],
    ['run3-neural-patterns.json', 4, 2, { [notAnEvent]: 2 }, { edit: 2 }, '2026-11-24T12:45:40.745Z'],
    ['run3-neural-stats.json', 1, 1, {}, { metrics: 1 }, '2026-11-24T12:45:44.335Z'],
  ])('%s: %i records, %i imported', (name, records, imported, skippedReasons, kinds, newest) => {
    const result = readCase(name);
    expect(summarize(result)).toEqual({ records, imported, skipped: records - imported, skippedReasons, kinds });
    expect(result.report.newest).toBe(newest);
    for (const event of result.events) expect(HookEventSchema.parse(event)).toEqual(event);
  });
});

describe('claude-flow-v3-json: fields', () => {
  test('auto-memory-store.json: each post-task outcome ends the task named by its key', () => {
    const { events } = readCase('run3-auto-memory-store.json');
    expect(events.map((event) => [event.kind, event.taskRef, event.status, event.time, event.message, event.data])).toEqual([
      ['task.end', 'task-7.1-build-infra', 'completed', '2026-11-24T12:45:42.571Z', 'Task completed: task-7.1-build-infra', { success: true, quality: 0.85 }],
      ['task.end', 'task-7.3-code-quality', 'completed', '2026-11-24T12:45:44.394Z', 'Task completed: task-7.3-code-quality', { success: true, quality: 0.85 }],
    ]);
    expect(events[0]!.source).toEqual({
      format: 'claude-flow-v3-json',
      path: '.claude-flow/run3-auto-memory-store.json',
      namespace: 'tasks',
      key: 'task-7.1-build-infra',
      row: 0,
    });
  });

  test('patterns.json: post-edit patterns are edits of the file named in the content, post-task patterns are skipped', () => {
    const { events } = readCase('run3-neural-patterns.json');
    expect(events.map((event) => [event.order, event.file, event.time, event.data])).toEqual([
      [
        0,
        '.cargo/config.toml',
        '2026-11-24T12:45:37.256Z',
        { editId: 'edit-.cargo/config.toml-1795524336495', success: true, quality: 0.85, confidence: 0.906 },
      ],
      [1, 'src/lib.rs', '2026-11-24T12:45:40.745Z', { editId: 'edit-src/lib.rs-1795524339970', success: true, quality: 0.85, confidence: 1 }],
    ]);
    expect(events[0]!.source.key).toBe('pattern-1795524337256-7u3o');
    expect(JSON.stringify(events)).not.toContain('embedding');
  });

  test.each([
    [
      'ruflo-learning.json',
      'learning',
      {
        'routing.accuracy': 0,
        'routing.decisions': 0,
        'patterns.shortTerm': 0,
        'patterns.longTerm': 0,
        'patterns.quality': 0,
        'sessions.total': 0,
        'sessions.current': null,
      },
    ],
    [
      'ruflo-swarm-activity.json',
      'swarm-activity',
      {
        'processes.agentic_flow': 0,
        'processes.mcp_server': 0,
        'processes.estimated_agents': 0,
        'swarm.active': false,
        'swarm.agent_count': 0,
        'swarm.coordination_active': false,
        'integration.agentic_flow_active': false,
        'integration.mcp_active': false,
      },
    ],
    [
      'ruflo-v3-progress.json',
      'v3-progress',
      {
        version: '3.0.0',
        'domains.completed': 0,
        'domains.total': 5,
        'domains.status': 'INITIALIZING',
        'ddd.progress': 0,
        'ddd.modules': 0,
        'ddd.totalFiles': 0,
        'ddd.totalLines': 0,
        'swarm.activeAgents': 0,
        'swarm.maxAgents': 15,
        'swarm.topology': 'hierarchical-mesh',
        'learning.status': 'READY',
        'learning.patternsLearned': 0,
        'learning.sessionsCompleted': 0,
      },
    ],
    ['run3-neural-stats.json', 'neural-stats', { trajectoriesRecorded: 8, patternsLearned: 8, signalsProcessed: 4 }],
  ])('%s: one metrics event keyed %s, data flattened without its time and "_" notes', (name, key, data) => {
    const [event] = readCase(name).events;
    expect(event!.source).toMatchObject({ key, row: null });
    expect(event!.data).toEqual(data);
  });

  test('entries no sample has: a failed outcome, another memory type, a pattern that names no edit', () => {
    const result = read(
      [
        {
          id: 'task-x',
          key: 'task-x',
          content: 'Task completed: task-x',
          namespace: 'tasks',
          type: 'task-outcome',
          metadata: { success: false, quality: 0.2 },
          createdAt: 1_700_000_000_000,
        },
        { id: 'note-1', key: 'phase7/status', content: 'blocked: waiting on 7.3', namespace: 'coordination', type: 'semantic', createdAt: 1_700_000_000_001 },
        {
          id: 'pattern-1',
          type: 'action',
          content: 'Task edit-src/a b.rs-1700000000002 completed by coder — success=false, quality=0.100',
          createdAt: 1_700_000_000_003,
        },
        { id: 'pattern-2', type: 'action', content: 'Prefer small commits', createdAt: 1_700_000_000_004 },
      ],
      '.claude-flow/mixed.json',
    );
    expect(summarize(result)).toEqual({
      records: 4,
      imported: 3,
      skipped: 1,
      skippedReasons: { [notAnEvent]: 1 },
      kinds: { 'task.end': 1, 'memory.set': 1, edit: 1 },
    });
    expect(result.events.map((event) => [event.kind, event.status, event.memoryKey, event.file, event.message])).toEqual([
      ['task.end', 'failed', null, null, 'Task completed: task-x'],
      ['memory.set', null, 'phase7/status', null, 'blocked: waiting on 7.3'],
      ['edit', null, null, 'src/a b.rs', 'Task edit-src/a b.rs-1700000000002 completed by coder — success=false, quality=0.100'],
    ]);
    expect(result.events[2]!.data.success).toBe(false);
    expect(result.events[1]!.source.namespace).toBe('coordination');
  });
});

describe('claude-flow-v3-json: matches', () => {
  test.each(allHookFixtures)('%s fixture %s', (fixtureFormat, name) => {
    expect(matches(readHookJson(name))).toBe(fixtureFormat === format);
  });

  test.each([
    [[]],
    // A `sqlite3 -json` dump of the v3 memory.db: created_at, not createdAt.
    [[{ id: 'a', key: 'k', namespace: 'n', content: 'c', type: 'semantic', created_at: 1 }]],
    [[{ id: 'a', content: 'c', createdAt: 1 }, 'junk']],
    [{ initialized: '2026-06-11T23:01:07.154Z' }],
    [{ trajectoriesRecorded: 1 }],
  ])('not %j', (value) => {
    expect(matches(value)).toBe(false);
  });
});
