/**
 * Assigns hook events to tasks. Events do not carry the package's task ids
 * (docs/hook-logs.md#traps-in-tasks-sessions-and-matching), so an event is matched by, in order: its task reference
 * ("task-7.1-build-infra", or a made-up "task-<ms>-<rand>" whose start named the task), its description ("Task 7.1:
 * Build Infrastructure"), its memory key's prefix ("phase7/build_infra/…", from the task's Memory Storage section or
 * derived from its file name), or the leading word of a message ("build_infra: …"). Every lookup is a map access, so
 * matching stays linear in the number of events.
 */
import type { HookEvent, HookEventKind, Task } from '../schema/model.ts';
import { findTaskId } from '../tasks/parse-dependencies.ts';

/** Kinds that belong to a task; the others (sessions, metrics, commands) belong to the phase. */
export const taskEventKinds: ReadonlySet<HookEventKind> = new Set(['task.start', 'task.end', 'edit', 'notify', 'memory.set']);

type MatchRule = 'task-ref' | 'description' | 'memory-key' | 'message';

interface EventMatch {
  taskId: string;
  rule: MatchRule;
}

interface Matching {
  /** Event id → the task it belongs to and the rule that matched it. */
  byEvent: Map<string, EventMatch>;
  /** Task-level events that match no task, in input order. */
  unmatched: HookEvent[];
}

type TaskKeys = Pick<Task, 'id' | 'slug' | 'title' | 'memoryKeys' | 'phaseId'>;

/** "task-7.1-build-infra" → "build_infra": the name claude-flow packages use in memory keys and messages. */
function taskKeyName(task: Pick<Task, 'id' | 'slug'>): string {
  return task.slug
    .replace(/^task[-_]?/i, '')
    .replace(task.id, '')
    .replace(/^[-_.]+/, '')
    .replace(/-/g, '_')
    .toLowerCase();
}

/** Memory-key prefixes of a task: the folders of its declared keys, and phase7/<name>/ and phase7/<id>/. */
function memoryPrefixes(task: TaskKeys): string[] {
  const phaseKey = task.phaseId.replace(/[-_]/g, '').toLowerCase();
  const declared = task.memoryKeys.map((key) => key.slice(0, key.lastIndexOf('/') + 1)).filter((prefix) => prefix !== '');
  const name = taskKeyName(task);
  return [...new Set([...declared, ...(name ? [`${phaseKey}/${name}/`] : []), `${phaseKey}/${task.id}/`])];
}

const normalizeTitle = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Matches every event to at most one task. */
export function matchEvents(tasks: readonly TaskKeys[], events: readonly HookEvent[]): Matching {
  const ids = new Set(tasks.map((task) => task.id));
  const bySlug = new Map(tasks.map((task) => [task.slug.toLowerCase(), task.id]));
  const byTitle = new Map(tasks.map((task) => [normalizeTitle(task.title), task.id]));
  const byName = new Map<string, string>();
  for (const task of tasks) {
    byName.set(task.id, task.id);
    const name = taskKeyName(task);
    if (name) byName.set(name, task.id);
  }
  const byPrefix = new Map<string, string>();
  for (const task of tasks) for (const prefix of memoryPrefixes(task)) if (!byPrefix.has(prefix)) byPrefix.set(prefix, task.id);
  // Made-up ids (pre-task without --task-id) learn their task from the start event's description.
  const byRef = new Map<string, string>();

  const fromId = (text: string | null): string | null => {
    if (!text) return null;
    const id = findTaskId(text);
    return id && ids.has(id) ? id : null;
  };
  const fromRef = (ref: string | null): string | null => (ref ? (byRef.get(ref) ?? bySlug.get(ref.toLowerCase()) ?? fromId(ref)) : null);
  const fromDescription = (text: string | null): string | null =>
    text ? (fromId(text) ?? byTitle.get(normalizeTitle(text.replace(/^\s*task\b[^:]*:/i, ''))) ?? null) : null;
  const fromKey = (key: string | null): string | null => {
    if (!key) return null;
    const parts = key.split('/');
    for (let length = parts.length - 1; length > 0; length--) {
      const id = byPrefix.get(`${parts.slice(0, length).join('/')}/`);
      if (id) return id;
    }
    return null;
  };
  const fromMessage = (text: string | null): string | null => {
    const lead = text ? /^\s*(?:task\s+)?([\w.-]+)\s*:/i.exec(text)?.[1] : undefined;
    return lead ? (byName.get(lead.toLowerCase()) ?? null) : null;
  };

  const byEvent = new Map<string, EventMatch>();
  const unmatched: HookEvent[] = [];
  // Starts first, so a made-up id is known before the end event that carries it (ends can precede in file order).
  const ordered = [...events.filter((event) => event.kind === 'task.start'), ...events.filter((event) => event.kind !== 'task.start')];
  for (const event of ordered) {
    if (!taskEventKinds.has(event.kind)) continue;
    const candidates: [MatchRule, string | null][] = [
      ['task-ref', fromRef(event.taskRef)],
      ['description', fromDescription(event.description)],
      ['memory-key', fromKey(event.memoryKey)],
      ['message', fromMessage(event.message)],
    ];
    const found = candidates.find(([, id]) => id !== null);
    if (!found) {
      unmatched.push(event);
      continue;
    }
    const [rule, taskId] = found as [MatchRule, string];
    byEvent.set(event.id, { taskId, rule });
    if (event.taskRef && !byRef.has(event.taskRef)) byRef.set(event.taskRef, taskId);
  }
  const order = new Map(events.map((event, index) => [event.id, index]));
  return { byEvent, unmatched: unmatched.toSorted((a, b) => order.get(a.id)! - order.get(b.id)!) };
}
