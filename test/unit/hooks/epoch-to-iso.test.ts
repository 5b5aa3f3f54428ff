import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { epochToIso, isoOrNull } from '../../../src/core/hooks/import-result.ts';

const expected = (value: number) => new Date(value < 1e11 ? value * 1000 : value).toISOString();

describe('epochToIso and isoOrNull', () => {
  test('writes what toISOString writes, for seconds and milliseconds, whole or not, in any order', () => {
    const edges = [
      0,
      1,
      59,
      60,
      61,
      86_399,
      951_782_400,
      1_737_151_809,
      1_737_151_809.25,
      1_737_151_809_000,
      1e11 - 1,
      1e11,
      253_402_300_799,
      253_402_300_799_000,
      253_402_300_800_000,
    ];
    for (const value of [...edges, ...edges.toReversed()]) expect(epochToIso(value)).toBe(expected(value));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: 1e11, max: 4e12 }), fc.double({ min: 0, max: 4e9, noNaN: true })), {
          minLength: 1,
          maxLength: 50,
        }),
        (values) => {
          for (const value of values) expect(epochToIso(value)).toBe(expected(value));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });

  test('isoOrNull writes a parsed time as toISOString does, for any date and any way of writing it', () => {
    const written = [
      (date: Date) => date.toISOString(),
      (date: Date) => date.toISOString().replace('Z', '+00:00'),
      (date: Date) => date.toUTCString(),
      (date: Date) => date.toISOString().slice(0, 19) + 'Z',
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
            fc.integer({ min: 0, max: written.length - 1 }),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (dates) => {
          for (const [date, how] of dates) {
            const text = written[how]!(date);
            expect(isoOrNull(text)).toBe(new Date(Date.parse(text)).toISOString());
          }
        },
      ),
      { seed: 17, numRuns: 300 },
    );
    expect([isoOrNull('not a date'), isoOrNull(''), isoOrNull('  ')]).toEqual([null, null, null]);
  });

  test("text in toISOString's form that names no real time is read as Date.parse reads it, never passed on as written", () => {
    const cases = [
      '2025-02-30T00:00:00.000Z',
      '2025-02-29T12:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
      '2025-04-31T10:00:00.000Z',
      '2025-13-01T00:00:00.000Z',
      '2025-00-10T00:00:00.000Z',
      '2025-01-00T00:00:00.000Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T23:60:00.000Z',
      '2025-01-01T23:59:60.000Z',
      'abcd-01-01T00:00:00.000Z',
      '2025-01-01T00:00:00.0a0Z',
      '0000-01-01T00:00:00.000Z',
      '2025-12-31T23:59:59.999Z',
    ];
    for (const text of cases) {
      const time = Date.parse(text);
      expect(isoOrNull(text), text).toBe(Number.isNaN(time) ? null : new Date(time).toISOString());
    }
    // Any day, hour, minute and second written in that form, real or not.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 999 }),
        (year, month, day, hour, minute, second, milli) => {
          const pad = (value: number, width: number) => String(value).padStart(width, '0');
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(milli, 3)}Z`;
          const time = Date.parse(text);
          expect(isoOrNull(text)).toBe(Number.isNaN(time) ? null : new Date(time).toISOString());
        },
      ),
      { seed: 17, numRuns: 2000 },
    );
  });
});
