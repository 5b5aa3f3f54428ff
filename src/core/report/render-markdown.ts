/**
 * The completion report as GitHub-flavoured Markdown, for a team to commit next to its docs in place of the
 * hand-written PHASE<N>-COMPLETION-REPORT.md. No HTML, no clock: the same report gives the same bytes.
 */
import { formatNumber } from '../format/format.ts';
import type { CompletionReport, Deviation, ReportTask, Severity } from './report.ts';
import { describeEvidence } from './report.ts';
import { statusLabels, verdictLabels } from '../format/labels.ts';
import { formatAgent, formatDays, formatEstimate, formatTimestamp, percentOf } from '../format/format.ts';

const DASH = '—';

/**
 * Text as Markdown inline content: newlines become spaces and whatever would start markup is backslash-escaped,
 * while ordinary text stays readable in the raw file ("<20", "from_env()" and "-25 to -40%" are left alone
 * because GFM gives them no meaning there).
 */
function escapeInline(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const escaped = flat
    .replace(/[\\`*[\]]/g, '\\$&')
    // An underscore inside a word never emphasizes (GFM); only one at a word edge can.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    // "<20" is not a tag; "<b" or "</" could be.
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&')
    // One tilde strikes nothing through; two may (GFM strikethrough), so escape them only then.
    .replace(/~/g, (match) => ((flat.match(/~/g) ?? []).length > 1 ? '\\~' : match));
  // Text that starts with "# ", "- ", "+ ", ">" or "1. " would open a block inside a list item.
  return escaped
    .replace(/^(\s*)(#{1,6}|[-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)>/, '$1\\>')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Text for a table cell: inline-escaped, and `|` escaped so it cannot end the cell. */
function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/** A code span that holds any text: the fence is longer than any backtick run inside. */
function code(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A GFM table; cells are escaped here. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => (cell === '' ? ' ' : escapeCell(cell))).join(' | ')} |`;
  return [line(head), `| ${head.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

const orDash = (value: string | null) => value ?? DASH;
const dateOrDash = (value: string | null) => (value === null ? DASH : formatTimestamp(value));
const signed = (value: number, unit = '') => `${value > 0 ? '+' : ''}${formatNumber(value)}${unit}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function header(report: CompletionReport): string[] {
  const total = report.tasks.length;
  const lines = [
    `# ${escapeInline(report.title)} — completion report${report.draft ? ' (draft)' : ''}`,
    '',
    `As of ${report.asOf === null ? 'an unknown time (no dated input)' : formatTimestamp(report.asOf)}, computed from the package files and hook logs. ` +
      `Status: ${statusLabels[report.status]}; ${report.tasksComplete} of ${plural(total, 'task', 'tasks')} complete; ${percentOf(report.progress)}% of the estimated work done.`,
  ];
  if (report.draft) {
    lines.push(
      '',
      `> **Draft:** ${total === 0 ? 'the phase has no tasks yet' : `${plural(total - report.tasksComplete, 'task is', 'tasks are')} not complete`}. Verdicts will change as the work and the metrics come in.`,
    );
  }
  return lines;
}

function summary(report: CompletionReport): string[] {
  const { rows, sentences } = report.summary;
  if (rows.length === 0) return ['## Executive summary', '', escapeInline(sentences.join(' '))];
  return [
    '## Executive summary',
    '',
    escapeInline(sentences.join(' ')),
    '',
    table(
      ['Tasks', 'Metric', 'Baseline', 'Target', 'Achieved', 'Verdict', 'Why'],
      rows.map((row) => [
        row.taskIds.join(', ') || DASH,
        row.label,
        orDash(row.baseline),
        row.target,
        orDash(row.achieved),
        verdictLabels[row.verdict],
        row.reason,
      ]),
    ),
  ];
}

function taskSection(task: ReportTask): string[] {
  const facts = [
    `- Agent: ${escapeInline(formatAgent(task.agent))}`,
    `- Status: ${statusLabels[task.status]}, from ${escapeInline(describeEvidence(task.statusEvidence))}`,
    `- Estimate: ${formatEstimate(task.estimateDays)}; elapsed: ${task.elapsedDays === null ? DASH : formatDays(task.elapsedDays)}`,
    `- Started: ${dateOrDash(task.startedAt)}; completed: ${dateOrDash(task.completedAt)}`,
    ...(task.dependsOn.length > 0 ? [`- Depends on: ${task.dependsOn.map(escapeInline).join(', ')}`] : []),
    ...task.flags.map((flag) => `- Flag: ${escapeInline(flag)}`),
  ];
  const list = (items: readonly string[], empty: string) => (items.length === 0 ? [empty] : items);
  return [
    `### Task ${escapeInline(task.id)}: ${escapeInline(task.title)}`,
    '',
    ...facts,
    '',
    '#### Objectives',
    '',
    ...list(
      task.objectives.map((objective) => `- ${escapeInline(objective)}`),
      'None listed.',
    ),
    '',
    '#### Deliverables',
    '',
    ...list(
      task.deliverables.map((item) => `- ${item.checked === null ? '' : item.checked ? '[x] ' : '[ ] '}${escapeInline(item.text)}`),
      'None listed.',
    ),
    '',
    '#### Files touched',
    '',
    ...list(
      task.filesTouched.map((file) => `- ${code(file)}`),
      'No edits recorded in the hook logs.',
    ),
  ];
}

function impact(report: CompletionReport): string[] {
  if (report.impact.length === 0) return ['## Impact', '', 'No metric has both a baseline and an achieved value yet.'];
  return [
    '## Impact',
    '',
    table(
      ['Metric', 'Before', 'After', 'Change', 'Change %'],
      report.impact.map((row) => [
        row.label,
        row.before,
        row.after,
        row.change === null ? DASH : signed(row.change.delta, row.unit === null ? '' : row.unit === '%' ? ' points' : ` ${row.unit}`),
        row.change?.percent == null ? DASH : signed(row.change.percent, '%'),
      ]),
    ),
  ];
}

function planVsActual(report: CompletionReport): string[] {
  const { origin, rows } = report.timeline;
  const note =
    origin === null
      ? 'Nothing dates the phase (no **Created:** date, no task start, no hook event), so there are no planned dates.'
      : `Planned dates count from the phase start (${formatTimestamp(origin)}), each task starting as soon as its dependencies' estimates allow, one estimated day to a calendar day. Slip is the actual end minus the planned end.`;
  return [
    '## Plan vs actual',
    '',
    note,
    '',
    table(
      ['Task', 'Status', 'Estimate', 'Planned start', 'Planned end', 'Actual start', 'Actual end', 'Slip'],
      rows.map((row) => [
        `${row.taskId} ${row.title}`,
        statusLabels[row.status],
        formatEstimate(row.estimateDays),
        dateOrDash(row.plannedStart),
        dateOrDash(row.plannedEnd),
        dateOrDash(row.actualStart),
        row.actualEnd === null ? (row.actualStart === null ? DASH : 'not yet') : formatTimestamp(row.actualEnd),
        row.slipDays === null ? DASH : row.slipDays === 0 ? 'on time' : signed(row.slipDays, ' days'),
      ]),
    ),
  ];
}

const severityTitles: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

function deviations(report: CompletionReport): string[] {
  if (report.deviations.length === 0) return ['## Deviations and open risks', '', 'None found in the data.'];
  const groups = Map.groupBy(report.deviations, (deviation: Deviation) => deviation.severity);
  return [
    '## Deviations and open risks',
    ...(['high', 'medium', 'low'] as const).flatMap((severity) => {
      const items = groups.get(severity) ?? [];
      return items.length === 0 ? [] : ['', `### ${severityTitles[severity]}`, '', ...items.map((item) => `- ${escapeInline(item.text)}`)];
    }),
  ];
}

function criteria(report: CompletionReport): string[] {
  if (report.criteria.length === 0) return ['## Success criteria', '', 'The package lists no success criteria.'];
  return [
    '## Success criteria',
    '',
    table(
      ['Criterion', 'Verdict', 'Why'],
      report.criteria.map((c) => [c.text, verdictLabels[c.verdict], c.reason]),
    ),
  ];
}

/** Renders a completion report as GitHub-flavoured Markdown, ending in one newline. */
export function renderCompletionReportMarkdown(report: CompletionReport): string {
  const sections = [
    header(report),
    summary(report),
    ['## Tasks', ...report.tasks.flatMap((task) => ['', ...taskSection(task)])],
    impact(report),
    planVsActual(report),
    deviations(report),
    criteria(report),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
