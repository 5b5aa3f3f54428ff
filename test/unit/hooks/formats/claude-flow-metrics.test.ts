import { describe, expect, test } from 'vitest';
import { format, matches, read } from '../../../../src/core/hooks/claude-flow-metrics.ts';
import { HookEventSchema } from '../../../../src/core/schema/model.ts';
import { allHookFixtures, readHookJson, summarize } from './hook-fixtures.ts';

const readCase = (name: string) => read(readHookJson(`claude-flow-metrics/${name}`), `.claude-flow/metrics/${name}`);

describe('claude-flow-metrics: one test per sample file', () => {
  test.each([
    // [fixture, records (= imported; nothing is skipped), newest event time]
    ['saverly-modern-task-metrics.json', 1, '2025-08-06T23:13:19.242Z'],
    ['myclaudeflowsetup-task-metrics.json', 1, '2025-11-27T00:40:34.101Z'],
    ['hccg-task-metrics.json', 1, '2025-09-17T16:54:02.155Z'],
    ['dsfr-mcp-task-metrics.json', 1, '2025-08-09T18:15:43.435Z'],
    ['run1-seed-task-metrics.json', 1, '2026-11-24T12:34:13.786Z'],
    // Old shape: startTime only. New shape: lastActivity.
    ['saverly-modern-performance-old-shape.json', 1, '2025-08-06T23:13:19.141Z'],
    ['hccg-performance-old-shape.json', 1, '2025-09-17T16:54:01.942Z'],
    ['dsfr-mcp-performance-old-shape.json', 1, '2025-08-09T18:15:43.395Z'],
    ['myclaudeflowsetup-performance-new-shape.json', 1, '2025-11-27T00:40:34.056Z'],
    ['run1-seed-performance-new-shape.json', 1, '2026-11-24T12:34:13.640Z'],
    ['myclaudeflowsetup-system-metrics.json', 1, '2025-11-27T02:33:00.425Z'],
    // The same `{}` (sha256 44136fa355b3678a) in all four public repos and in run 1.
    ['agent-metrics-empty.json', 0, null],
  ])('%s: %i records, newest %s', (name, records, newest) => {
    const result = readCase(name);
    expect(summarize(result)).toEqual({ records, imported: records, skipped: 0, skippedReasons: {}, kinds: records === 0 ? {} : { metrics: records } });
    expect(result.report.newest).toBe(newest);
    expect(result.report.warnings).toEqual([]);
    for (const event of result.events) expect(HookEventSchema.parse(event)).toEqual(event);
  });
});

describe('claude-flow-metrics: fields', () => {
  test('task-metrics.json: one CLI call with its type, success and duration in ms', () => {
    const [event] = readCase('hccg-task-metrics.json').events;
    expect(event).toMatchObject({
      kind: 'metrics',
      timeSource: 'value',
      message: 'claude-flow hooks command',
      durationMs: 39.37191399999995,
      data: { type: 'hooks', success: true, duration: 39.37191399999995, id: 'cmd-hooks-1758128042115' },
      source: { format: 'claude-flow-metrics', namespace: null, key: 'cmd-hooks-1758128042115', row: 0 },
    });
  });

  test('performance.json, old shape: its counters, no session', () => {
    const [event] = readCase('saverly-modern-performance-old-shape.json').events;
    expect(event!.session).toBeNull();
    expect(event!.data).toEqual({
      startTime: 1754521999141,
      totalTasks: 1,
      successfulTasks: 1,
      failedTasks: 0,
      totalAgents: 0,
      activeAgents: 0,
      neuralEvents: 0,
    });
  });

  test('performance.json, new shape: session id and nested counters flattened, empty lists left out', () => {
    const [event] = readCase('myclaudeflowsetup-performance-new-shape.json').events;
    expect(event!.session).toBe('session-1764204034056');
    expect(event!.data).toMatchObject({
      sessionId: 'session-1764204034056',
      lastActivity: 1764204034056,
      totalTasks: 1,
      'memoryMode.currentMode': 'auto',
      'operations.store.count': 0,
      'operations.init.errors': 0,
      'performance.minOperationDuration': null,
      'storage.lastBackup': null,
      'errors.total': 0,
      'reasoningbank.cacheMisses': 0,
    });
    expect(Object.keys(event!.data)).toHaveLength(56); // 10 top-level + memoryMode 5 + operations 7×3 + performance 6 + storage 6 + errors.total + reasoningbank 7
    expect(Object.keys(event!.data).some((key) => key.startsWith('errors.recent'))).toBe(false);
  });

  test('performance.json: the time is lastActivity when it differs from startTime (both samples have them equal)', () => {
    const [event] = read({ startTime: 1_700_000_000_000, lastActivity: 1_700_000_090_000, totalTasks: 4 }, 'performance.json').events;
    expect(event!.time).toBe('2023-11-14T22:14:50.000Z');
  });

  test('system-metrics.json: the sample as written, memoryUsagePercent already in percent', () => {
    const [event] = readCase('myclaudeflowsetup-system-metrics.json').events;
    expect(event!.data).toEqual({
      memoryTotal: 129782308864,
      memoryUsed: 23015993344,
      memoryFree: 106766315520,
      memoryUsagePercent: 17.734307199079545,
      memoryEfficiency: 82.26569280092045,
      cpuCount: 32,
      cpuLoad: 0.0275,
      platform: 'linux',
      uptime: 5626.96,
    });
    expect(event!.source).toMatchObject({ key: 'system-metrics', row: 0 });
  });

  test('several task metrics and system samples keep their order', () => {
    const sample = { memoryTotal: 100, memoryUsagePercent: 0.65, cpuLoad: 1 };
    const system = read(
      [
        { ...sample, timestamp: 1_700_000_060_000 },
        { ...sample, timestamp: 1_700_000_030_000 },
      ],
      'system-metrics.json',
    );
    expect(system.events.map((event) => [event.order, event.time, event.data.memoryUsagePercent])).toEqual([
      [0, '2023-11-14T22:14:20.000Z', 0.65],
      [1, '2023-11-14T22:13:50.000Z', 0.65],
    ]);
    const calls = read(
      [
        { id: 'cmd-memory-1', type: 'memory', success: false, duration: 3, timestamp: 1_700_000_000_000 },
        { id: 'cmd-hooks-2', type: 'hooks', success: true, duration: null, timestamp: 1_700_000_000_001 },
      ],
      'task-metrics.json',
    );
    expect(calls.events.map((event) => [event.order, event.data.success, event.durationMs])).toEqual([
      [0, false, 3],
      [1, true, null],
    ]);
  });
});

describe('claude-flow-metrics: matches', () => {
  test.each(allHookFixtures)('%s fixture %s', (fixtureFormat, name) => {
    expect(matches(readHookJson(name))).toBe(fixtureFormat === format);
  });

  test.each([
    [[]],
    [[{ id: 'task-1', type: 'hooks', success: true, timestamp: 1 }]],
    [[{ id: 'cmd-hooks-1', type: 'hooks', success: true, timestamp: 1 }, { id: 2 }]],
    [{ startTime: 1 }],
    [{ default: [] }],
    [null],
  ])('not %j', (value) => {
    expect(matches(value)).toBe(false);
  });

  test('a value of no metrics shape gives no records and a warning', () => {
    expect(read([], 'metrics.json').report).toMatchObject({
      records: 0,
      warnings: ['metrics.json: The file is not one of the claude-flow metrics shapes, so nothing was read from it.'],
    });
  });
});
