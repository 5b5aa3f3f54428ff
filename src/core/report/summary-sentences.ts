/**
 * The completion report's executive summary in sentences: done or not, on time or not, the targets, what is left.
 * Each sentence says only what the model holds: no forecast, no date; no stated end, no "on time".
 */
import { formatDays, formatTimestamp, percentOf } from '../format/format.ts';
import { statusLabels } from '../format/labels.ts';
import { countVerdicts } from '../metrics/verdict.ts';
import { allTasksComplete, completeCount } from '../model/completion.ts';
import type { Deviation } from '../model/judge.ts';
import type { Phase } from '../schema/model.ts';

const day = (iso: string) => formatTimestamp(iso).slice(0, 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export function summarySentences(phase: Phase, deviations: readonly Deviation[]): string[] {
  return [doneSentence(phase), timeSentence(phase), targetsSentence(phase), leftSentence(phase, deviations)].filter((sentence) => sentence !== null);
}

function doneSentence(phase: Phase): string {
  const total = phase.tasks.length;
  if (total === 0) return 'No task was read from this phase, so nothing can be said of its progress.';
  if (allTasksComplete(phase.tasks)) return `Done: all ${plural(total, 'task')} are complete.`;
  return `Not done: ${completeCount(phase.tasks)} of ${plural(total, 'task')} complete, ${percentOf(phase.progress)}% of the estimated work.`;
}

function timeSentence(phase: Phase): string | null {
  const stated = phase.statedEnd === null ? null : day(phase.statedEnd);
  if (allTasksComplete(phase.tasks) && phase.tasks.length > 0) {
    const ends = phase.tasks.map((task) => task.completedAt).filter((time) => time !== null);
    if (ends.length < phase.tasks.length)
      return stated ? `Not every task's end is dated, so whether it met the date the package states (${stated}) is unknown.` : null;
    const finished = ends.toSorted().at(-1)!;
    if (!stated) return `It finished ${day(finished)}; the package states no end date.`;
    const late = (Date.parse(finished) - (Date.parse(phase.statedEnd!) + 86_400_000)) / 86_400_000;
    return late > 0
      ? `It finished ${day(finished)}, ${formatDays(Math.round(late * 10) / 10)} after the date the package states (${stated}).`
      : `It finished ${day(finished)}, by the date the package states (${stated}).`;
  }
  const forecast = phase.forecast;
  if (!forecast)
    return `No end can be forecast: ${phase.health?.state === 'undated' ? 'nothing in the files dates this phase' : 'no open task has an estimate'}${stated ? ` (the package states ${stated})` : ''}.`;
  const by = day(forecast.latest);
  if (!stated || forecast.slipDays === null) return `Expected to end by ${by}; the package states no end date.`;
  return forecast.slipDays > 0
    ? `Expected to end by ${by}, ${formatDays(forecast.slipDays)} after the date the package states (${stated}).`
    : `Expected to end by ${by}, on time for the date the package states (${stated}).`;
}

function targetsSentence(phase: Phase): string {
  const targeted = phase.metrics.filter((metric) => metric.target !== null);
  if (targeted.length === 0) return 'The package sets no metric targets.';
  const counts = countVerdicts(targeted);
  const named = (verdict: keyof typeof counts) => {
    const labels = targeted.filter((metric) => metric.verdict === verdict).map((metric) => metric.label);
    return labels.length === 0 ? '' : ` (${list(labels)})`;
  };
  const parts = [
    `${counts.met} of ${targeted.length} met${named('met')}`,
    `${counts.missed} missed${named('missed')}`,
    ...(counts.pending > 0 ? [`${counts.pending} with no achieved value yet`] : []),
    ...(counts.unknown > 0 ? [`${counts.unknown} that cannot be judged${named('unknown')}`] : []),
  ];
  return `Targets: ${list(parts)}.`;
}

function leftSentence(phase: Phase, deviations: readonly Deviation[]): string | null {
  const open = phase.tasks.filter((task) => task.status !== 'complete');
  if (open.length === 0) return null;
  const tasks = open.map((task) => `${task.id} ${task.title} (${statusLabels[task.status].toLowerCase()})`);
  const high = deviations.filter((deviation) => deviation.severity === 'high').length;
  return `Left: ${list(tasks)}.${high > 0 ? ` ${plural(high, 'high risk')} below.` : ''}`;
}
