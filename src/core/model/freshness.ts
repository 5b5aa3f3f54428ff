/** How fresh a phase's data is against the build's time: the stale flag, events from the future, the site's "as of". */
import { formatTimestamp } from '../format/format.ts';
import type { DataQuality, Phase, Task } from '../schema/model.ts';
import { allTasksComplete } from './completion.ts';

/** Older than this before the build's as-of time, the newest event makes a live phase "stale". */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The parts of the data-quality summary that depend on the build's "now": the stale flag, and a warning for events
 * dated after it. `times` is every event time, oldest first.
 */
export function judgeAsOf(dataQuality: DataQuality, tasks: readonly Pick<Task, 'status'>[], times: readonly string[], buildAsOf: string): DataQuality {
  const asOf = Date.parse(buildAsOf);
  const stale = isStale(dataQuality.newestEvent, tasks, buildAsOf);
  // A clock that runs ahead (a year-9999 line in a hand-written log) would make the phase look fresh; say so.
  const future = times.filter((time) => Date.parse(time) > asOf);
  const warnings =
    future.length > 0
      ? [
          ...dataQuality.warnings,
          `${future.length} event(s) are dated after the build's time (${buildAsOf}), the newest at ${future.at(-1)}: a clock was wrong, or CAIRN_AS_OF is earlier than the logs.`,
        ]
      : dataQuality.warnings;
  return { ...dataQuality, stale, warnings };
}

/** Whether a phase's logs have gone quiet: its newest event more than a day before `asOf`, and work still open. */
export function isStale(newestEvent: string | null, tasks: readonly Pick<Task, 'status'>[], asOf: string): boolean {
  return newestEvent !== null && !allTasksComplete(tasks) && Date.parse(asOf) - Date.parse(newestEvent) > STALE_AFTER_MS;
}

/** The newest `asOf` of all phases: the build's "as of", taken from the inputs, never from the clock. */
export function siteAsOf(phases: readonly Phase[]): string | null {
  const times = phases
    .map((phase) => phase.asOf)
    .filter((value): value is string => value !== null)
    .toSorted();
  return times.at(-1) ?? null;
}

/** The sentence that says a live phase's logs have gone quiet. */
export function staleWarning(phase: Pick<Phase, 'dataQuality' | 'buildAsOf'>, { withTime = false }: { withTime?: boolean } = {}): string {
  // A page says the build's time once, on the home page; the terminal says it here.
  const before = withTime ? `this build (${formatTimestamp(phase.buildAsOf)})` : 'the time the site was judged at';
  return `The newest hook event is from ${formatTimestamp(phase.dataQuality.newestEvent)}, more than a day before ${before}: the status shown may be out of date.`;
}
