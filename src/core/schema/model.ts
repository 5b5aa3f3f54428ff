/**
 * The model: every shape the core builds from a package, as zod schemas. Types are derived from them (`z.output`),
 * so the schemas are the one source of truth for the core, the phase cache and the frozen versions. status.json's
 * contract is in status-json.ts.
 */
import { z } from 'zod';

/** The package's own status words (seed: "Status Values"). */
export const TaskStatusSchema = z.enum(['pending', 'in_progress', 'complete', 'blocked']);
export type TaskStatus = z.output<typeof TaskStatusSchema>;

/** How a metric stands against its target. */
export const VerdictSchema = z.enum(['met', 'missed', 'pending', 'unknown']);
export type Verdict = z.output<typeof VerdictSchema>;

/** A problem found in the content, pointing at a file position (1-based line and column). */
const IssueSchema = z.object({
  /** Path of the file, relative to the working directory. */
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  severity: z.enum(['error', 'warning']),
  /** What happened and why, as a full sentence. */
  message: z.string(),
  /** What to change. */
  hint: z.string().optional(),
  /** The kind of problem, for warnings that are grouped when many files share them ("no-agent"). */
  code: z.string().optional(),
});
export type Issue = z.output<typeof IssueSchema>;

/** A checklist or bullet item; `checked` is null for a plain bullet. */
export const ChecklistItemSchema = z.object({
  text: z.string(),
  checked: z.boolean().nullable(),
});
export type ChecklistItem = z.output<typeof ChecklistItemSchema>;

/** A parsed metric value: "626/630 (99.4%)", "45%", "17.1s", "1.x", "TBD", 12. */
export const MetricValueSchema = z.object({
  /** The value as written (number or text). */
  raw: z.union([z.number(), z.string()]),
  kind: z.enum(['number', 'ratio', 'percent', 'duration', 'version', 'placeholder', 'text']),
  /** A comparable number: the count, the percentage (0..100), seconds for durations; null when there is none. */
  value: z.number().nullable(),
  /** Unit as written or implied ("%", "s", "warnings"); null when there is none. */
  unit: z.string().nullable(),
});
export type MetricValue = z.output<typeof MetricValueSchema>;

/** A parsed target: "<20", "≤ 20", "-25 to -40%", "93", "100%", "2.0.0", "TBD". */
const TargetSchema = z.object({
  raw: z.string(),
  kind: z.enum([
    'compare', // "<20", "≥ 93": an absolute bound
    'exact', // "93", "100%": reach this value (direction taken from the baseline)
    'change', // "-500", "+10%", "-25 to -40%": a change relative to the baseline
    'version', // "2.0.0"
    'placeholder', // "TBD"
    'text', // anything else: shown, never judged
  ]),
  op: z.enum(['<', '<=', '>', '>=', '=']).nullable(),
  /** The bound (compare, exact) or the nearer end of a change range. */
  value: z.number().nullable(),
  /** The farther end of a change range, e.g. -40 in "-25 to -40%". */
  upTo: z.number().nullable(),
  /** For change targets: whether the amount is a percentage of the baseline. */
  percent: z.boolean(),
  /** "s" when the target is a duration (its value then in seconds), another unit as written, or null. */
  unit: z.string().nullable(),
  version: z.string().nullable(),
});
export type Target = z.output<typeof TargetSchema>;

/** One metric across the overview table, baseline-metrics.json and final-metrics.json. */
const MetricSchema = z.object({
  /** Normalized key: "Clippy Warnings" and clippy_warnings both become clippy_warnings. */
  key: z.string(),
  label: z.string(),
  baseline: MetricValueSchema.nullable(),
  target: TargetSchema.nullable(),
  achieved: MetricValueSchema.nullable(),
  verdict: VerdictSchema,
  /** Why the verdict is what it is, in one sentence. */
  reason: z.string(),
  /** The overview's Impact column, e.g. "Task 7.3". */
  impact: z.string().nullable(),
  /** Task ids named in the impact column. */
  taskIds: z.array(z.string()),
  /** Where the achieved value came from and when; null without one. Versions frozen before it read as null. */
  achievedFrom: z
    .object({
      path: z.string(),
      key: z.string().nullable(),
      time: z.string().nullable(),
      /** The words of the agent's hook message it was read from ("clippy 12 -> 0"); null for a file or memory key. */
      said: z.string().nullable().default(null),
    })
    .nullable()
    .default(null),
});
export type Metric = z.output<typeof MetricSchema>;

