/**
 * "Changes since": what differs between two snapshots, or between the newest snapshot and the live content. Only
 * real changes are listed: a task whose status is the same is left out even if its evidence or timings moved.
 */
import { z } from 'zod';
import { freezeSnapshot, type FrozenPhase, type Snapshot } from './snapshot.ts';
import { ChecklistItemSchema, MetricValueSchema, TaskStatusSchema, VerdictSchema, type ChecklistItem, type MetricValue, type Phase } from '../schema/model.ts';

const RawValueSchema = MetricValueSchema.shape.raw.nullable();
const CheckedSchema = ChecklistItemSchema.shape.checked;

const TaskChangeSchema = z.object({
  phaseId: z.string(),
  taskId: z.string(),
  title: z.string(),
  /** Status before; null when the task is new in this phase. */
  from: TaskStatusSchema.nullable(),
  /** Status after; null when the task was removed from this phase. */
  to: TaskStatusSchema.nullable(),
});

const MetricChangeSchema = z.object({
  phaseId: z.string(),
  key: z.string(),
  label: z.string(),
  /** Achieved value as written, before and after; null when there was none. */
  from: RawValueSchema,
  to: RawValueSchema,
  /** Change of the comparable achieved value (34 → 18 gives -16; percentage points for percentages and ratios); null when either side has no number or the two are on different scales. */
  delta: z.number().nullable(),
  /** Null when the metric is absent on that side. */
  fromVerdict: VerdictSchema.nullable(),
  toVerdict: VerdictSchema.nullable(),
  /** Baseline as written, before and after: a metric also moves when its baseline is corrected. */
  fromBaseline: RawValueSchema,
  toBaseline: RawValueSchema,
});
type MetricChange = z.output<typeof MetricChangeSchema>;

const CriterionChangeSchema = z.object({
  phaseId: z.string(),
  text: z.string(),
  /** Checked before / after; null for a plain bullet or a criterion absent on that side. true after false or null is "newly met". */
  from: CheckedSchema,
  to: CheckedSchema,
});

const DeliverableChangeSchema = z.object({
  phaseId: z.string(),
  /** Title of the checklist group, e.g. "Task 7.1 Deliverables". */
  group: z.string(),
  text: z.string(),
  /** Checked before / after: false → true is checked off, true → false re-opened; null when absent on that side. */
  from: CheckedSchema,
  to: CheckedSchema,
});

const ChangesSchema = z.object({
  fromVersion: z.string(),
  /** The newer version; null when it is the live content. */
  toVersion: z.string().nullable(),
  tasks: z.array(TaskChangeSchema),
  metrics: z.array(MetricChangeSchema),
  criteria: z.array(CriterionChangeSchema),
  deliverables: z.array(DeliverableChangeSchema),
  /** Releases in the newer version and not in the older one, oldest first. */
  releases: z.array(z.string()),
  /** Phase ids in the newer version only, in its order. */
  phasesAdded: z.array(z.string()),
  /** Phase ids in the older version only, in its order. */
  phasesRemoved: z.array(z.string()),
});
export type Changes = z.output<typeof ChangesSchema>;

/** Counts per kind of change, and their total. */
export interface ChangeCounts {
  tasks: number;
  metrics: number;
  criteria: number;
  deliverables: number;
  releases: number;
  phasesAdded: number;
  phasesRemoved: number;
  total: number;
}

