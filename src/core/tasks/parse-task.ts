/**
 * Reads one task file. Metadata comes from YAML frontmatter or from "**Key:** value" lines (also as list items),
 * sections from the Markdown body. Returns every problem found instead of stopping at the first.
 */
import type { Root, RootContent } from 'mdast';
import { readFrontmatterOrReport } from '../markdown/frontmatter.ts';
import { visit } from '../markdown/visit.ts';
import { createIssueSink, type IssueSink } from '../issues.ts';
import { boldFields, findSection, listItems, parseMarkdown, type MarkdownDoc } from '../markdown/parse-markdown.ts';
import type { ChecklistItem, Issue, Task } from '../schema.ts';
import { checkText } from '../text/check-text.ts';
import { repairMojibake, repairWithWarning } from '../text/mojibake.ts';
import { findTaskId, parseDependencies } from './parse-dependencies.ts';
import { parseDuration } from './parse-duration.ts';
import { parseStatus } from './parse-status.ts';

/** The metadata fields Cairn understands, under their canonical names. */
type FieldName = 'id' | 'title' | 'agent' | 'estimate' | 'dependencies' | 'status' | 'priority' | 'memoryKeys';

/** Field names as packages write them (lowercase, letters only) → canonical name. */
const fieldAliases: Record<string, FieldName> = {
  id: 'id',
  taskid: 'id',
  title: 'title',
  name: 'title',
  agent: 'agent',
  agenttype: 'agent',
  agentrole: 'agent',
  assignee: 'agent',
  assignedto: 'agent',
  owner: 'agent',
  estimate: 'estimate',
  estimated: 'estimate',
  estimatedduration: 'estimate',
  duration: 'estimate',
  effort: 'estimate',
  timeline: 'estimate',
  dependencies: 'dependencies',
  dependency: 'dependencies',
  dependson: 'dependencies',
  depends: 'dependencies',
  blockedby: 'dependencies',
  prerequisites: 'dependencies',
  status: 'status',
  state: 'status',
  priority: 'priority',
  memorykeys: 'memoryKeys',
  memory: 'memoryKeys',
};

/** The canonical field for a key as written ("Agent Type", "depends_on"), or undefined when Cairn does not read it. */
function fieldName(key: string): FieldName | undefined {
  const folded = key.toLowerCase().replace(/[^a-z]/g, '');
  // Object.hasOwn: a key such as "constructor" must not find Object's own members.
  return Object.hasOwn(fieldAliases, folded) ? fieldAliases[folded] : undefined;
}

/** Fields whose value is one piece of text; a list or a map there is an error, not "a,b" or "[object Object]". */
const textFields: ReadonlySet<FieldName> = new Set(['id', 'title', 'agent', 'estimate', 'status', 'priority']);

export const statusHint = 'Use one of: pending, in_progress, complete, blocked (or words such as "Ready to execute", "In progress", "Done").';

interface Field {
  value: unknown;
  line: number;
  column: number;
}

export interface ParsedTask {
  /** The task, with status from its own file; null when the file has errors that leave no usable task. */
  task: Task | null;
  /** The Markdown body after the frontmatter, mojibake repaired. */
  body: string;
  /** The body as a task page shows it: without the "# Title" line and the metadata lines read from it. */
  content: string;
  issues: Issue[];
}

export interface TaskFileInput {
  text: string;
  /** Path shown in messages, relative to the working directory. */
  path: string;
  /** File name without extension, e.g. "task-7.1-build-infra". */
  slug: string;
  phaseId: string;
}