/** Work in another phase of the same content root that a dependency names, with its status. */
const DependencyLinkSchema = z.object({
  phaseId: z.string(),
  /** The task in that phase, or null for the whole phase ("Phase 7 complete"). */
  taskId: z.string().nullable(),
  /** The linked task's page slug in its phase, or null for a whole phase. */
  slug: z.string().nullable(),
  title: z.string(),
  status: TaskStatusSchema,
});
export type DependencyLink = z.output<typeof DependencyLinkSchema>;

/** A dependency as written, with the task it names (if any). */
const DependencySchema = z.object({
  raw: z.string(),
  /** Task ids this dependency names: in this phase, or (see links and missing) elsewhere. */
  taskIds: z.array(z.string()),
  /** True when it refers to work outside the package ("Phase 6 complete ✅"). */
  external: z.boolean(),
  /** The line of the dependency field in the task file, when known. */
  line: z.number().int().nullable().default(null),
  /** The column where the dependency as written starts on that line, when known. */
  column: z.number().int().nullable().default(null),
  /** What it names in other phases of the content root ("Task 7.3" from phase 8; "Phase 7 complete"). */
  links: z.array(DependencyLinkSchema).default([]),
  /** Task ids it names that are in no phase (a task that was deleted or renamed). */
  missing: z.array(z.string()).default([]),
});
export type Dependency = z.output<typeof DependencySchema>;

/** What a hook event says happened. */
export const HookEventKindSchema = z.enum([
  'task.start',
  'task.end',
  'edit',
  'notify',
  'memory.set',
  'command',
  'agent.spawn',
  'session.start',
  'session.restore',
  'session.end',
  'metrics',
]);
export type HookEventKind = z.output<typeof HookEventKindSchema>;

/** Stable ids of the formats Cairn imports; also the `format` of each source in status.json. */
export const HookFormatSchema = z.enum([
  'claude-flow-sqlite', // claude-flow v2 .swarm/memory.db (+ -wal)
  'claude-flow-v3-sqlite', // claude-flow v3 ("ruflo") .swarm/memory.db: another schema, no hook events
  'sqlite-json', // `sqlite3 -json memory.db "select * from memory_entries"`
  'claude-flow-memory-store', // memory/memory-store.json and `memory export` output
  'claude-flow-memory-export', // a MemoryManager export ({version, entries[]})
  'claude-flow-data', // memory/claude-flow-data.json
  'claude-flow-metrics', // .claude-flow/metrics/*.json (v2)
  'claude-flow-v3-json', // .claude-flow/data/auto-memory-store.json, neural/patterns.json, v3 metrics
  'claude-code-log', // Claude Code hook logs, logs/<event>.json
  'cairn-ndjson', // Cairn's own newline-delimited events
  'unknown',
]);
export type HookFormat = z.output<typeof HookFormatSchema>;

/** Where an event came from, precise enough to find the record again. */
const EventSourceSchema = z.object({
  format: HookFormatSchema,
  /** Path of the source file, relative to the working directory. */
  path: z.string(),
  /** SQLite or memory-store namespace, e.g. "hooks:pre-task". */
  namespace: z.string().nullable(),
  /** Record key, e.g. "task-index:1795523619649", or the hook event name. */
  key: z.string().nullable(),
  /** Row id (SQLite), array index or line number (1-based) within the file. */
  row: z.number().int().nullable(),
});
export type EventSource = z.output<typeof EventSourceSchema>;

/** One thing an agent or a hook reported, normalized from any format. */
export const HookEventSchema = z.object({
  /** Unique within a build: format, file and record. */
  id: z.string(),
  kind: HookEventKindSchema,
  /** ISO 8601 UTC, or null when the format has no time (Claude Code logs). */
  time: z.string().nullable(),
  /** Where the time came from: a field inside the record, the row's created_at, or nothing. */
  timeSource: z.enum(['value', 'created_at', 'key', 'none']),
  /** Order within its source (row id, array index, line): ties and timeless events sort by it. */
  order: z.number(),
  session: z.string().nullable(),
  /** The task reference as found: "task-7.1-build-infra", "task-1795523619627-vquslt32a". */
  taskRef: z.string().nullable(),
  /** A task description, e.g. "Task 7.1: Build Infrastructure". */
  description: z.string().nullable(),
  agent: z.string().nullable(),
  file: z.string().nullable(),
  memoryKey: z.string().nullable(),
  message: z.string().nullable(),
  level: z.string().nullable(),
  /** A status as reported: "started", "completed", or a stored status value such as "in_progress: …". */
  status: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** Other fields worth showing (counts, metrics), flattened to text or numbers. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  source: EventSourceSchema,
});
export type HookEvent = z.output<typeof HookEventSchema>;

