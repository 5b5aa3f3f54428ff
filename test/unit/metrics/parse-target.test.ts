import { describe, expect, test } from 'vitest';
import { parseTarget } from '../../../src/core/metrics/parse-target.ts';
import type { Target } from '../../../src/core/schema/model.ts';

const none = { op: null, value: null, upTo: null, percent: false, unit: null, version: null };
const target = (raw: string, fields: Partial<Target> & Pick<Target, 'kind'>): Target => ({ ...none, raw, ...fields });

describe('parseTarget', () => {
  test.each([
    ['<20', { kind: 'compare', op: '<', value: 20 }],
    ['< 2 min', { kind: 'compare', op: '<', value: 120, unit: 's' }],
    ['<20 warnings', { kind: 'compare', op: '<', value: 20, unit: 'warnings' }],
    ['< 20', { kind: 'compare', op: '<', value: 20 }],
    ['≤ 20', { kind: 'compare', op: '<=', value: 20 }],
    ['<=20', { kind: 'compare', op: '<=', value: 20 }],
    ['≥ 93', { kind: 'compare', op: '>=', value: 93 }],
    ['> 90%', { kind: 'compare', op: '>', value: 90, percent: true }],
    ['at least 80%', { kind: 'compare', op: '>=', value: 80, percent: true }],
    ['at most 3', { kind: 'compare', op: '<=', value: 3 }],
    ['under 5', { kind: 'compare', op: '<', value: 5 }],
    ['=0', { kind: 'compare', op: '=', value: 0 }],
    ['-25 to -40%', { kind: 'change', value: -25, upTo: -40, percent: true }],
    ['-40 to -60%', { kind: 'change', value: -40, upTo: -60, percent: true }],
    ['-25% to -40%', { kind: 'change', value: -25, upTo: -40, percent: true }],
    ['+5 to +10', { kind: 'change', value: 5, upTo: 10 }],
    ['-500', { kind: 'change', value: -500 }],
    ['+10%', { kind: 'change', value: 10, percent: true }],
    ['−30%', { kind: 'change', value: -30, percent: true }],
    ['93', { kind: 'exact', op: '=', value: 93 }],
    ['100%', { kind: 'exact', op: '=', value: 100, percent: true }],
    ['1,000', { kind: 'exact', op: '=', value: 1000 }],
    ['~500', { kind: 'exact', op: '=', value: 500 }],
    ['2.0.0', { kind: 'version', version: '2.0.0' }],
    ['v2.0.0', { kind: 'version', version: '2.0.0' }],
    ['TBD', { kind: 'placeholder' }],
    ['N/A', { kind: 'placeholder' }],
    ['', { kind: 'placeholder' }],
    ['as fast as possible', { kind: 'text' }],
    ['Zero regressions', { kind: 'text' }],
  ] as [string, Partial<Target> & Pick<Target, 'kind'>][])('%j → %j', (raw, fields) => {
    expect(parseTarget(raw)).toEqual(target(raw, fields));
  });
});
