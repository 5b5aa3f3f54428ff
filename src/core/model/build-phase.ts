/**
 * Turns the files of one coordination package into the phase model every page renders. Pure: the files come in
 * as text, so the same inputs give the same model.
 */
import { deriveActivity } from './derive-activity.ts';
import { judgeAsOf } from './freshness.ts';
import type { PackageFiles, SourceFile } from '../schema/package-files.ts';
import { redactNamedValueCounting, redactStrings, secretWarning } from '../redact/redact.ts';
import { mayReport } from '../metrics/reported-value.ts';
import { deriveMetrics, type DuringValue } from '../metrics/derive-metrics.ts';
import { normalizeKey } from '../metrics/normalize-key.ts';
import { parseMetricsJson, type ParsedMetricsFile } from '../metrics/parse-metrics-json.ts';
import { formatIssue, groupWarnings } from '../text/issues.ts';
import { emptyOverview, parseOverview, type Overview, type ParsedOverview } from '../overview/parse-overview.ts';
import { checkTaskTable, type FieldLines, type TaskTableRow } from '../overview/task-table.ts';
import { compareTaskIds, computeCriticalPath, countedTasks, findGraphProblems, isLeftOut, scheduleGraph } from './schedule.ts';
import { idLookup, phaseNumberOf, proseIds } from '../tasks/parse-dependencies.ts';
import { attachCompanions, isCompanion } from '../tasks/companions.ts';
import { subtaskSections } from '../tasks/subtask-sections.ts';
import { tasksFromTable } from '../overview/table-tasks.ts';
import type { EventView, Issue, Phase, Task, TaskStatus } from '../schema/model.ts';
import { dependencyLine, parseTaskFile } from '../tasks/parse-task.ts';
import { taskListFormats, type TaskListFormat, type TaskListRead } from '../formats/task-lists.ts';
import { applySprintStatus } from '../formats/bmad.ts';
import { applyLayoutEvidence } from '../formats/layout-evidence.ts';
import { round } from '../format/round.ts';
import { nameKey } from '../text/look-alike.ts';
import { summarizeActivity } from './summarize-activity.ts';
import { judgeHealth } from './judge.ts';
import { emptyPhaseIssue } from './empty-phase.ts';
import { withTeamWords } from '../tasks/team-words.ts';
import { defaultReading, type ReadingRules } from '../config/reading.ts';
import { allTasksComplete } from './completion.ts';
import { historySummary, weeklyForecasts, withHistory } from './history.ts';
import { formatTimestamp } from '../format/format.ts';

