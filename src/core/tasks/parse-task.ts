/**
 * Reads one task file. Metadata may be YAML frontmatter, "**Key:** value" lines (the colon inside or after the bold,
 * also as list items), plain "Key: value" lines under the title, a two-column table, or a "## Key" heading with the
 * value under it; the names come from one vocabulary (vocabulary.ts). Sections come from the Markdown body. Every
 * problem is returned instead of stopping at the first; what would leave the site wrong is an error, a missing or odd
 * field a warning with a default.
 */
import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { keyLineIndex, readFrontmatterOrReport } from '../markdown/frontmatter.ts';
import { visit } from '../markdown/visit.ts';
import { createIssueSink, type IssueSink } from '../text/issues.ts';
import { allSections, boldFields, findSection, listItems, parseMarkdown, type MarkdownDoc, type Section } from '../markdown/parse-markdown.ts';
import type { ChecklistItem, Issue, Task } from '../schema/model.ts';
import { checkText } from '../markdown/check-text.ts';
import { repairMojibake, repairWithWarning } from '../text/mojibake.ts';
import { fallbackTaskId, findTaskId, isNamedId, isReverseDependencyKey, parseDependencies, prefixedTaskId } from './parse-dependencies.ts';
import { lookAlikeProblem } from '../text/look-alike.ts';
import { parseDuration } from './parse-duration.ts';
import { parseDate } from './parse-date.ts';
import { parseStatusMeaning, statusOfMeaning } from './parse-status.ts';
import { fieldName, isUnassigned, statusHint, unitOfKey, type FieldName, type StatusMeaning } from './vocabulary.ts';

export { statusHint } from './vocabulary.ts';

/** Fields whose value is one piece of text; a list or a map there is an error, not "a,b" or "[object Object]". */
const textFields: ReadonlySet<FieldName> = new Set(['id', 'title', 'agent', 'estimate', 'status', 'priority', 'started', 'completed', 'parent']);

/** Text fields that may also be a list of texts, read as the list joined ("assignee: ['@claude']", "[Ana, Ben]"; [] names nobody). */
const listableFields: ReadonlySet<FieldName> = new Set(['agent']);

/** Fields the task page shows from the model: their bold and plain lines are left out of its body. */
const shownFields: ReadonlySet<FieldName> = new Set([
  'id',
  'title',
  'agent',
  'estimate',
  'dependencies',
  'status',
  'priority',
  'memoryKeys',
  'started',
  'completed',
]);

/** Fields that mark a file as a task when it has an id, beside a "Task …" heading. */
const taskFields: readonly FieldName[] = ['agent', 'estimate', 'status', 'dependencies'];

export type FieldForm = 'frontmatter' | 'bold-lines' | 'plain-lines' | 'table' | 'headings';

interface Field {
  value: unknown;
  /** The key as written, e.g. "Estimated Hours". */
  key: string;
  line: number;
  column: number;
  form: FieldForm;
}

export interface ParsedTask {
  /** The task, with status from its own file; null when the file has errors that leave no usable task. */
  task: Task | null;
  /** The Markdown body after the frontmatter, mojibake repaired. */
  body: string;
  /** The body as a task page shows it: without the "# Title" line and the metadata lines read from it. */
  content: string;
  issues: Issue[];
  /** Whether the file reads as a task: it has an id, and task metadata or a "Task …" heading. */
  isTask: boolean;
  /** Keys of the metadata that Cairn does not read ("Complexity"), for the phase's one warning about them. */
  unreadKeys: string[];
  /** The line each field was read from, for messages that point at it from another file. */
  fieldLines: Partial<Record<FieldName, number>>;
  /** Each field's key as written, its line and the form it was written in (`cairn doctor`). */
  fieldSources: Partial<Record<FieldName, { key: string; line: number; form: FieldForm }>>;
  /** Where the id was taken from: a metadata field, the title heading (at `line`), or the file name. */
  idFrom: { from: 'metadata' | 'title' | 'file name'; line: number | null };
  /** Where the title was taken from, likewise. */
  titleFrom: { from: 'metadata' | 'title' | 'file name'; line: number | null };
  /** The task the file names as its parent ("parent_task_id: TASK-195", "**Parent**: task-152 (…)"), as written; the phase decides whether it is there. */
  parent: string | null;
  /** When the task was written down and last edited (ISO 8601), as the file says; neither is a start. */
  created: string | null;
  updated: string | null;
  /** Labels (or tags) the file gives the task. */
  labels: string[];
}

interface TaskFileInput {
  text: string;
  /** Path shown in messages, relative to the working directory. */
  path: string;
  /** The page slug: the file's path in the phase folder without extension, e.g. "task-7.1-build-infra". */
  slug: string;
  phaseId: string;
  /**
   * The prefix of a tool's task ids when the file is one of its folder's task files, named by id (Backlog.md's
   * "task": "task-12 - Title.md"): the id is then read from the file name as written, before its heading.
   */
  idPrefix?: string;
}

/** While set (withTaskFilesParsedOnce), each task file's parse by its input, so one read many times is parsed once. */
let parsedBefore: Map<string, ParsedTask> | null = null;

/**
 * Runs `read` with each task file parsed once per text, place and phase: a phase read again at every commit of its
 * history (pipeline/phase-history.ts) parses only the files a commit changed. Each caller gets its own copy.
 */
export function withTaskFilesParsedOnce<T>(read: () => T): T {
  const outer = parsedBefore;
  parsedBefore = outer ?? new Map();
  try {
    return read();
  } finally {
    parsedBefore = outer;
  }
}

