/**
 * Turns the files of one coordination package into the phase model every page renders. Pure: the files come in
 * as text, so the same inputs give the same model.
 */
import { deriveActivity, judgeAsOf } from './derive-activity.ts';
import type { ImportResult } from './hooks/import-result.ts';
import { redactNamedValueCounting, redactStrings, secretWarning } from './hooks/redact.ts';
import { deriveMetrics } from './metrics/derive-metrics.ts';
import { parseMetricsJson, type ParsedMetricsFile } from './metrics/parse-metrics-json.ts';
import { formatIssue } from './issues.ts';
import { parseOverview } from './overview/parse-overview.ts';
import { compareTaskIds, computeCriticalPath, findGraphProblems } from './schedule.ts';
import type { Issue, Phase, Task, TaskStatus } from './schema.ts';
import { dependencyLine, parseTaskFile } from './tasks/parse-task.ts';
import { round } from './tasks/parse-duration.ts';
import { summarizeActivity } from './summarize-activity.ts';

export interface SourceFile {
  /** Path shown in messages, relative to the working directory. */
  path: string;
  text: string;
}

export interface PackageFiles {
  phaseId: string;
  /** The phase folder, for messages about files that are missing. */
  dir: string;
  overview: SourceFile | null;
  /** Task files; `slug` is the file name without extension. */
  tasks: (SourceFile & { slug: string })[];
  baseline: SourceFile | null;
  final: SourceFile | null;
  /** Hook logs of the phase, already imported (reading SQLite is I/O, so it happens before this pure step). */
  hooks: ImportResult[];
  /** Problems found while reading the folder (links out of the content root). */
  problems?: Issue[];
}

export interface BuildOptions {
  /**
   * The time the build treats as "now" (ISO 8601): staleness is measured to it. Null leaves the phase unjudged, to
   * be judged with `applyAsOf` once the time is known (a cached phase is reused for any time).
   */
  buildAsOf: string | null;
}

export interface PhaseResult {
  /** The model; null when errors leave nothing to show. */
  phase: Phase | null;
  /** Markdown of each task as its page shows it (title and metadata lines left out), by task id. */
  bodies: Map<string, string>;
  issues: Issue[];
  /** Every hook event time of the phase, oldest first, for `applyAsOf`. */
  eventTimes: string[];
}

