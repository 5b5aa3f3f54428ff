/**
 * The Monte Carlo forecast (model/monte-carlo.ts) and its track record (model/backtest.ts): draws from the phase's
 * own pace over the dependency graph, or from its daily throughput without estimates; the same phase always gives the
 * same ends; each frozen version's P85 end against when the phase finished.
 */
import { describe, expect, test } from 'vitest';
import { backtest, backtestSentence } from '../../../src/core/model/backtest.ts';
import { RUNS, simulate } from '../../../src/core/model/monte-carlo.ts';
import { reportTask } from '../report-phase.ts';

const NOW = Date.parse('2026-03-10T00:00:00Z');
const day = (days: number) => new Date(NOW + days * 86_400_000).toISOString();
const done = (id: string, estimateDays: number, elapsedDays: number, completedAt = day(-1)) =>
  reportTask({ id, status: 'complete', estimateDays, elapsedDays, completedAt });
const open = (id: string, estimateDays: number | null, dependsOn: string[] = [], more = {}) => reportTask({ id, estimateDays, dependsOn, ...more });

describe('simulate: from the pace of finished tasks', () => {
  test('one pace: every run is the same, laid over the dependencies', () => {
    // A took twice its estimate; B (1 day) waits for C (3 days): 2 + 6 = 8 days, longer than D's 2 × 2.
    const tasks = [done('A', 2, 4), open('C', 3), open('B', 1, ['C']), open('D', 2)];
    const result = simulate('phase-1', tasks, NOW, null, null)!;
    expect(result).toEqual({ p50: day(8), p85: day(8), p95: day(8), chance: null, runs: RUNS, basis: 'pace', sample: 1 });
  });

  test('two paces: the ends spread between them, and the chance of the stated date is the share of runs', () => {
    const tasks = [done('A', 1, 1), done('B', 1, 3), open('C', 2)];
    const result = simulate('phase-1', tasks, NOW, day(3.5), null)!;
    expect(result.p95).toBe(day(6));
    expect([day(2), day(6)]).toContain(result.p50);
    // Stated for the day that begins at +3.5 days: met by the end of it, so by the runs that took 2 days.
    expect(result.chance).toBeGreaterThan(0.45);
    expect(result.chance).toBeLessThan(0.55);
  });

  test('the same phase gives the same ends; the draws are seeded by its id', () => {
    const tasks = [done('A', 1, 1), done('B', 1, 2), done('E', 1, 4), open('C', 2), open('D', 3, ['C'])];
    expect(simulate('phase-1', tasks, NOW, null, null)).toEqual(simulate('phase-1', tasks, NOW, null, null));
    expect(simulate('phase-1', tasks, NOW, null, null)?.p50).not.toBeUndefined();
  });

  test('an in-progress task draws only paces it has not outrun, less the time it has used', () => {
    // Paces 1, 2 and 3 on a 2-day task that started 3 days ago: 4 − 3 or 6 − 3 days are left, never "done now".
    const tasks = [done('A', 1, 1), done('B', 1, 2), done('E', 1, 3), open('C', 2, [], { status: 'in_progress', startedAt: day(-3), elapsedDays: null })];
    const result = simulate('phase-1', tasks, NOW, null, null)!;
    expect([day(1), day(3)]).toContain(result.p50);
    expect(result.p95).toBe(day(3));
  });

  test('no pace to draw from, a cycle, or nothing open: no simulation', () => {
    expect(simulate('phase-1', [open('A', 2), open('B', 1)], NOW, null, null)).toBeNull();
    expect(simulate('phase-1', [done('A', 1, 1), open('B', 1, ['C']), open('C', 1, ['B'])], NOW, null, null)).toBeNull();
    expect(simulate('phase-1', [done('A', 1, 1)], NOW, null, null)).toBeNull();
  });
});

describe('simulate: from throughput, when open tasks have no estimates', () => {
  test("draws each day's finished tasks from the days so far", () => {
    // Four tasks finished over the last eight days (one every other day); two are left.
    const tasks = [
      ...[1, 3, 5, 7].map((ago, i) => reportTask({ id: `F${i}`, status: 'complete', estimateDays: null, completedAt: day(-ago) })),
      open('L1', null),
      open('L2', null),
    ];
    const result = simulate('phase-1', tasks, NOW, null, NOW - 8 * 86_400_000)!;
    expect(result).toMatchObject({ basis: 'throughput', sample: 8, runs: RUNS });
    expect(Date.parse(result.p50)).toBeGreaterThanOrEqual(NOW + 2 * 86_400_000);
    expect(Date.parse(result.p95)).toBeGreaterThan(Date.parse(result.p50));
  });
});

describe('backtest', () => {
  const ends = (p85: number) => ({ p50: day(p85 - 1), p85: day(p85), p95: day(p85 + 1) });
  const finished = { tasks: [done('A', 1, 1, day(5)), done('B', 1, 1, day(8))], buildAsOf: day(20) };

  test('met when the phase finished by the P85 end, missed after it', () => {
    const checks = backtest(finished, [
      { version: '1.0.0', frozenAt: day(0), simulation: ends(7) },
      { version: '1.1.0', frozenAt: day(4), simulation: ends(9) },
      { version: '1.2.0', frozenAt: day(6), simulation: null },
    ]);
    expect(checks.map((check) => [check.made, check.outcome])).toEqual([
      ['1.0.0', 'missed'],
      ['1.1.0', 'met'],
    ]);
    expect(backtestSentence(checks)).toBe('In 2 versions the P85 end was met once and missed once.');
  });

  test('an open phase: missed once the P85 end has passed, open while it is ahead', () => {
    const running = { tasks: [done('A', 1, 1, day(5)), open('B', 1)], buildAsOf: day(10) };
    const checks = backtest(running, [
      { version: '1.0.0', frozenAt: day(0), simulation: ends(7) },
      { version: '1.1.0', frozenAt: day(4), simulation: ends(12) },
      { version: '1.2.0', frozenAt: day(6), simulation: ends(15) },
    ]);
    expect(checks.map((check) => check.outcome)).toEqual(['missed', 'open', 'open']);
    expect(backtestSentence(checks)).toBe('In 3 versions the P85 end was missed once; 2 are still open.');
  });

  test('the forecasts made at the end of each week of the history are checked too, and said apart', () => {
    const weeks = [
      { at: day(1), ...ends(6) },
      { at: day(8), ...ends(9) },
    ];
    const checks = backtest(finished, [{ version: '1.0.0', frozenAt: day(0), simulation: ends(7) }], weeks);
    expect(checks.map((check) => [check.kind, check.outcome])).toEqual([
      ['version', 'missed'],
      ['week', 'missed'],
      ['week', 'met'],
    ]);
    expect(backtestSentence(checks)).toBe(
      'In 1 version the P85 end was missed once. Made at the end of 2 weeks of the history, it was met once and missed once.',
    );
  });
});
