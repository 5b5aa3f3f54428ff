import { describe, expect, test } from 'vitest';
import { parseMetricValue } from '../../../src/core/metrics/parse-value.ts';

describe('parseMetricValue', () => {
  test.each([
    // raw, kind, value, unit
    [12, 'number', 12, null],
    [0, 'number', 0, null],
    ['12', 'number', 12, null],
    ['-5', 'number', -5, null],
    ['1,234', 'number', 1234, null],
    ['2.0', 'number', 2, null],
    ['34 warnings', 'number', 34, 'warnings'],
    ['~500 LOC', 'number', 500, 'LOC'],
    ['626/630 (99.4%)', 'ratio', (626 / 630) * 100, '%'],
    ['3/4', 'ratio', 75, '%'],
    ['1/0', 'ratio', null, '%'],
    ['45%', 'percent', 45, '%'],
    ['99.5 %', 'percent', 99.5, '%'],
    ['17.1s', 'duration', 17.1, 's'],
    ['250ms', 'duration', 0.25, 's'],
    ['2m', 'duration', 120, 's'],
    ['1.5 h', 'duration', 5400, 's'],
    ['~30s', 'duration', 30, 's'],
    ['1.x', 'version', null, null],
    ['2.0.0', 'version', null, null],
    ['v2.0.0-rc.1', 'version', null, null],
    ['pending_tokei', 'placeholder', null, null],
    ['TBD', 'placeholder', null, null],
    ['Unknown', 'placeholder', null, null],
    ['N/A', 'placeholder', null, null],
    ['null', 'placeholder', null, null],
    ['?', 'placeholder', null, null],
    ['', 'placeholder', null, null],
    ['green', 'text', null, null],
  ])('%j → %s %s %s', (raw, kind, value, unit) => {
    expect(parseMetricValue(raw)).toEqual({ raw, kind, value, unit });
  });

  test.each([
    [true, 1],
    [false, 0],
  ])('boolean %s is text with value %i', (raw, value) => {
    expect(parseMetricValue(raw)).toEqual({ raw: String(raw), kind: 'text', value, unit: null });
  });

  test('a non-finite number has no comparable value', () => {
    expect(parseMetricValue(Number.POSITIVE_INFINITY).value).toBeNull();
  });
});