/** What one source file gave: every record imported or skipped with a reason. */
export const SourceReportSchema = z.object({
  path: z.string(),
  format: HookFormatSchema,
  records: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** Skipped records by reason. */
  skippedReasons: z.record(z.string(), z.number().int()),
  /** Newest event time in this source, or null. */
  newest: z.string().nullable(),
  warnings: z.array(z.string()),
  /**
   * Secrets redacted from this source's events and messages, by kind ("github-token": 2). Defaults to none, so
   * snapshots frozen before it was added still read.
   */
  redactions: z.record(z.string(), z.number().int()).default({}),
  /** Files read as part of this one, by name: a database's "memory.db-wal" and "memory.db-shm". */
  readWith: z.array(z.string()).default([]),
  /**
   * A repository-wide log (cairn.config.json's `hooks`), read once for the whole site. Its records, imported and
   * skipped are the whole log's, as the terminal and the site's /data-quality/ page give them, wherever it is shown;
   * `phaseEvents` is this phase's share. False for the phase's own hooks/ folder.
   */
  shared: z.boolean().default(false),
  /** A repository-wide log's events that went to this phase's tasks (model/shared-hooks.ts); absent for the phase's own logs. */
  phaseEvents: z.number().int().nonnegative().optional(),
});
export type SourceReport = z.output<typeof SourceReportSchema>;

/** What decided a task's status: its file, or one hook event (with where to find it). */
const StatusEvidenceSchema = z.object({
  status: TaskStatusSchema,
  /** "authored" for the task file, else the kind of the deciding event. */
  kind: z.union([z.literal('authored'), HookEventKindSchema]),
  time: z.string().nullable(),
  /** The file that holds it. */
  path: z.string(),
  /** Namespace and key, or the record's position. */
  key: z.string().nullable(),
  summary: z.string(),
});
export type StatusEvidence = z.output<typeof StatusEvidenceSchema>;

/** A hook event as the pages show it: with the task it was matched to, and how. */
export const EventViewSchema = HookEventSchema.extend({
  taskId: z.string().nullable(),
  matchedBy: z.enum(['task-ref', 'description', 'memory-key', 'message']).nullable(),
});
export type EventView = z.output<typeof EventViewSchema>;

/** An event as the pages list it: what it says and where it came from, without the import's bookkeeping. */
const EventLineSchema = EventViewSchema.omit({ id: true, order: true, timeSource: true }).extend({
  source: EventSourceSchema.pick({ path: true, namespace: true, key: true }),
});
export type EventLine = z.output<typeof EventLineSchema>;

/** The line of an event. */
export function toEventLine({ id: _id, order: _order, timeSource: _timeSource, source, ...rest }: EventView): EventLine {
  return { ...rest, source: { path: source.path, namespace: source.namespace, key: source.key } };
}

/** A commit as evidence: its hash, committer time and author. */
const CommitSchema = z.object({ hash: z.string(), time: z.string(), author: z.string() });

/** The data-quality panel: every source with what was read, and how fresh the newest event is. */
const DataQualitySchema = z.object({
  sources: z.array(SourceReportSchema),
  /**
   * Files under the phase folder that are neither the overview, a task, a metrics file nor a hook log (a notes file,
   * an image), each with why it was not read: nothing in the folder is passed over without a line.
   */
  otherFiles: z.array(z.object({ path: z.string(), reason: z.string() })).default([]),
  /** Which reader read the phase's tasks, and why it was chosen (src/core/formats). */
  readers: z.array(z.object({ format: z.string(), label: z.string(), files: z.array(z.string()), reason: z.string() })).default([]),
  unmatchedEvents: z.number().int().nonnegative(),
  /** Newest event time across sources (ISO 8601), or null. */
  newestEvent: z.string().nullable(),
  /** True when the newest event is more than a day older than the build's as-of time and the phase is not complete. */
  stale: z.boolean(),
  warnings: z.array(z.string()),
  /** The git history read for the phase's folder (pipeline/phase-history.ts), or null outside a repository. */
  history: z.object({ commits: z.number().int().nonnegative(), first: CommitSchema, last: CommitSchema, shallow: z.boolean() }).nullable().default(null),
});
export type DataQuality = z.output<typeof DataQualitySchema>;

