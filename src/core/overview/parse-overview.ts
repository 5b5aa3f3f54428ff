/**
 * Reads a package overview (README.md): title, bold metadata, objectives per task, the success metrics table,
 * success criteria and the deliverables checklist, each with the line it came from.
 */
import { createIssueSink, type IssueSink } from '../text/issues.ts';
import { readFrontmatterOrReport } from '../markdown/frontmatter.ts';
import {
  allSections,
  boldFields,
  findSection,
  findTable,
  findTables,
  listItems,
  parseMarkdown,
  type MarkdownDoc,
  type Section,
} from '../markdown/parse-markdown.ts';
import type { ChecklistGroup, ChecklistItem, Issue } from '../schema/model.ts';
import { findTaskId } from '../tasks/parse-dependencies.ts';
import { parseDuration } from '../tasks/parse-duration.ts';
import { checkText } from '../markdown/check-text.ts';
import { repairWithWarning } from '../text/mojibake.ts';
import { readTaskTables, type TaskTableRow } from './task-table.ts';
import { toString } from 'mdast-util-to-string';

export interface MetricRow {
  label: string;
  baseline: string;
  target: string;
  impact: string | null;
  line: number;
}

export interface Overview {
  title: string;
  statusText: string | null;
  created: string | null;
  coordinator: string | null;
  session: string | null;
  objectives: ChecklistGroup[];
  metricRows: MetricRow[];
  successCriteria: ChecklistItem[];
  deliverables: ChecklistGroup[];
  /** A total duration the package states ("Total duration: ~3.4 days"), in days. */
  statedDays: number | null;
  /** The date the package says the phase will end ("**Estimated Completion:** 2025-10-26"), ISO; null when none. */
  statedEnd: string | null;
  /** "**Next Action:** Spawn the agents": what the coordinator says comes next; null when it does not say. */
  nextAction: string | null;
}

export interface ParsedOverview {
  /** Rows of the overview's task table, checked against the task files. */
  taskRows: TaskTableRow[];
  overview: Overview;
  issues: Issue[];
}

// "Phase 7: Quality & Infrastructure - Coordination Package" → "Phase 7: Quality & Infrastructure".
const titleSuffix = /\s*[-–—:|]\s*coordination package\s*$/i;
const statedTotalPatterns = [
  /total (?:duration|estimate|time)\s*[:=]?\s*~?\s*(\d+(?:\.\d+)?)\s*days?/i,
  /estimated completion\s*:?\**\s*[^(\n]*\(\s*~?(\d+(?:\.\d+)?)\s*days?\s*\)/i,
];
// "**Duration:** 8-10 weeks", "Total: 4 hours 20 minutes", "- **Estimated Time**: 72 hours": a stated total on its own line.
const statedTotalLine =
  /^\s*(?:[-*+]\s+)?(?:\*\*)?\s*(?:total(?: (?:duration|estimate|estimated time|time|effort))?|(?:estimated |planned )?(?:duration|time|effort)|timeline)\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$/im;

/** Parses the overview's text. Never throws for bad input. */
export function parseOverview(input: string, path: string, fallbackTitle: string): ParsedOverview {
  const sink = createIssueSink(path);
  const checked = checkText(input, sink, 'an overview');
  if (checked === null) return { overview: emptyOverview(fallbackTitle), taskRows: [], issues: sink.issues };
  const { text, offset, front } = withoutFrontmatter(repairWithWarning(checked, sink.warning), sink);
  const doc = parseMarkdown(text);
  const h1 = allSections(doc.sections).find((section) => section.depth === 1);
  const fields = firstBoldFields(doc);
  const frontText = (key: string): string | null => (typeof front[key] === 'string' ? front[key] : null);
  const title = (frontText('title') ?? h1?.title ?? fallbackTitle).replace(titleSuffix, '').trim();
  if (!h1 && frontText('title') === null) {
    sink.warning(
      1,
      1,
      'The overview has no "# Title" heading, so the folder name is used as the phase title.',
      'Start the file with a heading such as "# Phase 7: Quality & Infrastructure".',
    );
  }
  const metricRows = metricRowsOf(doc, offset, sink);

  const criteriaSection = findSection(doc, (key) => key.includes('success criteria') || key.includes('acceptance criteria'));
  const deliverablesSection = findSection(doc, (key) => key.includes('deliverable'));
  const objectivesSection = findSection(doc, (key) => key.includes('objective'));
  const statedMatch = statedTotalPatterns.map((pattern) => pattern.exec(text)).find((match) => match !== null);

  return {
    taskRows: readTaskTables(
      findTables(doc.root.children, () => true),
      offset,
    ),
    overview: {
      title,
      statusText: frontText('status') ?? fields.get('status') ?? null,
      created: frontText('created') ?? fields.get('created') ?? null,
      coordinator: frontText('coordinator') ?? fields.get('coordinator') ?? null,
      session: frontText('session') ?? fields.get('session') ?? null,
      objectives: objectivesSection ? objectiveGroups(objectivesSection) : [],
      metricRows,
      successCriteria: criteriaSection ? successCriteriaOf(criteriaSection) : [],
      deliverables: deliverablesSection ? checklistGroups(deliverablesSection) : [],
      statedDays: statedMatch?.[1] ? Number(statedMatch[1]) : statedTotal(text),
      statedEnd: statedEndOf(frontText('estimated completion') ?? fields.get('estimated completion') ?? null),
      nextAction: frontText('next action') ?? fields.get('next action') ?? null,
    },
    issues: sink.issues,
  };
}

/** The text after the YAML frontmatter, the number of lines the frontmatter took, and its fields (none when there is none). */
function withoutFrontmatter(text: string, sink: IssueSink): { text: string; offset: number; front: Record<string, unknown> } {
  const parsed = /^---\r?\n/.test(text) ? readFrontmatterOrReport(text, sink) : null;
  if (!parsed) return { text, offset: 0, front: {} };
  return { text: parsed.content, offset: text.split('\n').length - parsed.content.split('\n').length, front: parsed.data as Record<string, unknown> };
}

/** The "**Key:** value" fields by lower-case key, the first of each key winning. */
function firstBoldFields(doc: MarkdownDoc): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of boldFields(doc)) {
    const key = field.key.toLowerCase();
    if (!fields.has(key)) fields.set(key, field.value);
  }
  return fields;
}

