/**
 * A phase's dashboard, live or frozen in a version: everything it shows, worked out, so the page only renders.
 */
import { DAY_DEFINITION, formatCount, formatDays, formatDuration, formatTimestamp, percentOf } from '../format/format.ts';
import { splitMetrics } from '../metrics/verdict.ts';
import { RECENT_EVENTS } from '../model/summarize-activity.ts';
import type { ChecklistGroup, Metric, Phase, Verdict } from '../schema/model.ts';
import { judgeCriteria } from '../model/criteria.ts';
import { verdictLabels } from '../format/labels.ts';
import { buildBurnUpChart, buildMetricsChart, buildPlanActualChart, buildTrendsChart, type ChartSpec, type ProgressPoint } from './charts.ts';
import { buildDataQualityView, type DataQualityView } from './data-quality.ts';
import { backtest, backtestSentence, type ForecastCheck } from '../model/backtest.ts';
import { buildGlanceView, type GlanceView } from './glance.ts';
import { buildGraphLayout, type GraphLayout } from './graph.ts';
import { buildPhaseSummary, type PhaseSummary } from './summary.ts';
import { buildTaskRows, toEventRows, type EventRow, type TaskRow } from './tasks.ts';

interface SessionRow {
  session: string;
  ended: string;
  duration: string;
  /** "3 tasks · 18 edits · 0 commands": what the session did, from the fields claude-flow exports. */
  work: string;
  /** Every exported field, "key: value · key: value", or an em dash (one click away on the page). */
  metrics: string;
}

/** The exported fields that say what a session did, with the word for each. */
const sessionCounts: [string[], string, string][] = [
  [['totalTasks', 'tasksCompleted', 'tasks'], 'task', 'tasks'],
  [['totalEdits', 'editsMade', 'edits'], 'edit', 'edits'],
  [['totalCommands', 'commandsRun', 'commands'], 'command', 'commands'],
  [['uniqueAgents', 'agentsSpawned', 'agents'], 'agent', 'agents'],
];

function sessionWork(metrics: Record<string, unknown>): string {
  const parts = sessionCounts.flatMap(([keys, one, many]) => {
    const value = keys.map((key) => metrics[key]).find((candidate) => typeof candidate === 'number');
    return typeof value === 'number' ? [`${value} ${value === 1 ? one : many}`] : [];
  });
  return parts.join(' · ') || '—';
}

interface FileRow {
  file: string;
  edits: number;
  tasks: string;
  lastEdit: string;
}

export interface DashboardView {
  phase: Pick<Phase, 'id' | 'title' | 'status' | 'statusText' | 'session' | 'coordinator' | 'statedDays' | 'successCriteria' | 'warnings' | 'objectives'>;
  /** The frozen version shown, or null on the live dashboard. */
  version: string | null;
  created: string | null;
  asOf: string;
  stale: boolean;
  taskCount: number;
  summary: PhaseSummary;
  glance: GlanceView;
  criticalPath: { days: string; chain: string; stated: string | null };
  tasks: TaskRow[];
  /**
   * A frozen dashboard is kept once per version, so it keeps the state and leaves out what the version's status.json
   * and the live dashboard hold: the charts, the dependency graph, and each task's evidence (compact task rows).
   */
  frozen: { statusJson: string } | null;
  /** The plan's and the metrics' charts; null on a frozen dashboard. */
  charts: { burnUp: ChartSpec; planActual: ChartSpec; metrics: ChartSpec | null } | null;
  /** What a day is, said under the plan's charts. */
  days: string;
  /** The phase in each frozen version and now: progress, tasks, and each targeted metric's value; null before any. */
  trends: { chart: ChartSpec | null; columns: string[]; rows: { version: string; cells: string[] }[] } | null;
  /**
   * How the Monte Carlo forecasts held (model/backtest.ts), those of the frozen versions and those made at the end of
   * each week of the history: a sentence for the first screen and a row per forecast; null on a frozen dashboard and
   * before any forecast of the phase was made.
   */
  backtest: { sentence: string; rows: { made: string; at: string; p50: string; p85: string; p95: string; outcome: string }[] } | null;
  /** Null on a frozen dashboard. */
  graph: GraphLayout | null;
  /** The latest notifications and the size of the log; null on a frozen dashboard (its events are not kept). */
  activity: { notifications: EventRow[]; events: string; listed: number | null } | null;
  metrics: { targeted: Metric[]; tracked: Metric[] };
  /** The memory-key prefix an agent writes a metric under: "phase7" for phase-7. */
  metricsPrefix: string;
  deliverables: ChecklistGroup[];
  /** Each success criterion with the author's mark (a claim) beside the verdict computed from the data. */
  criteria: { text: string; claimed: boolean; verdict: Verdict; verdictLabel: string; reason: string }[];
  /** Beside the closed criteria section: "2 of 5 met". */
  criteriaNote: string | null;
  files: { rows: FileRow[]; of: number | null };
  sessions: SessionRow[];
  dataQuality: DataQualityView;
  /** Beside the closed data-quality section: the sources read, and what needs a look. */
  dataQualityNote: string;
}

