import { describe, expect, test } from 'vitest';
import { mayReport, reportedValue } from '../../../src/core/metrics/reported-value.ts';
import { parseMetricValue } from '../../../src/core/metrics/parse-value.ts';

const message = (text: string, time = '2025-10-24T10:00:00Z') => ({ text, path: 'hooks/memory.db', time });
const twelve = parseMetricValue(12);

describe('a metric an agent reports in a hook message', () => {
  test('"clippy 12 -> 0": the change from the baseline, named by a word of the metric, is the achieved value', () => {
    const found = reportedValue('Clippy Warnings', twelve, [message('code_quality: COMPLETE - clippy 12 -> 0, 518 LOC dead code removed')]);
    expect(found).toEqual({ raw: '0', said: 'clippy 12 -> 0', path: 'hooks/memory.db', time: '2025-10-24T10:00:00Z' });
  });

  test('the newest report wins; arrows written → and => count; a unit stays with its number', () => {
    const messages = [message('clippy 12 -> 3', '2025-10-23T10:00:00Z'), message('Clippy now 12 → 1', '2025-10-24T10:00:00Z')];
    expect(reportedValue('Clippy Warnings', twelve, messages)?.raw).toBe('1');
    expect(reportedValue('CI duration', parseMetricValue('17.1s'), [message('ci duration 17.1s => 9.8s on the cached run')])?.raw).toBe('9.8s');
  });

  test('never from prose: no arrow, another baseline, only a generic word, or a word of another metric', () => {
    expect(reportedValue('Clippy Warnings', twelve, [message('clippy down from 12 to 0')])).toBeNull();
    expect(reportedValue('Clippy Warnings', twelve, [message('clippy 14 -> 0')])).toBeNull();
    expect(reportedValue('Clippy Warnings', twelve, [message('warnings 12 -> 0')])).toBeNull();
    expect(reportedValue('Clippy Warnings', twelve, [message('compiler warnings 12 -> 9')])).toBeNull();
    expect(reportedValue('Dead Code (LOC)', parseMetricValue('Unknown'), [message('dead code 900 -> 382')])).toBeNull();
  });

  test('a word after the number is not a unit: "12 -> 0 and" reads 0', () => {
    expect(reportedValue('Clippy Warnings', twelve, [message('clippy 12 -> 0 and tests green')])?.raw).toBe('0');
  });
});

describe('only short lines with an arrow are read', () => {
  test('a message longer than a line of report (a pasted log, base64) is not read for a value, wherever the change is', () => {
    const pasted = `${'A'.repeat(2500)} clippy 12 -> 0`;
    expect(mayReport(pasted)).toBe(false);
    expect(reportedValue('Clippy Warnings', twelve, [message(pasted)])).toBeNull();
  });

  test('a message with no arrow is passed over before any metric is tried', () => {
    expect(mayReport('clippy down to 0')).toBe(false);
    expect(mayReport('clippy 12 → 0')).toBe(true);
  });
});
