/**
 * The judge: where each task and the phase stand against the plan at the build's time, the forecast, and every risk
 * the dashboard lists and every deviation the report lists, from one set of rules with one threshold each.
 *
 * A task's risk is its health: it exists exactly when the health is late, blocked or at risk (or a complete task ran
 * over its plan), and it says the health's own words. What health does not cover has one rule each below: targets,
 * deliverables left open, success criteria, sources that disagree, early starts, agents' reports about no task, and
 * the quality of the data. A frozen version is judged by these same rules at its own time.
 */
import { formatDays, formatNumber, formatTimestamp } from '../format/format.ts';
import { round } from '../format/round.ts';
import { statusLabels } from '../format/labels.ts';
import type { EventLine, Forecast, MetricValue, Phase, PhaseHealth, Simulation, StatusEvidence, Task, TaskHealth } from '../schema/model.ts';
import { allTasksComplete, completeCount } from './completion.ts';
import { judgeCriteria, type CriterionVerdict } from './criteria.ts';
import { staleWarning } from './freshness.ts';
import { DAY_MS, planOrigin, plannedDates, type PlannedDates } from './plan.ts';
import { compareTaskIds, countedTasks, criticalTaskIds, earliestStarts, scheduleGraph } from './schedule.ts';
import { simulate } from './monte-carlo.ts';

/** An open task at or past this share of its estimate is at risk. */
const AT_RISK_SHARE = 0.8;
/** A planned start or end missed by more than this makes a task late by the plan. */
const PLAN_GRACE_MS = DAY_MS / 2;
/** A forecast that ends more than this many days after the stated end puts the phase off track; any later, at risk. */
const OFF_TRACK_SLIP_DAYS = 1;
/** The headline names at most this many tasks, the most serious first, and counts the rest; the risk list has them all. */
const TASKS_IN_HEADLINE = 1;

export type Severity = 'high' | 'medium' | 'low';

export type DeviationKind =
  | 'missed-target'
  /** A target that cannot be judged (TBD, no numeric baseline), or has no achieved value once the phase is complete. */
  | 'unverified-target'
  /** Over its estimate or past its planned end (in progress), or a complete task that ran over its plan. */
  | 'late-task'
  | 'blocked-task'
  /** Not started, though the plan had it start and nothing it depends on is open. */
  | 'not-started'
  /** In progress and near the end of its estimate. */
  | 'at-risk-task'
  /** A complete task whose own deliverables checklist still has unchecked items. */
  | 'open-deliverable'
  | 'unmet-criterion'
  | 'early-start'
  /** A warning or error an agent logged: about an open task (its health says it), or about no task of the phase. */
  | 'agent-report'
  /** The task file and the hook logs say different things; the newer is shown. */
  | 'conflicting-sources'
  /** The forecast ends after the date the package states. */
  | 'late-forecast'
  | 'data-quality';

export interface Deviation {
  kind: DeviationKind;
  severity: Severity;
  /** The task it concerns, if one. */
  taskId: string | null;
  /** One or two sentences, plain text. */
  text: string;
}

/** What the judge reads: the phase without its event list (a frozen version keeps none). */
type Judged = Omit<Phase, 'events'>;

const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
/** Which finding sets a task's state when it has several: the most serious first. */
const stateRank: Record<TaskHealth['state'], number> = { blocked: 0, late: 1, 'at-risk': 2, done: 3, 'on-track': 3, waiting: 3, ready: 3 };
const stateWords: Record<TaskHealth['state'], string> = {
  done: 'done',
  'on-track': 'on track',
  'at-risk': 'at risk',
  late: 'late',
  blocked: 'blocked',
  waiting: 'waiting',
  ready: 'ready',
};

/** One thing found about a task: the state it makes the task, its risk, and its words in full and for the headline. */
interface Finding {
  state: TaskHealth['state'];
  kind: DeviationKind;
  severity: Severity;
  /** A sentence of the task's health. */
  sentence: string;
  /** "what it waits for finished 1.1 days ago and it has not started": after "7.4 is late: " in the headline. */
  short: string;
}

