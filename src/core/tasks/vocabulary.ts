/**
 * The words packages use for task metadata and status, and what each means in the model. One table for every form a
 * field can take (frontmatter, bold line, list item, plain line, two-column table, "## Key" heading), so a name learnt
 * from one team's package is understood in all of them.
 */
import type { TaskStatus } from '../schema/model.ts';
import { teamField } from './team-words.ts';

/** The metadata fields Cairn reads, under their canonical names. */
export type FieldName =
  | 'id'
  | 'title'
  | 'agent'
  | 'estimate'
  | 'dependencies'
  | 'status'
  | 'priority'
  | 'memoryKeys'
  | 'started'
  | 'completed'
  | 'created'
  | 'updated'
  | 'labels'
  | 'parent';

/** Field names as packages write them, folded to lowercase letters ("Agent Type" → "agenttype") → the field. */
const fieldVocabulary: Record<string, FieldName> = {
  id: 'id',
  taskid: 'id',
  tasknumber: 'id',
  taskno: 'id',
  ticket: 'id',
  ticketid: 'id',
  storyid: 'id',
  itemid: 'id',
  title: 'title',
  name: 'title',
  taskname: 'title',
  tasktitle: 'title',
  agent: 'agent',
  agents: 'agent',
  agenttype: 'agent',
  agentrole: 'agent',
  agentname: 'agent',
  assignedagent: 'agent',
  primaryagent: 'agent',
  assignee: 'agent',
  assignees: 'agent',
  assigned: 'agent',
  assignedto: 'agent',
  suggestedassignee: 'agent',
  suggestedagent: 'agent',
  agentassigned: 'agent',
  owner: 'agent',
  owners: 'agent',
  responsible: 'agent',
  team: 'agent',
  estimate: 'estimate',
  est: 'estimate',
  estimated: 'estimate',
  estimation: 'estimate',
  estimatedtime: 'estimate',
  estimatedduration: 'estimate',
  estimatedeffort: 'estimate',
  estimatedsize: 'estimate',
  estimatedhours: 'estimate',
  estimatedminutes: 'estimate',
  estimateddays: 'estimate',
  timeestimate: 'estimate',
  effortestimate: 'estimate',
  effort: 'estimate',
  duration: 'estimate',
  timeline: 'estimate',
  time: 'estimate',
  dependencies: 'dependencies',
  dependency: 'dependencies',
  dependson: 'dependencies',
  depends: 'dependencies',
  blockedby: 'dependencies',
  prerequisites: 'dependencies',
  prerequisite: 'dependencies',
  predecessors: 'dependencies',
  requires: 'dependencies',
  status: 'status',
  state: 'status',
  currentstatus: 'status',
  taskstatus: 'status',
  priority: 'priority',
  prio: 'priority',
  memorykeys: 'memoryKeys',
  memorykey: 'memoryKeys',
  memory: 'memoryKeys',
  started: 'started',
  startedat: 'started',
  startedon: 'started',
  startdate: 'started',
  datestarted: 'started',
  completed: 'completed',
  completedat: 'completed',
  completedon: 'completed',
  completiondate: 'completed',
  datecompleted: 'completed',
  finished: 'completed',
  finishedat: 'completed',
  finishedon: 'completed',
  enddate: 'completed',
  completeddate: 'completed',
  // When the task was written down or last edited: neither is a start, so neither changes its status or times.
  created: 'created',
  createddate: 'created',
  createdat: 'created',
  createdon: 'created',
  datecreated: 'created',
  updated: 'updated',
  updateddate: 'updated',
  updatedat: 'updated',
  lastupdated: 'updated',
  labels: 'labels',
  label: 'labels',
  tags: 'labels',
  parent: 'parent',
  parentid: 'parent',
  parenttask: 'parent',
  parenttaskid: 'parent',
};

/** The field a key as written names ("Agent Type", "depends_on", "Time Estimate"), or undefined when Cairn does not read it. */
export function fieldName(key: string): FieldName | undefined {
  const folded = foldKey(key);
  // A team's own name for a field comes first; Object.hasOwn: a key such as "constructor" must not find Object's own members.
  return teamField(folded) ?? (Object.hasOwn(fieldVocabulary, folded) ? fieldVocabulary[folded] : undefined);
}