/** Parses one task file's text into a task. Never throws for bad input. */
export function parseTaskFile(input: TaskFileInput): ParsedTask {
  if (parsedBefore === null) return parseTaskText(input);
  const key = `${input.path}\0${input.slug}\0${input.phaseId}\0${input.idPrefix ?? ''}\0${input.text}`;
  const known = parsedBefore.get(key);
  if (known) return structuredClone(known);
  const parsed = parseTaskText(input);
  parsedBefore.set(key, structuredClone(parsed));
  return parsed;
}

function parseTaskText({ text: input, path, slug, phaseId, idPrefix }: TaskFileInput): ParsedTask {
  const sink = createIssueSink(path);
  const none = { parent: null, created: null, updated: null, labels: [] };
  const checked = checkText(input, sink, 'a task file');
  if (checked === null) return { ...unreadTask(sink.issues), ...none };
  const repairedText = repairWithWarning(checked, sink.warning);
  const front = readFrontmatterFields(repairedText, sink);
  const { body, bodyOffset, broken, notText } = front;
  const doc = parseMarkdown(body);
  const shift = (line: number) => line + bodyOffset;
  const fileName = slug.slice(slug.lastIndexOf('/') + 1);
  const heading = taskHeading(doc, fileName);
  const { fields, metadataLines, unreadKeys } = mergeFields(front, readBodyFields(doc, heading), shift);
  const { id, idFrom, isTask } = readId({ fields, heading, fileName, idPrefix, notText }, shift, sink);
  const { title, titleFrom } = readTitle(fields, heading, id, fileName, shift);
  const agent = readAgent(fields.get('agent'), broken, notText, sink);
  const { estimateText, estimateDays } = readEstimate(fields.get('estimate'), broken, notText, sink);
  const { statusField, statusText, meaning, status, startedAt, completedAt } = readStatus(fields, sink);
  const dependencies = dependenciesOf(fields.get('dependencies'), idPrefix);
  const sections = readSections(doc, fields.get('memoryKeys'));
  const content = withoutLines(body, new Set([...metadataLines, ...(heading && heading.depth === 1 ? [heading.line] : [])]));
  // With broken frontmatter the task's fields are unknown: the YAML error alone is reported, and the build stops on it.
  if (broken) return { task: null, body, content, issues: sink.issues, isTask, unreadKeys, fieldLines: {}, fieldSources: {}, idFrom, titleFrom, ...none };
  const parentText = textOf(fields.get('parent'));
  const parent = parentText === null || isUnassigned(parentText) ? null : idIn(parentText, idPrefix);
  const created = readDate(fields.get('created'), sink);
  const updated = readDate(fields.get('updated'), sink);
  const labels = labelsOf(fields);

  const task: Task = {
    id,
    slug,
    phaseId,
    title,
    agent,
    estimateDays,
    estimateText: estimateText === '' ? null : estimateText,
    dependsOn: [...new Set(dependencies.flatMap((dependency) => dependency.taskIds))],
    dependencies,
    status,
    statusText,
    cancelled: meaning === 'cancelled',
    optional: false,
    parentId: null,
    priority: textOf(fields.get('priority')),
    ...sections,
    metadataStyle: metadataStyleOf(fields),
    file: path,
    startedAt,
    completedAt: status === 'complete' ? completedAt : null,
    elapsedDays: null,
    events: 0,
    files: [],
    statusEvidence: {
      status,
      kind: 'authored',
      // A status that says when ("Blocked since 2025-10-25 14:00") is evidence at that time, weighed against the logs.
      time: statusTime(statusText),
      path,
      key: statusField ? `line ${statusField.line}` : null,
      summary: statusSummary(statusText, meaning, completedAt),
    },
    flags: [],
    health: null,
    statusConflict: null,
  };
  const fieldLines = Object.fromEntries([...fields].map(([name, field]) => [name, field.line]));
  const fieldSources = Object.fromEntries([...fields].map(([name, field]) => [name, { key: field.key, line: field.line, form: field.form }]));
  return { task, body, content, issues: sink.issues, isTask, unreadKeys, fieldLines, fieldSources, idFrom, titleFrom, parent, created, updated, labels };
}

/** What a file that cannot be read as text at all gives: no task, only its problems. */
function unreadTask(issues: Issue[]): Omit<ParsedTask, 'parent' | 'created' | 'updated' | 'labels'> {
  return {
    task: null,
    body: '',
    content: '',
    issues,
    isTask: true,
    unreadKeys: [],
    fieldLines: {},
    fieldSources: {},
    idFrom: { from: 'file name', line: null },
    titleFrom: { from: 'file name', line: null },
  };
}

/**
 * The frontmatter's fields with those of the body added where the frontmatter does not give them (body lines shifted
 * to the file's), the lines of the body's metadata lines the task page leaves out, and the keys neither reads.
 */
function mergeFields(front: FrontmatterFields, read: { fields: BodyField[]; unreadKeys: string[] }, shift: (line: number) => number) {
  const fields = new Map(front.fields);
  for (const field of read.fields) if (!fields.has(field.name)) fields.set(field.name, { ...field, line: shift(field.line) });
  const metadataLines = new Set(
    read.fields
      .filter(
        (field) =>
          shownFields.has(field.name) && fields.get(field.name)?.line === shift(field.line) && (field.form === 'bold-lines' || field.form === 'plain-lines'),
      )
      .map((field) => field.line),
  );
  const unreadKeys = [...new Set([...front.unreadKeys, ...read.unreadKeys])];
  return { fields, metadataLines, unreadKeys };
}

/**
 * The task id a text names. An id written whole ("task-12", "TASK-195.1") is the id as written; in a tool's folder, so
 * is its file name's. In a tool's folder an id in the metadata is the tool's, whole as written ("TASK-030B-1.8",
 * "TASK-006-REV").
 */