interface BuildOptions {
  /**
   * The time the build treats as "now" (ISO 8601): staleness is measured to it. Null leaves the phase unjudged, to
   * be judged with `applyAsOf` once the time is known (a cached phase is reused for any time).
   */
  buildAsOf: string | null;
  /** How the team asks its files to be read (cairn.config.json); the defaults when not given. */
  reading?: ReadingRules;
  /**
   * False only where nothing of the result is shown but its tasks' ids and statuses (a phase read at each commit of
   * its history): its texts are then not searched for secrets.
   */
  redact?: boolean;
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

/** Reads, checks and joins one package, with the team's own status words and keys understood. Errors and warnings are returned, never thrown. */
export function buildPhase(files: PackageFiles, { buildAsOf, reading = defaultReading, redact = true }: BuildOptions): PhaseResult {
  return withTeamWords(reading, () => readPhase(files, buildAsOf, reading, redact));
}

function readPhase(files: PackageFiles, buildAsOf: string | null, reading: ReadingRules, redact: boolean): PhaseResult {
  const issues: Issue[] = [...(files.problems ?? [])];
  const list = files.taskList ? readTaskList(files.taskList, files.phaseId) : null;
  issues.push(...packageWarnings(files, list !== null));
  const overviewResult = files.overview ? parseOverview(files.overview.text, files.overview.path, files.phaseId) : null;
  issues.push(...(overviewResult?.issues ?? []));
  const { tasks, read, otherFiles, tableTasks, problems } = phaseTasks(files, list, overviewResult, issues, reading);

  const measured = readMetricFiles(files);
  issues.push(...measured.issues);

  const overview = overviewResult?.overview ?? emptyOverview(list?.read.title ?? files.layout?.title ?? titleFromFolder(files.phaseId));
  const overviewPath = files.overview?.path ?? files.dir;
  const authoredTasks = withHistory(
    tasks.toSorted((a, b) => compareTaskIds(a.id, b.id)).map((task) => withOverviewLists(task, overview)),
    files.history,
  );
  const activity = deriveActivity(authoredTasks, files.hooks, buildAsOf);
  const { metrics, issues: metricIssues } = phaseMetrics(files, overview, overviewPath, measured, activity.events);
  issues.push(...metricIssues);
  const summary = summarizeActivity(
    { id: files.phaseId, title: overview.title, tasks: rollUpSubtasks(activity.tasks) },
    activity.events,
    activity.statusChanges,
  );
  const sortedTasks = summary.tasks;
  const graphOk = problems.cycles.length === 0;
  const timestamps = [
    overview.created,
    ...read.createdById.values(),
    measured.baseline?.timestamp,
    measured.final?.timestamp,
    activity.dataQuality.newestEvent,
    files.history?.last.time,
  ].filter((value): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value)));

  const phase: Phase = {
    id: files.phaseId,
    title: overview.title,
    status: phaseStatusOf(sortedTasks),
    progress: deriveProgress(sortedTasks),
    statusText: overview.statusText,
    // Without a Created date in the overview, the phase began no later than the first task it holds was created, or
    // the first commit of its folder.
    created: overview.created ?? oldestOf([...read.createdById.values(), ...(files.history ? [files.history.first.time] : [])]),
    coordinator: overview.coordinator,
    session: overview.session,
    objectives: overview.objectives,
    successCriteria: overview.successCriteria,
    deliverables: deliverablesOf(overview, sortedTasks),
    metrics,
    tasks: sortedTasks,
    criticalPath: graphOk ? criticalPathOf(sortedTasks) : { taskIds: [], days: 0, alternatives: [], unestimated: 0 },
    statedDays: overview.statedDays,
    asOf: newest(timestamps),
    warnings: groupWarnings(issues)
      .filter((issue) => issue.severity === 'warning')
      .map(formatIssue),
    events: summary.recent,
    activity: summary.activity,
    dataQuality: {
      ...activity.dataQuality,
      otherFiles: otherFiles.toSorted((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      readers: readersOf(files, list, tableTasks),
      history: historySummary(files.history),
    },
    // Unjudged: the newest time the phase itself knows, until applyAsOf sets the build's.
    buildAsOf: buildAsOf ?? activity.dataQuality.newestEvent ?? new Date(0).toISOString(),
    file: overviewPath,
    statedEnd: overview.statedEnd,
    nextAction: overview.nextAction,
    // Judged with the build's time, in applyAsOf.
    health: null,
    forecast: null,
    simulation: null,
    pastForecasts: weeklyForecasts(files.phaseId, sortedTasks, files.history, overview.statedEnd),
  };
  const result = { phase, bodies: read.bodies, issues: groupWarnings(issues), eventTimes: activity.times };
  return redact ? redactPhaseResult(result) : result;
}

/** What the package as a whole gets a warning for: no overview, no task list and no tool's folder; a secret in a file. */
function packageWarnings(files: PackageFiles, hasList: boolean): Issue[] {
  const issues: Issue[] = [];
  if (!files.overview && !hasList && !files.layout) {
    issues.push({
      file: `${files.dir}/README.md`,
      line: 1,
      column: 1,
      severity: 'warning',
      message: `The phase folder ${files.dir} has no overview (README.md), so the folder name is its title and it has no metrics or success criteria.`,
      hint: 'Add a README.md with a "# Phase N: Title" heading, **Status:** and the success metrics table.',
    });
  }
  for (const file of [files.overview, ...files.tasks, ...(files.taskList?.files ?? [files.taskList?.file ?? null]), files.baseline, files.final]) {
    const warning = file ? secretWarning(file.path, file.text) : null;
    if (warning) issues.push(warning);
  }
  return issues;
}

/** What the phase's task files gave, gathered as they are read: the tasks and, by task id, what else each file said. */
interface TaskFileReading {
  tasks: Task[];
  /** Markdown of each task as its page shows it, by task id. */
  bodies: Map<string, string>;
  /** The file each task was read from, by task id. */
  taskTexts: Map<string, SourceFile>;
  fieldLines: Map<string, FieldLines>;
  /** Metadata keys Cairn does not read, each with the files that use it. */
  unreadKeys: Map<string, Set<string>>;
  /** The parent a task file names, by task id. */
  parents: Map<string, { parent: string; file: string; line: number }>;
  /** The creation date each task file states (Backlog.md's created_date), which dates a phase whose overview does not. */
  createdById: Map<string, string>;
  /** Each task file's Markdown body, for the subtasks it nests as sections. */
  fileBodies: Map<string, string>;
}

/**
 * Every task of the phase, its dependencies resolved and its parent set, from its task files, its tool's folder, its
 * task list or its overview's task table; with what was read besides and the dependency graph's problems. What is
 * wrong is added to `issues`.
 */
function phaseTasks(
  files: PackageFiles,
  list: { format: TaskListFormat; read: TaskListRead } | null,
  overviewResult: ParsedOverview | null,
  issues: Issue[],
  reading: ReadingRules,
) {
  const otherFiles = [...(files.otherFiles ?? [])];
  const read = readTaskFiles(files, issues, otherFiles);
  applyLayout(files, read, issues);
  if (list) addListTasks(files.taskList!, list.read, read, issues);
  // Tasks the overview's task table names and no file holds are tasks, read from their rows.
  const tableTasks =
    files.overview && overviewResult && !list && !files.layout ? addTableTasks(overviewResult.taskRows, files.overview, files.phaseId, read, issues) : 0;
  // A file that could not be read already has its error; an empty phase after it says nothing more.
  if (read.tasks.length === 0 && !issues.some((issue) => issue.severity === 'error'))
    issues.push(emptyPhaseIssue({ ...files, otherFiles }, reading.allowEmpty));
  if (read.unreadKeys.size > 0) issues.push(unreadKeysWarning(read.unreadKeys, files.overview?.path ?? files.tasks[0]?.path ?? files.dir));
  const tasks = resolveLocalDependencies(withParents(read.tasks, read.parents, issues));
  if (files.overview) issues.push(...checkTaskTable(overviewResult?.taskRows ?? [], tasks, read.fieldLines, files.overview.path));
  const problems = findGraphProblems(scheduleGraph(tasks));
  issues.push(...cycleErrors(problems.cycles, read.taskTexts));
  return { tasks, read, otherFiles, tableTasks, problems };
}

/**
 * Reads the phase's task files, then the subtasks they nest as sections and the reports beside them. What is wrong
 * is added to `issues`, and each file that is not a task to `otherFiles`.
 */
function readTaskFiles(files: PackageFiles, issues: Issue[], otherFiles: { path: string; reason: string }[]): TaskFileReading {
  const read: TaskFileReading = {
    tasks: [],
    bodies: new Map(),
    taskTexts: new Map(),
    fieldLines: new Map(),
    unreadKeys: new Map(),
    parents: new Map(),
    createdById: new Map(),
    fileBodies: new Map(),
  };
  // A completion report, an analysis or an update beside a task speaks about it: it attaches to it, never a task itself.
  // A tool's folder (files.layout) has its own rules for the files beside its tasks.
  const slugs = files.tasks.map((file) => file.slug);
  const companions = files.layout ? [] : files.tasks.filter((file) => isCompanion(file.slug, slugs));
  for (const file of files.tasks) {
    if (!companions.includes(file)) readTaskFile(file, files, read, issues, otherFiles);
  }
  addSubtaskSections(read);
  if (companions.length > 0) {
    const attached = attachCompanions(read.tasks, companions, files.phaseId);
    read.tasks.splice(0, read.tasks.length, ...attached.tasks);
    issues.push(...attached.issues);
    otherFiles.push(...attached.otherFiles);
  }
  return read;
}

/** Reads one task file into `read`: its task, unless another file's task with its id is kept instead. */
function readTaskFile(
  file: PackageFiles['tasks'][number],
  files: PackageFiles,
  read: TaskFileReading,
  issues: Issue[],
  otherFiles: { path: string; reason: string }[],
): void {
  const parsed = parseTaskFile({ text: file.text, path: file.path, slug: file.slug, phaseId: files.phaseId, idPrefix: files.layout?.idPrefix });
  if (!parsed.isTask) {
    // A file a tool's reader took for a task (ccpm's 86.md) whose frontmatter cannot be read is an error, not a document.
    const unreadable = files.layout ? parsed.issues.filter((issue) => issue.severity === 'error') : [];
    issues.push(...unreadable);
    otherFiles.push({
      path: file.path,
      reason: unreadable.length > 0 ? `not read: ${unreadable[0]!.message}` : 'not a task: no task id with task metadata or a "Task …" title',
    });
    return;
  }
  issues.push(...parsed.issues);
  for (const key of parsed.unreadKeys) read.unreadKeys.set(key, (read.unreadKeys.get(key) ?? new Set()).add(file.path));
  if (!parsed.task) return;
  if (!placeTask(parsed.task, file.path, parsed.fieldLines.id ?? 1, read.tasks, issues, otherFiles)) return;
  const { id } = parsed.task;
  read.bodies.set(id, parsed.content);
  read.fileBodies.set(id, parsed.body);
  read.taskTexts.set(id, file);
  read.fieldLines.set(id, parsed.fieldLines);
  if (parsed.created) read.createdById.set(id, parsed.created);
  else read.createdById.delete(id);
  if (parsed.parent) read.parents.set(id, { parent: parsed.parent, file: file.path, line: parsed.fieldLines.parent ?? 1 });
  else read.parents.delete(id);
}

/**
 * Puts a task read from `path` among `tasks`. False when it is left out: its id differs from another's only in case,
 * or another file with the same id has more task metadata.
 */
function placeTask(task: Task, path: string, idLine: number, tasks: Task[], issues: Issue[], otherFiles: { path: string; reason: string }[]): boolean {
  // Ids that differ only in case read as one id to a person, in the report's anchors and in a dependency.
  const caseTwin = tasks.find((other) => other.id !== task.id && nameKey(other.id) === nameKey(task.id));
  if (caseTwin) {
    issues.push({
      file: path,
      line: idLine,
      column: 1,
      severity: 'error',
      message: `Task ids ${caseTwin.id} (${caseTwin.file}) and ${task.id} differ only in upper and lower case, so readers and dependencies cannot tell them apart.`,
      hint: 'Give one of the two tasks another id.',
    });
    return false;
  }
  const twinAt = tasks.findIndex((other) => other.id === task.id);
  if (twinAt < 0) {
    tasks.push(task);
    return true;
  }
  // Two files claim one id: the one with more task metadata is the task, the other is listed and named in a warning.
  const twin = tasks[twinAt]!;
  const [kept, dropped] = metadataCount(task) > metadataCount(twin) ? [task, twin] : [twin, task];
  // What was said about the file left out no longer applies to the site.
  issues.splice(0, issues.length, ...issues.filter((issue) => issue.file !== dropped.file || issue.severity === 'error'));
  issues.push({
    file: dropped.file,
    line: 1,
    column: 1,
    severity: 'warning',
    message: `Task id ${dropped.id} is also used by ${kept.file}; this file is left out.`,
    hint: 'Give every task in a phase its own id.',
  });
  otherFiles.push({ path: dropped.file, reason: `not read: its task id ${dropped.id} is also used by ${kept.file}` });
  if (kept === twin) return false;
  tasks[twinAt] = task;
  return true;
}

/** Subtasks a task file nests as its own sections ("### Sub-Task 8.0.1: …"), added to `read`; a task with a file of its own wins. */
function addSubtaskSections(read: TaskFileReading): void {
  for (const task of [...read.tasks]) {
    const body = read.fileBodies.get(task.id);
    const file = read.taskTexts.get(task.id);
    if (body === undefined || !file) continue;
    for (const sub of subtaskSections(task, body, file.text.split('\n').length - body.split('\n').length)) {
      if (read.tasks.some((other) => other.id.toLowerCase() === sub.task.id.toLowerCase())) continue;
      read.tasks.push(sub.task);
      read.bodies.set(sub.task.id, sub.content);
      read.taskTexts.set(sub.task.id, file);
    }
  }
}

/**
 * What a tool's folder says of its tasks besides their files, applied to `read`: BMAD's sprint-status.yaml (the
 * stories' statuses as the workflow keeps them, and the stories with no file yet), a board's status folders, ccpm's
 * update files.
 */
function applyLayout(files: PackageFiles, read: TaskFileReading, issues: Issue[]): void {
  const sprintStatus = files.layout?.sprintStatus;
  if (sprintStatus) {
    const sprint = applySprintStatus(read.tasks, sprintStatus, files.phaseId);
    read.tasks.splice(0, read.tasks.length, ...sprint.tasks);
    issues.push(...sprint.issues);
    for (const task of sprint.added) {
      read.bodies.set(task.id, '');
      read.taskTexts.set(task.id, sprintStatus);
    }
  }
  const evidence = applyLayoutEvidence(read.tasks, files);
  read.tasks.splice(0, read.tasks.length, ...evidence.tasks);
  const superseded = new Set(evidence.superseded ?? []);
  issues.splice(0, issues.length, ...issues.filter((issue) => !(superseded.has(issue.file) && issue.message.startsWith('Unknown status '))));
  issues.push(...evidence.issues);
}

/** The tasks a task list's reader read, added to `read`. */
function addListTasks(taskList: NonNullable<PackageFiles['taskList']>, list: TaskListRead, read: TaskFileReading, issues: Issue[]): void {
  issues.push(...list.issues);
  for (const { task, content, created } of list.tasks) {
    read.tasks.push(task);
    read.bodies.set(task.id, content);
    // A list kept one file per task (Claude Code's <id>.json): each task's text is its own file.
    read.taskTexts.set(task.id, taskList.files?.find((file) => file.path === task.file) ?? taskList.file);
    if (created) read.createdById.set(task.id, created);
  }
}

/** The tasks the overview's task table names and no file holds, read from their rows and added to `read`; how many. */
function addTableTasks(rows: readonly TaskTableRow[], overview: SourceFile, phaseId: string, read: TaskFileReading, issues: Issue[]): number {
  const fromTable = tasksFromTable(rows, read.tasks, overview.path, phaseId);
  issues.push(...fromTable.issues);
  for (const task of fromTable.tasks) {
    read.tasks.push(task);
    read.bodies.set(task.id, '');
    read.taskTexts.set(task.id, overview);
  }
  return fromTable.tasks.length;
}

/** An error for each dependency cycle, at the dependency that closes it in the first task's file. */
function cycleErrors(cycles: readonly string[][], taskTexts: ReadonlyMap<string, SourceFile>): Issue[] {
  return cycles.map((cycle): Issue => {
    const [first = ''] = cycle;
    const file = taskTexts.get(first)!;
    const at = dependencyLine(file.text, cycle[1] ?? '');
    return {
      ...at,
      file: file.path,
      severity: 'error',
      message: `Dependency cycle: ${cycle.join(' → ')}. None of these tasks could ever start.`,
      hint: 'Remove one of the dependencies in the cycle.',
    };
  });
}

/** The phase's metrics files (baseline, final, and those it updates while it runs), read, with what is wrong in them. */
function readMetricFiles(files: PackageFiles) {
  const readMetrics = (file: SourceFile | null): ParsedMetricsFile | null => (file ? withNamedSecretsRedacted(parseMetricsJson(file.text, file.path)) : null);
  const baseline = readMetrics(files.baseline);
  const final = readMetrics(files.final);
  const current = (files.current ?? []).map((file) => ({ file, parsed: readMetrics(file)! }));
  const issues = [...(baseline?.issues ?? []), ...(final?.issues ?? []), ...current.flatMap(({ parsed }) => parsed.issues)];
  return { baseline, final, current, issues };
}

/** The metrics of the overview's table, with their values from the metrics files and from what the agents wrote. */
function phaseMetrics(
  files: PackageFiles,
  overview: Overview,
  overviewPath: string,
  { baseline, final, current }: ReturnType<typeof readMetricFiles>,
  events: readonly EventView[],
) {
  return deriveMetrics({
    rows: overview.metricRows,
    overviewPath,
    baseline: baseline?.entries ?? [],
    baselinePath: files.baseline?.path ?? null,
    final: final?.entries ?? [],
    finalPath: files.final?.path ?? null,
    during: [...metricsFiles(current), ...metricsWritten(files.phaseId, events)].toSorted((a, b) => (a.time ?? '').localeCompare(b.time ?? '')),
    reported: events
      .filter((event) => event.message !== null && mayReport(event.message))
      .map((event) => ({ text: event.message!, path: event.source.path, time: event.time }))
      .toSorted((a, b) => (a.time ?? '').localeCompare(b.time ?? '')),
  });
}

/** The phase's status from its tasks' statuses: those left out (optional, cancelled) count only when all are. */
function phaseStatusOf(tasks: readonly Task[]): TaskStatus {
  return derivePhaseStatus(tasks.some((task) => !isLeftOut(task)) ? tasks.filter((task) => !isLeftOut(task)) : tasks);
}

/** The overview's deliverables, or else each task's own, grouped by task. */
function deliverablesOf(overview: Overview, tasks: readonly Task[]): Phase['deliverables'] {
  return overview.deliverables.length > 0
    ? overview.deliverables
    : tasks.map((task) => ({ title: `Task ${task.id} Deliverables`, taskId: task.id, items: task.deliverables })).filter((group) => group.items.length > 0);
}

/** One warning for the metadata keys Cairn does not read, each with the number of files that use it. */
function unreadKeysWarning(keys: ReadonlyMap<string, ReadonlySet<string>>, file: string): Issue {
  const list = [...keys]
    .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, files]) => `${key} (${files.size} ${files.size === 1 ? 'file' : 'files'})`);
  return {
    file,
    line: 1,
    column: 1,
    severity: 'warning',
    message: `Metadata not read: ${list.join(', ')}.`,
    hint: `These keys stay on the task pages but nothing is computed from them. Cairn reads ${readableKeys}; rename a key if it means one of those.`,
  };
}

