/**
 * The repository's history as evidence for a task's status (pipeline/phase-history.ts reads it). A task file without
 * dates still has them in its commits: the status it has now was set by the commit that last changed it, and it
 * started at the first commit that showed it in progress. Each date names its commit and author, as a hook event
 * names its log. A date the file states itself stays first; a status changed since the last commit (the file differs
 * from what was committed) gets no date from history, since history cannot say when that happened.
 */
import type { DataQuality, StatusEvidence, Task } from '../schema/model.ts';
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
