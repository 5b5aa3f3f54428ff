import { describe, expect, test } from 'vitest';
import { normalizeKey } from '../../../src/core/metrics/normalize-key.ts';

describe('normalizeKey', () => {
  test.each([
    ['Clippy Warnings', 'clippy_warnings'],
    ['Dead Code (LOC)', 'dead_code_loc'],
    ['Build Time (clean)', 'build_time_clean'],
    ['Build Time (incremental)', 'build_time_incremental'],
    ['clippy_warnings', 'clippy_warnings'],
    ['build-time.clean', 'build_time_clean'],
    ['testPassRate', 'test_pass_rate'],
    ['  Total LOC ', 'total_loc'],
    ['Env Variables', 'env_variables'],
    ['Café Coverage', 'cafe_coverage'],
    ['p95 Latency (ms)', 'p95_latency_ms'],
  ])('%j → %s', (label, key) => {
    expect(normalizeKey(label)).toBe(key);
  });
});