const readableKeys =
  'agent (or owner, assignee), estimate (or effort, duration, time estimate), status, dependencies (or depends on, blocked by), priority, task id, started, completed, created, updated, labels, parent, memory keys';

/** How much task metadata a parsed task has: the tie-breaker between two files that claim one id. */
function metadataCount(task: Task): number {
  return [task.agent, task.estimateText, task.statusText, task.dependencies.length > 0 ? 'yes' : null].filter((value) => value !== null).length;
}

/** A phase's task list read by its format's reader (src/core/formats), or null when the format is not known. */
function readTaskList(taskList: NonNullable<PackageFiles['taskList']>, phaseId: string): { format: TaskListFormat; read: TaskListRead } | null {
  const format = taskListFormats.find((candidate) => candidate.id === taskList.format);
  return format ? { format, read: format.read(taskList.file, phaseId, taskList.part, taskList.files) } : null;
}

/** Which reader read the phase's tasks, and why, for the data-quality panel. */
function readersOf(files: PackageFiles, list: { format: TaskListFormat } | null, tableTasks: number): Phase['dataQuality']['readers'] {
  if (list && files.taskList)
    return [
      {
        format: list.format.id,
        label: list.format.label,
        files: (files.taskList.files ?? [files.taskList.file]).map((file) => file.path),
        reason: files.taskList.reason,
      },
    ];
  if (files.layout) return [{ format: files.layout.format, label: files.layout.label, files: [files.layout.file], reason: files.layout.reason }];
  // Each task names its own file; the list is not repeated here.
  const taskFileReader =
    files.tasks.length === 0
      ? []
      : [
          {
            format: 'task-files',
            label: 'Markdown task files',
            files: [],
            reason: `${files.tasks.length} Markdown file${files.tasks.length === 1 ? '' : 's'} in the phase folder, each read as one task when it has an id and task metadata`,
          },
        ];
  const tableReader =
    tableTasks === 0 || !files.overview
      ? []
      : [
          {
            format: 'overview-table',
            label: "the overview's task table",
            files: [files.overview.path],
            reason: `${tableTasks} task${tableTasks === 1 ? '' : 's'} named only in a row of the overview's task table, read from the row`,
          },
        ];
  return [...taskFileReader, ...tableReader];
}

