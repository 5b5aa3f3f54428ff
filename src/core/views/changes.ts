/** What changed between two versions (or a version and the live state), in the words the lists use. */
import { formatSigned } from '../format/format.ts';
import { statusLabels, verdictLabels } from '../format/labels.ts';
import type { TaskStatus, Verdict } from '../schema/model.ts';
import { countChanges, type Changes } from '../versions/diff.ts';

export interface ChangesView {
  /** "since 1.1.0". */
  since: string;
  total: number;
  phasesAdded: string[];
  phasesRemoved: string[];
  tasks: { taskId: string; title: string; phaseId: string; from: string; to: string }[];
  metrics: { label: string; phaseId: string; from: string; to: string; delta: string | null; verdict: string | null; baseline: string | null }[];
  criteria: { text: string; phaseId: string; change: string }[];
  deliverables: { text: string; group: string; change: string }[];
  releases: string[];
}

const status = (value: TaskStatus | null) => (value === null ? 'absent' : statusLabels[value]);
const checked = (value: boolean | null) => (value === null ? 'absent' : value ? 'done' : 'open');
const value = (raw: string | number | null) => (raw === null ? '—' : String(raw));
const verdict = (value: Verdict | null) => (value ? verdictLabels[value] : 'none');

/** A checkbox's change: `met` and `unmet` name the two directions ("newly met", "no longer met"). */
function checkChange(from: boolean | null, to: boolean | null, met: string, unmet: string): string {
  return to === true ? met : from === true ? unmet : `${checked(from)} → ${checked(to)}`;
}

export function buildChangesView(changes: Changes): ChangesView {
  return {
    since: `since ${changes.fromVersion}`,
    total: countChanges(changes).total,
    phasesAdded: changes.phasesAdded,
    phasesRemoved: changes.phasesRemoved,
    tasks: changes.tasks.map((task) => ({ taskId: task.taskId, title: task.title, phaseId: task.phaseId, from: status(task.from), to: status(task.to) })),
    metrics: changes.metrics.map((metric) => ({
      label: metric.label,
      phaseId: metric.phaseId,
      from: value(metric.from),
      to: value(metric.to),
      delta: metric.delta === null ? null : formatSigned(metric.delta),
      verdict: metric.fromVerdict === metric.toVerdict ? null : `${verdict(metric.fromVerdict)} → ${verdict(metric.toVerdict)}`,
      baseline: metric.fromBaseline === metric.toBaseline ? null : `${value(metric.fromBaseline)} → ${value(metric.toBaseline)}`,
    })),
    criteria: changes.criteria.map((criterion) => ({
      text: criterion.text,
      phaseId: criterion.phaseId,
      change: checkChange(criterion.from, criterion.to, 'newly met', 'no longer met'),
    })),
    deliverables: changes.deliverables.map((item) => ({
      text: item.text,
      group: item.group,
      change: checkChange(item.from, item.to, 'checked off', 're-opened'),
    })),
    releases: changes.releases,
  };
}