/** Edits of one file across a phase's tasks. */
const FileEditsSchema = z.object({
  file: z.string(),
  edits: z.number().int().nonnegative(),
  taskIds: z.array(z.string()),
  /** Time of the newest edit, or null. */
  last: z.string().nullable(),
});
export type FileEdits = z.output<typeof FileEditsSchema>;

/** A session end, with the metrics exported for the same session id. */
const SessionViewSchema = z.object({
  session: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** Exported metrics, when session-end ran with --export-metrics. */
  metrics: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  source: z.string(),
});
export type SessionView = z.output<typeof SessionViewSchema>;

/** A change of a task's status that the hook logs show, for the feeds. */
const FeedItemSchema = z.object({
  /** Stable id: the same change keeps its id across builds. */
  id: z.string(),
  title: z.string(),
  time: z.string(),
  description: z.string(),
  /** Site-relative path of the page to open, without the base. */
  path: z.string(),
});
export type FeedItem = z.output<typeof FeedItemSchema>;

/**
 * What the pages show of a phase's hook events, computed once from all of them. A phase can log hundreds of
 * thousands of events; the model keeps these summaries and the newest events, never the whole list.
 */
const PhaseActivitySchema = z.object({
  /** Every event of the phase, matched or not. */
  eventCount: z.number().int().nonnegative(),
  /** Oldest event time (ISO 8601), or null. */
  oldestEvent: z.string().nullable(),
  /** Notifications, newest first (the newest few). */
  notifications: z.array(EventLineSchema),
  /** The most edited files (at most TOP_FILES, see summarize-activity.ts), most edited first. */
  topFiles: z.array(FileEditsSchema),
  /** How many files the edit events name in all. */
  fileCount: z.number().int().nonnegative(),
  /** Session ends, newest first. */
  sessions: z.array(SessionViewSchema),
  /** Status changes of the tasks, newest first. */
  feed: z.array(FeedItemSchema),
  /** The newest events of each task, newest first, by task id. */
  taskEvents: z.record(z.string(), z.array(EventLineSchema)),
  /** Times of each task's events, to the hour and without repeats, for the timeline's marks. */
  ticks: z.record(z.string(), z.array(z.string())),
});
export type PhaseActivity = z.output<typeof PhaseActivitySchema>;

export const emptyActivity = (): PhaseActivity => ({
  eventCount: 0,
  oldestEvent: null,
  notifications: [],
  topFiles: [],
  fileCount: 0,
  sessions: [],
  feed: [],
  taskEvents: {},
  ticks: {},
});

/** Where a task stands against its plan, in one word, with the sentence that says why. */
export const TaskHealthSchema = z.object({
  state: z.enum(['done', 'on-track', 'at-risk', 'late', 'blocked', 'waiting', 'ready']),
  reason: z.string(),
});
export type TaskHealth = z.output<typeof TaskHealthSchema>;

/** Where a phase stands, with the sentence that says why (the first things a stakeholder must know). */
export const PhaseHealthSchema = z.object({
  /**
   * "undated": nothing in the files dates the phase, so there is no forecast; "unplanned": dated, but no open task has
   * an estimate and no end is stated, so nothing can be late; "unknown": no task was read.
   */
  state: z.enum(['done', 'on-track', 'at-risk', 'off-track', 'undated', 'unplanned', 'unknown']),
  reason: z.string(),
});
export type PhaseHealth = z.output<typeof PhaseHealthSchema>;

/** When the phase can be expected to end: a range from the remaining work on the critical path and the pace so far. */
export const ForecastSchema = z.object({
  /** Calendar days of work left on the longest remaining chain, at the estimates. */
  remainingDays: z.number(),
  /** Actual over estimated days on the complete tasks with both; null before any. */
  pace: z.number().nullable(),
  /** ISO times: the range's ends (the estimates as given, and at the pace so far). */
  earliest: z.string(),
  latest: z.string(),
  /** The overview's **Estimated Completion:** date, or null. */
  statedEnd: z.string().nullable(),
  /** Latest minus the end of the stated day, in days (negative: ahead); null without a stated date. */
  slipDays: z.number().nullable(),
});
export type Forecast = z.output<typeof ForecastSchema>;