/** "phase_1" → "Phase 1", "sprint-3-api" → "Sprint 3 api": a phase without an overview is titled by its folder. */
function titleFromFolder(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A task made of subtasks stands where its subtasks stand: complete when all are, in progress once one has started,
 * blocked when all are. Its own file or a hook event decides only while none of them has moved.
 */
function rollUpSubtasks(tasks: readonly Task[]): Task[] {
  // An optional subtask not done (Kiro's "- [ ]* …") does not hold its task back.
  const children = Map.groupBy(
    tasks.filter((task) => task.parentId && !isLeftOut(task)),
    (task) => task.parentId!,
  );
  return tasks.map((task) => {
    const own = children.get(task.id);
    if (!own || own.length === 0) return task;
    const rolled = derivePhaseStatus(own);
    if (rolled === 'pending' && task.status !== 'complete') return task;
    // All subtasks done while the task itself still says otherwise: the work is under way, not closed.
    const status = rolled === 'complete' && task.statusText !== null && task.status !== 'complete' ? 'in_progress' : rolled;
    const counts = Object.entries(Object.groupBy(own, (child) => child.status)).map(([name, list]) => `${list!.length} ${name.replace('_', ' ')}`);
    const completedAt =
      status === 'complete'
        ? (own
            .map((child) => child.completedAt)
            .filter((time): time is string => time !== null)
            .toSorted()
            .at(-1) ?? null)
        : null;
    const startedAt =
      own
        .map((child) => child.startedAt)
        .filter((time): time is string => time !== null)
        .toSorted()[0] ?? task.startedAt;
    return {
      ...task,
      status,
      completedAt,
      startedAt,
      statusEvidence: { ...task.statusEvidence, status, summary: `from its ${own.length === 1 ? 'subtask' : `${own.length} subtasks`}: ${counts.join(', ')}` },
    };
  });
}

/**
 * Sets each subtask's parent: the task its file names as parent ("parent_task_id: TASK-195", any case), else 8.11
 * for 8.11.1, when the phase has that task. A named parent the phase does not have is a warning, and the task stands
 * on its own.
 */
function withParents(tasks: readonly Task[], named: ReadonlyMap<string, { parent: string; file: string; line: number }>, issues: Issue[]): Task[] {
  const find = idLookup(tasks.map((task) => task.id));
  return tasks.map((task) => {
    const claim = named.get(task.id);
    // Only a parent the file names makes a subtask: numbering alone (4.3.1 beside 4.3) does not.
    const parent = claim ? find(claim.parent) : undefined;
    if (claim && (parent === undefined || parent === task.id)) {
      issues.push({
        file: claim.file,
        line: claim.line,
        column: 1,
        severity: 'warning',
        message: `Task ${task.id} names ${claim.parent} as its parent, which is not a task of this phase; it is shown on its own.`,
        hint: 'Name a task of this phase as the parent, or remove the parent.',
      });
      return task;
    }
    return parent !== undefined ? { ...task, parentId: parent } : task;
  });
}

/**
 * Splits each task's dependencies into the ones in this phase (its dependsOn) and the rest, which the content root
 * resolves (link-phases.ts). "Phase 3 complete" names this phase's tasks 3.x when they sit in this folder.
 */
function resolveLocalDependencies(tasks: readonly Task[]): Task[] {
  // Ids are matched in any case ("task-42" and "TASK-42" are one task; two tasks that differ only in case are an error).
  // "001" beside "TASK-038": ids written with or without the phase's prefix are one (idLookup).
  const find = idLookup(tasks.map((task) => task.id));
  return tasks.map((task) => {
    // A number in a dependency's prose ("Gemini 2.5 Pro API") is a task only when the phase has one by that id.
    const dependencies = task.dependencies.map((dependency) => {
      const prose = proseIds(dependency.raw).filter((id) => find(id) === undefined);
      const taskIds = dependency.taskIds.filter((id) => !prose.includes(id)).map((id) => find(id) ?? id);
      return taskIds.length === dependency.taskIds.length && taskIds.every((id, at) => id === dependency.taskIds[at]) ? dependency : { ...dependency, taskIds };
    });
    const local = dependencies.flatMap((dependency) => {
      const named = dependency.taskIds.flatMap((id) => find(id) ?? []);
      const phase = dependency.taskIds.length === 0 ? phaseNumberOf(dependency.raw) : null;
      const inPhase = (other: Task) =>
        other.id !== task.id &&
        (other.id === String(phase) ||
          (other.id.includes('.') && other.id.split('.')[0] === String(phase) && other.id.split('.')[0] !== task.id.split('.')[0]));
      const ofPhase = phase === null ? [] : tasks.filter(inPhase).map((other) => other.id);
      return [...named, ...ofPhase];
    });
    return { ...task, dependencies, dependsOn: [...new Set(local)] };
  });
}

/** The critical path over the tasks, with the number of counted tasks that have no estimate. */
function criticalPathOf(tasks: readonly Task[]): Phase['criticalPath'] {
  const counted = countedTasks(tasks);
  const unestimated = counted.filter((task) => task.estimateDays === null).length;
  // Without a single estimate there is no longest chain to speak of: every chain is 0 days long.
  if (counted.length > 0 && unestimated === counted.length) return { taskIds: [], days: 0, alternatives: [], unestimated };
  return { ...computeCriticalPath(scheduleGraph(tasks)), unestimated };
}

/**
 * Judges an unjudged phase (built with `buildAsOf: null`) against the build's time: the stale flag, health, forecast.
 * Never at a time before the phase's own first date: a phase created after the time given is judged at its Created
 * date, and says so.
 */
export function applyAsOf(phase: Phase, eventTimes: readonly string[], buildAsOf: string): Phase {
  const early = phase.created !== null && Date.parse(phase.created) > Date.parse(buildAsOf);
  const at = early ? new Date(phase.created!).toISOString() : buildAsOf;
  const warnings = early
    ? [
        ...phase.warnings,
        `The phase was created ${formatTimestamp(phase.created)}, after the time the site is judged at (${formatTimestamp(buildAsOf)}); it is judged at its Created date.`,
      ]
    : phase.warnings;
  return judgeHealth({ ...phase, buildAsOf: at, warnings, dataQuality: judgeAsOf(phase.dataQuality, phase.tasks, eventTimes, at) });
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
  return {
    ...parsed,
    entries: parsed.entries.map((entry) => (typeof entry.raw === 'string' ? { ...entry, raw: redactNamedValueCounting(entry.name, entry.raw).text } : entry)),
  };
}

/** A task file without objectives or deliverables takes them from the overview's group for its id. */
function withOverviewLists(task: Task, overview: ReturnType<typeof parseOverview>['overview']): Task {
  const objectives =
    task.objectives.length > 0 ? task.objectives : (overview.objectives.find((group) => group.taskId === task.id)?.items.map((item) => item.text) ?? []);
  const deliverables = task.deliverables.length > 0 ? task.deliverables : (overview.deliverables.find((group) => group.taskId === task.id)?.items ?? []);
  return { ...task, objectives, deliverables };
}

/**
 * complete when every task is; in_progress once any has started or finished; blocked only when every task is
 * blocked. The seed package has three tasks "Ready to execute" and 7.4 "Waiting for Task 7.3": that phase can start.
 */
function derivePhaseStatus(tasks: readonly { status: TaskStatus }[]): TaskStatus {
  if (tasks.length === 0) return 'pending';
  if (allTasksComplete(tasks)) return 'complete';
  if (tasks.some(({ status }) => status === 'in_progress' || status === 'complete')) return 'in_progress';
  if (tasks.every(({ status }) => status === 'blocked')) return 'blocked';
  return 'pending';
}

/**
 * Share of estimated days in complete tasks, 0..1. Cancelled tasks and tasks made of subtasks are left out (their
 * subtasks count). When a task has no estimate the share is of tasks, not days: a missing estimate is not zero work.
 */
function deriveProgress(all: readonly ProgressTask[]): number {
  const tasks = countedTasks(all);
  if (tasks.length === 0) return allTasksComplete(all) ? 1 : 0;
  const done = tasks.filter((task) => task.status === 'complete');
  if (progressCountsTasks(all)) return round(done.length / tasks.length);
  const total = tasks.reduce((sum, task) => sum + (task.estimateDays ?? 0), 0);
  return round(done.reduce((sum, task) => sum + (task.estimateDays ?? 0), 0) / total);
}

type ProgressTask = Pick<Task, 'status' | 'estimateDays'> & Partial<Pick<Task, 'id' | 'cancelled' | 'optional' | 'parentId'>>;

/** What a phase's progress percentage counts, in the words after the number. */
export function progressLabel(tasks: readonly ProgressTask[]): string {
  return progressCountsTasks(tasks) ? 'of tasks complete' : 'of the estimated work complete';
}

/** Whether progress counts tasks rather than estimated work: some counted task has no estimate, or none has any length. */
export function progressCountsTasks(all: readonly ProgressTask[]): boolean {
  const tasks = countedTasks(all);
  return tasks.length === 0 || tasks.some((task) => task.estimateDays === null) || tasks.reduce((sum, task) => sum + (task.estimateDays ?? 0), 0) === 0;
}

/** The earliest of ISO timestamps, normalized to ISO 8601 UTC; null for none. */
function oldestOf(timestamps: readonly string[]): string | null {
  const times = timestamps.map((value) => Date.parse(value)).filter((time) => !Number.isNaN(time));
  return times.length === 0 ? null : new Date(Math.min(...times)).toISOString();
}

/** The latest of ISO timestamps, normalized to ISO 8601 UTC; null for none. */
export function newest(timestamps: readonly string[]): string | null {
  const times = timestamps.map((value) => Date.parse(value)).filter((time) => !Number.isNaN(time));
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString();
}

/** The values of the metrics files the phase updates while it runs, each at its file's "timestamp". */
function metricsFiles(current: readonly { file: SourceFile; parsed: ParsedMetricsFile }[]): DuringValue[] {
  return current.flatMap(({ file, parsed }) =>
    parsed.entries.map((entry) => ({ key: entry.key, raw: String(entry.raw), path: file.path, memoryKey: null, time: parsed.timestamp })),
  );
}

/**
 * Metric values the agents wrote while the phase runs: memory keys "<phase>/metrics/<key>" ("phase7/metrics/
 * clippy_warnings" = 12), oldest first, so the newest of a key wins.
 */
function metricsWritten(phaseId: string, events: readonly EventView[]): DuringValue[] {
  const prefix = `${phaseId.replace(/[-_]/g, '').toLowerCase()}/metrics/`;
  return events.flatMap((event) => {
    const key = event.kind === 'memory.set' ? event.memoryKey : null;
    const raw = event.status ?? event.message;
    if (!key?.toLowerCase().startsWith(prefix) || raw === null) return [];
    return [{ key: normalizeKey(key.slice(prefix.length)), raw, path: event.source.path, memoryKey: key, time: event.time }];
  });
}
