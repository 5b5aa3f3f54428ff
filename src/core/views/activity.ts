/** View data for the hook-log parts of the pages: activity feed, edits, sessions, filters and data quality. */
import type { EventLine, EventView, FileEdits, HookEventKind, Phase, SessionView } from '../schema/model.ts';

export type { FileEdits, SessionView } from '../schema/model.ts';

export const kindLabels: Record<HookEventKind, string> = {
  'task.start': 'Task started',
  'task.end': 'Task finished',
  edit: 'Edit',
  notify: 'Notification',
  'memory.set': 'Memory write',
  command: 'Command',
  'agent.spawn': 'Agent spawned',
  'session.start': 'Session started',
  'session.restore': 'Session restored',
  'session.end': 'Session ended',
  metrics: 'Metrics',
};

/** Events newest first (timeless ones last, in file order). */
export function newestFirst<T extends Pick<EventView, 'time'>>(events: readonly T[]): T[] {
  return events.toReversed().toSorted((a, b) => {
    if (a.time === null || b.time === null) return a.time === null ? (b.time === null ? 0 : 1) : -1;
    return a.time < b.time ? 1 : a.time > b.time ? -1 : 0;
  });
}

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

/** 29740 → "29.7 s", 5400000 → "1.5 h". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 6_000) / 10} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 360_000) / 10} h`;
  return `${Math.round(ms / 8_640_000) / 10} days`;
}

/** Edits per file, most edited first (ties by name). */
export function buildEditsByFile(events: readonly EventView[]): FileEdits[] {
  const groups = Map.groupBy(events.filter((event) => event.kind === 'edit' && event.file), (event) => event.file!);
  return [...groups]
    .map(([file, edits]) => ({
      file,
      edits: edits.length,
      taskIds: [...new Set(edits.map((edit) => edit.taskId).filter((id): id is string => id !== null))].toSorted(),
      last: edits.map((edit) => edit.time).filter((time): time is string => time !== null).toSorted().at(-1) ?? null,
    }))
    .toSorted((a, b) => b.edits - a.edits || (a.file < b.file ? -1 : 1));
}

/** Session ends, newest first, each with the metrics exported for the same session id. */
export function buildSessions(events: readonly EventView[]): SessionView[] {
  const metrics = new Map(events.filter((event) => event.kind === 'metrics' && event.session).map((event) => [event.session!, event]));
  return newestFirst(events.filter((event) => event.kind === 'session.end')).map((event) => {
    const exported = event.session ? metrics.get(event.session) : undefined;
    return { session: event.session, endedAt: event.time, durationMs: exported?.durationMs ?? null, metrics: { ...event.data, ...(exported?.data ?? {}) }, source: event.source.path };
  });
}

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** Choices for the activity page's filters: tasks, agents and kinds that occur, with counts. */
export function buildActivityFilters(phase: Phase, events: readonly EventLine[]): { tasks: FilterOption[]; agents: FilterOption[]; kinds: FilterOption[] } {
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
    [...counts].map(([value, n]) => ({ value, label: label(value), count: n })).toSorted((a, b) => (a.value === '' ? 1 : b.value === '' ? -1 : a.label < b.label ? -1 : 1));
  return {
    tasks: options(tasks, (value) => (value === '' ? 'No task (unmatched or phase-wide)' : (titles.get(value) ?? value))),
    agents: options(agents, (value) => (value === '' ? 'Unknown agent' : value)),
    kinds: options(kinds, (value) => kindLabels[value as HookEventKind] ?? value),
  };
}

/** A lookup of the agent an event speaks for: its own, or that of the task it was matched to. */
export function createAgentOf(phase: Phase): (event: Pick<EventLine, 'agent' | 'taskId'>) => string | null {
  const agents = new Map(phase.tasks.map((task) => [task.id, task.agent]));
  return (event) => event.agent ?? (event.taskId ? (agents.get(event.taskId) ?? null) : null);
}