/** How many changes of each kind `changes` lists. */
export function countChanges(changes: Changes): ChangeCounts {
  const counts = {
    tasks: changes.tasks.length,
    metrics: changes.metrics.length,
    criteria: changes.criteria.length,
    deliverables: changes.deliverables.length,
    releases: changes.releases.length,
    phasesAdded: changes.phasesAdded.length,
    phasesRemoved: changes.phasesRemoved.length,
  };
  return { ...counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}

/** Keys in `next`'s order, then those only in `previous`, in its order. */
function unionKeys<T>(previous: ReadonlyMap<string, T>, next: ReadonlyMap<string, T>): string[] {
  return [...next.keys(), ...[...previous.keys()].filter((key) => !next.has(key))];
}

/** Checklist items keyed by text; a repeated text gets its occurrence number, so duplicates pair up in order. */
function keyItems(items: readonly ChecklistItem[], prefix: string): Map<string, ChecklistItem> {
  const seen = new Map<string, number>();
  return new Map(
    items.map((item) => {
      const n = seen.get(item.text) ?? 0;
      seen.set(item.text, n + 1);
      return [`${prefix}\u0000${item.text}\u0000${n}`, item];
    }),
  );
}

/** What a comparable value measures, so a count is never subtracted from a percentage. */
const scaleOf: Record<MetricValue['kind'], string | null> = {
  number: 'number',
  ratio: 'percent',
  percent: 'percent',
  duration: 'seconds',
  version: null,
  placeholder: null,
  text: null,
};

/** to − from of the comparable values, rounded to drop floating-point noise; null when they cannot be compared. */
function metricDelta(from: MetricValue | null, to: MetricValue | null): number | null {
  if (from?.value == null || to?.value == null) return null;
  const scale = scaleOf[from.kind];
  if (scale === null || scale !== scaleOf[to.kind]) return null;
  if (scale === 'number' && from.unit !== to.unit) return null;
  return Math.round((to.value - from.value) * 1e6) / 1e6;
}

const rawOf = (value: MetricValue | null) => value?.raw ?? null;

function diffPhase(previous: FrozenPhase, next: FrozenPhase): Pick<Changes, 'tasks' | 'metrics' | 'criteria' | 'deliverables'> {
  const phaseId = next.id;
  const oldTasks = new Map(previous.tasks.map((task) => [task.id, task]));
  const newTasks = new Map(next.tasks.map((task) => [task.id, task]));
  const tasks = unionKeys(oldTasks, newTasks).flatMap((taskId) => {
    const [before, after] = [oldTasks.get(taskId), newTasks.get(taskId)];
    const [from, to] = [before?.status ?? null, after?.status ?? null];
    return from === to ? [] : [{ phaseId, taskId, title: (after ?? before)!.title, from, to }];
  });

  const oldMetrics = new Map(previous.metrics.map((metric) => [metric.key, metric]));
  const newMetrics = new Map(next.metrics.map((metric) => [metric.key, metric]));
  const metrics = unionKeys(oldMetrics, newMetrics).flatMap((key): MetricChange[] => {
    const [before, after] = [oldMetrics.get(key), newMetrics.get(key)];
    const [from, to] = [rawOf(before?.achieved ?? null), rawOf(after?.achieved ?? null)];
    const [fromBaseline, toBaseline] = [rawOf(before?.baseline ?? null), rawOf(after?.baseline ?? null)];
    if (from === to && fromBaseline === toBaseline) return [];
    return [
      {
        phaseId,
        key,
        label: (after ?? before)!.label,
        from,
        to,
        delta: metricDelta(before?.achieved ?? null, after?.achieved ?? null),
        fromVerdict: before?.verdict ?? null,
        toVerdict: after?.verdict ?? null,
        fromBaseline,
        toBaseline,
      },
    ];
  });

  const criteria = diffChecks(keyItems(previous.successCriteria, ''), keyItems(next.successCriteria, '')).map(({ item, from, to }) => ({
    phaseId,
    text: item.text,
    from,
    to,
  }));
  const groupItems = (phase: FrozenPhase) =>
    new Map(
      phase.deliverables.flatMap((group) => [...keyItems(group.items, group.title)].map(([key, item]) => [key, { ...item, group: group.title }] as const)),
    );
  const deliverables = diffChecks(groupItems(previous), groupItems(next)).map(({ item, from, to }) => ({
    phaseId,
    group: item.group,
    text: item.text,
    from,
    to,
  }));
  return { tasks, metrics, criteria, deliverables };
}

/** Items whose checkbox differs between the two maps (absent counts as null), with the newer item when there is one. */
function diffChecks<T extends ChecklistItem>(
  previous: ReadonlyMap<string, T>,
  next: ReadonlyMap<string, T>,
): { item: T; from: boolean | null; to: boolean | null }[] {
  return unionKeys(previous, next).flatMap((key) => {
    const [before, after] = [previous.get(key), next.get(key)];
    const [from, to] = [before?.checked ?? null, after?.checked ?? null];
    return from === to ? [] : [{ item: (after ?? before)!, from, to }];
  });
}

/** Everything that changed from `previous` to `next`. Contents of added or removed phases are not listed item by item. */
export function diffSnapshots(previous: Snapshot, next: Pick<Snapshot, 'phases' | 'releases'> & { version: string | null }): Changes {
  const oldPhases = new Map(previous.phases.map((phase) => [phase.id, phase]));
  const newPhases = new Map(next.phases.map((phase) => [phase.id, phase]));
  const shared = next.phases.filter((phase) => oldPhases.has(phase.id)).map((phase) => diffPhase(oldPhases.get(phase.id)!, phase));
  const known = new Set(previous.releases);
  return {
    fromVersion: previous.version,
    toVersion: next.version,
    tasks: shared.flatMap((phase) => phase.tasks),
    metrics: shared.flatMap((phase) => phase.metrics),
    criteria: shared.flatMap((phase) => phase.criteria),
    deliverables: shared.flatMap((phase) => phase.deliverables),
    releases: next.releases.filter((release) => !known.has(release)),
    phasesAdded: next.phases.filter((phase) => !oldPhases.has(phase.id)).map((phase) => phase.id),
    phasesRemoved: previous.phases.filter((phase) => !newPhases.has(phase.id)).map((phase) => phase.id),
  };
}

/** The live site's "changes since <newest version>": the newest snapshot against the live model, frozen first. */
export function diffLive(snapshot: Snapshot, livePhases: readonly Phase[], liveReleases: readonly string[]): Changes {
  const live = freezeSnapshot({ version: snapshot.version, phases: livePhases, releases: liveReleases });
  return diffSnapshots(snapshot, { ...live, version: null });
}
