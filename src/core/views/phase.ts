/**
 * View data for the pages and for status.json: everything a page shows is computed here, so `.astro` files only
 * render. Pure functions of the model.
 */
import type { Metric, MetricValue, Phase, StatusJson, Task, TaskStatus, Verdict } from '../schema/model.ts';
import { countRedactions } from '../redact/redact.ts';
import { criticalTaskIds } from '../model/schedule.ts';
import { countVerdicts, splitMetrics } from '../metrics/verdict.ts';
import { siteAsOf, staleWarning } from '../model/freshness.ts';
import { formatAgent, formatDays, formatEstimate } from '../format/format.ts';

/** One thing a task waits for, as its pages list it; `slug` links to a task page, `phaseId` alone to a phase. */
export interface DependencyItem {
  text: string;
  phaseId: string | null;
  slug: string | null;
  status: TaskStatus | null;
  /** Why it links nowhere: "not found", "outside the content root". */
  note: string | null;
}

/** What a task waits for: tasks of its phase, tasks and phases of other phases (with their status), and the rest as written. */
export function dependencyItems(task: Task, phase: Pick<Phase, 'id' | 'tasks'>): DependencyItem[] {
  const byId = new Map(phase.tasks.map((other) => [other.id, other]));
  return task.dependencies.flatMap((dependency): DependencyItem[] => {
    const local = dependency.taskIds.filter((id) => byId.has(id)).map((id) => ({ text: id, phaseId: phase.id, slug: byId.get(id)!.slug, status: byId.get(id)!.status, note: null }));
    const linked = dependency.links.map((link) => ({ text: link.taskId ? `${link.taskId} (${link.phaseId})` : link.title, phaseId: link.phaseId, slug: link.slug, status: link.status, note: null }));
    const missing = dependency.missing.map((id) => ({ text: id, phaseId: null, slug: null, status: null, note: 'not found in any phase' }));
    const items = [...local, ...linked, ...missing];
    if (items.length > 0) return items;
    const inFolder = task.dependsOn.length > 0 && dependency.external;
    return [{ text: dependency.raw, phaseId: null, slug: null, status: null, note: dependency.external && !inFolder ? 'outside this content' : null }];
  });
}

/** Counts per key, with every key present (zero when none). */
function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

export interface PhaseSummary {
  progressPercent: number;
  taskCounts: Record<TaskStatus, number>;
  /** Verdicts of the metrics that have a target. */
  verdictCounts: Record<Verdict, number>;
  targetCount: number;
  criticalPathText: string;
  /** Set when the package states a total that differs from the computed critical path. */
  statedDaysNote: string | null;
  deliverablesDone: number;
  deliverablesTotal: number;
}

/** The numbers at the top of a dashboard. */
export function buildPhaseSummary(phase: Phase): PhaseSummary {
  const items = phase.deliverables.flatMap((group) => group.items).filter((item) => item.checked !== null);
  const { targeted } = splitMetrics(phase.metrics);
  const { taskIds, days, alternatives } = phase.criticalPath;
  const chain = (ids: readonly string[]) => ids.join(' → ');
  const criticalPathText =
    taskIds.length === 0
      ? 'No critical path (no tasks, or the dependencies need fixing).'
      : `${chain(taskIds)}: ${formatDays(days)}` + (alternatives.length > 0 ? ` (equally long: ${alternatives.map(chain).join('; ')})` : '');
  const statedDaysNote =
    phase.statedDays !== null && Math.abs(phase.statedDays - days) > 0.005
      ? `The package states ${formatDays(phase.statedDays)}; the estimates and dependencies give ${formatDays(days)}.`
      : null;
  return {
    progressPercent: Math.round(phase.progress * 100),
    taskCounts: countBy(['pending', 'in_progress', 'complete', 'blocked'], phase.tasks.map((task) => task.status)),
    verdictCounts: countVerdicts(targeted),
    targetCount: targeted.length,
    criticalPathText,
    statedDaysNote,
    deliverablesDone: items.filter((item) => item.checked).length,
    deliverablesTotal: items.length,
  };
}

