import type { Metric, MetricValue, Target, Verdict } from '../schema/model.ts';
import { formatNumber, formatSigned } from '../format/format.ts';

interface VerdictResult {
  verdict: Verdict;
  /** One sentence a reader can check by hand. */
  reason: string;
}

const opWords: Record<NonNullable<Target['op']>, string> = {
  '<': 'below',
  '<=': 'at most',
  '>': 'above',
  '>=': 'at least',
  '=': 'exactly',
};

function compare(value: number, op: NonNullable<Target['op']>, bound: number): boolean {
  switch (op) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '=':
      return value === bound;
  }
}

/** Whether a metric value was measured (not a placeholder such as "TBD"). */
export const isMeasured = (value: MetricValue | null): value is MetricValue => value !== null && value.kind !== 'placeholder';

/**
 * Judges a metric: `met` or `missed` when the achieved value can be checked against the target, `pending` while
 * there is no achieved value yet, `unknown` when the target cannot be checked at all (TBD, free text, or a
 * relative target without a numeric baseline).
 */
export function judgeMetric(baseline: MetricValue | null, target: Target | null, achieved: MetricValue | null): VerdictResult {
  if (target === null) return { verdict: 'unknown', reason: 'No target is set.' };
  if (target.kind === 'placeholder') return { verdict: 'unknown', reason: `The target is "${target.raw}".` };
  if (target.kind === 'text') return { verdict: 'unknown', reason: `The target "${target.raw}" is not a number, range or version, so it cannot be checked.` };
  if (target.kind === 'change' && (baseline?.value ?? null) === null) {
    return { verdict: 'unknown', reason: `The target is a change from the baseline, and the baseline is ${baseline ? `"${baseline.raw}"` : 'missing'}.` };
  }
  if (!isMeasured(achieved)) return { verdict: 'pending', reason: 'No achieved value yet.' };

  if (target.kind === 'version') {
    const want = target.version ?? target.raw;
    const got = String(achieved.raw).trim().replace(/^v/i, '');
    return got === want
      ? { verdict: 'met', reason: `Version ${got} is the target version.` }
      : { verdict: 'missed', reason: `Version ${got} is not the target ${want}.` };
  }
  const value = achieved.value;
  if (value === null) return { verdict: 'unknown', reason: `The achieved value "${achieved.raw}" is not a number.` };
  // A target in time units is compared in seconds, so the achieved value must say its unit too ("90s", not 90).
  if (target.unit === 's' && achieved.kind !== 'duration') {
    return { verdict: 'unknown', reason: `The target "${target.raw}" is a duration, but the achieved value "${achieved.raw}" has no time unit.` };
  }
  const bound = target.value ?? 0;

  if (target.kind === 'compare') {
    const op = target.op ?? '=';
    const ok = compare(value, op, bound);
    return { verdict: ok ? 'met' : 'missed', reason: `${formatNumber(value)} is ${ok ? '' : 'not '}${opWords[op]} ${formatNumber(bound)}.` };
  }
  if (target.kind === 'exact') {
    // "93" after a baseline of 0 means "reach at least 93"; after a higher baseline it means "get down to 93".
    const from = baseline?.value ?? null;
    const op: NonNullable<Target['op']> = from === null || from === bound ? '=' : from < bound ? '>=' : '<=';
    const ok = compare(value, op, bound);
    return { verdict: ok ? 'met' : 'missed', reason: `${formatNumber(value)} is ${ok ? '' : 'not '}${opWords[op]} ${formatNumber(bound)}.` };
  }
  // change: the nearer end of the range is what must be reached; going beyond the farther end is still met.
  const from = baseline!.value!;
  if (target.percent && from === 0) return { verdict: 'unknown', reason: 'The baseline is 0, so a percentage change cannot be computed.' };
  const change = target.percent ? ((value - from) / Math.abs(from)) * 100 : value - from;
  const ok = bound < 0 ? change <= bound : change >= bound;
  const unit = target.percent ? '%' : '';
  const signed = `${formatSigned(change)}${unit}`;
  return {
    verdict: ok ? 'met' : 'missed',
    reason: `${formatNumber(from)} → ${formatNumber(value)} is a change of ${signed}; the target is ${target.raw}.`,
  };
}

/** Metrics with a target (judged) and those the metrics files track without one. */
export function splitMetrics(metrics: readonly Metric[]): { targeted: Metric[]; tracked: Metric[] } {
  return { targeted: metrics.filter((metric) => metric.target !== null), tracked: metrics.filter((metric) => metric.target === null) };
}

/** How many metrics have each verdict, every verdict present (zero when none). */
export function countVerdicts(metrics: readonly Pick<Metric, 'verdict'>[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { met: 0, missed: 0, pending: 0, unknown: 0 };
  for (const metric of metrics) counts[metric.verdict] += 1;
  return counts;
}