function idIn(text: string, idPrefix: string | undefined): string | null {
  return (
    (idPrefix !== undefined && isWholeId(text.trim()) ? text.trim() : null) ??
    (idPrefix ? prefixedTaskId(text, idPrefix) : null) ??
    (isNamedId(text.trim()) ? text.trim() : null) ??
    findTaskId(text)
  );
}

/**
 * The task's id, from its metadata, its file name in a tool's folder, its title heading or else its file name; where
 * it came from, and whether the file reads as a task. A missing id is a warning, an id that cannot be shown an error.
 */
function readId(
  file: { fields: ReadonlyMap<FieldName, Field>; heading: Section | null; fileName: string; idPrefix: string | undefined; notText: ReadonlySet<FieldName> },
  shift: (line: number) => number,
  sink: IssueSink,
): { id: string; idFrom: ParsedTask['idFrom']; isTask: boolean } {
  const { fields, heading, fileName, idPrefix, notText } = file;
  const idText = textOf(fields.get('id'));
  const hasTaskFields = taskFields.some((name) => fields.has(name));
  const fileId = idPrefix ? prefixedTaskId(fileName, idPrefix) : null;
  const sharedId = heading ? sharedTitleId(heading.title, fileName) : null;
  // BMAD's "**Story ID:** 2-2-pass-recording-session" is the story's key, not its id: the heading's story number is.
  const storyId = heading ? storyHeadingId(heading.title) : null;
  const keyOnly = idText !== null && storyId !== null && /^\d+(?:-\d+)+-[a-z]/i.test(idText.trim());
  let id =
    (idText && !keyOnly ? (idIn(idText, idPrefix) ?? idText) : null) ??
    fileId ??
    (heading ? (storyId ?? findTaskId(heading.title)) : null) ??
    sharedId ??
    findTaskId(fileName) ??
    (hasTaskFields ? fallbackTaskId(heading?.title ?? '', fileName) : null);
  const headingId = heading !== null && (storyHeadingId(heading.title) ?? findTaskId(heading.title) ?? sharedId ?? fallbackTaskId(heading.title, '')) === id;
  const idFrom: ParsedTask['idFrom'] =
    idText && !keyOnly
      ? { from: 'metadata', line: fields.get('id')!.line }
      : !fileId && headingId
        ? { from: 'title', line: shift(heading.line) }
        : { from: 'file name', line: null };
  // A file is a task when it has an id and either task metadata, a "Task …" title, or a name that starts with the id.
  const isTask =
    (id !== null && (hasTaskFields || /^[^\p{L}\p{N}]*task\b/iu.test(heading?.title ?? '') || fileName.startsWith(id))) || /^task[-_ \d]/i.test(fileName);
  if (id === null && !notText.has('id')) {
    sink.warning(
      heading ? shift(heading.line) : 1,
      1,
      `The task has no id in its metadata, its title or its file name, so its file name "${fileName}" is used.`,
      'Start the title with the id ("# Task 7.1: Build Infrastructure", "# VC-001: Capture") or add "id: \\"7.1\\"" to the frontmatter.',
    );
  }
  id ??= fileName;
  // The id is shown beside the task everywhere and addresses its part of the report: it must read as what it is.
  const idProblem = lookAlikeProblem(id, 'id');
  if (idProblem) {
    const idField = fields.get('id');
    sink.error(
      idField?.line ?? (heading ? shift(heading.line) : 1),
      idField?.column ?? 1,
      `The task id cannot be used: ${idProblem}.`,
      'Write the id in plain letters and digits, e.g. "7.1" or "VC-001".',
    );
  }
  return { id, idFrom, isTask };
}

/** The task's title, from its metadata, its title heading (without its id and status marks) or its file name, and where it came from. */
function readTitle(
  fields: ReadonlyMap<FieldName, Field>,
  heading: Section | null,
  id: string,
  fileName: string,
  shift: (line: number) => number,
): { title: string; titleFrom: ParsedTask['titleFrom'] } {
  const title = textOf(fields.get('title')) ?? (heading ? undecorated(stripTaskPrefix(undecorated(withoutOwnId(heading.title, id)))) : fileName);
  const titleFrom: ParsedTask['titleFrom'] = textOf(fields.get('title'))
    ? { from: 'metadata', line: fields.get('title')!.line }
    : heading
      ? { from: 'title', line: shift(heading.line) }
      : { from: 'file name', line: null };
  return { title, titleFrom };
}

/** The agent the task names; null when it names none (a warning) or says it is unassigned. */
function readAgent(agentField: Field | undefined, broken: boolean, notText: ReadonlySet<FieldName>, sink: IssueSink): string | null {
  const agentText = textOf(agentField);
  const agent = agentText !== null && isUnassigned(agentText) ? null : agentText;
  // With broken frontmatter its fields are unknown, not missing: the YAML error alone says what to fix.
  if (!agentField && !broken && !notText.has('agent')) {
    sink.warning(
      1,
      1,
      'The task names no agent, so it is shown as unassigned.',
      'Add "**Agent:** cicd-engineer" (or Owner, Assignee) under the title, or "agent: cicd-engineer" to the frontmatter.',
      'no-agent',
    );
  }
  return agent;
}

