import { expect, test } from 'vitest';
import { buildTrendsChart } from '../../../src/core/views/charts.ts';
import { reportMetric, reportPhase } from '../report-phase.ts';

const version = (metrics: Record<string, number>) => ({ version: '1.0.0', frozenAt: '2025-10-20T00:00:00Z', progress: 0.5, metrics });

test('each target as the share of the way from its baseline to it: 34 warnings against "<20", at 27 then 20', () => {
  const phase = reportPhase({ metrics: [reportMetric({ label: 'Compiler Warnings', baseline: 34, target: '<20', achieved: 20 })] });
  const chart = buildTrendsChart(phase, [version({ compiler_warnings: 27 })]);
  expect(chart?.series).toEqual([{ label: 'Compiler Warnings', data: [50, 100], style: 'line' }]);
});

test('a bound the baseline already meets has no way to go: it is left off the chart, never drawn as going backwards', () => {
  const phase = reportPhase({
    metrics: [
      reportMetric({ label: 'Clippy Warnings', baseline: 12, target: '<20', achieved: 0 }),
      reportMetric({ label: 'Coverage', baseline: 90, target: '>=80', achieved: 95 }),
    ],
  });
  expect(buildTrendsChart(phase, [version({ clippy_warnings: 3, coverage: 91 })])).toBeNull();
});