/** A task judged: its health, and its risk when the health is one. */
interface TaskVerdict {
  health: TaskHealth;
  risk: { kind: DeviationKind; severity: Severity; short: string } | null;
}

// ————————————————————————————————————————— agents' reports —————————————————————————————————————————

const reportLevels = new Set(['error', 'warning', 'warn']);

/** Whether an event is an agent's report of something going wrong (a warning or an error). */
function isAgentReport(event: Pick<EventLine, 'level'>): boolean {
  return reportLevels.has((event.level ?? '').toLowerCase());
}

/**
 * Every warning and error the agents logged that the phase keeps (its newest notifications and each task's newest
 * events), once each, newest first. A frozen version keeps exactly these, so it is judged from the same reports.
 */
export function agentReports(phase: Pick<Judged, 'activity'>): EventLine[] {
  const seen = new Set<string>();
  const found: EventLine[] = [];
  for (const event of [...phase.activity.notifications, ...Object.values(phase.activity.taskEvents).flat()]) {
    if (!isAgentReport(event)) continue;
    const key = JSON.stringify(event);
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(event);
  }
  // Newest first; timeless last, in the order read.
  return found.toSorted((a, b) => (a.time === b.time ? 0 : a.time === null ? 1 : b.time === null ? -1 : a.time < b.time ? 1 : -1));
}

const levelWords = (event: EventLine) => ((event.level ?? '').toLowerCase() === 'error' ? 'an error' : 'a warning');
const sentenceOf = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

// ————————————————————————————————————————— tasks —————————————————————————————————————————

interface TaskContext {
  byId: ReadonlyMap<string, Task>;
  plan: PlannedDates | undefined;
  asOf: number;
  /** The agents' reports about this task, newest first. */
  reports: readonly EventLine[];
}

/** "1.1 days ago", from the build's time. */
const ago = (time: number, asOf: number) => `${formatDays(round(Math.max(0, asOf - time) / DAY_MS, 1))} ago`;

