import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { parseMetricsJson } from '../../../src/core/metrics/parse-metrics-json.ts';
import { readFixture } from '../fixtures.ts';

const parseFixture = (name: string) => parseMetricsJson(readFixture(`metrics/${name}.json`), `metrics/${name}.json`);
const keyed = (entries: { key: string; raw: unknown }[]) => Object.fromEntries(entries.map(({ key, raw }) => [key, raw]));

describe('parseMetricsJson', () => {
  test('well-defined: every value kept as written, metadata keys left out, timestamp read', () => {
    const { entries, timestamp, issues } = parseFixture('well-defined');
    expect(issues).toEqual([]);
    expect(timestamp).toBe('2025-10-23T08:00:00.000Z');
    expect(keyed(entries)).toEqual({
      clippy_warnings: 12,
      compiler_warnings: 114,
      test_pass_rate: '626/630 (99.4%)',
      total_loc: 'pending_tokei',
      test_coverage: '45%',
      ci_duration: '17.1s',
      dead_code_loc: 'Unknown',
      version: '1.x',
      release_ready: false,
    });
  });

  test('nested: objects are flattened into one key, lists are warned about', () => {
    const { entries, timestamp, issues } = parseFixture('nested');
    expect(timestamp).toBe('2025-10-26T15:30:00.000Z');
    expect(keyed(entries)).toEqual({
      build_time_clean: '17.1s',
      build_time_incremental: '4.2s',
      clippy_warnings: 9,
      coverage_lines: '81%',
      coverage_branches_total: '66%',
    });
    expect(issues.map(formatIssue)).toEqual([
      'metrics/nested.json:9:1 warning "flaky_tests" is a list, not one value, so it is not shown as a metric.\n  hint: Give each measured value its own key, or nest them in an object.',
    ]);
  });

  test('truncated: one error at the line and column where the JSON stops', () => {
    const { entries, issues } = parseFixture('truncated');
    expect(entries).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'metrics/truncated.json', line: 5, column: 21, severity: 'error' });
    expect(issues[0]?.message).toMatch(/^The file is not valid JSON: Unterminated string in JSON at position \d+/);
  });

  test('not-an-object: a list of records is refused', () => {
    const { entries, issues } = parseFixture('not-an-object');
    expect(entries).toEqual([]);
    expect(issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "metrics/not-an-object.json:1:1 error The file must hold one JSON object of metric names and values.
        hint: Write it as {"clippy_warnings": 12, "test_pass_rate": "626/630 (99.4%)"}."
    `);
  });

  test.each([
    ['null', 1, 1],
    ['42', 1, 1],
    ['', 1, 1],
    ['{"a": 1,}', 1, 9],
    ['{\n  "a": 1\n}\n}', 4, 1],
  ])('%j → error at %i:%i', (text, line, column) => {
    const { issues } = parseMetricsJson(text, 'm.json');
    expect(issues.map(({ severity, line, column }) => ({ severity, line, column }))).toEqual([{ severity: 'error', line, column }]);
  });

  test('a null value stays visible as a placeholder; a date-like string under another key is a metric', () => {
    const { entries, timestamp } = parseMetricsJson('{"total_loc": null, "last_release": "2025-10-01", "timestamp": "not a date"}', 'm.json');
    expect(timestamp).toBeNull();
    expect(keyed(entries)).toEqual({ total_loc: 'null', last_release: '2025-10-01' });
  });
});
