/**
 * A Monte Carlo forecast of a phase's end from its own pace: each run draws, for every open task, how long it takes
 * from what finished tasks took against their estimates (actual ÷ estimate), lays the draws over the dependency graph
 * (a task starts when what it waits for has finished, as the critical path assumes), and notes when the last task
 * ends. Where open tasks have no estimates, each run draws a day's finished tasks from the days the phase has had
 * until nothing is left. The spread of the runs gives the P50, P85 and P95 ends and the chance of meeting the stated
 * date. The draws come from a generator seeded with the phase's id, so the same files give the same forecast.
 */
import type { Simulation, Task } from '../schema/model.ts';
import { countedTasks } from './schedule.ts';
import { DAY_MS } from './plan.ts';

/** Runs per forecast: enough that P95 moves by less than a tenth of a day between seeds on the example. */
export const RUNS = 1000;
/** A run that has not finished in ten years has no end worth a date. */
const MAX_DAYS = 3650;

type Input = Pick<Task, 'id' | 'status' | 'estimateDays' | 'elapsedDays' | 'startedAt' | 'completedAt' | 'dependsOn' | 'cancelled' | 'optional' | 'parentId'>;

/** The forecast, or null when the phase has not shown a pace to draw from (nothing finished with a date or estimate). */
export function simulate(phaseId: string, tasks: readonly Input[], asOf: number, statedEnd: string | null, since: number | null): Simulation | null {
  const counted = countedTasks(tasks);
  const open = counted.filter((task) => task.status !== 'complete');
  if (open.length === 0) return null;
  const random = mulberry32(seedOf(phaseId));
  const days = open.some((task) => (task.estimateDays ?? 0) > 0) ? byPace(counted, asOf, random) : byThroughput(counted, open.length, asOf, since, random);
  if (days === null) return null;
  const ends = days.runs.map((day) => asOf + day * DAY_MS).toSorted((a, b) => a - b);
  const at = (share: number) => new Date(ends[Math.min(ends.length - 1, Math.ceil(share * ends.length) - 1)]!).toISOString();
  const deadline = statedEnd === null ? null : Date.parse(statedEnd) + DAY_MS;
  return {
    p50: at(0.5),
    p85: at(0.85),
    p95: at(0.95),
    chance: deadline === null ? null : Math.round((ends.filter((end) => end <= deadline).length / ends.length) * 100) / 100,
    runs: ends.length,
    basis: days.basis,
    sample: days.sample,
  };
}

/** Days to the end in each run, drawing each open task's length from the finished tasks' actual ÷ estimate. */
function byPace(counted: readonly Input[], asOf: number, random: () => number): { runs: number[]; basis: 'pace'; sample: number } | null {
  const ratios = counted
    .filter((task) => task.status === 'complete' && task.elapsedDays !== null && (task.estimateDays ?? 0) > 0)
    .map((task) => task.elapsedDays! / task.estimateDays!);
  if (ratios.length === 0) return null;
  // In dependency order, each open task with what it waits for among the open ones (a finished one is done now).
  const order = dependencyOrder(counted.filter((task) => task.status !== 'complete'));
  if (order === null) return null;
  // What each open task may still take: its estimate at each finished task's pace, less the time an in-progress task
  // has used, among the paces it has not outrun already (one that outran them all is taken to end now).
  const lefts = order.map(({ task }) => {
    const used = task.status === 'in_progress' ? usedDays(task, asOf) : 0;
    const possible = ratios.map((ratio) => (task.estimateDays ?? 0) * ratio - used).filter((left) => left >= 0);
    return possible.length > 0 ? possible : [0];
  });
  const runs: number[] = [];
  const end = new Float64Array(order.length);
  for (let run = 0; run < RUNS; run++) {
    let last = 0;
    for (let i = 0; i < order.length; i++) {
      let start = 0;
      for (const before of order[i]!.waitsFor) start = Math.max(start, end[before]!);
      const draws = lefts[i]!;
      end[i] = start + draws[Math.floor(random() * draws.length)]!;
      last = Math.max(last, end[i]!);
    }
    runs.push(Math.min(last, MAX_DAYS));
  }
  return { runs, basis: 'pace', sample: ratios.length };
}

/** The days an in-progress task has run by `asOf`: from its start, or as its elapsed time says without one. */
function usedDays(task: Input, asOf: number): number {
  if (task.startedAt === null) return task.elapsedDays ?? 0;
  return Math.max(0, (asOf - Date.parse(task.startedAt)) / DAY_MS);
}

/** Days to the end in each run, drawing each day's finished tasks from the phase's days so far. */
function byThroughput(
  counted: readonly Input[],
  left: number,
  asOf: number,
  since: number | null,
  random: () => number,
): { runs: number[]; basis: 'throughput'; sample: number } | null {
  const finished = counted.flatMap((task) => (task.status === 'complete' && task.completedAt !== null ? [Date.parse(task.completedAt)] : []));
  if (finished.length === 0) return null;
  const first = Math.min(since ?? Number.POSITIVE_INFINITY, ...finished);
  const span = Math.max(1, Math.ceil((asOf - first) / DAY_MS));
  const perDay = new Array<number>(span).fill(0);
  for (const time of finished) perDay[Math.min(span - 1, Math.max(0, Math.floor((time - first) / DAY_MS)))]! += 1;
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let done = 0;
    let day = 0;
    while (done < left && day < MAX_DAYS) {
      done += perDay[Math.floor(random() * span)]!;
      day += 1;
    }
    runs.push(day);
  }
  return { runs, basis: 'throughput', sample: span };
}

/** Open tasks in an order where each comes after what it waits for, with those as indexes; null on a cycle. */
function dependencyOrder(open: readonly Input[]): { task: Input; waitsFor: number[] }[] | null {
  const byId = new Map(open.map((task) => [task.id, task]));
  const placed = new Map<string, number>();
  const order: { task: Input; waitsFor: number[] }[] = [];
  const visiting = new Set<string>();
  const place = (task: Input): boolean => {
    if (placed.has(task.id)) return true;
    if (visiting.has(task.id)) return false;
    visiting.add(task.id);
    const waits = task.dependsOn.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    for (const before of waits) if (!place(before)) return false;
    visiting.delete(task.id);
    placed.set(task.id, order.length);
    order.push({ task, waitsFor: waits.map((before) => placed.get(before.id)!) });
    return true;
  };
  for (const task of open) if (!place(task)) return null;
  return order;
}

/** A 32-bit seed from a text (FNV-1a). */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A small seeded generator of numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
