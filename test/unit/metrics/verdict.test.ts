import { describe, expect, test } from 'vitest';
import { parseMetricValue } from '../../../src/core/metrics/parse-value.ts';
import { parseTarget } from '../../../src/core/metrics/parse-target.ts';
import { judgeMetric } from '../../../src/core/metrics/verdict.ts';
import { formatNumber } from '../../../src/core/format/format.ts';

type Raw = number | string | null;

/** Judges raw cells as they appear in a package: baseline, target, achieved (null for "not there"). */
const judge = (baseline: Raw, target: string | null, achieved: Raw) =>
  judgeMetric(
    baseline === null ? null : parseMetricValue(baseline),
    target === null ? null : parseTarget(target),
    achieved === null ? null : parseMetricValue(achieved),
  );

describe('judgeMetric', () => {
  test.each([
    // The bug Cairn exists to catch: a hand-written report called 34 clippy warnings against "<20" met.
    [12, '<20', 34, 'missed', '34 is not below 20.'],
    [12, '<20', '34 warnings', 'missed', '34 is not below 20.'],
    [12, '<20', 9, 'met', '9 is below 20.'],
    [12, '<20', 20, 'missed', '20 is not below 20.'],
    [12, '≤ 20', 20, 'met', '20 is at most 20.'],
    [12, '<20', null, 'pending', 'No achieved value yet.'],
    [12, '<20', 'TBD', 'pending', 'No achieved value yet.'],
    [12, '<20', 'green', 'unknown', 'The achieved value "green" is not a number.'],
    [12, 'TBD', 34, 'unknown', 'The target is "TBD".'],
    [12, null, 34, 'unknown', 'No target is set.'],
    [12, 'as fast as possible', 3, 'unknown', 'The target "as fast as possible" is not a number, range or version, so it cannot be checked.'],
    ['TBD', '-25 to -40%', '70s', 'unknown', 'The target is a change from the baseline, and the baseline is "TBD".'],
    ['Unknown', '-500', 100, 'unknown', 'The target is a change from the baseline, and the baseline is "Unknown".'],
    [null, '-500', 100, 'unknown', 'The target is a change from the baseline, and the baseline is missing.'],
    ['100s', '-25 to -40%', '70s', 'met', '100 → 70 is a change of -30%; the target is -25 to -40%.'],
    ['100s', '-25 to -40%', '75s', 'met', '100 → 75 is a change of -25%; the target is -25 to -40%.'],
    ['100s', '-25 to -40%', '55s', 'met', '100 → 55 is a change of -45%; the target is -25 to -40%.'],
    ['100s', '-25 to -40%', '90s', 'missed', '100 → 90 is a change of -10%; the target is -25 to -40%.'],
    ['100s', '-25 to -40%', '130s', 'missed', '100 → 130 is a change of +30%; the target is -25 to -40%.'],
    [2000, '-500', 1400, 'met', '2000 → 1400 is a change of -600; the target is -500.'],
    [2000, '-500', 1600, 'missed', '2000 → 1600 is a change of -400; the target is -500.'],
    [100, '+10%', 111, 'met', '100 → 111 is a change of +11%; the target is +10%.'],
    [100, '+10%', 105, 'missed', '100 → 105 is a change of +5%; the target is +10%.'],
    [0, '+10%', 5, 'unknown', 'The baseline is 0, so a percentage change cannot be computed.'],
    [0, '93', 93, 'met', '93 is at least 93.'],
    [0, '93', 95, 'met', '95 is at least 93.'],
    [0, '93', 80, 'missed', '80 is not at least 93.'],
    [120, '93', 90, 'met', '90 is at most 93.'],
    [120, '93', 100, 'missed', '100 is not at most 93.'],
    [null, '93', 93, 'met', '93 is exactly 93.'],
    ['626/630 (99.4%)', '100%', '630/630', 'met', '100 is at least 100.'],
    ['626/630 (99.4%)', '100%', '629/630', 'missed', '99.84 is not at least 100.'],
    ['40%', 'at least 80%', '84%', 'met', '84 is at least 80.'],
    ['1.x', '2.0.0', '2.0.0', 'met', 'Version 2.0.0 is the target version.'],
    ['1.x', '2.0.0', 'v2.0.0', 'met', 'Version 2.0.0 is the target version.'],
    ['1.x', '2.0.0', '1.9.0', 'missed', 'Version 1.9.0 is not the target 2.0.0.'],
    ['1.x', '2.0.0', null, 'pending', 'No achieved value yet.'],
  ])('baseline %j, target %j, achieved %j → %s', (baseline, target, achieved, verdict, reason) => {
    expect(judge(baseline, target, achieved)).toEqual({ verdict, reason });
  });
});

describe('formatNumber', () => {
  test.each([
    [12, '12'],
    [99.36507936507937, '99.37'],
    [-30.000000001, '-30'],
    [0.1 + 0.2, '0.3'],
  ])('%f → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('targets with time units compare in seconds', () => {
  test.each([
    ['< 2 min', '90s', 'met'],
    ['< 2 min', '3m', 'missed'],
    ['<= 17.1s', '17.1s', 'met'],
    ['< 2 min', 90, 'unknown'],
  ] as const)('target %s, achieved %s → %s', (target, achieved, verdict) => {
    expect(judgeMetric(null, parseTarget(target), parseMetricValue(achieved)).verdict).toBe(verdict);
  });

  test('a change in seconds is measured from the baseline', () => {
    expect(judgeMetric(parseMetricValue('100s'), parseTarget('-30s'), parseMetricValue('65s')).verdict).toBe('met');
    expect(judgeMetric(parseMetricValue('100s'), parseTarget('-30s'), parseMetricValue('80s')).verdict).toBe('missed');
  });
});
