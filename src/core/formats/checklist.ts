/**
 * Task lists written as Markdown checkboxes, one task a line (Spec Kit's and Kiro's `tasks.md`): the lines, with the
 * box, the text after it and the detail lines under it. Lines in fenced code blocks and HTML comments are not tasks.
 */
import type { Task, TaskStatus } from '../schema/model.ts';

export interface ChecklistLine {
  /** 1-based line number. */
  line: number;
  /** Columns of indentation before the list marker. */
  indent: number;
  /** The character in the box: " ", "x", "X", "-", "~", "/". */
  mark: string;
  /** A "*" right after the box (Kiro's optional task). */
  optional: boolean;
  /** The text after the box. */
  text: string;
  /** The lines under it, up to the next checkbox line at its indentation or less, or the next heading. */
  details: string[];
}

/** A checkbox list item: "- [ ] text", "* [x] text", "- [X]* text". */
const checkbox = /^( *)[-*+]\s+\[([ xX\-~/])\](\*)?\s+(.*)$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;

/** The checkbox lines of `text`, outside code fences and HTML comments. */
export function checklistLines(text: string): ChecklistLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: ChecklistLine[] = [];
  let fenceMark: string | null = null;
  let inComment = false;
  let current: ChecklistLine | null = null;
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\t/g, '    ');
    const fenced = fence.exec(line);
    if (fenceMark !== null) {
      if (fenced && fenced[1]!.startsWith(fenceMark)) fenceMark = null;
      current?.details.push(raw);
      continue;
    }
    if (fenced) {
      fenceMark = fenced[1]!;
      current?.details.push(raw);
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (/^\s*<!--/.test(line) && !line.includes('-->')) {
      inComment = true;
      continue;
    }
    if (/^#{1,6}\s/.test(line)) {
      current = null;
      continue;
    }
    const match = checkbox.exec(line);
    if (match && (current === null || match[1]!.length <= current.indent || isTaskText(match[4]!))) {
      current = { line: index + 1, indent: match[1]!.length, mark: match[2]!, optional: match[3] === '*', text: match[4]!.trim(), details: [] };
      found.push(current);
      continue;
    }
    current?.details.push(raw);
  }
  for (const item of found) {
    while (item.details.length > 0 && item.details.at(-1)!.trim() === '') item.details.pop();
  }
  return found;
}

/** Whether a nested checkbox's text starts like a task of its own (an id), not a step of the task above. */
function isTaskText(text: string): boolean {
  return /^(?:(?:\*\*)?T\d+[a-z]?\b|\d+[a-z]?(?:\.\d+[a-z]?)*[.:]?\s)/.test(text);
}

/** The status a box says: ticked is complete, "-", "~" and "/" are under way, empty is pending. */
export function boxStatus(mark: string): TaskStatus {
  if (mark === 'x' || mark === 'X') return 'complete';
  if (mark === '-' || mark === '~' || mark === '/') return 'in_progress';
  return 'pending';
}

/** The words a box is shown with, as the task's status text. */
export function boxText(mark: string, optional: boolean): string {
  return `[${mark}]${optional ? '*' : ''}`;
}

/** A task read from one line of a list: every field the list does not give is unknown. */
export function checklistTask(fields: {
  id: string;
  slug: string;
  phaseId: string;
  title: string;
  file: string;
  line: number;
  status: TaskStatus;
  statusText: string;
  dependsOn?: string[];
  dependencyRaw?: string;
  parentId?: string | null;
  optional?: boolean;
  format: string;
}): Task {
  const dependsOn = fields.dependsOn ?? [];
  return {
    id: fields.id,
    slug: fields.slug,
    phaseId: fields.phaseId,
    title: fields.title,
    agent: null,
    estimateDays: null,
    estimateText: null,
    dependsOn,
    dependencies:
      dependsOn.length > 0
        ? [{ raw: fields.dependencyRaw ?? dependsOn.join(', '), taskIds: dependsOn, external: false, line: null, column: null, links: [], missing: [] }]
        : [],
    status: fields.status,
    statusText: fields.statusText,
    cancelled: false,
    optional: fields.optional ?? false,
    parentId: fields.parentId ?? null,
    priority: null,
    objectives: [],
    deliverables: [],
    successCriteria: [],
    memoryKeys: [],
    metadataStyle: 'checklist',
    file: fields.file,
    startedAt: null,
    completedAt: null,
    elapsedDays: null,
    events: 0,
    files: [],
    statusEvidence: {
      status: fields.status,
      kind: 'authored',
      time: null,
      path: fields.file,
      key: `line ${fields.line}`,
      summary: `"${fields.statusText}" at line ${fields.line} of the ${fields.format} task list`,
    },
    flags: [],
    health: null,
    statusConflict: null,
  };
}