function judgeTask(task: Task, { byId, plan, asOf, reports }: TaskContext): TaskVerdict {
  if (task.status === 'complete') return judgeComplete(task, plan);
  const open = task.dependsOn.filter((id) => byId.has(id) && byId.get(id)!.status !== 'complete');
  const named = (ids: readonly string[]) => ids.map((id) => `task ${id} (${statusLabels[byId.get(id)!.status].toLowerCase()})`).join(', ');
  const findings: Finding[] = [];
  /** What is said of a task with nothing found: waiting, ready or on track. */
  let quiet: { state: TaskHealth['state']; sentence: string };
  if (task.status === 'blocked') {
    quiet = { state: 'blocked', sentence: '' };
    if (task.dependsOn.length > 0 && open.length === 0)
      findings.push({
        state: 'blocked',
        kind: 'blocked-task',
        severity: 'high',
        sentence: `Marked blocked (${task.statusEvidence.summary}), but everything it depends on is complete: check whether it can start.`,
        short: 'it is marked blocked, but everything it depends on is complete',
      });
    else if (open.length > 0)
      findings.push({
        state: 'blocked',
        kind: 'blocked-task',
        severity: 'low',
        sentence: `Blocked while it waits for ${named(open)}: ${task.statusEvidence.summary}.`,
        short: `it waits for ${open.map((id) => `task ${id}`).join(', ')}`,
      });
    else
      findings.push({
        state: 'blocked',
        kind: 'blocked-task',
        severity: 'high',
        sentence: `Blocked: ${task.statusEvidence.summary}.`,
        short: `its status says so (${task.statusEvidence.summary})`,
      });
  } else if (task.status === 'pending') {
    const since = dependencyWords(task, byId);
    if (open.length > 0) quiet = { state: 'waiting', sentence: `Waits for ${named(open)}.` };
    else if (plan?.start != null && asOf - plan.start > PLAN_GRACE_MS) {
      quiet = { state: 'late', sentence: '' };
      const finished = task.dependsOn.map((id) => byId.get(id)?.completedAt ?? null);
      const lastDone =
        task.dependsOn.length > 0 && finished.every((time) => time !== null && !Number.isNaN(Date.parse(time)))
          ? Math.max(...finished.map((time) => Date.parse(time!)))
          : null;
      findings.push({
        state: 'late',
        kind: 'not-started',
        severity: 'medium',
        sentence: `Not started, though the plan had it start ${formatTimestamp(new Date(plan.start).toISOString())}; ${since}.`,
        short:
          lastDone !== null
            ? `what it waits for finished ${ago(lastDone, asOf)} and it has not started`
            : `not started ${ago(plan.start, asOf).replace(' ago', '')} after its planned start`,
      });
    } else quiet = { state: 'ready', sentence: `Can start now: ${since}.` };
  } else {
    quiet = { state: 'on-track', sentence: task.startedAt ? `In progress since ${formatTimestamp(task.startedAt)}.` : 'In progress.' };
    const estimated = task.elapsedDays !== null && task.estimateDays !== null && task.estimateDays > 0;
    if (estimated && task.elapsedDays! > task.estimateDays!) {
      findings.push({
        state: 'late',
        kind: 'late-task',
        severity: 'medium',
        sentence: `Over its estimate: ${formatDays(task.elapsedDays!)} so far against ${formatDays(task.estimateDays!)}.`,
        short: `${formatDays(task.elapsedDays!)} so far against an estimate of ${formatDays(task.estimateDays!)}`,
      });
    } else if (plan?.end != null && asOf - plan.end > PLAN_GRACE_MS) {
      findings.push({
        state: 'late',
        kind: 'late-task',
        severity: 'low',
        sentence: `Still in progress ${ago(plan.end, asOf).replace(' ago', '')} after its planned end (${formatTimestamp(new Date(plan.end).toISOString())}).`,
        short: `still open ${ago(plan.end, asOf).replace(' ago', '')} after its planned end`,
      });
    }
    if (estimated && task.elapsedDays! <= task.estimateDays! && task.elapsedDays! >= AT_RISK_SHARE * task.estimateDays!) {
      findings.push({
        state: 'at-risk',
        kind: 'at-risk-task',
        severity: 'low',
        sentence: `Near its estimate: ${formatDays(task.elapsedDays!)} of its ${formatDays(task.estimateDays!)} used, still open.`,
        short: `${formatDays(task.elapsedDays!)} of its ${formatDays(task.estimateDays!)} used`,
      });
    } else if (estimated && findings.length === 0)
      quiet = { state: 'on-track', sentence: `${formatDays(task.elapsedDays!)} of its ${formatDays(task.estimateDays!)} used.` };
  }
  const [newest] = reports;
  if (newest) {
    const more = reports.length > 1 ? ` It is the newest of ${reports.length} reports about this task.` : '';
    findings.push({
      state: 'at-risk',
      kind: 'agent-report',
      severity: levelWords(newest) === 'an error' ? 'high' : 'medium',
      sentence: `An agent reported ${levelWords(newest)}${newest.time ? ` at ${formatTimestamp(newest.time)}` : ''}: ${sentenceOf(newest.message ?? newest.description ?? newest.level ?? '')}${more}`,
      short: `an agent reported ${levelWords(newest)}${newest.time ? ` ${ago(Date.parse(newest.time), asOf)}` : ''}`,
    });
  }
  return verdictOf(quiet, findings);
}

/**
 * What a task that can start depends on, in words: every task it names is complete, or it names none of this phase
 * (only work elsewhere, as written: "Phase 6 complete ✅"), or nothing at all.
 */