/** The estimate as written ('' for none) and in days (null when missing or unreadable, each with a warning). */
function readEstimate(
  estimateField: Field | undefined,
  broken: boolean,
  notText: ReadonlySet<FieldName>,
  sink: IssueSink,
): { estimateText: string; estimateDays: number | null } {
  const estimateText = estimateField && estimateField.value !== null && estimateField.value !== undefined ? String(estimateField.value).trim() : '';
  let estimateDays: number | null = null;
  if (!estimateField || estimateText === '') {
    if (!broken && !notText.has('estimate'))
      sink.warning(
        estimateField?.line ?? 1,
        estimateField?.column ?? 1,
        'The task has no estimate; the critical path leaves it out and progress counts tasks.',
        'Add "**Estimate:** 2.4 days" (or hours such as "6h", or "2 weeks").',
        'no-estimate',
      );
  } else {
    const duration = parseDuration(typeof estimateField.value === 'number' ? estimateField.value : estimateText, unitOfKey(estimateField.key) ?? 'd');
    if (duration.ok) estimateDays = duration.days;
    else
      sink.warning(
        estimateField.line,
        estimateField.column,
        `Cannot read the estimate "${estimateText}": ${duration.reason}; it is shown as unknown.`,
        'Write a number with a unit: "2.4 days", "1 day", "6h", "2 weeks", "6-8 weeks".',
      );
  }
  return { estimateText, estimateDays };
}

/**
 * The task's status and its start and end dates. Without a status its dates say it (complete once it has ended, in
 * progress once it has started); a status word not known is a warning, and pending.
 */
function readStatus(fields: ReadonlyMap<FieldName, Field>, sink: IssueSink) {
  const startedAt = readDate(fields.get('started'), sink);
  const completedAt = readDate(fields.get('completed'), sink);
  const statusField = fields.get('status');
  const statusText = textOf(statusField);
  let meaning = statusText === null ? (completedAt ? 'complete' : startedAt ? 'in_progress' : 'pending') : parseStatusMeaning(statusText);
  if (meaning === null) {
    sink.warning(statusField?.line ?? 1, statusField?.column ?? 1, `Unknown status "${statusText}"; the task is shown as pending.`, statusHint);
    meaning = 'pending';
  }
  const status = statusOfMeaning(meaning);
  return { statusField, statusText, meaning, status, startedAt, completedAt };
}

/** What the task file says of its status, in words, for the status's evidence. */
function statusSummary(statusText: string | null, meaning: StatusMeaning, completedAt: string | null): string {
  return statusText
    ? `"${statusText}" in the task file`
    : meaning === 'pending'
      ? 'no status in the task file, so pending'
      : `no status in the task file; its ${completedAt ? 'Completed' : 'Started'} date says ${meaning === 'complete' ? 'complete' : 'in progress'}`;
}

/** The dependencies the task names, each with the line and column where it is written; in a tool's folder an id written whole is one task. */
function dependenciesOf(dependencyField: Field | undefined, idPrefix: string | undefined): Task['dependencies'] {
  const dependencyText = typeof dependencyField?.value === 'string' ? dependencyField.value : null;
  return parseDependencies(dependencyValue(dependencyField))
    .map((dependency) =>
      idPrefix !== undefined && !dependency.external && isWholeId(dependency.raw.trim()) ? { ...dependency, taskIds: [dependency.raw.trim()] } : dependency,
    )
    .map((dependency) => {
      const at = dependencyText?.indexOf(dependency.raw) ?? -1;
      return { ...dependency, line: dependencyField?.line ?? null, column: dependencyField && at >= 0 ? dependencyField.column + at : null };
    });
}

/** The task's labels (or tags): a list, or text separated by commas. */
function labelsOf(fields: ReadonlyMap<FieldName, Field>): string[] {
  const labelsValue = fields.get('labels')?.value;
  return (Array.isArray(labelsValue) ? labelsValue.map(String) : (textOf(fields.get('labels'))?.split(',') ?? []))
    .map((label) => label.trim())
    .filter((label) => label !== '');
}

/** One id of a tool's own, written whole: letters, digits, ".", "_" and "-", with a digit or a "-" ("TASK-TEST"), and not a date. */
function isWholeId(text: string): boolean {
  return /^[A-Za-z0-9][\w.-]*$/.test(text) && /[\d-]/.test(text) && !/\d{4}-\d{1,2}-\d{1,2}/.test(text);
}

/**
 * A heading without the task's own id at its start: "task-epic-11.95 - Add LAMBDA" → "Add LAMBDA"; also after the
 * plan's name, "Service Modernization - Phase 3: Wiring" → "Wiring" for task 3.
 */
function withoutOwnId(title: string, id: string): string {
  const named = afterOwnId(title.trim(), id);
  if (named !== null) return named;
  const trimmed = title.trim();
  if (!trimmed.toLowerCase().startsWith(id.toLowerCase()) || !/^(?:\s*[:\-–—.|]\s*|\s+)\S/.test(trimmed.slice(id.length))) return title;
  return trimmed.slice(id.length).replace(/^\s*[:\-–—.|]?\s*/, '');
}

/**
 * The rest of a title after "[plan name - ]Task <id>:" (the keyword, its id, a separator), or null when it does not
 * open so. Matched piece by piece with fixed patterns: a pattern made for each id, case-insensitive over Unicode, cost
 * half a millisecond to compile, once per task of a big site.
 */
function afterOwnId(title: string, id: string): string | null {
  const colon = title.indexOf(':');
  const limit = colon < 0 ? title.length : colon;
  // A plan's name before a dash or bar comes first when there is one (the earliest such place), then the title's start.
  const starts = [...title.matchAll(/\s[-–—|]\s*/g)].filter((match) => match.index < limit).map((match) => match.index + match[0].length);
  for (const start of [...starts, 0]) {
    const rest = title.slice(start);
    const lead = /^(?:phase|task|story|step|stage|part)\s*#?\s*/i.exec(rest);
    if (!lead) continue;
    const after = rest.slice(lead[0].length);
    if (after.slice(0, id.length).toLowerCase() !== id.toLowerCase()) continue;
    const separator = /^\s*[:\-–—.|]\s*(?=\S)/.exec(after.slice(id.length));
    if (separator) return after.slice(id.length + separator[0].length);
  }
  return null;
}

