/** View data for the hook-log parts of the pages: activity feed, edits, sessions, filters and data quality. */
import type { EventLine, HookEventKind, Phase } from '../schema/model.ts';
import { formatCount, formatDuration, formatTimestamp } from '../format/format.ts';
import { newestFirst } from '../model/summarize-activity.ts';
import { kindLabels } from '../format/labels.ts';

/** One line of text for an event, for tables and feeds. */
export function describeEvent(event: EventLine): string {
  switch (event.kind) {
    case 'task.start':
      return event.description ?? event.taskRef ?? 'started';
    case 'task.end':
      return [event.taskRef ?? 'finished', event.durationMs !== null ? `after ${formatDuration(event.durationMs)}` : null].filter(Boolean).join(' ');
    case 'edit':
      return [event.file, event.memoryKey ? `(${event.memoryKey})` : null].filter(Boolean).join(' ');
    case 'memory.set':
      return `${event.memoryKey ?? ''} = ${event.message ?? ''}`;
    case 'session.end':
    case 'session.start':
    case 'session.restore':
      return event.session ?? '';
    case 'metrics':
      return Object.entries(event.data)
        .filter(([, value]) => value !== null && value !== '')
        .slice(0, 6)
        .map(([key, value]) => `${key}: ${value}`)
        .join(' · ');
    default:
      return event.message ?? event.file ?? event.memoryKey ?? '';
  }
}

interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** Choices for the activity page's filters: tasks, agents and kinds that occur, with counts. */
function buildActivityFilters(phase: Phase, events: readonly EventLine[]): { tasks: FilterOption[]; agents: FilterOption[]; kinds: FilterOption[] } {
  const count = (values: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value ?? '', (counts.get(value ?? '') ?? 0) + 1);
    return counts;
  };
  const titles = new Map(phase.tasks.map((task) => [task.id, `${task.id} ${task.title}`]));
  const agentOf = createAgentOf(phase);
  const tasks = count(events.map((event) => event.taskId));
  const agents = count(events.map(agentOf));
  const kinds = count(events.map((event) => event.kind));
  const options = (counts: Map<string, number>, label: (value: string) => string) =>
    [...counts]
      .map(([value, n]) => ({ value, label: label(value), count: n }))
      .toSorted((a, b) => (a.value === '' ? 1 : b.value === '' ? -1 : a.label < b.label ? -1 : 1));
  return {
    tasks: options(tasks, (value) => (value === '' ? 'No task (unmatched or phase-wide)' : (titles.get(value) ?? value))),
    agents: options(agents, (value) => (value === '' ? 'Unknown agent' : value)),
    kinds: options(kinds, (value) => kindLabels[value as HookEventKind] ?? value),
  };
}

/** A lookup of the agent an event speaks for: its own, or that of the task it was matched to. */
function createAgentOf(phase: Phase): (event: Pick<EventLine, 'agent' | 'taskId'>) => string | null {
  const agents = new Map(phase.tasks.map((task) => [task.id, task.agent]));
  return (event) => event.agent ?? (event.taskId ? (agents.get(event.taskId) ?? null) : null);
}

interface ActivityRow {
  time: string;
  kind: EventLine['kind'];
  kindLabel: string;
  level: string | null;
  taskId: string | null;
  matchedBy: string | null;
  agent: string | null;
  what: string;
  /** The file's name; `path` its whole path. */
  file: string;
  path: string;
  /** "namespace key" of the record, or null. */
  key: string | null;
}

export interface ActivityPageView {
  phase: Pick<Phase, 'id' | 'title' | 'asOf'>;
  /** How many the page lists, and how many the phase has (formatted) when that is more. */
  listed: number;
  of: string | null;
  selects: { name: string; label: string; options: FilterOption[] }[];
  rows: ActivityRow[];
}

/** The activity page: `events` are the phase's newest (kept apart from the model), any order. */
export function buildActivityPageView(phase: Phase, events: readonly EventLine[]): ActivityPageView {
  const ordered = newestFirst(events);
  const filters = buildActivityFilters(phase, ordered);
  const agentOf = createAgentOf(phase);
  return {
    phase: { id: phase.id, title: phase.title, asOf: phase.asOf },
    listed: ordered.length,
    of: ordered.length === phase.activity.eventCount ? null : formatCount(phase.activity.eventCount),
    selects: [
      { name: 'task', label: 'Task', options: filters.tasks },
      { name: 'agent', label: 'Agent', options: filters.agents },
      { name: 'kind', label: 'Kind', options: filters.kinds },
    ],
    rows: ordered.map((event) => ({
      time: event.time ? formatTimestamp(event.time) : '—',
      kind: event.kind,
      kindLabel: kindLabels[event.kind],
      level: event.level,
      taskId: event.taskId,
      matchedBy: event.matchedBy,
      agent: agentOf(event),
      what: describeEvent(event),
      file: event.source.path.split('/').at(-1)!,
      path: event.source.path,
      key: event.source.key ? [event.source.namespace, event.source.key].filter(Boolean).join(' ') : null,
    })),
  };
}