/** Parses one task file's text into a task. Never throws for bad input. */
export function parseTaskFile({ text: input, path, slug, phaseId }: TaskFileInput): ParsedTask {
  const sink = createIssueSink(path);
  const checked = checkText(input, sink, 'a task file');
  if (checked === null) return { task: null, body: '', content: '', issues: sink.issues };
  const repairedText = repairWithWarning(checked, sink.warning);
  const { fields, body, bodyOffset, style, broken, notText } = readFields(repairedText, sink);
  const doc = parseMarkdown(body);
  const shift = (line: number) => line + bodyOffset;
  const metadataLines = new Set<number>(); // body lines whose metadata the page shows in its own list
  for (const field of boldFields(doc)) {
    const name = fieldName(field.key);
    if (name && !fields.has(name)) {
      fields.set(name, { value: field.value, line: shift(field.line), column: field.column });
      metadataLines.add(field.line);
    }
  }

  const heading = firstHeading(doc);
  const id = textOf(fields.get('id')) ?? (heading ? findTaskId(heading.text) : null) ?? findTaskId(slug);
  if (id === null && !notText.has('id')) {
    sink.error(heading ? shift(heading.line) : 1, 1, 'The task has no id: none in its metadata, its title or its file name.', 'Start the title with the id ("# Task 7.1: Build Infrastructure") or add "id: \\"7.1\\"" to the frontmatter.');
  }
  const title = textOf(fields.get('title')) ?? (heading ? stripTaskPrefix(heading.text) : slug);

  const agentField = fields.get('agent');
  const agent = textOf(agentField);
  // With broken frontmatter its fields are unknown, not missing: the YAML error alone says what to fix.
  if (agent === null && !broken && !notText.has('agent')) {
    sink.error(agentField?.line ?? 1, agentField?.column ?? 1, 'The task names no agent.', 'Add "**Agent Type:** cicd-engineer" under the title, or "agent: cicd-engineer" to the frontmatter.');
  }

  const estimateField = fields.get('estimate');
  const estimateText = estimateField ? String(estimateField.value).trim() : '';
  let estimateDays = 0;
  if (!estimateField || estimateText === '') {
    if (!broken && !notText.has('estimate')) sink.error(estimateField?.line ?? 1, estimateField?.column ?? 1, 'The task has no estimate.', 'Add "**Duration:** 2.4 days" (or hours such as "6h", or "2 weeks").');
  } else {
    const duration = parseDuration(typeof estimateField.value === 'number' ? estimateField.value : estimateText);
    if (duration.ok) estimateDays = duration.days;
    else sink.error(estimateField.line, estimateField.column, `Cannot read the estimate "${estimateText}": ${duration.reason}.`, 'Write a number with a unit: "2.4 days", "1 day", "6h", "2 weeks".');
  }

  const statusField = fields.get('status');
  const statusText = textOf(statusField);
  let status = parseStatus(statusText ?? 'pending');
  if (status === null) {
    sink.error(statusField?.line ?? 1, statusField?.column ?? 1, `Unknown status "${statusText}".`, statusHint);
    status = 'pending';
  }

  const dependencies = parseDependencies(dependencyValue(fields.get('dependencies')));
  const sections = readSections(doc, fields.get('memoryKeys'));
  const content = withoutLines(body, new Set([...metadataLines, ...(heading?.depth === 1 ? [heading.line] : [])]));
  if (id === null || agent === null || !estimateField) return { task: null, body, content, issues: sink.issues };

  const task: Task = {
    id,
    slug,
    phaseId,
    title,
    agent,
    estimateDays,
    estimateText,
    dependsOn: [...new Set(dependencies.flatMap((dependency) => dependency.taskIds))],
    dependencies,
    status,
    statusText,
    priority: textOf(fields.get('priority')),
    ...sections,
    metadataStyle: style,
    file: path,
    startedAt: null,
    completedAt: null,
    elapsedDays: null,
    events: 0,
    files: [],
    statusEvidence: {
      status,
      kind: 'authored',
      time: null,
      path,
      key: statusField ? `line ${statusField.line}` : null,
      summary: statusText ? `"${statusText}" in the task file` : 'no status in the task file, so pending',
    },
    flags: [],
  };
  return { task, body, content, issues: sink.issues };
}

/** Line of a task's dependency field in its file, for messages about unknown ids and cycles. */
export function dependencyLine(text: string, taskId: string): { line: number; column: number } {
  const lines = repairMojibake(text).text.split('\n');
  const index = lines.findIndex((line) => /^\s*(?:[-*+]\s+)?(?:\*\*)?\s*(dependencies|depends[\s_-]?on|dependency|blocked[\s_-]?by|prerequisites)\b/i.test(line));
  if (index < 0) return { line: 1, column: 1 };
  const column = (lines[index] ?? '').indexOf(taskId);
  return { line: index + 1, column: column >= 0 ? column + 1 : 1 };
}

interface ReadFields {
  fields: Map<FieldName, Field>;
  body: string;
  bodyOffset: number;
  style: Task['metadataStyle'];
  /** The frontmatter is not valid YAML, so which fields it meant to set is unknown. */
  broken: boolean;
  /** Fields the frontmatter gives a list or a map where text belongs; each already has its error. */
  notText: ReadonlySet<FieldName>;
}