/** Line of a task's dependency field in its file, for messages about unknown ids and cycles. */
export function dependencyLine(text: string, taskId: string): { line: number; column: number } {
  const lines = repairMojibake(text).text.split('\n');
  const index = lines.findIndex((line) =>
    /^\s*(?:[-*+]\s+)?(?:\*\*)?\s*(dependencies|depends[\s_-]?on|dependency|blocked[\s_-]?by|prerequisites)\b/i.test(line),
  );
  if (index < 0) return { line: 1, column: 1 };
  const column = (lines[index] ?? '').indexOf(taskId);
  return { line: index + 1, column: column >= 0 ? column + 1 : 1 };
}

interface FrontmatterFields {
  fields: Map<FieldName, Field>;
  body: string;
  bodyOffset: number;
  /** The frontmatter is not valid YAML, so which fields it meant to set is unknown. */
  broken: boolean;
  /** Fields the frontmatter gives a list or a map where text belongs; each already has its error. */
  notText: ReadonlySet<FieldName>;
  unreadKeys: string[];
}

function readFrontmatterFields(text: string, sink: IssueSink): FrontmatterFields {
  const fields = new Map<FieldName, Field>();
  const notText = new Set<FieldName>();
  const unreadKeys: string[] = [];
  if (!/^---\n/.test(text)) return { fields, body: text, bodyOffset: 0, broken: false, notText, unreadKeys };
  const parsed = readFrontmatterOrReport(text, sink);
  if (!parsed) {
    const end = text.indexOf('\n---', 3);
    const body = end < 0 ? '' : text.slice(text.indexOf('\n', end + 1) + 1);
    return { fields, body, bodyOffset: text.split('\n').length - body.split('\n').length, broken: true, notText, unreadKeys };
  }
  const lineOf = keyLineIndex(parsed.matter);
  const data = parsed.data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    sink.error(2, 1, 'The frontmatter is not a set of "key: value" lines.', 'Write one "key: value" per line, e.g. "agent: cicd-engineer".');
  } else {
    for (const [key, value] of Object.entries(data)) {
      const name = fieldName(key);
      // The frontmatter's `matter` starts with the newline after the opening "---", so its line i is the file's line i + 1.
      const index = lineOf(key);
      const line = index < 0 ? 1 : index + 1;
      if (!name) {
        unreadKeys.push(key);
        continue;
      }
      const listOfText = listableFields.has(name) && Array.isArray(value) && value.every((item) => typeof item === 'string');
      if (textFields.has(name) && value !== null && typeof value === 'object' && !listOfText) {
        sink.error(
          line,
          1,
          `"${key}" is ${Array.isArray(value) ? 'a list' : 'a set of keys'}, not one value.`,
          `Write it on one line, e.g. "${key}: ${exampleValue[name] ?? 'text'}".`,
        );
        notText.add(name);
        continue;
      }
      if (!fields.has(name)) fields.set(name, { value, key, line, column: 1, form: 'frontmatter' });
    }
  }
  const body = parsed.content;
  return { fields, body, bodyOffset: text.split('\n').length - body.split('\n').length, broken: false, notText, unreadKeys };
}

const exampleValue: Partial<Record<FieldName, string>> = {
  id: '"7.1"',
  title: 'Build Infrastructure',
  agent: 'cicd-engineer',
  estimate: '2.4 days',
  status: 'pending',
  priority: 'high',
};

function textOf(field: Field | undefined): string | null {
  if (!field || field.value === null || field.value === undefined) return null;
  const value = (Array.isArray(field.value) ? field.value.join(', ') : String(field.value)).trim();
  // Frontmatter values are data; a value from the body is shown as its text, without the marks around it.
  const shown = field.form === 'frontmatter' ? value : withoutMarks(value);
  return shown === '' ? null : shown;
}

/** "`coder`" → "coder", "✅ **IMPLEMENTED**" → "✅ IMPLEMENTED", "[Task 7.3](./task-7.3.md)" → "Task 7.3". */
function withoutMarks(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.*?\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)([^_]*?\S)_(?![\w_])/g, '$1')
    .trim();
}

function dependencyValue(field: Field | undefined): string | (string | number)[] | null {
  if (!field) return null;
  if (Array.isArray(field.value)) return field.value.map(String);
  return textOf(field);
}

/** The style of the first field read, for the task page ("bold-line metadata"); bold lines when there is none. */
function metadataStyleOf(fields: ReadonlyMap<FieldName, Field>): Task['metadataStyle'] {
  const forms = [...fields.values()].map((field) => field.form);
  if (forms.includes('frontmatter')) return 'frontmatter';
  const counts = Map.groupBy(forms, (form) => form);
  return [...counts].toSorted((a, b) => b[1].length - a[1].length)[0]?.[0] ?? 'bold-lines';
}

function readDate(field: Field | undefined, sink: IssueSink): string | null {
  const text = textOf(field);
  if (!field || text === null) return null;
  const date = parseDate(text);
  if (date === null && /\d/.test(text))
    sink.warning(
      field.line,
      field.column,
      `Cannot read the date "${text}"; it is left out.`,
      'Write dates as 2025-03-02 (or 2025-03-02 14:30, or March 2, 2025).',
    );
  return date;
}

