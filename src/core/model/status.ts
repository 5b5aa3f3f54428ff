/**
 * A task's status from its hook events, with the evidence for it. The authored status in the task file is where it
 * starts; then, in time order: a start (pre-task) makes it in_progress, an end (post-task) complete, a ".../status"
 * memory value (pending / in_progress / complete / blocked) sets it at that value's time, and a non-empty
 * ".../blockers" value marks it blocked.
 */
import type { HookEvent, StatusEvidence, TaskStatus } from '../schema/model.ts';
import { parseStatus } from '../tasks/parse-status.ts';

interface TaskTimeline {
  status: TaskStatus;
  evidence: StatusEvidence;
  /** First start, or null when the task never reported one. */
  startedAt: string | null;
  /** Completion that the final status rests on, or null while not complete. */
  completedAt: string | null;
  /** The dated steps that changed the status, oldest first (what the feeds announce). */
  changes: StatusEvidence[];
  /**
   * The other source, when the task file and the hook logs say different things and the file's status is more than
   * the plan's starting point (not pending): the one that lost, shown beside the one that won.
   */
  disagreement: StatusEvidence | null;
}

const noBlockers = /^\s*(none|no|n\/a|-|\[\]|\{\}|null|false|0|)\s*$/i;

/** Orders events by time, then by their order in the source; timeless events keep file order after timed ones. */
export function chronological(events: readonly HookEvent[]): HookEvent[] {
  return events.toSorted((a, b) => {
    if (a.time !== null && b.time !== null && a.time !== b.time) return a.time < b.time ? -1 : 1;
    if ((a.time === null) !== (b.time === null)) return a.time === null ? 1 : -1;
    return a.order - b.order;
  });
}

function evidenceOf(event: HookEvent, status: TaskStatus, summary: string): StatusEvidence {
  const where = [event.source.namespace, event.source.key].filter(Boolean).join(' ');
  return {
    status,
    kind: event.kind,
    time: event.time,
    path: event.source.path,
    key: where || (event.source.row !== null ? `#${event.source.row}` : null),
    summary,
  };
}

/** Every step of a task's status, oldest first: the authored status, then each event that set one. */
function statusSteps(authored: StatusEvidence, events: readonly HookEvent[]): StatusEvidence[] {
  const steps = [authored];
  for (const event of chronological(events)) {
    const next = statusFromEvent(event);
    if (next) steps.push(next);
  }
  return steps;
}

/** The status an event sets, with its evidence, or null for events that set none. */
function statusFromEvent(event: HookEvent): StatusEvidence | null {
  if (event.kind === 'task.start') return evidenceOf(event, 'in_progress', `started${event.description ? `: ${event.description}` : ''}`);
  if (event.kind === 'task.end' && !/fail|error/i.test(event.status ?? ''))
    return evidenceOf(event, 'complete', `finished${event.taskRef ? ` (${event.taskRef})` : ''}`);
  if (event.kind === 'memory.set' && event.memoryKey) {
    const leaf = event.memoryKey.slice(event.memoryKey.lastIndexOf('/') + 1).toLowerCase();
    const value = event.status ?? event.message ?? '';
    if (leaf === 'status') {
      const status = parseStatus(value);
      return status ? evidenceOf(event, status, `${event.memoryKey} = "${value}"`) : null;
    }
    if ((leaf === 'blockers' || leaf === 'blocker') && !noBlockers.test(value)) return evidenceOf(event, 'blocked', `${event.memoryKey} = "${value}"`);
  }
  return null;
}

/**
 * Derives one task's status, actual start and end, and its changes of status from its events (any order). The newest
 * evidence wins: the logs' latest step, unless the task file's status names a later time ("Blocked since 2025-10-25").
 */
export function deriveTaskTimeline(authored: StatusEvidence, events: readonly HookEvent[]): TaskTimeline {
  let evidence = authored;
  let startedAt: string | null = null;
  let completedAt: string | null = null;
  const changes: StatusEvidence[] = [];
  for (const next of statusSteps(authored, events).slice(1)) {
    if (next.kind === 'task.start') startedAt ??= next.time;
    // Only a dated step is news; one that repeats the status is not.
    if (next.time !== null && next.status !== (changes.at(-1) ?? authored).status) changes.push(next);
    evidence = next;
    if (next.status === 'complete') completedAt = next.time;
  }
  const fromLogs = evidence;
  const fileIsNewer = authored.time !== null && fromLogs !== authored && (fromLogs.time === null || fromLogs.time < authored.time);
  if (fileIsNewer) {
    evidence = authored;
    if (authored.status !== (changes.at(-1) ?? authored).status) changes.push(authored);
  }
  const [winner, loser] = fileIsNewer ? [authored, fromLogs] : [fromLogs, authored];
  const explicit = authored.status !== 'pending';
  const disagreement = fromLogs !== authored && explicit && winner.status !== loser.status ? loser : null;
  return {
    status: evidence.status,
    evidence,
    startedAt,
    completedAt: evidence.status === 'complete' ? (fileIsNewer ? authored.time : completedAt) : null,
    changes,
    disagreement,
  };
}