export const SimulationSchema = z.object({
  /** ISO times by which half, 85 % and 95 % of the runs had finished. */
  p50: z.string(),
  p85: z.string(),
  p95: z.string(),
  /** The share of runs that finished by the end of the stated day (0 to 1); null without a stated date. */
  chance: z.number().min(0).max(1).nullable(),
  runs: z.number().int().positive(),
  /** What the runs drew from: finished tasks' actual ÷ estimate ("pace"), or finished tasks per day ("throughput"). */
  basis: z.enum(['pace', 'throughput']),
  /** How many finished tasks (pace) or days (throughput) the draws came from. */
  sample: z.number().int().positive(),
});
export type Simulation = z.output<typeof SimulationSchema>;

/** One task file, parsed. */
const TaskSchema = z.object({
  /** Task id, e.g. "7.1". */
  id: z.string(),
  /** File name without extension, e.g. "task-7.1-build-infra"; the page slug. */
  slug: z.string(),
  phaseId: z.string(),
  title: z.string(),
  /** The agent (or owner, assignee) the task names; null when it names none or "None": unassigned. */
  agent: z.string().nullable(),
  /** Estimate in working days (8 hours a day, 5 days a week); null when the file gives none that can be read. */
  estimateDays: z.number().nonnegative().nullable(),
  /** The estimate as written, e.g. "2.4 days"; null when there is none. */
  estimateText: z.string().nullable(),
  /** Task ids inside the package this task waits for. */
  dependsOn: z.array(z.string()),
  dependencies: z.array(DependencySchema),
  /** Status as derived: from the task file, then from the hook events that change it (see statusEvidence). */
  status: TaskStatusSchema,
  /** Status text as written, e.g. "Ready to execute"; null when the file has none. */
  statusText: z.string().nullable(),
  /** Closed without being done ("Cancelled"): status complete, left out of progress and the critical path. */
  cancelled: z.boolean().default(false),
  /** Marked optional by its list (Kiro's "- [ ]* …"): while not done, left out of progress, roll-ups and the critical path. */
  optional: z.boolean().default(false),
  /** The task this one is a subtask of ("8.11" for 8.11.1), or null. */
  parentId: z.string().nullable().default(null),
  priority: z.string().nullable(),
  objectives: z.array(z.string()),
  deliverables: z.array(ChecklistItemSchema),
  successCriteria: z.array(ChecklistItemSchema),
  /** Memory keys the task writes, e.g. "phase7/build_infra/status". */
  memoryKeys: z.array(z.string()),
  /** Where the metadata came from. */
  metadataStyle: z.enum(['frontmatter', 'bold-lines', 'plain-lines', 'table', 'headings', 'checklist', 'json-list']),
  /** Path of the task file, relative to the working directory. */
  file: z.string(),
  /** First start reported by the hooks, else the file's Started date (ISO 8601), or null. */
  startedAt: z.string().nullable(),
  /** Completion the status rests on (ISO 8601), or null while not complete. */
  completedAt: z.string().nullable(),
  /** Calendar days from start to completion, or to the newest hook event while in progress; null before a start. */
  elapsedDays: z.number().nullable(),
  /** Hook events matched to this task. */
  events: z.number().int().nonnegative(),
  /** Files its edit events name, by name. Defaults to none, so snapshots frozen before it was added still read. */
  files: z.array(z.string()).default([]),
  /** What decided `status`: the task file, or the event that last changed it. */
  statusEvidence: StatusEvidenceSchema,
  /** Things a coordinator should know, e.g. a start before a dependency was complete. */
  flags: z.array(z.string()),
  /** Judged against the build's time (model/judge.ts); null until then, and in versions frozen before it existed. */
  health: TaskHealthSchema.nullable().default(null),
  /** The source that lost when the task file and the hook logs disagree (model/status.ts), or null. */
  statusConflict: StatusEvidenceSchema.nullable().default(null),
});
export type Task = z.output<typeof TaskSchema>;

/** A titled checklist from the overview, e.g. "Task 7.1 Deliverables". */
const ChecklistGroupSchema = z.object({
  title: z.string(),
  /** The task the group belongs to, when its title names one. */
  taskId: z.string().nullable(),
  items: z.array(ChecklistItemSchema),
});
export type ChecklistGroup = z.output<typeof ChecklistGroupSchema>;