const leadingId = /^[^\p{L}\p{N}]*(?:task\s*)?(?:\d+(?:\.\d+)+|T\d+|[A-Z][A-Z0-9]{0,9}-\d[A-Z0-9]*)\b/u;

/**
 * The heading that names the task: the first "Task …" heading with an id, else the first heading that opens with an
 * id ("VC-001: Capture"), else the first top-level heading, else the first. A hand-off note above the task's own
 * heading (from the agent before) is so passed over.
 */
/**
 * The story a BMAD heading names: "Story 1.3: …", "Story 3.5.2: …", and as some teams write it "Story 10-1: …" or
 * "Story 7-1-video-session: …" (story 7.1, the numbers of its file name); null for any other title.
 */
function storyHeadingId(title: string): string | null {
  const match = /^[^\p{L}\p{N}]*story\s+(\d+(?:[.-]\d+)+)(?![.\d])(?=$|[\s:|–—-])/iu.exec(title);
  return match ? match[1]!.replaceAll('-', '.') : null;
}

/** "# M167 — Fix Canvas" in M167-fix-canvas.md: an id of letters and a number, written in both the title and the file name; else null. */
function sharedTitleId(title: string, fileName: string): string | null {
  const token = /^\s*([A-Z]{1,4}\d+(?:\.\d+)*)\s*[—–:|-]\s*\S/u.exec(title)?.[1];
  return token !== undefined && new RegExp(`^${token}(?![\\d.])`, 'i').test(fileName) ? token : null;
}

function taskHeading(doc: MarkdownDoc, fileName: string): Section | null {
  const sections = allSections(doc.sections);
  // Headings inside the task ("### Task 1.1: …" under "# Phase 1") are its parts, not its title.
  const top = Math.min(...sections.map((section) => section.depth));
  return (
    // A BMAD story's "# Story 4.6.1: …" too: its notes may number headings further down ("#### 7.1 Matrix Review").
    sections.find(
      (section) =>
        section.depth === top &&
        ((/^[^\p{L}\p{N}]*(?:task|story)\b/iu.test(section.title) && findTaskId(section.title) !== null) ||
          storyHeadingId(section.title) !== null ||
          sharedTitleId(section.title, fileName) !== null),
    ) ??
    sections.find((section) => leadingId.test(section.title)) ??
    sections.find((section) => section.depth === 1) ??
    sections[0] ??
    null
  );
}

interface BodyField extends Field {
  name: FieldName;
}

/** Fields read from the body only in the task's metadata block: further down, a "**Parent:**" is another task's (a hub's list). */
const blockOnlyFields: ReadonlySet<FieldName> = new Set(['parent', 'created', 'updated', 'labels']);

/** Heading fields whose value is the block under them ("## Status" then "✅ Complete"). */
const headingFields: ReadonlySet<FieldName> = new Set(['agent', 'estimate', 'dependencies', 'status', 'priority', 'started', 'completed']);

// "Owner: Jane", "- Estimate: 4h": a plain key of a few words, a colon, a value. Only read in the metadata block.
const plainFieldLine = /^(\s*(?:[-*+]\s+)?)([A-Za-z][A-Za-z0-9 _/()-]{0,40}?)\s*:\s+(\S.*)$/;

/**
 * Fields from the Markdown body, in the order they are taken: those in the task's metadata block (under its
 * heading, before the next section) first, then bold lines, tables and "## Key" headings anywhere else.
 */
function readBodyFields(doc: MarkdownDoc, heading: Section | null): { fields: BodyField[]; unreadKeys: string[] } {
  const sections = allSections(doc.sections);
  const isFieldHeading = (section: Section) => section !== heading && section.depth > 1 && headingFields.has(headingField(section.title)?.name ?? 'id');
  // The metadata block runs from the title to the first section that is not a field or a metadata section.
  const isMetadataSection = (section: Section) => isFieldHeading(section) || metadataSection.test(section.key);
  const from = heading ? heading.line + 1 : 1;
  const next = sections.find((section) => section.line >= from && !isMetadataSection(section));
  const to = next ? next.line - 1 : doc.lines.length;
  const inBlock = (line: number) => line >= from && line <= to;
  const fields: (BodyField & { inBlock: boolean })[] = [];
  const unreadKeys: string[] = [];

  // Metadata is read only where the file keeps it: the block under the title, and sections titled as metadata
  // ("## Metadata", "## Assignment", "## Status") wherever they are. A bold line, table or list further down (a
  // permissions list's "- **Owner**: Full access") is the body's text, not the task's metadata.
  const ranges = metadataRanges(sections, doc.lines.length);
  const isMetadata = (line: number) => inBlock(line) || ranges.some(([start, end]) => line >= start && line <= end);
  const boldLines = new Set<number>();
  for (const field of boldFields(doc)) {
    boldLines.add(field.line);
    if (!isMetadata(field.line)) continue;
    const name = fieldName(field.key);
    if (name) fields.push({ name, value: field.value, key: field.key, line: field.line, column: field.column, form: 'bold-lines', inBlock: true });
    else unreadKeys.push(field.key);
  }
  for (let line = from; line <= to; line++) {
    if (doc.codeLines.has(line) || boldLines.has(line)) continue;
    const text = doc.lines[line - 1] ?? '';
    const match = plainFieldLine.exec(text);
    const name = match ? fieldName(match[2] ?? '') : undefined;
    if (!match || !name) continue;
    const value = (match[3] ?? '').trim();
    fields.push({ name, value, key: (match[2] ?? '').trim(), line, column: text.length - value.length + 1, form: 'plain-lines', inBlock: true });
  }
  for (const node of doc.root.children) {
    if (node.type !== 'table' || !isMetadata(node.position?.start.line ?? 0)) continue;
    for (const cell of tableFields(node)) {
      const name = fieldName(cell.key);
      if (name) fields.push({ name, ...cell, form: 'table', inBlock: true });
      else if (cell.keyed) unreadKeys.push(cell.key);
    }
  }
  for (const section of sections.filter(isFieldHeading)) {
    const field = headingField(section.title)!;
    const value = field.value ?? headingValue(section, field.name);
    // A heading names a date only when a date is there: "### Completed:" over a list of finished work is not one.
    if (dateFields.has(field.name) && (typeof value !== 'string' || parseDate(value) === null)) continue;
    if (value !== null)
      fields.push({
        name: field.name,
        value,
        key: field.key,
        line: field.value === null ? section.line + 1 : section.line,
        column: 1,
        form: 'headings',
        inBlock: inBlock(section.line),
      });
  }
  const ordered = fields
    .filter((field) => field.inBlock || !blockOnlyFields.has(field.name))
    .toSorted((a, b) => Number(b.inBlock) - Number(a.inBlock) || a.line - b.line);
  return { fields: ordered, unreadKeys };
}