function readFields(text: string, sink: IssueSink): ReadFields {
  const fields = new Map<FieldName, Field>();
  const notText = new Set<FieldName>();
  if (!/^---\r?\n/.test(text)) return { fields, body: text, bodyOffset: 0, style: 'bold-lines', broken: false, notText };
  const parsed = readFrontmatterOrReport(text, sink);
  if (!parsed) {
    const end = text.indexOf('\n---', 3);
    const body = end < 0 ? '' : text.slice(text.indexOf('\n', end + 1) + 1);
    return { fields, body, bodyOffset: text.split('\n').length - body.split('\n').length, style: 'frontmatter', broken: true, notText };
  }
  const yamlLines = parsed.matter.split('\n');
  const data = parsed.data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    sink.error(2, 1, 'The frontmatter is not a set of "key: value" lines.', 'Write one "key: value" per line, e.g. "agent: cicd-engineer".');
  } else {
    for (const [key, value] of Object.entries(data)) {
      const name = fieldName(key);
      // gray-matter's `matter` starts with the newline after the opening "---", so its line i is the file's line i + 1.
      const index = yamlLines.findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`) || line.startsWith(`'${key}':`));
      const line = index < 0 ? 1 : index + 1;
      if (!name) {
        sink.warning(line, 1, `Unknown frontmatter key "${key}"; it is ignored.`, `Known keys: ${knownKeys}.`);
        continue;
      }
      if (textFields.has(name) && value !== null && typeof value === 'object') {
        sink.error(line, 1, `"${key}" is ${Array.isArray(value) ? 'a list' : 'a set of keys'}, not one value.`, `Write it on one line, e.g. "${key}: ${exampleValue[name] ?? 'text'}".`);
        notText.add(name);
        continue;
      }
      fields.set(name, { value, line, column: 1 });
    }
  }
  const body = parsed.content;
  return { fields, body, bodyOffset: text.split('\n').length - body.split('\n').length, style: 'frontmatter', broken: false, notText };
}

/** The frontmatter keys a task file may use, for the hint on an unknown one. */
const knownKeys = 'id, title, agent, estimate, dependencies, status, priority, memory_keys (or their aliases, such as duration or depends_on)';

const exampleValue: Partial<Record<FieldName, string>> = { id: '"7.1"', title: 'Build Infrastructure', agent: 'cicd-engineer', estimate: '2.4 days', status: 'pending', priority: 'high' };

function textOf(field: Field | undefined): string | null {
  if (!field || field.value === null || field.value === undefined) return null;
  const value = String(field.value).trim();
  return value === '' ? null : value;
}

function dependencyValue(field: Field | undefined): string | (string | number)[] | null {
  if (!field) return null;
  if (Array.isArray(field.value)) return field.value.map((item) => (typeof item === 'number' ? String(item) : String(item)));
  return textOf(field);
}

function firstHeading(doc: MarkdownDoc): { text: string; line: number; depth: number } | null {
  const first = doc.sections[0];
  return first ? { text: first.title, line: first.line, depth: first.depth } : null;
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

/** "Task 7.1: Build Infrastructure" (also "🚀 Task 7.1: …", as claude-flow packages write it) → "Build Infrastructure". */
export function stripTaskPrefix(title: string): string {
  const stripped = title.replace(/^\s*(?:[\p{Extended_Pictographic}\uFE0F\u200D]+\s*)?(?:task\s*)?(?:\d+(?:\.\d+)+|T\d+)\s*[:\-–—.]?\s*/iu, '').trim();
  return stripped === '' ? title.trim() : stripped;
}

function readSections(doc: MarkdownDoc, memoryField: Field | undefined): Pick<Task, 'objectives' | 'deliverables' | 'successCriteria' | 'memoryKeys'> {
  const itemsOf = (test: (key: string) => boolean): ChecklistItem[] =>
    listItems(findSection(doc, test)?.nodes ?? []).map(({ text, checked }) => ({ text, checked }));
  const memorySection = findSection(doc, (key) => key.includes('memory'));
  const declared = Array.isArray(memoryField?.value) ? memoryField.value.map(String) : [];
  return {
    objectives: itemsOf((key) => key.includes('objective') || key === 'goals').map((item) => item.text),
    deliverables: itemsOf((key) => key.includes('deliverable')),
    successCriteria: itemsOf((key) => key.includes('success criteria') || key.includes('acceptance criteria')),
    memoryKeys: [...new Set([...declared, ...memoryKeysIn(memorySection?.nodes ?? [])])],
  };
}

// A memory key is a slash-separated path such as "phase7/build_infra/status".
const memoryKeyPattern = /^[\w.-]+(?:\/[\w.{}<>*\[\]-]+)+$/;

function memoryKeysIn(nodes: readonly RootContent[]): string[] {
  const keys: string[] = [];
  const root: Root = { type: 'root', children: [...nodes] };
  visit(root, (node) => {
    if (node.type === 'inlineCode' && memoryKeyPattern.test(node.value.trim())) keys.push(node.value.trim());
  });
  return keys;
}