/** Whether a table's header has a Metric column. */
const hasMetric = (header: string[]) => header.some((cell) => /metric/i.test(cell));

/** The rows of the success metrics table (Metric, Baseline, Target and Impact columns); a warning when it cannot be read. */
function metricRowsOf(doc: MarkdownDoc, offset: number, sink: IssueSink): MetricRow[] {
  const metricsSection = findSection(doc, (key) => key.includes('metric'));
  const table = findTable(metricsSection?.nodes ?? doc.root.children, (header) => hasMetric(header) && header.some((cell) => /target|goal/i.test(cell)));
  // A metrics heading promises the table; a phase with no metrics section simply has no metrics.
  if (!table && metricsSection) warnNoMetricsTable(metricsSection, offset, sink);
  if (!table) return [];
  const column = (pattern: RegExp) => table.header.findIndex((cell) => pattern.test(cell));
  const columns = {
    label: column(/metric/i),
    baseline: column(/baseline|before|current/i),
    target: column(/target|goal/i),
    impact: column(/impact|task|owner/i),
  };
  return table.rows.flatMap((row) => metricRowOf(row, table.header, columns, offset, sink) ?? []);
}

/** The warning for a metrics section without a table that has Metric and Target columns. */
function warnNoMetricsTable(metricsSection: Section, offset: number, sink: IssueSink): void {
  const near = metricsSection.nodes.find((node) => node.type === 'table' && hasMetric(node.children[0]?.children.map((cell) => toString(cell).trim()) ?? []));
  if (near) {
    const header = near.type === 'table' ? (near.children[0]?.children.map((cell) => toString(cell).trim()) ?? []) : [];
    sink.warning(
      offset + (near.position?.start.line ?? metricsSection.line),
      1,
      `The success metrics table has no Target column (its columns: ${header.join(', ')}), so it is not read and no metric has a target.`,
      'Add a "Target" column: | Metric | Baseline | Target |, with a target such as "<20" or "at least 80%" in each row.',
    );
  } else {
    sink.warning(
      offset + metricsSection.line,
      1,
      `The section "${metricsSection.title}" has no table with Metric and Target columns, so no metric has a target.`,
      'Write the metrics as a table: | Metric | Baseline | Target |, one row per metric.',
    );
  }
}

