/**
 * How the Monte Carlo forecast held: for each forecast made of the phase (by a frozen version, or at the end of a week
 * of its git history), its P50, P85 and P95 ends against what happened: the phase finished by the P85 end (met), after
 * it or not at all by then (missed), or is open with that end still ahead (open). A phase that finished with a task's
 * end unknown cannot be judged (unknown).
 */
import type { Simulation, Task } from '../schema/model.ts';
import { allTasksComplete } from './completion.ts';
import { countedTasks } from './schedule.ts';

export interface ForecastCheck {
  /** A frozen version's forecast, or one the history gives at the end of a week. */
  kind: 'version' | 'week';
  /** The version, or the week's end as an ISO time. */
  made: string;
  /** When the forecast was made. */
  at: string;
  p50: string;
  p85: string;
  p95: string;
  outcome: 'met' | 'missed' | 'open' | 'unknown';
}

type Ends = Pick<Simulation, 'p50' | 'p85' | 'p95'>;

/** Each forecast of the phase (the versions', then the weeks' of its history) against the phase as it stands at `asOf`. */
export function backtest(
  phase: { tasks: readonly Pick<Task, 'id' | 'status' | 'completedAt' | 'cancelled' | 'optional' | 'parentId'>[]; buildAsOf: string },
  versions: readonly { version: string; frozenAt: string; simulation?: Ends | null }[],
  weeks: readonly ({ at: string } & Ends)[] = [],
): ForecastCheck[] {
  const finished = finishOf(phase.tasks);
  const asOf = Date.parse(phase.buildAsOf);
  const check = (kind: ForecastCheck['kind'], made: string, at: string, ends: Ends): ForecastCheck => {
    const p85 = Date.parse(ends.p85);
    const outcome: ForecastCheck['outcome'] =
      finished === undefined ? (asOf > p85 ? 'missed' : 'open') : finished === null ? 'unknown' : finished <= p85 ? 'met' : 'missed';
    return { kind, made, at, p50: ends.p50, p85: ends.p85, p95: ends.p95, outcome };
  };
  return [
    ...versions.flatMap(({ version, frozenAt, simulation }) => (simulation ? [check('version', version, frozenAt, simulation)] : [])),
    ...weeks.map((week) => check('week', week.at, week.at, week)),
  ];
}

/** When the phase's last task finished: undefined while one is open, null when one finished without a date. */
function finishOf(tasks: readonly Pick<Task, 'status' | 'completedAt' | 'cancelled' | 'optional' | 'parentId'>[]): number | null | undefined {
  const counted = countedTasks(tasks);
  if (counted.length === 0 || !allTasksComplete(tasks)) return undefined;
  const ends = counted.map((task) => (task.completedAt === null ? null : Date.parse(task.completedAt)));
  return ends.some((end) => end === null) ? null : Math.max(...(ends as number[]));
}

/** "In 3 versions the P85 end was met twice and missed once; 1 is still open. At 4 weeks of the history: …" */
export function backtestSentence(checks: readonly ForecastCheck[]): string {
  const versions = checks.filter((check) => check.kind === 'version');
  const weeks = checks.filter((check) => check.kind === 'week');
  return [
    versions.length > 0 ? `In ${versions.length === 1 ? '1 version' : `${versions.length} versions`} the P85 end was ${tally(versions)}.` : null,
    weeks.length > 0 ? `Made at the end of ${weeks.length === 1 ? '1 week' : `${weeks.length} weeks`} of the history, it was ${tally(weeks)}.` : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' ');
}

/** "met twice and missed once; 1 is still open". */
function tally(checks: readonly ForecastCheck[]): string {
  const count = (outcome: ForecastCheck['outcome']) => checks.filter((check) => check.outcome === outcome).length;
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  const judged = [count('met') > 0 ? `met ${times(count('met'))}` : null, count('missed') > 0 ? `missed ${times(count('missed'))}` : null].filter(
    (part): part is string => part !== null,
  );
  const open = count('open');
  const unknown = count('unknown');
  const rest = [
    open > 0 ? `${open} ${open === 1 ? 'is' : 'are'} still open` : null,
    unknown > 0 ? `${unknown} cannot be judged (a task's end is unknown)` : null,
  ].filter((part): part is string => part !== null);
  return `${judged.length > 0 ? judged.join(' and ') : 'not yet judged'}${rest.length > 0 ? `; ${rest.join('; ')}` : ''}`;
}
