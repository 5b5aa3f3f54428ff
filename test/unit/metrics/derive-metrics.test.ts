import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../../src/core/text/issues.ts';
import { deriveMetrics } from '../../../src/core/metrics/derive-metrics.ts';

type MetricSources = Parameters<typeof deriveMetrics>[0];
import type { MetricEntry } from '../../../src/core/metrics/parse-metrics-json.ts';

const entry = (key: string, raw: MetricEntry['raw']): MetricEntry => ({ key, name: key, raw });

const sources = (over: Partial<MetricSources>): MetricSources => ({
  rows: [],
  overviewPath: 'README.md',
  baseline: [],
  baselinePath: 'baseline-metrics.json',
  final: [],
  ...over,
});

const summary = (sources: MetricSources) =>
  deriveMetrics(sources).metrics.map((m) => [m.key, m.baseline?.raw ?? null, m.target?.raw ?? null, m.achieved?.raw ?? null, m.verdict, m.taskIds]);

describe('deriveMetrics', () => {
  const rows = [
    { label: 'Clippy Warnings', baseline: '12', target: '<20', impact: 'Task 7.3', line: 108 },
    { label: 'Env Variables', baseline: '0', target: '93', impact: 'Tasks 7.2 and 7.5', line: 107 },
    { label: 'Build Time (clean)', baseline: 'TBD', target: '-25 to -40%', impact: 'Task 7.1', line: 105 },
    { label: 'Docs Pages', baseline: '', target: '', impact: null, line: 110 },
  ];

  test('joins the table with both files by normalized key: table rows first, then file-only keys sorted', () => {
    const result = summary(
      sources({
        rows,
        baseline: [entry('clippy_warnings', 12), entry('build_time_clean', '100s'), entry('total_loc', 'pending_tokei')],
        final: [entry('clippy_warnings', 34), entry('build_time_clean', '70s'), entry('env_variables', 93), entry('binary_size', '12MB')],
      }),
    );
    expect(result).toEqual([
      ['clippy_warnings', 12, '<20', 34, 'missed', ['7.3']],
      ['env_variables', 0, '93', 93, 'met', ['7.2', '7.5']],
      ['build_time_clean', '100s', '-25 to -40%', '70s', 'met', ['7.1']],
      ['docs_pages', null, null, null, 'unknown', []],
      ['binary_size', null, null, '12MB', 'unknown', []],
      ['total_loc', 'pending_tokei', null, null, 'unknown', []],
    ]);
  });

  test('a numeric table cell becomes a number, and the table label is kept', () => {
    const [metric] = deriveMetrics(sources({ rows: rows.slice(0, 1) })).metrics;
    expect(metric).toMatchObject({
      key: 'clippy_warnings',
      label: 'Clippy Warnings',
      baseline: { raw: 12, kind: 'number', value: 12 },
      verdict: 'pending',
      impact: 'Task 7.3',
    });
  });

  test('a table baseline that disagrees with the file warns at the row, and the file wins', () => {
    const result = deriveMetrics(sources({ rows: [{ ...rows[0]!, baseline: '14' }], baseline: [entry('clippy_warnings', 12)] }));
    expect(result.metrics[0]?.baseline?.raw).toBe(12);
    expect(result.issues.map(formatIssue).join('\n')).toMatchInlineSnapshot(`
      "README.md:108:1 warning The baseline of "Clippy Warnings" is 14 here but 12 in baseline-metrics.json; the file's value is used.
        hint: Make the two agree, or leave the Baseline cell as "TBD" and keep the number in baseline-metrics.json."
    `);
  });

  test('agreeing baselines, placeholders and a missing baseline file do not warn', () => {
    expect(deriveMetrics(sources({ rows, baseline: [entry('clippy_warnings', '12'), entry('build_time_clean', '100s')] })).issues).toEqual([]);
    expect(deriveMetrics(sources({ rows: [{ ...rows[0]!, baseline: '14' }], baseline: [entry('clippy_warnings', 12)], baselinePath: null })).issues).toEqual(
      [],
    );
  });
});
