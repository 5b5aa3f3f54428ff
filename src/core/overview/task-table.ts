/**
 * The overview's task table ("| Task ID | Title | Depends On | Est. |", "| File | Agent Type | Duration |"): what it
 * says of each task, and where that disagrees with the task's own file. The task file decides; the table is checked
 * against it, so a table left behind after a change is named instead of trusted or ignored.
 */
import type { Issue, Task } from '../schema/model.ts';
import { findTaskId, idLookup, parseDependencies } from '../tasks/parse-dependencies.ts';
import { round } from '../format/round.ts';
import { parseDuration } from '../tasks/parse-duration.ts';
import { parseStatusMeaning } from '../tasks/parse-status.ts';
import { fieldName, foldKey, unassignedWords, unitOfKey, type FieldName } from '../tasks/vocabulary.ts';

/** The fields a task table is checked on, in the order a message names them. */
const checkedFields = ['status', 'agent', 'estimate', 'dependencies'] as const;
type CheckedField = (typeof checkedFields)[number];

export interface TaskTableRow {
  /** The task the row names: its id, or the file name in a File column ("task-7.1-build-infra.md"). */
  ref: { id: string } | { file: string };
  /** Line of the row in the overview. */
  line: number;
  /** Cell text by field, with the column header (its unit: "Est. (h)"). */
  cells: Partial<Record<CheckedField, { text: string; header: string }>>;
  /** The task's name in the row (a Title, Name or Task column), or null when the row gives none. */
  title?: string | null;
}

/** Where a task file states a field, for messages that point at both files. */
export type FieldLines = Partial<Record<CheckedField, number>>;

// Headers that name the task a row is about, beside the vocabulary's id keys ("Task ID", "Ticket").
const idHeaders = new Set(['task', 'tasks', 'phase', 'step', 'stage', 'no', 'number', '']);
const fileHeaders = new Set(['file', 'filename', 'taskfile', 'spec', 'document']);

/** The rows of every table whose header names the task (an id or file column) and at least one checked field. */
export function readTaskTables(tables: readonly { header: string[]; rows: { cells: string[]; line: number }[] }[], lineOffset: number): TaskTableRow[] {
  const rows: TaskTableRow[] = [];
  for (const table of tables) {
    const folded = table.header.map((cell) => (cell.trim() === '#' ? '' : foldKey(cell)));
    const named = table.header.map((cell) => fieldName(cell) as FieldName | undefined);
    const idAt = named.findIndex((name, index) => name === 'id' || idHeaders.has(folded[index] ?? '-'));
    const fileAt = folded.findIndex((key) => fileHeaders.has(key));
    const columns = checkedFields.map((field) => [field, named.indexOf(field)] as const).filter(([, index]) => index >= 0);
    if ((idAt < 0 && fileAt < 0) || columns.length === 0) continue;
    // The name: a Title or Name column, else a Task column that is not the one holding the id.
    const titleAt =
      [named.indexOf('title'), folded.findIndex((key, index) => index !== idAt && (key === 'task' || key === 'tasks'))].find(
        (index) => index >= 0 && index !== idAt,
      ) ?? -1;
    for (const row of table.rows) {
      const file = fileAt >= 0 ? /[\w.-]+\.md\b/i.exec(row.cells[fileAt] ?? '')?.[0] : undefined;
      const idCell = idAt >= 0 ? (row.cells[idAt] ?? '').trim() : '';
      const id = findTaskId(idCell) ?? /^\d+(?:\.\d+)*$/.exec(idCell)?.[0];
      const ref = file ? { file } : id ? { id } : null;
      if (!ref) continue;
      const cells: TaskTableRow['cells'] = {};
      for (const [field, index] of columns) cells[field] = { text: (row.cells[index] ?? '').trim(), header: table.header[index] ?? '' };
      const title = titleAt >= 0 ? (row.cells[titleAt] ?? '').trim() : '';
      rows.push({ ref, line: lineOffset + row.line, cells, title: title === '' ? null : title });
    }
  }
  return rows;
}

/**
 * One warning per row that disagrees with its task's file on status, agent, estimate or dependencies, naming both
 * lines. A cell that is empty or says nothing readable ("All", "TBD") is not a disagreement.
 */
