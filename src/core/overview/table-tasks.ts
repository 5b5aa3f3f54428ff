/**
 * Tasks the overview names only in its task table ("| TASK-1C03 | Settings Loader | pending |" with no TASK-1C03.md):
 * each is a task, read from its row (title, status, agent, estimate, dependencies as the row gives them) and marked as
 * read from the overview. A row whose task has a file is that task: the file decides, and checkTaskTable names any
 * cell that differs.
 */
import type { Issue, Task } from '../schema/model.ts';
import { idKey, parseDependencies } from '../tasks/parse-dependencies.ts';
import { parseDuration } from '../tasks/parse-duration.ts';
import { parseStatusMeaning, statusOfMeaning } from '../tasks/parse-status.ts';
import { isUnassigned, statusHint, unitOfKey } from '../tasks/vocabulary.ts';
import type { TaskTableRow } from './task-table.ts';

/** The tasks of the rows that name an id no task of the phase has, in table order; the first row of an id counts. */
export function tasksFromTable(
  rows: readonly TaskTableRow[],
  tasks: readonly Task[],
  overviewPath: string,
  phaseId: string,
): { tasks: Task[]; issues: Issue[] } {
  // "| 1 |" is the task of TASK-01-….md, "| TASK-1C03 |" the one of TASK-1C03.md: ids match as the phase writes them (idKey).
  const known = new Set(tasks.map((task) => idKey(task.id)));
  const slugs = new Set(tasks.map((task) => task.slug.toLowerCase()));
  const name = overviewPath.slice(overviewPath.lastIndexOf('/') + 1);
  const added: Task[] = [];
  const issues: Issue[] = [];
  for (const row of rows) {
    if (!('id' in row.ref) || known.has(idKey(row.ref.id))) continue;
    const id = row.ref.id;
    known.add(idKey(id));
    const statusText = row.cells.status?.text || null;
    const meaning = statusText === null ? null : parseStatusMeaning(statusText);
    if (statusText !== null && meaning === null) {
      issues.push({
        file: overviewPath,
        line: row.line,
        column: 1,
        severity: 'warning',
        message: `Unknown status "${statusText}" for task ${id} in the task table; the task is shown as pending.`,
        hint: statusHint,
      });
    }
    const status = meaning === null ? 'pending' : statusOfMeaning(meaning);
    const dependencyText = row.cells.dependencies?.text ?? '';
    const dependencies = parseDependencies(dependencyText).map((dependency) => ({ ...dependency, line: row.line, column: null }));
    const estimate = row.cells.estimate;
    const duration = estimate && estimate.text !== '' ? parseDuration(estimate.text, unitOfKey(estimate.header) ?? 'd') : null;
    const agentText = row.cells.agent?.text ?? '';
    let slug = `task-${id}`;
    while (slugs.has(slug.toLowerCase())) slug = `${slug}-overview`;
    slugs.add(slug.toLowerCase());
    const evidence =
      statusText === null
        ? `named only in the task table of ${name} (line ${row.line}), which gives no status, so pending`
        : `"${statusText}" in the task table of ${name} (line ${row.line}); the task has no file of its own`;
    added.push({
      id,
      slug,
      phaseId,
      title: row.title ?? id,
      agent: agentText === '' || isUnassigned(agentText) || /^[^\p{L}\p{N}]*$/u.test(agentText) ? null : agentText,
      estimateDays: duration?.ok ? duration.days : null,
      estimateText: estimate && estimate.text !== '' ? estimate.text : null,
      dependsOn: [...new Set(dependencies.flatMap((dependency) => dependency.taskIds))],
      dependencies,
      status,
      statusText,
      cancelled: meaning === 'cancelled',
      optional: false,
      parentId: null,
      priority: null,
      objectives: [],
      deliverables: [],
      successCriteria: [],
      memoryKeys: [],
      metadataStyle: 'table',
      file: overviewPath,
      startedAt: null,
      completedAt: null,
      elapsedDays: null,
      events: 0,
      files: [],
      statusEvidence: { status, kind: 'authored', time: null, path: overviewPath, key: `line ${row.line}`, summary: evidence },
      flags: [],
      health: null,
      statusConflict: null,
    });
  }
  if (added.length > 0) {
    const list = added.map((task) => task.id).join(', ');
    issues.push({
      file: overviewPath,
      line: Number(added[0]!.statusEvidence.key?.slice('line '.length) ?? 1),
      column: 1,
      severity: 'warning',
      message: `${added.length === 1 ? 'Task' : `${added.length} tasks`} ${list} ${added.length === 1 ? 'has' : 'have'} no task file and ${added.length === 1 ? 'is' : 'are'} read from the task table of ${name}.`,
      hint: 'Add a task file for each (its id in the title or the file name) to give it an agent, an estimate and dependencies of its own.',
    });
  }
  return { tasks: added, issues };
}
