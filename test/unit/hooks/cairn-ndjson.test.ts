import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cairnEventJsonSchema, format, matchesText, readText } from '../../../src/core/hooks/cairn-ndjson.ts';
import { HookEventKindSchema, HookEventSchema } from '../../../src/core/schema/model.ts';
import { summarize } from './formats/hook-fixtures.ts';

const read = (...lines: string[]) => readText(lines.join('\n'), 'hooks/events.ndjson');
const line = (fields: Record<string, unknown>) => JSON.stringify(fields);
const schemaMismatch = 'line does not match the Cairn event schema';

describe('cairn-ndjson: valid lines', () => {
  test.each(HookEventKindSchema.options)('kind %s is imported as that kind', (kind) => {
    const result = read(line({ kind, time: '2025-10-23T08:30:00Z' }));
    expect(summarize(result)).toEqual({ records: 1, imported: 1, skipped: 0, skippedReasons: {}, kinds: { [kind]: 1 } });
    expect(HookEventSchema.parse(result.events[0])).toEqual(result.events[0]);
  });

  test('every field lands on the event; line numbers count blank lines', () => {
    const full = {
      kind: 'task.end',
      time: '2025-10-23T12:00:00Z',
      task: 'task-7.1-build-infra',
      agent: 'cicd-engineer',
      session: 's-1',
      file: '.cargo/config.toml',
      memoryKey: 'phase7/build_infra/status',
      message: 'done',
      level: 'info',
      status: 'complete',
      durationMs: 12_600_000,
    };
    const { events, report } = read('', line(full), '   ');
    expect(report).toMatchObject({ format, records: 1, imported: 1, newest: '2025-10-23T12:00:00.000Z', warnings: [] });
    expect(events[0]).toEqual({
      id: 'cairn-ndjson:hooks/events.ndjson::task.end:2:0',
      kind: 'task.end',
      time: '2025-10-23T12:00:00.000Z',
      timeSource: 'value',
      order: 2,
      session: 's-1',
      taskRef: 'task-7.1-build-infra',
      description: null,
      agent: 'cicd-engineer',
      file: '.cargo/config.toml',
      memoryKey: 'phase7/build_infra/status',
      message: 'done',
      level: 'info',
      status: 'complete',
      durationMs: 12_600_000,
      data: {},
      source: { format: 'cairn-ndjson', path: 'hooks/events.ndjson', namespace: null, key: 'task.end', row: 2 },
    });
  });

  test.each([
    ['2025-10-23T08:30:00Z', '2025-10-23T08:30:00.000Z'],
    ['2025-10-23T10:30:00+02:00', '2025-10-23T08:30:00.000Z'],
    ['2025-10-23T03:00:00.250-05:30', '2025-10-23T08:30:00.250Z'],
    ['2025-10-24T00:15:00+14:00', '2025-10-23T10:15:00.000Z'],
  ])('time %s is stored as UTC %s', (time, utc) => {
    expect(read(line({ kind: 'notify', time })).events.map((event) => event.time)).toEqual([utc]);
  });
});

describe('cairn-ndjson: lines that are skipped, each with a warning naming its line', () => {
  test.each([
    ['no time', { kind: 'notify', message: 'x' }, 'line 1: time: missing (expected string)'],
    ['a time without a zone', { kind: 'notify', time: '2025-10-23T08:30:00' }, 'line 1: time: Invalid ISO datetime'],
    ['a date only', { kind: 'notify', time: '2025-10-23' }, 'line 1: time: Invalid ISO datetime'],
    [
      'an unknown kind',
      { kind: 'teleport', time: '2025-10-23T08:30:00Z' },
      'line 1: kind: Invalid option: expected one of "task.start"|"task.end"|"edit"|"notify"|"memory.set"|"command"|"agent.spawn"|"session.start"|"session.restore"|"session.end"|"metrics"',
    ],
    ['a negative duration', { kind: 'task.end', time: '2025-10-23T08:30:00Z', durationMs: -1 }, 'line 1: durationMs: Too small: expected number to be >=0'],
    ['an empty task', { kind: 'task.start', time: '2025-10-23T08:30:00Z', task: '' }, 'line 1: task: Too small: expected string to have >=1 characters'],
  ])('%s', (_name, fields, warning) => {
    const result = read(line(fields));
    expect(summarize(result)).toEqual({ records: 1, imported: 0, skipped: 1, skippedReasons: { [schemaMismatch]: 1 }, kinds: {} });
    expect(result.report.warnings).toEqual([`hooks/events.ndjson: ${warning}`]);
  });

  test('a line that is not JSON, and one that is an array', () => {
    const result = read(line({ kind: 'notify', time: '2025-10-23T08:30:00Z' }), '{"kind":"notify","ti', '[1]');
    expect(summarize(result)).toEqual({
      records: 3,
      imported: 1,
      skipped: 2,
      skippedReasons: { 'line is not valid JSON': 1, [schemaMismatch]: 1 },
      kinds: { notify: 1 },
    });
    expect(result.report.warnings).toEqual([
      'hooks/events.ndjson: line 2: not valid JSON',
      'hooks/events.ndjson: line 3: event: Invalid input: expected object, received array',
    ]);
  });
});

test.each([
  ['{"kind":"notify"}\n', true],
  ['\n\n{"kind":"x","time":1}\n{garbage', true],
  ['{"type":"notify"}', false],
  ['[{"kind":"notify"}]', false],
  ['{\n  "kind": "notify"\n}', false],
  ['', false],
])('matchesText(%j) is %s', (text, expected) => {
  expect(matchesText(text)).toBe(expected);
});

test('schemas/cairn-event.schema.json is the committed copy of cairnEventJsonSchema(), byte for byte', () => {
  const committed = readFileSync(fileURLToPath(new URL('../../../schemas/cairn-event.schema.json', import.meta.url)), 'utf8');
  expect(JSON.parse(committed)).toEqual(cairnEventJsonSchema());
  expect(committed).toBe(`${JSON.stringify(cairnEventJsonSchema(), null, 2)}\n`);
});