export function checkTaskTable(
  rows: readonly TaskTableRow[],
  tasks: readonly Task[],
  fieldLines: ReadonlyMap<string, FieldLines>,
  overviewPath: string,
): Issue[] {
  const issues: Issue[] = [];
  const byFile = new Map(tasks.map((task) => [task.file.slice(task.file.lastIndexOf('/') + 1).toLowerCase(), task]));
  const findId = idLookup(tasks.map((task) => task.id));
  const byId = new Map(tasks.map((task) => [task.id, task]));
  for (const row of rows) {
    const task = 'id' in row.ref ? byId.get(findId(row.ref.id) ?? '') : byFile.get(row.ref.file.toLowerCase());
    if (!task) continue;
    const lines = fieldLines.get(task.id) ?? {};
    const taskFile = task.file.slice(task.file.lastIndexOf('/') + 1);
    const differences = checkedFields.flatMap((field) => {
      const cell = row.cells[field];
      const said = cell ? compare(field, cell, task) : null;
      const where = said?.where ?? `${taskFile}${lines[field] ? `:${lines[field]}` : ''}`;
      return said ? [`${field === 'dependencies' ? 'depends on' : `${field}`} ${said.table} here, ${said.file} in ${where}`] : [];
    });
    if (differences.length === 0) continue;
    issues.push({
      file: overviewPath,
      line: row.line,
      column: 1,
      severity: 'warning',
      message: `The task table and task ${task.id}'s file disagree: ${differences.join('; ')}. The task file is used.`,
      hint: `Update this row of the table (or the task file) so that both say the same.`,
      code: 'task-table',
    });
  }
  return issues;
}

/** What the table and the task file say of one field, when both say something and it differs; else null. */
function compare(field: CheckedField, cell: { text: string; header: string }, task: Task): { table: string; file: string; where?: string } | null {
  const text = cell.text;
  if (text === '') return null;
  const quoted = `"${text}"`;
  switch (field) {
    case 'status': {
      const table = parseStatusMeaning(text);
      const file = task.cancelled ? 'cancelled' : task.status;
      // A status another file gave (a completion report) is compared as that file says it, and named there.
      const elsewhere =
        task.statusEvidence.kind === 'authored' && task.statusEvidence.path !== task.file ? /^"(.*)" from /.exec(task.statusEvidence.summary)?.[1] : undefined;
      if (elsewhere !== undefined && table !== null && table !== file) {
        const name = task.statusEvidence.path.slice(task.statusEvidence.path.lastIndexOf('/') + 1);
        return {
          table: quoted,
          file: `"${elsewhere}"`,
          where: `${name}${task.statusEvidence.key?.startsWith('line ') ? `:${task.statusEvidence.key.slice(5)}` : ''}`,
        };
      }
      return table !== null && task.statusText !== null && table !== file ? { table: quoted, file: `"${task.statusText}"` } : null;
    }
    case 'agent': {
      const table = unassignedWords.has(text.toLowerCase()) ? null : text;
      const fold = (name: string | null) => (name ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (/^[^\p{L}\p{N}]*$/u.test(text) || task.agent === null || fold(table) === fold(task.agent)) return null;
      return { table: quoted, file: `"${task.agent}"` };
    }
    case 'estimate': {
      const table = parseDuration(text, unitOfKey(cell.header) ?? 'd');
      if (!table.ok || task.estimateDays === null || round(table.days, 3) === round(task.estimateDays, 3)) return null;
      return { table: quoted, file: `"${task.estimateText ?? `${task.estimateDays} days`}"` };
    }
    case 'dependencies': {
      const clauses = parseDependencies(text);
      const ids = new Set(clauses.flatMap((clause) => clause.taskIds));
      // "All", "Phase 2": nothing a task list can be compared with.
      if (clauses.some((clause) => clause.taskIds.length === 0)) return null;
      const own = new Set(task.dependencies.flatMap((dependency) => dependency.taskIds));
      if (ids.size === own.size && [...ids].every((id) => own.has(id))) return null;
      const list = (set: Set<string>) => (set.size === 0 ? 'nothing' : [...set].join(', '));
      return { table: list(ids), file: list(own) };
    }
  }
}