/**
 * Key and value pairs of a metadata table: two columns of key and value ("| Field | Value |", "| **Owner** | Ana |"),
 * or one row of values under a header of keys ("| Agent | Estimate | Status |"). `keyed` says the table is one of
 * those, so a key Cairn does not read there is worth naming.
 */
function tableFields(table: Table): { key: string; value: string; line: number; column: number; keyed: boolean }[] {
  const rows = table.children.map((row) => ({
    cells: row.children.map((cell) => toString(cell).trim()),
    line: row.position?.start.line ?? 1,
    column: (row.children[1]?.position?.start.column ?? 1) + 1,
  }));
  const [head, ...body] = rows;
  if (!head) return [];
  if (head.cells.length === 2) {
    const headerIsPair = fieldName(head.cells[0] ?? '') !== undefined;
    const pairs = (headerIsPair ? rows : body).filter((row) => (row.cells[0] ?? '') !== '');
    const keyed =
      headerIsPair ||
      /^(field|key|property|attribute|item|name|metadata|detail)s?$/i.test(head.cells[0] ?? '') ||
      pairs.some((row) => fieldName(row.cells[0] ?? '') !== undefined);
    if (!keyed) return [];
    return pairs.map((row) => ({ key: row.cells[0] ?? '', value: row.cells[1] ?? '', line: row.line, column: row.column, keyed: true }));
  }
  const known = head.cells.filter((cell) => fieldName(cell) !== undefined).length;
  if (body.length !== 1 || known < 2) return [];
  const [row] = body;
  return head.cells.map((key, index) => ({ key, value: row!.cells[index] ?? '', line: row!.line, column: 1, keyed: true }));
}

/** Sections whose heading says they hold the task's metadata ("## Metadata", "## 📋 Phase Overview", "## Task Info", BMAD's "## Story Overview"). */
const metadataSection = /^(?:task |phase |story )?(?:metadata|meta|details|info|information|overview|properties|summary|assignment|assignments)$/;

/** Sections read as metadata wherever they stand: their heading says so ("## Metadata", "## Assignment", "## Status"). */
const namedMetadataSection = /^(?:task )?(?:metadata|meta|assignment|assignments|status|current status)$/;

const dateFields: ReadonlySet<FieldName> = new Set(['started', 'completed', 'created', 'updated']);

/** The lines of each section titled as metadata, from its heading to its first sub-heading or the next heading. */
function metadataRanges(sections: readonly Section[], lastLine: number): [number, number][] {
  const starts = sections.map((section) => section.line).toSorted((a, b) => a - b);
  return sections
    .filter((section) => namedMetadataSection.test(section.key))
    .map((section) => [section.line, (starts.find((line) => line > section.line) ?? lastLine + 1) - 1]);
}

/** The field a heading names: "## Status" (value under it) or "## 👥 Assigned To: API Team" (value in it). */
function headingField(title: string): { name: FieldName; key: string; value: string | null } | null {
  const colon = title.indexOf(':');
  const key = colon < 0 ? title : title.slice(0, colon);
  const name = fieldName(key);
  if (!name) return null;
  const value = colon < 0 ? null : title.slice(colon + 1).trim();
  return { name, key: key.replace(/^[^\p{L}\p{N}]+/u, '').trim(), value: value === '' ? null : value };
}

// "Subsequent Stories (Depend on This):", "Stories that depend on it:": a label of the tasks that wait for this one.
const reverseLabel = /\bsubsequent\b|\bdepends? on (?:this|it)\b/i;

