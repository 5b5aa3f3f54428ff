/** The dependency graph of a phase as an SVG layout: columns by depth, the critical path marked. */
import type { Phase, TaskStatus } from '../schema/model.ts';
import { criticalTaskIds } from '../model/schedule.ts';
import { clip, formatAgent, formatEstimate } from '../format/format.ts';

interface GraphNode {
  id: string;
  /** The task page's slug. */
  slug: string;
  /** "7.1 Build infrastructure", cut to fit the box. */
  label: string;
  /** "agent · estimate", cut to fit the box. */
  sub: string;
  title: string;
  agent: string;
  estimate: string;
  status: TaskStatus;
  critical: boolean;
  /** The tasks that wait for it (the graph's arrows out of it), for the list a phone shows instead of the drawing. */
  waitedBy: string[];
  x: number;
  y: number;
}

interface GraphEdge {
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
      slug: task.slug,
      label: clip(`${task.id} ${task.title}`, 26),
      sub: clip(`${formatAgent(task.agent)} · ${formatEstimate(task.estimateDays)}`, 30),
      title: task.title,
      agent: formatAgent(task.agent),
      estimate: formatEstimate(task.estimateDays),
      status: task.status,
      critical: critical.has(task.id),
      waitedBy: phase.tasks.filter((other) => other.dependsOn.includes(task.id)).map((other) => other.id),
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