function dependencyWords(task: Task, byId: ReadonlyMap<string, Task>): string {
  if (task.dependsOn.length > 0) return 'everything it depends on is complete';
  const elsewhere = task.dependencies.filter((dependency) => !dependency.taskIds.some((id) => byId.has(id))).map((dependency) => `"${dependency.raw}"`);
  return elsewhere.length === 0 ? 'it depends on nothing' : `it depends on no task of this phase, only on ${elsewhere.join(', ')}`;
}

/** A complete task: done; it ran over its plan when it took longer than its estimate, or ended late by the plan. */
function judgeComplete(task: Task, plan: PlannedDates | undefined): TaskVerdict {
  const done = task.cancelled ? 'Cancelled.' : `Complete${task.completedAt ? ` since ${formatTimestamp(task.completedAt)}` : ''}.`;
  if (task.cancelled) return { health: { state: 'done', reason: done }, risk: null };
  const findings: Finding[] = [];
  const end = task.completedAt === null ? NaN : Date.parse(task.completedAt);
  if (task.elapsedDays !== null && task.estimateDays !== null && task.elapsedDays > task.estimateDays) {
    const over = round(task.elapsedDays - task.estimateDays, 2);
    // Finished work no longer threatens the phase: its overrun is a lesson for the estimates, a low risk.
    findings.push({
      state: 'done',
      kind: 'late-task',
      severity: 'low',
      sentence: `It took ${formatDays(task.elapsedDays)} against an estimate of ${formatDays(task.estimateDays)} (+${formatNumber(over)} ${over === 1 ? 'day' : 'days'}).`,
      short: `it took ${formatDays(task.elapsedDays)} against an estimate of ${formatDays(task.estimateDays)}`,
    });
  } else if (plan?.end != null && !Number.isNaN(end) && end - plan.end > PLAN_GRACE_MS) {
    findings.push({
      state: 'done',
      kind: 'late-task',
      severity: 'low',
      sentence: `It finished ${formatDays(round((end - plan.end) / DAY_MS, 2))} after its planned end (${formatTimestamp(new Date(plan.end).toISOString())}), within its estimate: it started late.`,
      short: 'it finished after its planned end',
    });
  }
  return verdictOf({ state: 'done', sentence: done }, findings, true);
}

/** The state of the most serious finding, every finding's sentence, and the risk they make. */
function verdictOf(quiet: { state: TaskHealth['state']; sentence: string }, findings: Finding[], keepQuiet = false): TaskVerdict {
  if (findings.length === 0) return { health: { state: quiet.state, reason: quiet.sentence }, risk: null };
  const ordered = findings.toSorted((a, b) => stateRank[a.state] - stateRank[b.state] || severityRank[a.severity] - severityRank[b.severity]);
  const first = ordered[0]!;
  // A waiting or ready task an agent reported on keeps what it waits for; a late or blocked one says it in its finding.
  const context = keepQuiet || quiet.state === 'waiting' || quiet.state === 'ready' ? quiet.sentence : '';
  const sentences = keepQuiet ? [context, ...ordered.map((finding) => finding.sentence)] : [...ordered.map((finding) => finding.sentence), context];
  const severity = ordered.map((finding) => finding.severity).toSorted((a, b) => severityRank[a] - severityRank[b])[0]!;
  return { health: { state: first.state, reason: sentences.filter(Boolean).join(' ') }, risk: { kind: first.kind, severity, short: first.short } };
}

/** Every task of the phase judged, by id, as of `phase.buildAsOf`. */
function judgeTasks(phase: Judged): Map<string, TaskVerdict> {
  const asOf = Date.parse(phase.buildAsOf);
  const byId = new Map(phase.tasks.map((task) => [task.id, task]));
  const plan = plannedDates(phase, planOrigin(phase));
  const reports = Map.groupBy(
    agentReports(phase).filter((event) => event.taskId !== null && byId.has(event.taskId)),
    (event) => event.taskId!,
  );
  return new Map(
    phase.tasks.map((task) => [
      task.id,
      judgeTask(task, { byId, plan: plan.get(task.id), asOf, reports: task.status === 'complete' ? [] : (reports.get(task.id) ?? []) }),
    ]),
  );
}

