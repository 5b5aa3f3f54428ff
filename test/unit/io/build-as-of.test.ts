import { describe, expect, test } from 'vitest';
import { resolveBuildAsOf } from '../../../src/core/pipeline/load-content.ts';

describe('resolveBuildAsOf: the build never reads the clock', () => {
  test.each([
    [{ CAIRN_AS_OF: '2025-10-25T18:00:00Z' }, '2025-10-25T18:00:00.000Z'],
    [{ CAIRN_AS_OF: '2025-10-25T20:00:00+02:00' }, '2025-10-25T18:00:00.000Z'],
    [{ SOURCE_DATE_EPOCH: '1761415200' }, '2025-10-25T18:00:00.000Z'],
    [{ CAIRN_AS_OF: 'tomorrow', SOURCE_DATE_EPOCH: '1761415200' }, '2025-10-25T18:00:00.000Z'],
    [{ SOURCE_DATE_EPOCH: 'soon' }, null],
    [{}, null],
  ])('%j → %s', (env, expected) => {
    expect(resolveBuildAsOf(env)).toBe(expected);
  });
});