/** The dashboard of a phase; `version` for a frozen one, `history` its progress in each frozen version (burn-up). */
export function buildDashboardView(
  phase: Phase,
  { version = null, history = [] }: { version?: string | null; history?: readonly ProgressPoint[] } = {},
): DashboardView {
  const { activity } = phase;
  const { targeted, tracked } = splitMetrics(phase.metrics);
  const criteria = judgeCriteria(phase).map(({ text, claimed, verdict, reason }) => ({ text, claimed, verdict, verdictLabel: verdictLabels[verdict], reason }));
  return {
    // Only what the page shows of the phase: its key changes with nothing else.
    phase: {
      id: phase.id,
      title: phase.title,
      status: phase.status,
      statusText: phase.statusText,
      session: phase.session,
      coordinator: phase.coordinator,
      statedDays: phase.statedDays,
      successCriteria: phase.successCriteria,
      warnings: phase.warnings,
      objectives: phase.objectives,
    },
    version,
    created: phase.created && formatTimestamp(phase.created),
    asOf: formatTimestamp(phase.asOf),
    stale: phase.dataQuality.stale,
    taskCount: phase.tasks.length,
    summary: buildPhaseSummary(phase),
    glance: buildGlanceView(phase),
    criticalPath:
      phase.criticalPath.taskIds.length === 0 && phase.criticalPath.unestimated > 0
        ? { days: 'unknown', chain: 'no task has an estimate', stated: phase.statedDays === null ? null : formatDays(phase.statedDays) }
        : {
            days: formatDays(phase.criticalPath.days),
            chain: phase.criticalPath.taskIds.join(' → '),
            stated: phase.statedDays === null ? null : formatDays(phase.statedDays),
          },
    tasks: buildTaskRows(phase),
    frozen: version ? { statusJson: `v/${version}/status.json` } : null,
    charts: version ? null : { burnUp: buildBurnUpChart(phase, history), planActual: buildPlanActualChart(phase), metrics: buildMetricsChart(phase) },
    days: DAY_DEFINITION,
    trends: version || history.length === 0 ? null : buildTrends(phase, history),
    backtest: version ? null : buildBacktest(phase, history),
    graph: version ? null : buildGraphLayout(phase),
    activity: version
      ? null
      : {
          notifications: toEventRows(activity.notifications),
          events: formatCount(activity.eventCount),
          listed: activity.eventCount > RECENT_EVENTS ? RECENT_EVENTS : null,
        },
    metrics: { targeted, tracked },
    metricsPrefix: phase.id.replace(/[-_]/g, '').toLowerCase(),
    deliverables: phase.deliverables,
    criteria,
    criteriaNote: criteria.length === 0 ? null : `${criteria.filter((criterion) => criterion.verdict === 'met').length} of ${criteria.length} met`,
    files: {
      rows: activity.topFiles.map((file) => ({
        file: file.file,
        edits: file.edits,
        tasks: file.taskIds.join(', ') || '—',
        lastEdit: formatTimestamp(file.last),
      })),
      of: activity.fileCount > activity.topFiles.length ? activity.fileCount : null,
    },
    sessions: activity.sessions.map((session) => ({
      session: session.session ?? 'unnamed',
      ended: formatTimestamp(session.endedAt),
      duration: session.durationMs === null ? '—' : formatDuration(session.durationMs),
      work: sessionWork(session.metrics),
      metrics:
        Object.entries(session.metrics)
          .filter(([, value]) => value !== null)
          .map(([key, value]) => `${key}: ${value}`)
          .join(' · ') || '—',
    })),
    dataQuality: buildDataQualityView(phase),
    dataQualityNote: dataQualityNote(phase),
  };
}

/** "2 hook logs · 3 records skipped · stale": what the data-quality section holds, in a few words. */
function dataQualityNote({ dataQuality: quality }: Pick<Phase, 'dataQuality'>): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const skipped = quality.sources.reduce((total, source) => total + source.skipped, 0);
  const warnings = quality.sources.reduce((total, source) => total + source.warnings.length, 0);
  return [
    quality.sources.length === 0 ? 'no hook logs' : count(quality.sources.length, 'hook log', 'hook logs'),
    ...(skipped > 0 ? [`${count(skipped, 'record', 'records')} skipped`] : []),
    ...(warnings > 0 ? [count(warnings, 'warning', 'warnings')] : []),
    ...(quality.stale ? ['stale'] : []),
  ].join(' · ');
}

/** One row per frozen version and one for now: progress, task count (the scope), each targeted metric's value. */
const outcomeWords: Record<ForecastCheck['outcome'], string> = {
  met: 'met: finished by P85',
  missed: 'missed: not finished by P85',
  open: 'open: P85 still ahead',
  unknown: "unknown: a task's end is not dated",
};

function buildBacktest(phase: Phase, history: readonly ProgressPoint[]): DashboardView['backtest'] {
  const checks = backtest(phase, history, phase.pastForecasts);
  if (checks.length === 0) return null;
  const day = (iso: string) => formatTimestamp(iso).slice(0, 10);
  return {
    sentence: backtestSentence(checks),
    rows: checks.map((check) => ({
      made: check.kind === 'version' ? `version ${check.made}` : `history, week to ${day(check.made)}`,
      at: formatTimestamp(check.at),
      p50: day(check.p50),
      p85: day(check.p85),
      p95: day(check.p95),
      outcome: outcomeWords[check.outcome],
    })),
  };
}

function buildTrends(phase: Phase, history: readonly ProgressPoint[]): DashboardView['trends'] {
  const { targeted } = splitMetrics(phase.metrics);
  const value = (raw: number | string | null | undefined) => (raw === null || raw === undefined ? '—' : String(raw));
  const row = (version: string, progress: number, tasks: number | undefined, metrics: Record<string, number | string | null> | undefined) => ({
    version,
    cells: [`${percentOf(progress)}%`, tasks === undefined ? '—' : String(tasks), ...targeted.map((metric) => value(metrics?.[metric.key]))],
  });
  return {
    chart: buildTrendsChart(phase, history),
    columns: ['Progress', 'Tasks', ...targeted.map((metric) => metric.label)],
    rows: [
      ...history.map((point) => row(point.version, point.progress, point.tasks, point.metrics)),
      row('now', phase.progress, phase.tasks.length, Object.fromEntries(phase.metrics.map((metric) => [metric.key, metric.achieved?.raw ?? null]))),
    ],
  };
}
