/** The words the pages use for the model's codes. */
import type { HookEventKind, Task, TaskStatus, Verdict } from '../schema/model.ts';

export const statusLabels: Record<TaskStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  complete: 'Complete',
  blocked: 'Blocked',
};

export const verdictLabels: Record<Verdict, string> = {
  met: 'Met',
  missed: 'Missed',
  pending: 'Pending',
  unknown: 'Unknown',
};

/** How a task page names where its metadata came from. */
export const metadataStyleLabels: Record<Task['metadataStyle'], string> = {
  frontmatter: 'frontmatter',
  'bold-lines': 'bold-line metadata',
  'plain-lines': 'plain "Key: value" lines',
  table: 'a metadata table',
  headings: 'headings',
  checklist: 'a line of a checkbox task list',
  'json-list': 'an entry of a JSON task list',
};

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