/** One row of the success metrics table, by the index of each column (-1 for none); null, with a warning, when it names no metric. */
function metricRowOf(
  row: { cells: string[]; line: number },
  header: readonly string[],
  columns: { label: number; baseline: number; target: number; impact: number },
  offset: number,
  sink: IssueSink,
): MetricRow | null {
  const label = row.cells[columns.label] ?? '';
  if (label === '') {
    sink.warning(offset + row.line, 1, 'A success metrics row has no metric name and is left out.', 'Name the metric in the first column.');
    return null;
  }
  if (row.cells.length < header.length) {
    const missing = header.slice(row.cells.length).join(', ');
    sink.warning(
      offset + row.line,
      1,
      `The success metrics row "${label}" has ${row.cells.length} of the table's ${header.length} cells; ${missing} ${header.length - row.cells.length === 1 ? 'is' : 'are'} read as empty.`,
      'Give every row one cell per column ("| | " for an empty one).',
    );
  }
  return {
    label,
    baseline: columns.baseline < 0 ? '' : (row.cells[columns.baseline] ?? ''),
    target: row.cells[columns.target] ?? '',
    impact: columns.impact < 0 ? null : (row.cells[columns.impact] ?? null),
    line: offset + row.line,
  };
}

/** A total the overview states on a line of its own, in working days, or null. */
function statedTotal(text: string): number | null {
  const value = statedTotalLine.exec(text)?.[1];
  if (!value) return null;
  const duration = parseDuration(value.replace(/\*\*/g, ''));
  return duration.ok && duration.days > 0 ? duration.days : null;
}

/** What an overview that could not be read at all, or is missing, shows: the folder name as its title and nothing else. */
export function emptyOverview(title: string): Overview {
  return {
    title,
    statusText: null,
    created: null,
    coordinator: null,
    session: null,
    objectives: [],
    metricRows: [],
    successCriteria: [],
    deliverables: [],
    statedDays: null,
    statedEnd: null,
    nextAction: null,
  };
}

/** Sub-headings ("### Task 7.1 Deliverables") or bold paragraphs ("**Task 7.1: Build**") each head a list. */
function checklistGroups(section: Section): ChecklistGroup[] {
  const groups: ChecklistGroup[] = [];
  const own = listItems(section.ownNodes);
  if (own.length > 0) groups.push({ title: section.title, taskId: findTaskId(section.title), items: own.map(({ text, checked }) => ({ text, checked })) });
  for (const child of section.children) {
    const items = listItems(child.nodes).map(({ text, checked }) => ({ text, checked }));
    if (items.length > 0) groups.push({ title: child.title, taskId: findTaskId(child.title), items });
  }
  return groups;
}

function objectiveGroups(section: Section): ChecklistGroup[] {
  const groups: ChecklistGroup[] = [];
  let title = section.title;
  for (const node of section.nodes) {
    if (node.type === 'paragraph' || node.type === 'heading') title = toString(node).replace(/:$/, '').trim();
    if (node.type === 'list') {
      const items = listItems([node]).map(({ text, checked }) => ({ text, checked }));
      groups.push({ title, taskId: findTaskId(title), items });
    }
  }
  return groups;
}

/** "2025-10-26 (3.4 days)" → "2025-10-26T00:00:00.000Z": the date at the start of a stated completion, or null. */
function statedEndOf(text: string | null): string | null {
  const date = text ? /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1] : undefined;
  return date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : null;
}

/**
 * The success criteria: each item with its box. A list of criteria says what success will be ("Phase 7 is complete
 * when:"), so a ✅ before an item there is how the list is drawn, not the author saying it was met; it is a claim only
 * in a list about what was achieved ("Results", "Criteria met"), where it is read as a ticked box.
 */
function successCriteriaOf(section: Section): ChecklistItem[] {
  const firstList = section.ownNodes.findIndex((node) => node.type === 'list');
  const lead = [section.title, ...section.ownNodes.slice(0, firstList === -1 ? 0 : firstList).map((node) => toString(node))].join(' ');
  const results = /\b(?:achieved|results?|outcomes?|met|delivered|completed)\b/i.test(lead) && !/\b(?:when|once|until|must|will|should)\b/i.test(lead);
  return listItems(section.nodes).map(({ text, checked }) => {
    if (checked !== null || !doneMark.test(text)) return { text, checked };
    return results ? { text, checked: true } : { text: text.replace(doneMark, ''), checked };
  });
}

/** A done mark at the start of an item: "✅ All tests passing". */
const doneMark = /^\s*(?:✅|✔️?|☑️?)\s*/u;
