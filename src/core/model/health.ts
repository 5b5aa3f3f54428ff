/**
 * Health: where each task and the phase stand against the plan at the build's time, each with the one sentence that
 * says why. A stakeholder reads it first, so every state rests on something the page also shows: the plan's dates
 * (model/plan.ts), the estimates and elapsed days, the dependencies, the critical path, stale logs, the agents' own
 * errors, and missed targets.
 */
import { formatDays, formatTimestamp } from '../format/format.ts';
import { round } from '../format/round.ts';
import { statusLabels } from '../format/labels.ts';
import type { Forecast, Phase, PhaseHealth, Task, TaskHealth } from '../schema/model.ts';
import { DAY_MS, planOrigin, plannedDates } from './plan.ts';
import { compareTaskIds, countedTasks, criticalTaskIds, earliestStarts, scheduleGraph } from './schedule.ts';

/** A task at or past this share of its estimate, still open, is at risk. */
const AT_RISK_SHARE = 0.8;

/** What health is judged from: the phase without its event list (a frozen version keeps none). */
type Judged = Omit<Phase, 'events'>;

/** Health of every task and of the phase, and the forecast, as of `phase.buildAsOf`. */
export function judgeHealth<T extends Judged>(phase: T): T {
  const asOf = Date.parse(phase.buildAsOf);
  const byId = new Map(phase.tasks.map((task) => [task.id, task]));
  const plan = plannedDates(phase, planOrigin(phase));
  const errorsByTask = agentErrors(phase);
  const tasks = phase.tasks.map((task) => ({ ...task, health: taskHealth(task, byId, plan.get(task.id)?.start ?? null, asOf, errorsByTask.get(task.id) ?? null) }));
  // A phase nothing dates has no forecast: an end counted from the build's clock would be a date the files never gave.
  const forecast = isDated(phase) ? forecastOf({ ...phase, tasks }, asOf) : null;
  return { ...phase, tasks, forecast, health: phaseHealth({ ...phase, tasks }, forecast) };
}

/** The newest error or warning an agent logged about each task (a notification at level error or warning). */
function agentErrors(phase: Judged): Map<string, string> {
  const found = new Map<string, string>();
  const lines = [...phase.activity.notifications, ...Object.values(phase.activity.taskEvents).flat()];
  for (const event of lines) {
    const level = (event.level ?? '').toLowerCase();
    if (event.taskId && (level === 'error' || level === 'warning' || level === 'warn') && !found.has(event.taskId)) found.set(event.taskId, event.message ?? event.description ?? level);
  }
  return found;
}

function taskHealth(task: Task, byId: ReadonlyMap<string, Task>, plannedStart: number | null, asOf: number, agentError: string | null): TaskHealth {
  if (task.status === 'complete') return { state: 'done', reason: task.cancelled ? 'Cancelled.' : `Complete${task.completedAt ? ` since ${formatTimestamp(task.completedAt)}` : ''}.` };
  const open = task.dependsOn.filter((id) => byId.has(id) && byId.get(id)!.status !== 'complete');
  const waitingFor = open.map((id) => `task ${id} (${statusLabels[byId.get(id)!.status].toLowerCase()})`).join(', ');
  if (task.status === 'blocked') {
    if (task.dependsOn.length > 0 && open.length === 0) return { state: 'blocked', reason: `Marked blocked (${task.statusEvidence.summary}), but everything it depends on is complete: check whether it can start.` };
    return { state: 'blocked', reason: `Blocked: ${task.statusEvidence.summary}.` };
  }
  if (task.status === 'pending') {
    if (open.length > 0) return { state: 'waiting', reason: `Waits for ${waitingFor}.` };
    const since = task.dependsOn.length > 0 ? 'everything it depends on is complete' : 'it depends on nothing';
    if (plannedStart !== null && asOf - plannedStart > DAY_MS / 2) return { state: 'late', reason: `Not started, though the plan had it start ${formatTimestamp(new Date(plannedStart).toISOString())}; ${since}.` };
    return { state: 'ready', reason: `Can start now: ${since}.` };
  }
  // In progress.
  if (agentError) return { state: 'at-risk', reason: `An agent reported: ${agentError}` };
  if (task.elapsedDays !== null && task.estimateDays !== null && task.estimateDays > 0) {
    if (task.elapsedDays > task.estimateDays) return { state: 'late', reason: `${formatDays(task.elapsedDays)} so far against an estimate of ${formatDays(task.estimateDays)}.` };
    if (task.elapsedDays >= AT_RISK_SHARE * task.estimateDays) return { state: 'at-risk', reason: `${formatDays(task.elapsedDays)} of its ${formatDays(task.estimateDays)} used, still open.` };
    return { state: 'on-track', reason: `${formatDays(task.elapsedDays)} of its ${formatDays(task.estimateDays)} used.` };
  }
  return { state: 'on-track', reason: task.startedAt ? `In progress since ${formatTimestamp(task.startedAt)}.` : 'In progress.' };
}

/**
 * The range of end dates: the longest chain of remaining work (open tasks at their estimates, less what an in-progress
 * task has used), from the build's time; the far end at the pace of the complete tasks when they ran over.
 */
