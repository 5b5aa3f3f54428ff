/**
 * The repository's history as evidence for a task's status (pipeline/phase-history.ts reads it). A task file without
 * dates still has them in its commits: the status it has now was set by the commit that last changed it, and it
 * started at the first commit that showed it in progress. Each date names its commit and author, as a hook event
 * names its log. A date the file states itself stays first; a status changed since the last commit (the file differs
 * from what was committed) gets no date from history, since history cannot say when that happened.
 */
import type { DataQuality, Phase, StatusEvidence, Task } from '../schema/model.ts';
import { simulate } from './monte-carlo.ts';
import { DAY_MS } from './plan.ts';
import type { CommitEvidence, PhaseHistory, TaskHistory } from '../schema/package-files.ts';

/** What a shallow clone costs, and the fix: said once for the site and on each phase's data quality. */
export const SHALLOW_CLONE =
  'The repository is a shallow clone, so its history starts at its oldest fetched commit: tasks finished before it have no date from git. Fetch the whole history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`) and build again.';

/** "commit 1a2b3c4 by Ada Lovelace". */
export function commitLabel(commit: CommitEvidence): string {
  return `commit ${commit.hash.slice(0, 7)}${commit.author ? ` by ${commit.author}` : ''}`;
}

/** The tasks with the dates their history gives. */
export function withHistory<T extends Task>(tasks: readonly T[], history: PhaseHistory | null | undefined): T[] {
  if (!history) return [...tasks];
  return tasks.map((task) => {
    const own = history.tasks[task.id];
    return own ? dated(task, own) : task;
  });
}

function dated<T extends Task>(task: T, own: TaskHistory): T {
  const current = own.steps.at(-1)!;
  const agrees = current.status === task.status;
  const started = own.steps.find((step) => step.status === 'in_progress');
  return {
    ...task,
    startedAt: task.startedAt ?? (started && task.status !== 'pending' ? started.commit.time : null),
    statusEvidence: agrees && task.statusEvidence.time === null ? since(task.statusEvidence, current.commit) : task.statusEvidence,
  };
}

function since(evidence: StatusEvidence, commit: CommitEvidence): StatusEvidence {
  return { ...evidence, time: commit.time, summary: `${evidence.summary}, since ${commitLabel(commit)}` };
}

/** What the data-quality page says of the history read: how many commits, from when to when, and whether it is whole. */
export function historySummary(history: PhaseHistory | null | undefined): DataQuality['history'] {
  if (!history) return null;
  return { commits: history.commits, first: history.first, last: history.last, shallow: history.shallow };
}

const WEEK_MS = 7 * DAY_MS;
/** A year of weekly points at most: the newest are kept. */
const MAX_WEEKS = 52;

/**
 * What the simulation said at the end of each week of the phase's history (a backtest of the forecast): the phase as
 * the commits up to then left it, its tasks' estimates and dependencies as they are now, simulated from then. A week
 * with nothing to draw a pace from is left out.
 */
export function weeklyForecasts(
  phaseId: string,
  tasks: readonly Task[],
  history: PhaseHistory | null | undefined,
  statedEnd: string | null,
): Phase['pastForecasts'] {
  if (!history) return [];
  const first = Date.parse(history.first.time);
  const last = Date.parse(history.last.time);
  const points: Phase['pastForecasts'] = [];
  for (let at = Math.max(first + WEEK_MS, last - MAX_WEEKS * WEEK_MS); at <= last; at += WEEK_MS) {
    const simulation = simulate(phaseId, tasksAt(tasks, history, at), at, statedEnd, first);
    if (simulation) points.push({ at: new Date(at).toISOString(), p50: simulation.p50, p85: simulation.p85, p95: simulation.p95 });
  }
  return points;
}

/** The tasks as the commits up to `at` left them: those that existed then, with the status, start and end they had. */
function tasksAt(tasks: readonly Task[], history: PhaseHistory, at: number): Task[] {
  return tasks.flatMap((task) => {
    const own = history.tasks[task.id];
    if (!own || Date.parse(own.firstSeen.time) > at) return [];
    const steps = own.steps.filter((step) => Date.parse(step.commit.time) <= at);
    const status = steps.at(-1)?.status ?? 'pending';
    const started = steps.find((step) => step.status === 'in_progress')?.commit.time ?? null;
    const completedAt = status === 'complete' ? steps.at(-1)!.commit.time : null;
    const elapsedDays = started !== null && completedAt !== null ? (Date.parse(completedAt) - Date.parse(started)) / DAY_MS : null;
    return [{ ...task, status, startedAt: status === 'pending' ? null : started, completedAt, elapsedDays }];
  });
}
