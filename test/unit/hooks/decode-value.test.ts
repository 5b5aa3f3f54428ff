import { describe, expect, test } from 'vitest';
import { decodeStoredValue, encodeStoredValue } from '../../../src/core/hooks/decode-value.ts';

/** A value as claude-flow stores one whose JSON is longer than 1024: "__compressed__" + base64, not compressed (FORMATS §2.3). */
const compressed = (text: string) => `__compressed__${Buffer.from(text, 'utf8').toString('base64')}`;
const date = (value: string) => ({ __type__: '__Date__', value });

describe('decodeStoredValue: JSON with the serializer type markers', () => {
  test.each([
    ['a plain object', { status: 'started', n: 1 }, { status: 'started', n: 1 }],
    ['__undefined__ (agentId without --agent-id)', { taskId: 't', agentId: { __type__: '__undefined__' } }, { taskId: 't', agentId: undefined }],
    ['__Date__ → its ISO text', { persistedAt: date('2025-08-04T21:14:48.340Z') }, { persistedAt: '2025-08-04T21:14:48.340Z' }],
    ['__Date__ without a string value → null', { at: { __type__: '__Date__', value: 5 } }, { at: null }],
    [
      '__NaN__, __Infinity__, __-Infinity__ → null',
      { a: { __type__: '__NaN__' }, b: { __type__: '__Infinity__' }, c: { __type__: '__-Infinity__' } },
      { a: null, b: null, c: null },
    ],
    ['__BigInt__ → its digits as text', { big: { __type__: '__BigInt__', value: '9007199254740993' } }, { big: '9007199254740993' }],
    [
      '__Map__ → its entries, markers inside unmarked',
      {
        m: {
          __type__: '__Map__',
          value: [
            ['a', 1],
            ['b', date('2025-01-01T00:00:00.000Z')],
          ],
        },
      },
      {
        m: [
          ['a', 1],
          ['b', '2025-01-01T00:00:00.000Z'],
        ],
      },
    ],
    ['__Set__ → its values', { s: { __type__: '__Set__', value: ['x', { __type__: '__undefined__' }] } }, { s: ['x', undefined] }],
    ['an unknown marker without a value → null', { r: { __type__: '__Symbol__' } }, { r: null }],
    ['{"__circular__": true} → null', { self: { __circular__: true } }, { self: null }],
    [
      'markers deep inside arrays (session-states tasks[])',
      { tasks: [{ startedAt: date('2025-08-04T21:00:00.000Z'), agentId: { __type__: '__undefined__' } }] },
      { tasks: [{ startedAt: '2025-08-04T21:00:00.000Z', agentId: undefined }] },
    ],
  ])('%s', (_name, stored, value) => {
    expect(decodeStoredValue(JSON.stringify(stored))).toStrictEqual({ kind: 'json', value });
  });

  test('scalars and arrays are JSON too', () => {
    expect(['42', 'true', 'null', '"text"', '[1,{"__type__":"__NaN__"}]'].map((stored) => decodeStoredValue(stored))).toStrictEqual([
      { kind: 'json', value: 42 },
      { kind: 'json', value: true },
      { kind: 'json', value: null },
      { kind: 'json', value: 'text' },
      { kind: 'json', value: [1, null] },
    ]);
  });
});

describe('decodeStoredValue: __compressed__ values', () => {
  test.each([
    [
      'JSON, with markers',
      compressed('{"sessionId":"s-1","persistedAt":{"__type__":"__Date__","value":"2025-08-04T21:14:48.340Z"}}'),
      { kind: 'json', value: { sessionId: 's-1', persistedAt: '2025-08-04T21:14:48.340Z' } },
    ],
    [
      'UTF-8 text inside JSON (emoji, CJK, HTML)',
      compressed(`{"message":"✅ 完成 <script>alert(1)</script> ${'x'.repeat(1100)}"}`),
      { kind: 'json', value: { message: `✅ 完成 <script>alert(1)</script> ${'x'.repeat(1100)}` } },
    ],
    ['plain text', compressed('not json at all'), { kind: 'text', value: 'not json at all' }],
  ])('%s', (_name, stored, decoded) => {
    expect(decodeStoredValue(stored)).toStrictEqual(decoded);
  });
});

describe('decodeStoredValue: plain text is kept as written', () => {
  test.each([
    ['swarm_1754675044938_41vhr0z2l'], // saverly system/active_swarm
    ['in_progress: sccache + shared target-dir done, cargo-sweep next'],
    ['blocked: waiting for review'],
    ['{"cut": "off'],
    [''],
  ])('%j', (stored) => {
    expect(decodeStoredValue(stored)).toStrictEqual({ kind: 'text', value: stored });
  });
});

describe('encodeStoredValue: what the generators write, decoded back', () => {
  test.each([
    ['a short object', { status: 'complete', tasks: ['7.1', '7.2'] }],
    ['a long value, stored base64', { notes: 'x'.repeat(2000), when: 'ünïcode ✅' }],
    ['a date', new Date('2025-10-24T15:00:00Z')],
  ])('%s', (_name, value) => {
    const stored = encodeStoredValue(value);
    expect(stored.startsWith('__compressed__')).toBe(JSON.stringify(value).length > 1024);
    expect(decodeStoredValue(stored)).toStrictEqual({ kind: 'json', value: JSON.parse(JSON.stringify(value)) });
  });
});
