import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { evaluateGates } from '../../src/core/model/gates.ts';
import { formatIssue } from '../../src/core/text/issues.ts';
import { reportMetric, reportPhase, reportTask } from './report-phase.ts';

const phase = reportPhase({
  tasks: [reportTask({ id: '1.1', status: 'complete' }), reportTask({ id: '1.2', status: 'blocked' }), reportTask({ id: '1.3' })],
  metrics: [reportMetric({ label: 'Clippy Warnings', baseline: 34, target: '<20', achieved: 34 })],
  forecast: {
    remainingDays: 2,
    pace: null,
    earliest: '2025-10-27T18:00:00.000Z',
    latest: '2025-10-27T18:00:00.000Z',
    statedEnd: '2025-10-25T00:00:00.000Z',
    slipDays: 1.8,
  },
  dataQuality: { stale: true, newestEvent: '2025-10-23T10:00:00.000Z' },
});

describe('evaluateGates', () => {
  test('each gate with what it found and its verdict', () => {
    expect(
      evaluateGates([phase], { maxBlocked: 0, maxLateDays: 2, minProgress: 50, missedTargets: 0, stale: false }).map(
        ({ gate, passed, text }) => `${passed ? 'pass' : 'FAIL'} ${gate}: ${text}`,
      ),
    ).toEqual([
      'FAIL maxBlocked: 1 blocked task, at most 0 allowed',
      'pass maxLateDays: the forecast ends 1.8 days after the stated date, at most 2 days late allowed',
      'FAIL minProgress: 33% of the estimated work complete, at least 50% required',
      'FAIL missedTargets: 1 missed target, at most 0 allowed',
      'FAIL stale: the hook logs have been quiet since 2025-10-23T10:00:00.000Z',
    ]);
  });

  test('without gates in the config, stale hook logs fail and nothing else does', () => {
    expect(evaluateGates([phase]).map(({ gate, passed }) => [gate, passed])).toEqual([['stale', false]]);
    expect(evaluateGates([{ ...phase, dataQuality: { ...phase.dataQuality, stale: false } }]).map(({ passed }) => passed)).toEqual([true]);
  });

  test('a gate the config misspells is an error at its line, not a gate silently skipped', () => {
    const { config, issues } = parseConfig('{\n  "gates": { "maxBlcked": 0 }\n}\n', 'cairn.config.json');
    expect(config).toBeNull();
    expect(issues.map(formatIssue)[0]).toMatch(/^cairn\.config\.json:2:\d+ error "gates" is not valid: Unrecognized key: "maxBlcked"/);
  });
});