/** Reads, checks and joins one package. Errors and warnings are returned, never thrown. */
export function buildPhase(files: PackageFiles, { buildAsOf }: BuildOptions): PhaseResult {
  const issues: Issue[] = [...(files.problems ?? [])];
  if (!files.overview) {
    issues.push({ file: `${files.dir}/README.md`, line: 1, column: 1, severity: 'error', message: `The phase folder ${files.dir} has no README.md overview.`, hint: 'Add a README.md with a "# Phase N: Title" heading, **Status:** and the success metrics table.' });
  }
  for (const file of [files.overview, ...files.tasks, files.baseline, files.final]) {
    const warning = file ? secretWarning(file.path, file.text) : null;
    if (warning) issues.push(warning);
  }
  const overviewResult = files.overview ? parseOverview(files.overview.text, files.overview.path, files.phaseId) : null;
  issues.push(...(overviewResult?.issues ?? []));

  const tasks: Task[] = [];
  const bodies = new Map<string, string>();
  const taskTexts = new Map<string, SourceFile>();
  for (const file of files.tasks) {
    const parsed = parseTaskFile({ text: file.text, path: file.path, slug: file.slug, phaseId: files.phaseId });
    issues.push(...parsed.issues);
    if (!parsed.task) continue;
    const twin = tasks.find((task) => task.id === parsed.task!.id);
    if (twin) {
      issues.push({ file: file.path, line: 1, column: 1, severity: 'error', message: `Task id ${parsed.task.id} is also used by ${twin.file}.`, hint: 'Give every task in a phase its own id.' });
      continue;
    }
    tasks.push(parsed.task);
    bodies.set(parsed.task.id, parsed.content);
    taskTexts.set(parsed.task.id, file);
  }
  if (files.tasks.length === 0) {
    issues.push({ file: files.overview?.path ?? files.dir, line: 1, column: 1, severity: 'warning', message: `The phase folder ${files.dir} has no task files.`, hint: 'Add one task-<id>-<name>.md per task.' });
  }

  const problems = findGraphProblems(tasks);
  for (const [taskId, dep] of problems.unknown) {
    const file = taskTexts.get(taskId)!;
    const at = dependencyLine(file.text, dep);
    issues.push({ ...at, file: file.path, severity: 'error', message: `Task ${taskId} depends on task ${dep}, which is not in this phase.`, hint: `Known tasks: ${tasks.map((task) => task.id).toSorted(compareTaskIds).join(', ')}. For work outside the package write it as "Phase 6 complete".` });
  }
  for (const cycle of problems.cycles) {
    const [first = ''] = cycle;
    const file = taskTexts.get(first)!;
    const at = dependencyLine(file.text, cycle[1] ?? '');
    issues.push({ ...at, file: file.path, severity: 'error', message: `Dependency cycle: ${cycle.join(' → ')}. None of these tasks could ever start.`, hint: 'Remove one of the dependencies in the cycle.' });
  }

  const readMetrics = (file: SourceFile | null): ParsedMetricsFile | null => (file ? withNamedSecretsRedacted(parseMetricsJson(file.text, file.path)) : null);
  const baseline = readMetrics(files.baseline);
  const final = readMetrics(files.final);
  issues.push(...(baseline?.issues ?? []), ...(final?.issues ?? []));

  if (!overviewResult) return redactPhaseResult({ phase: null, bodies, issues, eventTimes: [] });
  const overview = overviewResult.overview;
  const { metrics, issues: metricIssues } = deriveMetrics({
    rows: overview.metricRows,
    overviewPath: files.overview!.path,
    baseline: baseline?.entries ?? [],
    baselinePath: files.baseline?.path ?? null,
    final: final?.entries ?? [],
  });
  issues.push(...metricIssues);

  const authoredTasks = tasks.toSorted((a, b) => compareTaskIds(a.id, b.id)).map((task) => withOverviewLists(task, overview));
  const activity = deriveActivity(authoredTasks, files.hooks, buildAsOf);
  const summary = summarizeActivity({ id: files.phaseId, title: overview.title, tasks: activity.tasks }, activity.events);
  const sortedTasks = summary.tasks;
  const graphOk = problems.unknown.length === 0 && problems.cycles.length === 0;
  const timestamps = [overview.created, baseline?.timestamp, final?.timestamp, activity.dataQuality.newestEvent].filter((value): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value)));

  const phase: Phase = {
    id: files.phaseId,
    title: overview.title,
    status: derivePhaseStatus(sortedTasks.map((task) => task.status)),
    progress: deriveProgress(sortedTasks),
    statusText: overview.statusText,
    created: overview.created,
    coordinator: overview.coordinator,
    session: overview.session,
    objectives: overview.objectives,
    successCriteria: overview.successCriteria,
    deliverables: overview.deliverables.length > 0 ? overview.deliverables : sortedTasks.map((task) => ({ title: `Task ${task.id} Deliverables`, taskId: task.id, items: task.deliverables })).filter((group) => group.items.length > 0),
    metrics,
    tasks: sortedTasks,
    criticalPath: graphOk ? computeCriticalPath(sortedTasks) : { taskIds: [], days: 0, alternatives: [] },
    statedDays: overview.statedDays,
    asOf: newest(timestamps),
    warnings: issues.filter((issue) => issue.severity === 'warning').map(formatIssue),
    events: summary.recent,
    activity: summary.activity,
    dataQuality: activity.dataQuality,
    // Unjudged: the newest time the phase itself knows, until applyAsOf sets the build's.
    buildAsOf: buildAsOf ?? activity.dataQuality.newestEvent ?? new Date(0).toISOString(),
    file: files.overview!.path,
  };
  return redactPhaseResult({ phase, bodies, issues, eventTimes: activity.times });
}

