import { describe, expect, test } from 'vitest';
import { formatBytes, formatCount, formatSeconds, resultsTable, row, verdict } from '../../../scripts/lib/bench-report.ts';

const target = { max: 1.5, text: '≤ 1.5 × floor' };

describe('verdict', () => {
  test.each([
    [1.2, 'met'],
    [1.5, 'met'],
    [1.51, 'missed'],
    [null, 'not measured'],
    [Number.NaN, 'not measured'],
  ] as const)('%s against ≤ 1.5 is %s', (value, expected) => {
    expect(verdict(value, target)).toBe(expected);
  });

  test('a row without a target has no verdict', () => {
    expect(verdict(123, null)).toBe('—');
    expect(row('floor', 2000, 'ms', '2.00 s').verdict).toBe('—');
  });

  test('a target of zero is met only by zero', () => {
    expect(verdict(0, { max: 0, text: '0' })).toBe('met');
    expect(verdict(1, { max: 0, text: '0' })).toBe('missed');
  });
});

describe('formatting', () => {
  test('bytes in 1000-based units', () => {
    expect([0, 999, 1000, 59_999, 2_345_678, 2e9].map(formatBytes)).toEqual(['0 B', '999 B', '1.00 kB', '60.0 kB', '2.35 MB', '2.00 GB']);
  });

  test('seconds with two decimals under ten, one above', () => {
    expect([1234, 61_840].map(formatSeconds)).toEqual(['1.23 s', '61.8 s']);
  });

  test('counts with thousands separators', () => {
    expect([0, 999, 1000, 1_234_567.4].map(formatCount)).toEqual(['0', '999', '1,000', '1,234,567']);
  });
});

describe('resultsTable', () => {
  test('pads the columns and escapes pipes', () => {
    expect(resultsTable([row('x|y', 1, 'ms', '1 ms'), row('22', 2, 'ms', '')])).toBe(
      [
        '| metric | measured | target | verdict |',
        '| ------ | -------- | ------ | ------- |',
        '| x\\|y   | 1 ms     | —      | —       |',
        '| 22     |          | —      | —       |',
      ].join('\n'),
    );
  });

  test('the results table has metric, measured, target and verdict', () => {
    const table = resultsTable([row('S full build, wall', 1.8, '× floor', '9.00 s (1.80 × floor)', target), row('floor', 5000, 'ms', '5.00 s')]);
    expect(table).toMatchInlineSnapshot(`
      "| metric             | measured              | target        | verdict |
      | ------------------ | --------------------- | ------------- | ------- |
      | S full build, wall | 9.00 s (1.80 × floor) | ≤ 1.5 × floor | missed  |
      | floor              | 5.00 s                | —             | —       |"
    `);
  });
});
