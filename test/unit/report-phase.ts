/** Builds small Phase models for the completion-report tests: only what a test sets, the rest empty or derived. */
import { buildPhase } from '../../src/core/model/build-phase.ts';
import { normalizeKey } from '../../src/core/metrics/normalize-key.ts';
import { parseTarget } from '../../src/core/metrics/parse-target.ts';
import { parseMetricValue } from '../../src/core/metrics/parse-value.ts';
import { judgeMetric } from '../../src/core/metrics/verdict.ts';
import { emptyActivity, type ChecklistItem, type DataQuality, type Metric, type Phase, type Task, type TaskStatus } from '../../src/core/schema/model.ts';
import { AS_OF } from './fixtures.ts';

/** A task: pending, 1 day, no events, unless told otherwise. Evidence follows the status. */
export function reportTask(fields: Partial<Task> & Pick<Task, 'id'>): Task {
  const status = fields.status ?? 'pending';
  return {
    slug: `task-${fields.id}`,
    phaseId: 'phase-1',
    title: `Work ${fields.id}`,
    agent: 'coder',
    estimateDays: 1,
    estimateText: '1 day',
    cancelled: false,
    optional: false,
    parentId: null,
    dependsOn: [],
    dependencies: [],
    status,
    statusText: null,
    priority: null,
    objectives: [],
    deliverables: [],
    successCriteria: [],
    memoryKeys: [],
    metadataStyle: 'bold-lines',
    file: `phases/phase-1/task-${fields.id}.md`,
    startedAt: null,
    completedAt: null,
    elapsedDays: null,
    events: 0,
    statusEvidence: {
      status,
      kind: 'authored',
      time: null,
      path: `phases/phase-1/task-${fields.id}.md`,
      key: 'line 4',
      summary: `"${status}" in the task file`,
    },
    flags: [],
    health: null,
    statusConflict: null,
    ...fields,
    files: fields.files ?? [],
  };
}

/** A metric from the overview's cells as written, judged as the build judges it. */
export function reportMetric({
  label,
  baseline = null,
  target,
  achieved = null,
  taskIds = [],
}: {
  label: string;
  baseline?: number | string | null;
  target: string;
  achieved?: number | string | null;
  taskIds?: string[];
}): Metric {
  const [b, t, a] = [baseline === null ? null : parseMetricValue(baseline), parseTarget(target), achieved === null ? null : parseMetricValue(achieved)];
  return {
    key: normalizeKey(label),
    label,
    baseline: b,
    target: t,
    achieved: a,
    ...judgeMetric(b, t, a),
    impact: taskIds.map((id) => `Task ${id}`).join(', ') || null,
    taskIds,
    achievedFrom: null,
  };
}

const statusWords: Record<TaskStatus, string> = { pending: 'pending', in_progress: 'in progress', blocked: 'blocked', complete: 'complete' };

/**
 * The status and progress the build gives a phase of these tasks: task files that say the same (status, cancelled,
 * estimate, parent) are read back through buildPhase.
 */
export function standingOf(tasks: readonly Task[]): Pick<Phase, 'status' | 'progress'> {
  const taskFiles = tasks.map((task) => ({
    path: `phases/phase-1/task-${task.id}.md`,
    slug: `task-${task.id}`,
    text: [
      `# Task ${task.id}: ${task.title}`,
      '',
      `**Status:** ${task.cancelled ? 'cancelled' : statusWords[task.status]}`,
      ...(task.estimateDays === null ? [] : [`**Estimate:** ${task.estimateDays} days`]),
      ...(task.parentId === null ? [] : [`**Parent:** ${task.parentId}`]),
    ].join('\n'),
  }));
  const files = { phaseId: 'phase-1', dir: 'phases/phase-1', overview: null, tasks: taskFiles, hooks: [], baseline: null, final: null };
  const { status, progress } = buildPhase(files, { buildAsOf: AS_OF }).phase!;
  return { status, progress };
}

const noData: DataQuality = { sources: [], otherFiles: [], readers: [], unmatchedEvents: 0, newestEvent: null, stale: false, warnings: [], history: null };

/** A phase around the given tasks and metrics; status and progress derived from the tasks as the build does. */
export function reportPhase({ dataQuality, ...fields }: Partial<Omit<Phase, 'dataQuality'>> & { dataQuality?: Partial<DataQuality> }): Phase {
  const tasks = fields.tasks ?? [];
  return {
    id: 'phase-1',
    title: 'Phase 1: Test',
    ...standingOf(tasks),
    statusText: null,
    created: '2025-10-20T08:00:00Z',
    coordinator: null,
    session: null,
    objectives: [],
    successCriteria: [],
    deliverables: [],
    metrics: [],
    tasks,
    criticalPath: { taskIds: [], days: 0, alternatives: [], unestimated: 0 },
    statedDays: null,
    asOf: '2025-10-25T12:00:00.000Z',
    warnings: [],
    events: [],
    activity: emptyActivity(),
    buildAsOf: AS_OF,
    file: 'phases/phase-1/README.md',
    statedEnd: null,
    nextAction: null,
    health: null,
    forecast: null,
    simulation: null,
    pastForecasts: [],
    ...fields,
    dataQuality: { ...noData, ...dataQuality },
  };
}

/** Checklist items from "[x] text", "[ ] text" and "text" (a plain bullet). */
export function items(...lines: string[]): ChecklistItem[] {
  return lines.map((line) => {
    const box = /^\[( |x)\] /.exec(line);
    return { text: box ? line.slice(4) : line, checked: box ? box[1] === 'x' : null };
  });
}
