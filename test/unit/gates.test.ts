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
  asOf: '2025-10-23T10:00:00.000Z',
});
const NOW = '2025-10-25T18:00:00.000Z';

describe('evaluateGates', () => {
  test('each gate with what it found and its verdict', () => {
    expect(
      evaluateGates([phase], { maxBlocked: 0, maxLateDays: 2, minProgress: 50, missedTargets: 0, stale: false }, NOW).map(
        ({ gate, passed, text }) => `${passed ? 'pass' : 'FAIL'} ${gate}: ${text}`,
      ),
    ).toEqual([
      'FAIL maxBlocked: 1 blocked task, at most 0 allowed',
      'pass maxLateDays: the forecast ends 1.8 days after the stated date, at most 2 days late allowed',
      'FAIL minProgress: 33% of the estimated work complete, at least 50% required',
      'FAIL missedTargets: 1 missed target, at most 0 allowed',
      'FAIL stale: the newest evidence is from 2025-10-23 10:00 UTC, 2.33 days before 2025-10-25 18:00 UTC; at most 1 day allowed',
    ]);
  });

  test('without gates in the config, an open phase with no new evidence for a day fails, and nothing else does', () => {
    expect(evaluateGates([phase], undefined, NOW).map(({ gate, passed }) => [gate, passed])).toEqual([['stale', false]]);
    expect(evaluateGates([{ ...phase, asOf: '2025-10-25T08:00:00.000Z' }], undefined, NOW).map(({ passed, text }) => [passed, text])).toEqual([
      [true, 'the newest evidence is from 2025-10-25 08:00 UTC, 0.42 days before 2025-10-25 18:00 UTC; at most 1 day allowed'],
    ]);
  });

  test('staleness is measured to the real time, however old the inputs: logs quiet for a year are a year old', () => {
    const yearOld = { ...phase, asOf: '2024-10-25T18:00:00.000Z', dataQuality: { ...phase.dataQuality, stale: false } };
    expect(evaluateGates([yearOld], { stale: false }, NOW)[0]).toMatchObject({ passed: false, text: expect.stringContaining('365 days before') });
    expect(evaluateGates([yearOld], { stale: 400 }, NOW)[0]!.passed).toBe(true);
    expect(evaluateGates([yearOld], { stale: true }, NOW)[0]).toMatchObject({ passed: true, text: 'any age allowed' });
  });

  test('a phase with nothing dated is not called fresh; a finished phase cannot go stale', () => {
    expect(evaluateGates([{ ...phase, asOf: null }], undefined, NOW)[0]).toMatchObject({
      passed: false,
      text: 'nothing in the phase is dated (no hook event, commit or date), so whether it is current is unknown; at most 1 day allowed',
    });
    const done = reportPhase({ tasks: [reportTask({ id: '1.1', status: 'complete' })], asOf: '2020-01-01T00:00:00.000Z' });
    expect(evaluateGates([done], undefined, NOW)[0]).toMatchObject({ passed: true, text: 'every task is complete: nothing to go stale' });
  });

  test('a gate the config misspells is an error at its line, not a gate silently skipped', () => {
    const { config, issues } = parseConfig('{\n  "gates": { "maxBlcked": 0 }\n}\n', 'cairn.config.json');
    expect(config).toBeNull();
    expect(issues.map(formatIssue)[0]).toMatch(/^cairn\.config\.json:2:\d+ error "gates" is not valid: Unrecognized key: "maxBlcked"/);
  });
});