const CriticalPathSchema = z.object({
  /** Task ids in order, first to last. */
  taskIds: z.array(z.string()),
  /** Sum of their estimates, in days. */
  days: z.number(),
  /** Other chains of the same length, if any. */
  alternatives: z.array(z.array(z.string())),
  /** Tasks without an estimate: they take no time in the path, so it may be longer than shown. */
  unestimated: z.number().int().default(0),
});
export type CriticalPath = z.output<typeof CriticalPathSchema>;

/** One phase: the whole model the pages render. */
export const PhaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: TaskStatusSchema,
  /** Share of estimated work complete, 0..1. */
  progress: z.number().min(0).max(1),
  /** The overview's **Status:** text, e.g. "🟢 Ready for Agent Execution". */
  statusText: z.string().nullable(),
  created: z.string().nullable(),
  coordinator: z.string().nullable(),
  session: z.string().nullable(),
  objectives: z.array(ChecklistGroupSchema),
  successCriteria: z.array(ChecklistItemSchema),
  deliverables: z.array(ChecklistGroupSchema),
  metrics: z.array(MetricSchema),
  tasks: z.array(TaskSchema),
  criticalPath: CriticalPathSchema,
  /** The total duration the package itself states ("~3.4 days"), when it states one. */
  statedDays: z.number().nullable(),
  /** Newest timestamp found in the phase's inputs (ISO 8601), or null. */
  asOf: z.string().nullable(),
  /** Warnings found while reading the phase, already formatted as `path:line:col message`. */
  warnings: z.array(z.string()),
  /** The newest hook events of the phase (at most RECENT_EVENTS, see summarize-activity.ts), oldest first. */
  events: z.array(EventLineSchema),
  /** Summaries of all the phase's hook events. Snapshots frozen before it was added read as empty. */
  activity: PhaseActivitySchema.default(emptyActivity),
  dataQuality: DataQualitySchema,
  /** The time the build treats as "now" (CAIRN_AS_OF or SOURCE_DATE_EPOCH, else the newest hook event): staleness and elapsed times use it. */
  buildAsOf: z.string(),
  /** Path of the overview file. */
  file: z.string(),
  /** The overview's **Estimated Completion:** date (ISO), or null. */
  statedEnd: z.string().nullable().default(null),
  /** The overview's **Next Action:**, or null. */
  nextAction: z.string().nullable().default(null),
  /** Judged against the build's time (model/judge.ts); null until then, and in versions frozen before it existed. */
  health: PhaseHealthSchema.nullable().default(null),
  forecast: ForecastSchema.nullable().default(null),
  /**
   * The Monte Carlo forecast (model/monte-carlo.ts): the ends by which half, 85 % and 95 % of the runs at the phase's
   * own pace finished, and the chance of meeting the stated date; null without a pace to draw from, and in versions
   * frozen before it existed.
   */
  simulation: SimulationSchema.nullable().default(null),
  /**
   * What the simulation said at the end of each week of the phase's git history, from the tasks as the commits up to
   * then left them (model/history.ts): the backtest of the forecast. Empty without history.
   */
  pastForecasts: z.array(z.object({ at: z.string(), p50: z.string(), p85: z.string(), p95: z.string() })).default([]),
});
export type Phase = z.output<typeof PhaseSchema>;

/** A repository-wide hook log as the site's data-quality page shows it: the whole file, and where its events went. */
const SharedSourceSchema = SourceReportSchema.extend({
  /** Task events matched to each phase, by phase id. */
  phases: z.record(z.string(), z.number().int()),
  /** Task events that match no task of any phase. */
  unmatched: z.number().int(),
  /** Task events that match tasks in more than one phase, so none is given them. */
  ambiguous: z.number().int(),
  /** Events about the whole run rather than a task (sessions, metrics, commands): kept on this page. */
  siteWide: z.number().int(),
});
export type SharedSource = z.output<typeof SharedSourceSchema>;

const SharedHooksSchema = z.object({
  sources: z.array(SharedSourceSchema),
  /** The newest task events that went to no phase, each with why. */
  unplaced: z.array(EventLineSchema.extend({ reason: z.string() })),
  warnings: z.array(z.string()),
});
export type SharedHooks = z.output<typeof SharedHooksSchema>;