function forecastOf(phase: Judged, asOf: number): Forecast | null {
  if (phase.tasks.length === 0) return null;
  // Open work with no estimate at all gives no end to count to: "ends today" would be a date from nothing.
  const open = countedTasks(phase.tasks).filter((task) => task.status !== 'complete');
  if (open.length > 0 && open.every((task) => task.estimateDays === null)) return null;
  const remaining = phase.tasks.map((task) => {
    if (task.status === 'complete') return { ...task, estimateDays: 0 };
    const left = (task.estimateDays ?? 0) - (task.status === 'in_progress' ? (task.elapsedDays ?? 0) : 0);
    return { ...task, estimateDays: Math.max(left, 0) };
  });
  const graph = scheduleGraph(remaining);
  const starts = earliestStarts(graph);
  const remainingDays = round(Math.max(0, ...graph.map((task) => (starts.get(task.id) ?? 0) + task.estimateDays)), 2);
  const measured = phase.tasks.filter((task) => task.status === 'complete' && task.elapsedDays !== null && task.estimateDays !== null && task.estimateDays > 0);
  const estimated = measured.reduce((sum, task) => sum + task.estimateDays!, 0);
  const pace = measured.length === 0 ? null : round(measured.reduce((sum, task) => sum + task.elapsedDays!, 0) / estimated, 2);
  const at = (days: number) => new Date(asOf + days * DAY_MS).toISOString();
  const latestDays = remainingDays * Math.max(1, pace ?? 1);
  const latest = at(latestDays);
  return {
    remainingDays,
    pace,
    earliest: at(remainingDays),
    latest,
    statedEnd: phase.statedEnd,
    // A stated date means by the end of that day.
    slipDays: phase.statedEnd === null ? null : round((Date.parse(latest) - Date.parse(phase.statedEnd) - DAY_MS) / DAY_MS, 1),
  };
}

/** Whether anything in the files dates the phase: its Created or stated end date, a task's start or end, a hook event. */
export function isDated(phase: Pick<Judged, 'created' | 'statedEnd' | 'tasks' | 'dataQuality'>): boolean {
  return phase.created !== null || phase.statedEnd !== null || phase.dataQuality.newestEvent !== null || phase.tasks.some((task) => task.startedAt !== null || task.completedAt !== null);
}

const stateWords: Record<TaskHealth['state'], string> = { done: 'done', 'on-track': 'on track', 'at-risk': 'at risk', late: 'late', blocked: 'blocked', waiting: 'waiting', ready: 'ready' };

function phaseHealth(phase: Judged, forecast: Forecast | null): PhaseHealth {
  const tasks = phase.tasks;
  if (tasks.length === 0) return { state: 'unknown', reason: 'No task was read from this phase, so there is nothing to judge.' };
  if (tasks.every((task) => task.status === 'complete')) return { state: 'done', reason: `All ${tasks.length} tasks are complete.` };
  const critical = criticalTaskIds(phase.criticalPath);
  // Each task by id and state; its own reason is on its row.
  const named = (list: readonly Task[]) => {
    const byState = Map.groupBy(list.toSorted((a, b) => compareTaskIds(a.id, b.id)), (task) => task.health!.state);
    return [...byState].map(([state, group]) => `${group.map((task) => task.id).join(', ')} ${stateWords[state]}`).join('; ');
  };
  const late = tasks.filter((task) => task.health?.state === 'late' || task.health?.state === 'blocked');
  const missed = phase.metrics.filter((metric) => metric.target !== null && metric.verdict === 'missed');
  const slip = forecast?.slipDays ?? null;
  const stated = phase.statedEnd === null ? '' : formatTimestamp(phase.statedEnd).slice(0, 10);
  const offTrack = [
    ...(late.some((task) => critical.has(task.id)) ? [`on the critical path ${named(late.filter((task) => critical.has(task.id)))}`] : []),
    ...(slip !== null && slip > 1 ? [`the forecast ends ${formatDays(slip)} after the stated ${stated}`] : []),
    ...(missed.length > 0 ? [`${missed.length === 1 ? 'a target is' : `${missed.length} targets are`} missed (${missed.map((metric) => metric.label).join(', ')})`] : []),
  ];
  if (offTrack.length > 0) return { state: 'off-track', reason: `Off track: ${offTrack.join('; ')}.` };
  const risky = tasks.filter((task) => task.health?.state === 'at-risk' || ((task.health?.state === 'late' || task.health?.state === 'blocked') && !critical.has(task.id)));
  const atRisk = [
    ...(risky.length > 0 ? [named(risky)] : []),
    ...(phase.dataQuality.stale ? ['the hook logs have been quiet for more than a day'] : []),
    ...(slip !== null && slip > 0 ? [`the forecast may end ${formatDays(slip)} after the stated ${stated}`] : []),
  ];
  if (atRisk.length > 0) return { state: 'at-risk', reason: `At risk: ${atRisk.join('; ')}.` };
  const done = tasks.filter((task) => task.status === 'complete').length;
  if (forecast === null && phase.statedEnd === null && isDated(phase)) return { state: 'unplanned', reason: `No plan: ${done} of ${tasks.length} tasks complete, nothing blocked; no open task has an estimate and no end date is stated, so nothing can be judged late or on time.` };
  if (!isDated(phase)) return { state: 'undated', reason: `Undated: ${done} of ${tasks.length} tasks complete, nothing blocked; nothing in the files dates this phase (no Created or Estimated Completion date, no task dates, no hook events), so there is no forecast.` };
  return { state: 'on-track', reason: `On track: ${done} of ${tasks.length} tasks complete, nothing late or blocked${forecast ? `, expected to end by ${formatTimestamp(forecast.latest).slice(0, 10)}` : ''}.` };
}
