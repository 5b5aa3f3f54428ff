/**
 * How the Monte Carlo forecast held: for each frozen version that forecast the phase, its P50, P85 and P95 ends
 * against what happened: the phase finished by the P85 end (met), after it or not at all by then (missed), or is open
 * with that end still ahead (open). A phase that finished with a task's end unknown cannot be judged (unknown).
 */
import type { Simulation, Task } from '../schema/model.ts';
import { allTasksComplete } from './completion.ts';
import { countedTasks } from './schedule.ts';

export interface ForecastCheck {
  version: string;
  frozenAt: string;
  p50: string;
  p85: string;
  p95: string;
  outcome: 'met' | 'missed' | 'open' | 'unknown';
}

/** Each version's forecast of the phase, oldest first, against the phase as it stands at `asOf`. */
export function backtest(
  phase: { tasks: readonly Pick<Task, 'id' | 'status' | 'completedAt' | 'cancelled' | 'optional' | 'parentId'>[]; buildAsOf: string },
  versions: readonly { version: string; frozenAt: string; simulation?: Pick<Simulation, 'p50' | 'p85' | 'p95'> | null }[],
): ForecastCheck[] {
  const finished = finishOf(phase.tasks);
  const asOf = Date.parse(phase.buildAsOf);
  return versions.flatMap(({ version, frozenAt, simulation }) => {
    if (!simulation) return [];
    const p85 = Date.parse(simulation.p85);
    const outcome: ForecastCheck['outcome'] =
      finished === undefined ? (asOf > p85 ? 'missed' : 'open') : finished === null ? 'unknown' : finished <= p85 ? 'met' : 'missed';
    return [{ version, frozenAt, p50: simulation.p50, p85: simulation.p85, p95: simulation.p95, outcome }];
  });
}

/** When the phase's last task finished: undefined while one is open, null when one finished without a date. */
function finishOf(tasks: readonly Pick<Task, 'status' | 'completedAt' | 'cancelled' | 'optional' | 'parentId'>[]): number | null | undefined {
  const counted = countedTasks(tasks);
  if (counted.length === 0 || !allTasksComplete(tasks)) return undefined;
  const ends = counted.map((task) => (task.completedAt === null ? null : Date.parse(task.completedAt)));
  return ends.some((end) => end === null) ? null : Math.max(...(ends as number[]));
}

/** "In 3 versions the P85 end was met twice and missed once; 1 is still open." */
export function backtestSentence(checks: readonly ForecastCheck[]): string {
  const count = (outcome: ForecastCheck['outcome']) => checks.filter((check) => check.outcome === outcome).length;
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  const judged = [count('met') > 0 ? `met ${times(count('met'))}` : null, count('missed') > 0 ? `missed ${times(count('missed'))}` : null].filter(
    (part): part is string => part !== null,
  );
  const open = count('open');
  const unknown = count('unknown');
  const versions = `In ${checks.length === 1 ? '1 version' : `${checks.length} versions`}`;
  const rest = [
    open > 0 ? `${open} ${open === 1 ? 'is' : 'are'} still open` : null,
    unknown > 0 ? `${unknown} cannot be judged (a task's end is unknown)` : null,
  ].filter((part): part is string => part !== null);
  return `${versions} the P85 end was ${judged.length > 0 ? judged.join(' and ') : 'not yet judged'}${rest.length > 0 ? `; ${rest.join('; ')}` : ''}.`;
}