// ————————————————————————————————————————— the phase —————————————————————————————————————————

/** Health of every task and of the phase, and the forecast, as of `phase.buildAsOf`. */
export function judgeHealth<T extends Judged>(phase: T): T {
  const verdicts = judgeTasks(phase);
  const tasks = phase.tasks.map((task) => ({ ...task, health: verdicts.get(task.id)!.health }));
  // A phase nothing dates has no forecast: an end counted from the build's clock would be a date the files never gave.
  const dated = isDated(phase);
  const forecast = dated ? forecastOf({ ...phase, tasks }, Date.parse(phase.buildAsOf)) : null;
  const simulation = dated ? simulationOf({ ...phase, tasks }) : null;
  return { ...phase, tasks, forecast, simulation, health: phaseHealth({ ...phase, tasks }, verdicts, forecast) };
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
  const latest = at(remainingDays * Math.max(1, pace ?? 1));
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

/** The Monte Carlo forecast from the phase's own pace (model/monte-carlo.ts), from the time it is judged at. */
export function simulationOf(phase: Pick<Judged, 'id' | 'tasks' | 'buildAsOf' | 'statedEnd' | 'created'>): Simulation | null {
  return simulate(phase.id, phase.tasks, Date.parse(phase.buildAsOf), phase.statedEnd, phase.created === null ? null : Date.parse(phase.created));
}

/** Whether anything in the files dates the phase: its Created or stated end date, a task's start or end, a hook event. */
function isDated(phase: Pick<Judged, 'created' | 'statedEnd' | 'tasks' | 'dataQuality'>): boolean {
  return (
    phase.created !== null ||
    phase.statedEnd !== null ||
    phase.dataQuality.newestEvent !== null ||
    phase.tasks.some((task) => task.startedAt !== null || task.completedAt !== null)
  );
}

/** "7.4 is late: what it waits for finished 1.1 days ago and it has not started", most serious first, at most TASKS_IN_HEADLINE. */
function taskFacts(tasks: readonly Task[], verdicts: ReadonlyMap<string, TaskVerdict>, critical: ReadonlySet<string>, onPath: boolean): string[] {
  const ranked = tasks.toSorted(
    (a, b) =>
      stateRank[a.health!.state] - stateRank[b.health!.state] ||
      severityRank[verdicts.get(a.id)!.risk!.severity] - severityRank[verdicts.get(b.id)!.risk!.severity] ||
      compareTaskIds(a.id, b.id),
  );
  const facts = ranked
    .slice(0, TASKS_IN_HEADLINE)
    .map(
      (task) =>
        `${task.id} is ${stateWords[task.health!.state]}${onPath && critical.has(task.id) ? ' on the critical path' : ''}: ${verdicts.get(task.id)!.risk!.short}`,
    );
  const rest = ranked.slice(TASKS_IN_HEADLINE);
  return rest.length > 0 ? [...facts, `${moreTasks(rest)}${onPath ? ' there' : ''}`] : facts;
}

/** "2 more tasks are at risk", "3 more tasks are late or at risk": the tasks the headline does not name, by their states. */
function moreTasks(rest: readonly Task[]): string {
  const states = [...new Set(rest.toSorted((a, b) => stateRank[a.health!.state] - stateRank[b.health!.state]).map((task) => stateWords[task.health!.state]))];
  const words = states.length === 1 ? states[0] : `${states.slice(0, -1).join(', ')} or ${states.at(-1)}`;
  return `${rest.length} more ${rest.length === 1 ? 'task is' : 'tasks are'} ${words}`;
}

function phaseHealth(phase: Judged, verdicts: ReadonlyMap<string, TaskVerdict>, forecast: Forecast | null): PhaseHealth {
  const tasks = phase.tasks;
  if (tasks.length === 0) return { state: 'unknown', reason: 'No task was read from this phase, so there is nothing to judge.' };
  if (allTasksComplete(tasks)) return { state: 'done', reason: `All ${tasks.length} tasks are complete.` };
  const critical = criticalTaskIds(phase.criticalPath);
  const troubled = (task: Task) => task.health?.state === 'late' || task.health?.state === 'blocked';
  const missed = phase.metrics.filter((metric) => metric.target !== null && metric.verdict === 'missed');
  const slip = forecast?.slipDays ?? null;
  const onPath = tasks.filter((task) => troubled(task) && critical.has(task.id));
  const offTrack = [
    ...taskFacts(onPath, verdicts, critical, true),
    ...(slip !== null && slip > OFF_TRACK_SLIP_DAYS ? [`the forecast is ${formatDays(slip)} late`] : []),
    ...(missed.length > 0
      ? [`${missed.length === 1 ? 'a target is' : `${missed.length} targets are`} missed (${missed.map((metric) => metric.label).join(', ')})`]
      : []),
  ];
  // An early forecast beside a phase off track or at risk says why both hold: the forecast counts from now.
  const why = slip !== null && slip <= 0 ? ` The forecast ${slip < 0 ? 'is early' : 'meets the stated date'} only if the open work starts now.` : '';
  const risky = tasks.filter((task) => task.health?.state === 'at-risk' || troubled(task));
  // Off track says only what puts it off track (the rest is in the risk list): the first screen has room for little.
  if (offTrack.length > 0) return { state: 'off-track', reason: `Off track: ${offTrack.join('; ')}.${why}` };
  const atRisk = [
    ...taskFacts(risky, verdicts, critical, false),
    ...(phase.dataQuality.stale ? ['the hook logs have been quiet for more than a day'] : []),
    ...(slip !== null && slip > 0 ? [`the forecast may be ${formatDays(slip)} late`] : []),
  ];
  if (atRisk.length > 0) return { state: 'at-risk', reason: `At risk: ${atRisk.join('; ')}.${why}` };
  const done = completeCount(tasks);
  if (forecast === null && phase.statedEnd === null && isDated(phase))
    return {
      state: 'unplanned',
      reason: `No plan: ${done} of ${tasks.length} tasks complete, nothing blocked; no open task has an estimate and no end date is stated, so nothing can be judged late or on time.`,
    };
  if (!isDated(phase))
    return {
      state: 'undated',
      reason: `Undated: ${done} of ${tasks.length} tasks complete, nothing blocked; nothing in the files dates this phase (no Created or Estimated Completion date, no task dates, no hook events, no commits), so there is no forecast.`,
    };
  return {
    state: 'on-track',
    reason: `On track: ${done} of ${tasks.length} tasks complete, nothing late or blocked${forecast ? `, expected to end by ${formatTimestamp(forecast.latest).slice(0, 10)}` : ''}.`,
  };
}

// ————————————————————————————————————————— risks and deviations —————————————————————————————————————————

const day = (iso: string) => formatTimestamp(iso).slice(0, 10);

/**
 * What a late, blocked or unstarted open task is when it is on the critical path: every day it loses moves the phase's
 * end, so its risk is high; off the path it has slack, and keeps the level its finding gives.
 */
const holdsUpEnd: ReadonlySet<DeviationKind> = new Set(['late-task', 'blocked-task', 'not-started']);

/**
 * The forecast against the date the package states: high when even its early end is after that date, medium when only
 * its far end (at the pace of the finished tasks) is.
 */
function lateForecast(phase: Pick<Phase, 'forecast'>): { severity: Severity; text: string } | null {
  const forecast = phase.forecast;
  if (!forecast || forecast.statedEnd === null || forecast.slipDays === null || forecast.slipDays <= 0) return null;
  // A stated date means by the end of that day.
  const deadline = Date.parse(forecast.statedEnd) + DAY_MS;
  const early = Date.parse(forecast.earliest) > deadline;
  const stated = day(forecast.statedEnd);
  const late = `${formatDays(forecast.slipDays)} after the date the package states (${stated})`;
  const text =
    forecast.latest === forecast.earliest
      ? `The forecast ends ${day(forecast.latest)}, ${late}.`
      : early
        ? `The forecast ends ${day(forecast.earliest)} at the earliest, after the date the package states (${stated}); at the pace of the finished tasks ${day(forecast.latest)}, ${late}.`
        : `The forecast may end after the date the package states: on the estimates by ${day(forecast.earliest)}, at the pace of the finished tasks ${day(forecast.latest)}, ${late}.`;
  return { severity: early ? 'high' : 'medium', text };
}

/** "the evidence, at a time (file key)": where a status came from. */
export function describeEvidence(evidence: StatusEvidence): string {
  const where = [evidence.path, evidence.key].filter(Boolean).join(', ');
  return `${evidence.summary}${evidence.time ? ` at ${formatTimestamp(evidence.time)}` : ''} (${where})`;
}

/** "The sources disagree: …": the status shown with its evidence, and what the other source says. */
export function conflictText(task: Pick<Task, 'status' | 'statusEvidence' | 'statusConflict'>): string {
  const other = task.statusConflict!;
  const source = (evidence: StatusEvidence) => (evidence.kind === 'authored' ? 'the task file' : 'the hook logs');
  return `The sources disagree: ${source(task.statusEvidence)} say${task.statusEvidence.kind === 'authored' ? 's' : ''} ${statusLabels[task.status].toLowerCase()} (${describeEvidence(task.statusEvidence)}), ${source(other)} say${other.kind === 'authored' ? 's' : ''} ${statusLabels[other.status].toLowerCase()} (${describeEvidence(other)}); the newer is shown.`;
}

const taskName = (task: Pick<Task, 'id' | 'title'>) => `Task ${task.id} (${task.title})`;
/** A metric value as written, or null. */
const written = (value: MetricValue | null): string | null => (value === null ? null : String(value.raw));

/**
 * Every risk and deviation of the phase, most severe first: each task's health that is a risk, in its own words, then
 * what health does not cover. `criteria`: the success criteria judged (judgeCriteria), when the caller has them.
 */
export function judgeRisks(phase: Phase, criteria: readonly CriterionVerdict[] = judgeCriteria(phase)): Deviation[] {
  const out: Deviation[] = [];
  const add = (kind: DeviationKind, severity: Severity, taskId: string | null, text: string) => out.push({ kind, severity, taskId, text });
  const complete = allTasksComplete(phase.tasks);

  for (const metric of phase.metrics.filter((m) => m.target !== null)) {
    const owner = metric.taskIds.length > 0 ? ` for ${metric.taskIds.length === 1 ? 'task' : 'tasks'} ${metric.taskIds.join(', ')}` : '';
    const taskId = metric.taskIds.length === 1 ? metric.taskIds[0]! : null;
    if (metric.verdict === 'missed')
      add(
        'missed-target',
        'high',
        taskId,
        `${metric.label}${owner} missed its target: achieved ${written(metric.achieved)} against ${metric.target!.raw}. ${metric.reason}`,
      );
    else if (metric.verdict === 'unknown')
      add('unverified-target', 'medium', taskId, `${metric.label}${owner} cannot be judged against ${metric.target!.raw}. ${metric.reason}`);
    else if (metric.verdict === 'pending' && complete)
      add('unverified-target', 'medium', taskId, `${metric.label}${owner} has no achieved value, although every task is complete.`);
  }

  const late = lateForecast(phase);
  if (late) add('late-forecast', late.severity, null, late.text);

  // Each task's health, judged by the same rules as the health its row and page show, and said in the same words; its
  // level says whether it holds up the phase's end.
  const verdicts = judgeTasks(phase);
  const critical = criticalTaskIds(phase.criticalPath);
  for (const task of phase.tasks) {
    const { health, risk } = verdicts.get(task.id)!;
    if (risk) {
      const onPath = task.status !== 'complete' && critical.has(task.id) && holdsUpEnd.has(risk.kind);
      add(risk.kind, onPath ? 'high' : risk.severity, task.id, `${taskName(task)}${onPath ? ', on the critical path' : ''}: ${health.reason}`);
    }
    if (task.status === 'complete') {
      const open = task.deliverables.filter((item) => item.checked === false);
      if (open.length > 0) {
        const total = task.deliverables.filter((item) => item.checked !== null).length;
        add(
          'open-deliverable',
          'medium',
          task.id,
          `${taskName(task)} is complete, but ${open.length} of ${total} deliverables are not checked: ${open.map((item) => item.text).join('; ')}.`,
        );
      }
    }
    for (const flag of task.flags) add('early-start', 'medium', task.id, `${taskName(task)}: ${flag}`);
    if (task.statusConflict) add('conflicting-sources', 'medium', task.id, `${taskName(task)}: ${conflictText(task).replace(/^The/, 'the')}`);
  }

  // What the agents reported about no task of the phase (a report about a task is in that task's health).
  const ids = new Set(phase.tasks.map((task) => task.id));
  for (const event of agentReports(phase).filter((report) => report.taskId === null || !ids.has(report.taskId))) {
    const about = event.taskId ? `Task ${event.taskId}: ` : '';
    add(
      'agent-report',
      levelWords(event) === 'an error' ? 'high' : 'medium',
      event.taskId,
      `${about}an agent reported ${levelWords(event)}${event.time ? ` at ${formatTimestamp(event.time)}` : ''}: ${event.message ?? event.description ?? ''}`,
    );
  }

  for (const criterion of criteria) {
    if (criterion.claimed && criterion.verdict !== 'met') {
      // The hand-written report's failure mode: a ✅ the data does not bear out.
      // Missed contradicts it; unknown cannot bear it out; pending says it was claimed early.
      const severity: Severity = criterion.verdict === 'missed' ? 'high' : criterion.verdict === 'unknown' ? 'medium' : 'low';
      add(
        'unmet-criterion',
        severity,
        null,
        `Success criterion "${criterion.text}" is marked done, but the data says ${criterion.verdict}: ${criterion.reason}`,
      );
    } else if (criterion.verdict === 'missed' && criterion.basis !== 'metric')
      add('unmet-criterion', 'medium', null, `Success criterion "${criterion.text}" is not met: ${criterion.reason}`);
  }

  const quality = phase.dataQuality;
  if (quality.stale) add('data-quality', 'low', null, staleWarning(phase));
  if (quality.unmatchedEvents > 0)
    add(
      'data-quality',
      'low',
      null,
      quality.unmatchedEvents === 1
        ? "1 hook event matches no task, so it decides no task's status."
        : `${quality.unmatchedEvents} hook events match no task, so they decide no task's status.`,
    );
  for (const source of quality.sources) {
    if (source.skipped > 0) {
      // Most counts first, then by reason, so the text is the same on every build.
      const reasons = Object.entries(source.skippedReasons).toSorted(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
      add(
        'data-quality',
        'low',
        null,
        `${source.path} (${source.format}): ${source.skipped} of ${source.records} records skipped${reasons.length > 0 ? `: ${reasons.map(([reason, n]) => `${reason} (${n})`).join('; ')}` : ''}.`,
      );
    }
    for (const warning of source.warnings) add('data-quality', 'low', null, `${source.path}: ${warning}`);
  }
  for (const warning of phase.warnings) add('data-quality', 'low', null, warning);

  return out.toSorted((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}
