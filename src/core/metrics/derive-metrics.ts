import type { Issue, Metric } from '../schema/model.ts';
import type { MetricRow } from '../overview/parse-overview.ts';
import { parseDependencies } from '../tasks/parse-dependencies.ts';
import { normalizeKey } from './normalize-key.ts';
import type { MetricEntry } from './parse-metrics-json.ts';
import { parseTarget } from './parse-target.ts';
import { parseMetricValue } from './parse-value.ts';
import { judgeMetric } from './verdict.ts';
import { type ReportedText, reportedValue } from './reported-value.ts';
import { formatNumber } from '../format/format.ts';

interface MetricSources {
  rows: readonly MetricRow[];
  overviewPath: string;
  baseline: readonly MetricEntry[];
  baselinePath: string | null;
  final: readonly MetricEntry[];
  /** The final metrics file's path, for where an achieved value came from. */
  finalPath?: string | null;
  /** Values written while the phase runs (metrics files, memory keys <phase>/metrics/<key>), newest last; final wins. */
  during?: readonly DuringValue[];
  /** The agents' hook messages, oldest first: a change a message reports is the achieved value when nothing else gives one. */
  reported?: readonly ReportedText[];
}

/** A metric value written during the phase: by an agent (a memory key) or in a metrics file the phase updates. */
export interface DuringValue {
  key: string;
  raw: string;
  path: string;
  /** The memory key it was written under; null for a metrics file. */
  memoryKey: string | null;
  time: string | null;
}

/** A table cell that is a plain number is a number ("12" → 12), so status.json carries 12, not "12". */
function cellValue(text: string): number | string {
  return /^-?\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

/**
 * Joins the overview's success metrics table with the baseline and final metrics files by normalized key, and
 * judges each. Table rows come first, in their order; metrics only the JSON files name follow, sorted by key.
 */
export function deriveMetrics(sources: MetricSources): { metrics: Metric[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const baseline = new Map(sources.baseline.map((entry) => [entry.key, entry.raw]));
  const final = new Map(sources.final.map((entry) => [entry.key, entry.raw]));
  // The newest value an agent wrote for each key.
  const during = new Map((sources.during ?? []).map((value) => [value.key, value]));
  const metrics: Metric[] = [];
  const build = (key: string, label: string, baselineRaw: number | string | boolean | undefined, targetText: string | null, impact: string | null): Metric => {
    const baselineValue = baselineRaw === undefined ? null : parseMetricValue(baselineRaw);
    const target = targetText === null || targetText === '' ? null : parseTarget(targetText);
    const finalRaw = final.get(key);
    const written = during.get(key);
    const reported = finalRaw === undefined && written === undefined ? reportedValue(label, baselineValue, sources.reported ?? []) : null;
    const achievedRaw = finalRaw ?? written?.raw ?? reported?.raw;
    const achieved = achievedRaw === undefined ? null : parseMetricValue(achievedRaw);
    const achievedFrom =
      finalRaw !== undefined
        ? { path: sources.finalPath ?? 'final-metrics.json', key: null, time: null, said: null }
        : written
          ? { path: written.path, key: written.memoryKey, time: written.time, said: null }
          : reported
            ? { path: reported.path, key: null, time: reported.time, said: reported.said }
            : null;
    const { verdict, reason } = judgeMetric(baselineValue, target, achieved);
    const taskIds = impact ? parseDependencies(impact).flatMap((dependency) => dependency.taskIds) : [];
    return { key, label, baseline: baselineValue, target, achieved, verdict, reason, impact, taskIds, achievedFrom };
  };

  for (const row of sources.rows) {
    const key = normalizeKey(row.label);
    const fromTable = row.baseline === '' ? undefined : cellValue(row.baseline);
    const fromFile = baseline.get(key);
    if (fromTable !== undefined && fromFile !== undefined && sources.baselinePath) {
      const [a, b] = [parseMetricValue(fromTable), parseMetricValue(fromFile)];
      if (a.value !== null && b.value !== null && a.value !== b.value) {
        issues.push({
          file: sources.overviewPath,
          line: row.line,
          column: 1,
          severity: 'warning',
          message: `The baseline of "${row.label}" is ${formatNumber(a.value)} here but ${formatNumber(b.value)} in ${sources.baselinePath}; the file's value is used.`,
          hint: 'Make the two agree, or leave the Baseline cell as "TBD" and keep the number in baseline-metrics.json.',
        });
      }
    }
    const metric = build(key, row.label, fromFile ?? fromTable, row.target, row.impact);
    if (metric.target?.kind === 'text') {
      issues.push({
        file: sources.overviewPath,
        line: row.line,
        column: 1,
        severity: 'warning',
        message: `The target "${row.target}" of "${row.label}" is not a number, range or version, so its verdict stays unknown.`,
        hint: 'Write a target Cairn can check, such as "<20", "at least 80%", "-25 to -40%" or "2.0.0", or "TBD" until it is set.',
      });
    }
    metrics.push(metric);
  }
  const inTable = new Set(metrics.map((metric) => metric.key));
  const extraKeys = [...new Set([...baseline.keys(), ...final.keys(), ...during.keys()])].filter((key) => !inTable.has(key)).toSorted();
  // Metrics only the JSON files name keep the name as written there ("ci_duration"), since no label exists.
  const names = new Map(
    [...(sources.during ?? []).map((value) => ({ key: value.key, name: value.key })), ...sources.final, ...sources.baseline].map((entry) => [
      entry.key,
      entry.name,
    ]),
  );
  for (const key of extraKeys) metrics.push(build(key, names.get(key) ?? key, baseline.get(key), null, null));
  return { metrics, issues };
}