/** The value under a "## Key" heading: its first paragraph, or the items of its first list. */
function headingValue(section: Section, name: FieldName): string | string[] | null {
  // Dependencies are often grouped under sub-headings ("### Required Before Starting"): every item counts.
  if (name === 'dependencies') {
    // "### Blocking Other Tasks" under "## Dependencies" lists the tasks that wait for this one: the other way round.
    const reverse = allSections(section.children).filter((child) => isReverseDependencyKey(child.title));
    const reverseNodes = new Set(reverse.flatMap((child) => child.nodes));
    // A list right after a "**Required by:**", "Blocks:" or "**Subsequent Stories (Depend on This):**" line (BMAD
    // stories' "### Dependencies") is the other way round too.
    section.nodes.forEach((node, index) => {
      const before = section.nodes[index - 1];
      if (node.type === 'list' && before?.type === 'paragraph' && (isReverseDependencyKey(toString(before).trim()) || reverseLabel.test(toString(before))))
        reverseNodes.add(node);
    });
    // An item the file marks as not needed yet ("Story 4.7: sync (future - local-first for now)") is no dependency.
    const items = listItems(section.nodes.filter((node) => node.type === 'list' && !reverseNodes.has(node)))
      .map((item) => item.text)
      .filter((text) => text !== '' && !/\((?:future|later)\b/i.test(text));
    if (items.length > 0) return items;
  }
  const first = section.ownNodes.find((node) => node.type === 'paragraph' || node.type === 'list');
  if (!first) return null;
  if (first.type === 'list')
    return listItems([first])
      .map((item) => item.text)
      .filter((text) => text !== '');
  const text = toString(first).split('\n')[0]?.trim() ?? '';
  return text === '' ? null : text;
}

/**
 * `text` without the given 1-based lines, and without the blank lines and horizontal rules that leaves at its
 * start: a page does not open with a rule, and a leading "---" would be taken for frontmatter when rendered.
 */
function withoutLines(text: string, lines: ReadonlySet<number>): string {
  return text
    .split('\n')
    .filter((_, index) => !lines.has(index + 1))
    .join('\n')
    .replace(/^(?:[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})?[ \t]*\r?\n)+/, '');
}

/**
 * "Task 7.1: Build Infrastructure" (also "🚀 Task 7.1: …", as claude-flow packages write it, and BMAD's "Story 1.3:
 * …") → "Build Infrastructure".
 */
function stripTaskPrefix(title: string): string {
  const stripped = title
    .replace(
      /^\s*(?:[\p{Extended_Pictographic}\uFE0F\u200D]+\s*)?(?:[A-Z][A-Z0-9]{0,9}-\d[A-Z0-9]*|(?:task|TASK|Task)[\s#-]*\d+(?:\.\d+)*|(?:story|STORY|Story)\s+\d+(?:[.-]\d+)*(?:-[a-z][a-z0-9]*)*(?=\s*[:\-–—.|])|(?:(?:task|TASK|Task)[\s-]*)?(?:\d+(?:\.\d+)+|[Tt]\d+)|(?:task|TASK|Task)(?=\s*:))\s*[:\-–—.|]?\s*/u,
      '',
    )
    .trim();
  return stripped === '' ? title.trim() : stripped;
}

// Status marks a title carries beside its name: "✅ COMPLETED TASK: …", "… - COMPLETE ✅", "… (DONE)".
const statusMarks = '[✅✔☑🔄⏳🚧⛔🚫❌\\uFE0F]';
const statusCaps = String.raw`(?:COMPLETED|COMPLETE|DONE|FINISHED|IN PROGRESS|IN-PROGRESS|BLOCKED|CANCELLED|CANCELED|WIP|TODO)`;
const leadingDecoration = new RegExp(
  String.raw`^\s*(?:(?:${statusMarks}|\p{Extended_Pictographic})+\s*(?=${statusCaps}))?(?:${statusMarks}+\s*)?(?:${statusCaps}(?:\s+TASK)?(?:\s*[:\-–—|]\s*|\s+(?=\S)))?`,
  'u',
);
const trailingDecoration = new RegExp(String.raw`(?:\s*[:\-–—|]?\s*\(?${statusCaps}\)?)?\s*${statusMarks}*\s*$`, 'u');

/** A title without the status marks written around it; the title as written when nothing else would be left. */
function undecorated(title: string): string {
  const stripped = title.replace(leadingDecoration, '').replace(trailingDecoration, '').trim();
  return stripped === '' ? title.trim() : stripped;
}

function readSections(doc: MarkdownDoc, memoryField: Field | undefined): Pick<Task, 'objectives' | 'deliverables' | 'successCriteria' | 'memoryKeys'> {
  const itemsOf = (test: (key: string) => boolean): ChecklistItem[] =>
    listItems(findSection(doc, test)?.nodes ?? []).map(({ text, checked }) => ({ text, checked }));
  const memorySection = findSection(doc, (key) => key.includes('memory'));
  const declared = Array.isArray(memoryField?.value) ? memoryField.value.map(String) : [];
  return {
    objectives: itemsOf((key) => key.includes('objective') || key === 'goals').map((item) => item.text),
    // BMAD's "## Tasks / Subtasks" is the story's checklist: what the story delivers, not tasks of the phase.
    deliverables: itemsOf((key) => key.includes('deliverable') || key === 'tasks subtasks'),
    successCriteria: itemsOf((key) => key.includes('success criteria') || key.includes('acceptance criteria')),
    memoryKeys: [...new Set([...declared, ...memoryKeysIn(memorySection?.nodes ?? [])])],
  };
}

// A memory key is a slash-separated path such as "phase7/build_infra/status".
const memoryKeyPattern = /^[\w.-]+(?:\/[\w.{}<>*[\]-]+)+$/;

function memoryKeysIn(nodes: readonly RootContent[]): string[] {
  const keys: string[] = [];
  const root: Root = { type: 'root', children: [...nodes] };
  visit(root, (node) => {
    if (node.type === 'inlineCode' && memoryKeyPattern.test(node.value.trim())) keys.push(node.value.trim());
  });
  return keys;
}

/** The date and time a status line names ("Blocked (2025-10-25)", "Complete 2025-10-25T14:00Z"), ISO; null for none. */
function statusTime(text: string | null): string | null {
  const found = text ? /\b(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2})?\s*(Z|UTC|[+-]\d{2}:?\d{2})?)?/.exec(text) : null;
  if (!found) return null;
  const [, date, time, zone] = found;
  const stamp = Date.parse(`${date}T${time ?? '00:00'}:00${zone && zone !== 'UTC' ? zone : 'Z'}`);
  return Number.isNaN(stamp) ? null : new Date(stamp).toISOString();
}
