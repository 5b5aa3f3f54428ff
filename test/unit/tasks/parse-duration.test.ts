import { describe, expect, test } from 'vitest';
import { round } from '../../../src/core/format/round.ts';
import { parseDuration } from '../../../src/core/tasks/parse-duration.ts';

describe('parseDuration', () => {
  // Working time: a day is 8 hours, a week 5 days.
  test.each([
    ['2.4 days', 2.4],
    ['1 day', 1],
    ['6h', 0.75],
    ['4 hours', 0.5],
    ['2 weeks', 10],
    ['1.5w', 7.5],
    ['90 min', 0.1875],
    ['30m', 0.0625],
    ['~3 days', 3],
    ['~1 week', 5],
    ['2-3 days', 3],
    ['2–3 days', 3],
    ['2 to 3 days', 3],
    ['1,5 d', 1.5],
    ['2 Days (+1 buffer)', 2],
    ['  1.2 days  ', 1.2],
    ['3', 3],
    ['0.5', 0.5],
    [2.4, 2.4],
    [0, 0],
  ])('%j → %f days', (input, days) => {
    expect(parseDuration(input)).toEqual({ ok: true, days });
  });

  test.each([
    ['soon', 'no number with a unit'],
    ['days', 'no number with a unit'],
    ['', 'no number with a unit'],
    ['TBD', 'no number with a unit'],
    ['3 sprints', 'unknown unit "sprints"'],
    [-1, 'not a positive number'],
    [Number.NaN, 'not a positive number'],
  ])('%j is refused: %s', (input, reason) => {
    expect(parseDuration(input)).toEqual({ ok: false, reason });
  });
});

describe('parseDuration: effort words with a size', () => {
  // ccpm's "## Effort Estimate" list, effort words with the duration in brackets, and a key that names the unit.
  test.each([
    ['Size: L (Large),Hours: 24 hours,Parallel: false', 'd', 3],
    ['Size: M, Hours: 16', 'd', 2],
    ['Size: S, Days: 2', 'd', 2],
    ['Medium (4 hours)', 'd', 0.5],
    ['S (2h)', 'd', 0.25],
    ['Large (5-7 days)', 'd', 7],
    ['Small (1-2 days)', 'd', 2],
    ['XL - 3 days', 'd', 3],
    ['6', 'h', 0.75],
  ])('%j (bare numbers in %s) → %f days', (input, unit, days) => {
    expect(parseDuration(input, unit)).toEqual({ ok: true, days });
  });

  // A size says how big, not how long: without hours or days it is no estimate.
  test.each([
    ['M', 'a size ("M") without hours or days'],
    ['Medium', 'a size ("Medium") without hours or days'],
    ['M (Medium)', 'a size ("M") without hours or days'],
    ['Size: M (Medium)', 'a size ("M") without hours or days'],
    ['L (3)', 'a size ("L") without hours or days'],
    ['Hours: estimated hours', 'no number with a unit'],
    ['Parallel: false', 'no number with a unit'],
    ['Lunch 2h', 'no number with a unit'],
  ])('%j is refused: %s', (input, reason) => {
    expect(parseDuration(input)).toEqual({ ok: false, reason });
  });
});

describe('round', () => {
  test.each([
    [2.4 + 1.2, 3.6],
    [1 / 3, 0.3333],
    [0.1 + 0.2, 0.3],
  ])('%f → %f', (value, expected) => {
    expect(round(value)).toBe(expected);
  });
});
