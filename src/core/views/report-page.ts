/** The completion report's page: the report (report/report.ts) with its words, links and groups worked out. */
import { formatAgent, formatDays, formatEstimate, formatSigned, formatTimestamp } from '../format/format.ts';
import { statusLabels } from '../format/labels.ts';
import { renderCompletionReportMarkdown } from '../report/render-markdown.ts';
import { buildCompletionReport, describeEvidence, type CompletionReport, type Deviation, type Severity } from '../report/report.ts';
import type { Phase } from '../schema/model.ts';
import { buildTimelineLayout, type TimelineLayout } from './timeline.ts';

export interface ReportPageView {
  report: CompletionReport;
  asOf: string;
  /** The draft note's count: tasks not complete. */
  open: number;
  tasks: (CompletionReport['tasks'][number] & { slug: string; legend: string })[];
  /** Each impact row's change: "-22 (-64.71%)", or an em dash. */
  changes: string[];
  timeline: TimelineLayout;
  deviations: { severity: Severity; label: string; items: Deviation[] }[];
  statusWords: string;
}

const severityLabels: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** `phase` with its event lists joined (the timeline's marks, the files each task touched). */
export function buildReportPageView(phase: Phase): ReportPageView {
  const report = buildCompletionReport(phase);
  const slugs = new Map(phase.tasks.map((task) => [task.id, task.slug]));
  return {
    report,
    asOf: formatTimestamp(report.asOf),
    open: phase.tasks.length - report.tasksComplete,
    tasks: report.tasks.map((task) => {
      const elapsed = task.elapsedDays === null ? '' : ` · ${formatDays(task.elapsedDays)} ${task.completedAt ? 'taken' : 'so far'}`;
      return {
        ...task,
        slug: slugs.get(task.id) ?? task.id,
        legend: `${formatAgent(task.agent)} · estimate ${formatEstimate(task.estimateDays)}${elapsed} · ${describeEvidence(task.statusEvidence)}`,
      };
    }),
    changes: report.impact.map(({ change }) =>
      change ? `${formatSigned(change.delta)}${change.percent === null ? '' : ` (${formatSigned(change.percent)}%)`}` : '—',
    ),
    timeline: buildTimelineLayout(phase),
    deviations: (['high', 'medium', 'low'] as const)
      .map((severity) => ({ severity, label: severityLabels[severity], items: report.deviations.filter((deviation) => deviation.severity === severity) }))
      .filter((group) => group.items.length > 0),
    statusWords: Object.values(statusLabels).join(', '),
  };
}

/** /<phase>/completion-report.md: the same report as Markdown, for a team to commit into its docs. */
export function buildReportMarkdown(phase: Phase): string {
  return renderCompletionReportMarkdown(buildCompletionReport(phase));
}
