import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { epochToIso, isoOrNull } from '../../../src/core/hooks/import-result.ts';

const expected = (value: number) => new Date(value < 1e11 ? value * 1000 : value).toISOString();

describe('epochToIso and isoOrNull', () => {
  test('writes what toISOString writes, for seconds and milliseconds, whole or not, in any order', () => {
    const edges = [0, 1, 59, 60, 61, 86_399, 951_782_400, 1_737_151_809, 1_737_151_809.25, 1_737_151_809_000, 1e11 - 1, 1e11, 253_402_300_799, 253_402_300_799_000, 253_402_300_800_000];
    for (const value of [...edges, ...edges.toReversed()]) expect(epochToIso(value)).toBe(expected(value));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: 1e11, max: 4e12 }), fc.double({ min: 0, max: 4e9, noNaN: true })), { minLength: 1, maxLength: 50 }), (values) => {
        for (const value of values) expect(epochToIso(value)).toBe(expected(value));
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  test('isoOrNull writes a parsed time as toISOString does, for any date and any way of writing it', () => {
    const written = [(date: Date) => date.toISOString(), (date: Date) => date.toISOString().replace('Z', '+00:00'), (date: Date) => date.toUTCString(), (date: Date) => date.toISOString().slice(0, 19) + 'Z'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), fc.integer({ min: 0, max: written.length - 1 })), { minLength: 1, maxLength: 30 }), (dates) => {
        for (const [date, how] of dates) {
          const text = written[how]!(date);
          expect(isoOrNull(text)).toBe(new Date(Date.parse(text)).toISOString());
        }
      }),
      { seed: 17, numRuns: 300 },
    );
    expect([isoOrNull('not a date'), isoOrNull(''), isoOrNull('  ')]).toEqual([null, null, null]);
  });
});