/** Judges an unjudged phase (built with `buildAsOf: null`) against the build's time: the stale flag and its warnings. */
export function applyAsOf(phase: Phase, eventTimes: readonly string[], buildAsOf: string): Phase {
  return { ...phase, buildAsOf, dataQuality: judgeAsOf(phase.dataQuality, phase.tasks, eventTimes, buildAsOf) };
}

/**
 * Authored text can hold secrets as well as the hook logs (a token pasted into a task file, a password in a metric's
 * note, a credential quoted in an issue). The model is redacted here, once and whole, rather than field by field in
 * the pages: every string is walked, so a field added to the model later is covered without anyone remembering to.
 * Task bodies are redacted as Markdown here, and their rendered HTML again in sanitizeHtml, which sees what the
 * renderer decoded (`ghp&#95;…`). The events were redacted, and counted per source, in deriveActivity, so they are
 * not walked a second time.
 */
function redactPhaseResult({ phase, bodies, issues, eventTimes }: PhaseResult): PhaseResult {
  return {
    phase: phase && redactAuthored(phase),
    bodies: redactStrings(bodies),
    issues: redactStrings(issues),
    eventTimes,
  };
}

/** Redacts all but the event lists (already redacted); the summaries also hold authored text (task titles in the feed). */
function redactAuthored(phase: Phase): Phase {
  const { events, activity } = phase;
  const redacted = redactStrings({ ...phase, events: [], activity: { ...activity, notifications: [], taskEvents: {} } });
  return { ...redacted, events, activity: { ...redacted.activity, notifications: activity.notifications, taskEvents: activity.taskEvents } };
}

/**
 * Metrics files are free form, and some hold a credential under a name that says so ("deploy_password": "hunter2"):
 * such a value is redacted whole before any verdict or message can quote it. Shapes (tokens, keys) in any value are
 * left to the redaction of the whole model.
 */
function withNamedSecretsRedacted(parsed: ParsedMetricsFile): ParsedMetricsFile {
  return { ...parsed, entries: parsed.entries.map((entry) => (typeof entry.raw === 'string' ? { ...entry, raw: redactNamedValueCounting(entry.name, entry.raw).text } : entry)) };
}

/** A task file without objectives or deliverables takes them from the overview's group for its id. */
function withOverviewLists(task: Task, overview: ReturnType<typeof parseOverview>['overview']): Task {
  const objectives = task.objectives.length > 0 ? task.objectives : (overview.objectives.find((group) => group.taskId === task.id)?.items.map((item) => item.text) ?? []);
  const deliverables = task.deliverables.length > 0 ? task.deliverables : (overview.deliverables.find((group) => group.taskId === task.id)?.items ?? []);
  return { ...task, objectives, deliverables };
}

/**
 * complete when every task is; in_progress once any has started or finished; blocked only when every task is
 * blocked. The seed package has three tasks "Ready to execute" and 7.4 "Waiting for Task 7.3": that phase can start.
 */
export function derivePhaseStatus(statuses: readonly TaskStatus[]): TaskStatus {
  if (statuses.length === 0) return 'pending';
  if (statuses.every((status) => status === 'complete')) return 'complete';
  if (statuses.some((status) => status === 'in_progress' || status === 'complete')) return 'in_progress';
  if (statuses.every((status) => status === 'blocked')) return 'blocked';
  return 'pending';
}

/** Share of estimated days in complete tasks, 0..1 (by count when nothing has an estimate). */
export function deriveProgress(tasks: readonly Pick<Task, 'status' | 'estimateDays'>[]): number {
  if (tasks.length === 0) return 0;
  const total = tasks.reduce((sum, task) => sum + task.estimateDays, 0);
  const done = tasks.filter((task) => task.status === 'complete');
  if (total === 0) return round(done.length / tasks.length);
  return round(done.reduce((sum, task) => sum + task.estimateDays, 0) / total);
}

/** The latest of ISO timestamps, normalized to ISO 8601 UTC; null for none. */
export function newest(timestamps: readonly string[]): string | null {
  const times = timestamps.map((value) => Date.parse(value)).filter((time) => !Number.isNaN(time));
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString();
}