export interface GraphNode {
  id: string;
  title: string;
  agent: string;
  estimate: string;
  status: TaskStatus;
  critical: boolean;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** SVG path data. */
  d: string;
  critical: boolean;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const NODE_WIDTH = 200;
const NODE_HEIGHT = 64;
const COLUMN_GAP = 64;
const ROW_GAP = 20;
const MARGIN = 8;

/**
 * Lays the dependency graph out left to right: a task's column is the length of the longest chain of
 * dependencies before it; rows follow task order. Edges on the critical path are marked.
 */
export function buildGraphLayout(phase: Phase): GraphLayout {
  const byId = new Map(phase.tasks.map((task) => [task.id, task]));
  const column = new Map<string, number>();
  const depth = (id: string, seen: ReadonlySet<string> = new Set()): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0; // a cycle: validation reports it; lay it out flat rather than loop
    const deps = (byId.get(id)?.dependsOn ?? []).filter((dep) => byId.has(dep));
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((dep) => depth(dep, new Set([...seen, id]))));
    column.set(id, value);
    return value;
  };
  // A task sits in the row of its first dependency when that row is free, so chains read as straight lines.
  const taken = new Set<string>();
  const rowOf = new Map<string, number>();
  const critical = criticalTaskIds(phase.criticalPath);
  const nodes: GraphNode[] = phase.tasks.map((task) => {
    const col = depth(task.id);
    let row = rowOf.get(task.dependsOn.find((dep) => rowOf.has(dep)) ?? '') ?? 0;
    while (taken.has(`${col}:${row}`)) row += 1;
    taken.add(`${col}:${row}`);
    rowOf.set(task.id, row);
    return {
      id: task.id,
      title: task.title,
      agent: formatAgent(task.agent),
      estimate: formatEstimate(task.estimateDays),
      status: task.status,
      critical: critical.has(task.id),
      x: MARGIN + col * (NODE_WIDTH + COLUMN_GAP),
      y: MARGIN + row * (NODE_HEIGHT + ROW_GAP),
    };
  });
  const at = new Map(nodes.map((node) => [node.id, node]));
  const chains = [phase.criticalPath.taskIds, ...phase.criticalPath.alternatives];
  const criticalEdges = new Set(chains.flatMap((chain) => chain.slice(1).map((id, i) => `${chain[i]}>${id}`)));
  const edges: GraphEdge[] = phase.tasks.flatMap((task) =>
    task.dependsOn
      .filter((dep) => at.has(dep))
      .map((dep) => {
        const a = at.get(dep)!;
        const b = at.get(task.id)!;
        const [x1, y1, x2, y2] = [a.x + NODE_WIDTH, a.y + NODE_HEIGHT / 2, b.x, b.y + NODE_HEIGHT / 2];
        const mid = (x1 + x2) / 2;
        return { from: dep, to: task.id, d: `M${x1} ${y1} C${mid} ${y1} ${mid} ${y2} ${x2 - 6} ${y2}`, critical: criticalEdges.has(`${dep}>${task.id}`) };
      }),
  );
  const columns = Math.max(1, ...[...column.values()].map((col) => col + 1));
  const rows = Math.max(1, ...[...rowOf.values()].map((row) => row + 1));
  return {
    width: MARGIN * 2 + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP,
    height: MARGIN * 2 + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP,
    nodeWidth: NODE_WIDTH,
    nodeHeight: NODE_HEIGHT,
    nodes,
    edges,
  };
}

/** A metric value for status.json: numbers stay numbers, everything else is the text as written. */
function statusValue(value: MetricValue | null): number | string | null {
  if (value === null) return null;
  return value.raw;
}

function statusMetric(metric: Metric): StatusJson['phases'][number]['metrics'][number] {
  return {
    key: metric.key,
    label: metric.label,
    baseline: statusValue(metric.baseline),
    target: metric.target?.raw ?? null,
    achieved: statusValue(metric.achieved),
    verdict: metric.verdict,
  };
}

function statusTask(task: Task): StatusJson['phases'][number]['tasks'][number] {
  return {
    id: task.id,
    title: task.title,
    agent: task.agent,
    estimateDays: task.estimateDays,
    dependsOn: task.dependsOn,
    dependsOnOtherPhases: task.dependencies.flatMap((dependency) => dependency.links).map(({ phaseId, taskId, status }) => ({ phaseId, taskId, status })),
    parentId: task.parentId,
    cancelled: task.cancelled,
    status: task.status,
    startedAt: task.startedAt,
    completedAt: task.completedAt,
    events: task.events,
  };
}

/** dist/status.json, per the contract in DESIGN.md. */
export function buildStatusJson(phases: readonly Phase[], version: string | null = null): StatusJson {
  return {
    schemaVersion: 1,
    generatedAt: siteAsOf(phases) ?? new Date(0).toISOString(),
    version,
    phases: phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      status: phase.status,
      progress: phase.progress,
      criticalPath: { taskIds: phase.criticalPath.taskIds, days: phase.criticalPath.days },
      statedDays: phase.statedDays,
      tasks: phase.tasks.map(statusTask),
      metrics: phase.metrics.map(statusMetric),
      dataQuality: {
        // Source paths from the phase folder, as in "hooks/memory.db".
        sources: phase.dataQuality.sources.map(({ path, format, records, imported, skipped, redactions }) => ({ path: path.replace(new RegExp(`^(?:.*/)?phases/${RegExp.escape(phase.id)}/`), ''), format, records, imported, skipped, redacted: countRedactions(redactions) })),
        unmatchedEvents: phase.dataQuality.unmatchedEvents,
        otherFiles: phase.dataQuality.otherFiles,
        warnings: [...phase.warnings, ...phase.dataQuality.warnings, ...(phase.dataQuality.stale ? [staleWarning(phase)] : [])],
        newestEvent: phase.dataQuality.newestEvent,
        stale: phase.dataQuality.stale,
      },
    })),
  };
}