/** "Estimated Time (hours)" → "estimatedtime": lowercase letters only, a parenthesised unit left out. */
export function foldKey(key: string): string {
  return key
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The unit a key implies for a bare number: "Estimated Hours: 6" is 6 hours, "Effort (days): 2" two days. */
export function unitOfKey(key: string): 'h' | 'd' | 'w' | 'min' | null {
  const lower = key.toLowerCase();
  if (/hour|\bhrs?\b|\(h\)/.test(lower)) return 'h';
  if (/minute|\bmins?\b/.test(lower)) return 'min';
  if (/week/.test(lower)) return 'w';
  if (/\bdays?\b|\(d\)/.test(lower)) return 'd';
  return null;
}

/** What a status word means: one of the package's four statuses, or cancelled (closed without being done). */
export type StatusMeaning = TaskStatus | 'cancelled';

/**
 * Status words and phrases as packages write them → their meaning. Matching ignores case; a word matches whole
 * ("done" is not found in "abandoned"); emoji match anywhere.
 */
export const statusVocabulary: Record<string, StatusMeaning> = {
  pending: 'pending',
  ready: 'pending',
  'not started': 'pending',
  'not yet started': 'pending',
  not_started: 'pending',
  'not-started': 'pending',
  todo: 'pending',
  'to do': 'pending',
  'to-do': 'pending',
  planned: 'pending',
  planning: 'pending',
  queued: 'pending',
  backlog: 'pending',
  open: 'pending',
  available: 'pending',
  proposed: 'pending',
  scheduled: 'pending',
  upcoming: 'pending',
  draft: 'pending',
  // BMAD's story statuses: drafted and approved stories, and those ready for development, are not started yet.
  drafted: 'pending',
  approved: 'pending',
  // GuardKit's status (and folder) of a task whose design was approved, its work not started.
  design_approved: 'pending',
  'design-approved': 'pending',
  'ready for dev': 'pending',
  'ready-for-dev': 'pending',
  'ready for development': 'pending',
  '⏳': 'pending',
  '⬜': 'pending',
  '🔲': 'pending',
  'in progress': 'in_progress',
  'in-progress': 'in_progress',
  in_progress: 'in_progress',
  inprogress: 'in_progress',
  wip: 'in_progress',
  started: 'in_progress',
  active: 'in_progress',
  running: 'in_progress',
  executing: 'in_progress',
  underway: 'in_progress',
  'under way': 'in_progress',
  ongoing: 'in_progress',
  'in review': 'in_progress',
  'under review': 'in_progress',
  in_review: 'in_progress',
  review: 'in_progress',
  // BMAD's "Ready for Review": built, waiting for its review.
  'ready for review': 'in_progress',
  'ready-for-review': 'in_progress',
  reviewing: 'in_progress',
  testing: 'in_progress',
  'in testing': 'in_progress',
  'in qa': 'in_progress',
  qa: 'in_progress',
  staging: 'in_progress',
  'in pr': 'in_progress',
  'pr open': 'in_progress',
  'code review': 'in_progress',
  implementing: 'in_progress',
  'in development': 'in_progress',
  partial: 'in_progress',
  'partially complete': 'in_progress',
  '🔄': 'in_progress',
  '🚧': 'in_progress',
  complete: 'complete',
  completed: 'complete',
  done: 'complete',
  finished: 'complete',
  delivered: 'complete',
  shipped: 'complete',
  merged: 'complete',
  closed: 'complete',
  resolved: 'complete',
  implemented: 'complete',
  '✅': 'complete',
  '✔': 'complete',
  '☑': 'complete',
  blocked: 'blocked',
  // "⏸️ Waiting for Task 7.3": not started, as what it waits for is open (the judge says "waiting"); never blocked.
  waiting: 'pending',
  'on hold': 'blocked',
  'on-hold': 'blocked',
  on_hold: 'blocked',
  stalled: 'blocked',
  stuck: 'blocked',
  paused: 'blocked',
  '⛔': 'blocked',
  '🚫': 'blocked',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  dropped: 'cancelled',
  abandoned: 'cancelled',
  obsolete: 'cancelled',
  superseded: 'cancelled',
  descoped: 'cancelled',
  "won't do": 'cancelled',
  'wont do': 'cancelled',
  wontfix: 'cancelled',
};

/** Values of an agent field that mean nobody is assigned. */
export const unassignedWords: ReadonlySet<string> = new Set(['none', 'n/a', 'na', 'tbd', 'tba', 'unassigned', 'nobody', 'unknown', '-', '–', '—', '?']);

/**
 * Whether an agent value names nobody: one of the words above, also in marks or with a note after it ("_None_",
 * "None (available)", "TBD - pick up", "Unassigned."); a value of words that only starts like one ("Nonexistent") names someone.
 */
export function isUnassigned(text: string): boolean {
  const plain = text
    .replace(/[`*_"']/g, '')
    .trim()
    .toLowerCase();
  if (unassignedWords.has(plain)) return true;
  const head = /^(none|n\/a|tbd|tba|unassigned|nobody|unknown)(?=$|[\s.,;:([])/.exec(plain)?.[1];
  return head !== undefined && /^[.,;:]*(?:$|\s*[([]|\s+[–—-](?:\s|$))/.test(plain.slice(head.length));
}

/** The status words a hint can suggest. */
export const statusHint = 'Use a status word such as pending, ready, in progress, in review, blocked, on hold, done, complete or cancelled.';
