/**
 * How a team asks its files to be read (cairn.config.json's `allowEmpty`, `statusWords`, `fields` and `formats`),
 * handed from the command to the pipeline in one environment variable (CAIRN_READING), so every process and worker
 * that builds a phase reads with the same rules, and the phase cache keys on them.
 */

/** What a team's status word may mean. */
export const statusMeanings = ['pending', 'in_progress', 'blocked', 'complete', 'cancelled'] as const;
/** The task formats a folder may be pinned to (formats/readers.ts lists each reader under the same id). */
export const formatIds = [
  'spec-kit',
  'kiro',
  'taskmaster',
  'claude-flow-tasks',
  'claude-code-tasks',
  'backlog-md',
  'bmad',
  'ccpm',
  'status-folders',
  'task-files',
] as const;
/** The fields a team's own key may name. */
export const fieldNames = [
  'id',
  'title',
  'agent',
  'estimate',
  'dependencies',
  'status',
  'priority',
  'started',
  'completed',
  'created',
  'updated',
  'labels',
  'parent',
] as const;

export interface ReadingRules {
  /** A phase in which no reader found a task is a warning instead of an error. */
  allowEmpty: boolean;
  /** A team's own status words (folded to lower case) → what each means. */
  statusWords: Record<string, (typeof statusMeanings)[number]>;
  /** A team's own metadata keys (folded as fieldName folds them) → the field each names. */
  fields: Record<string, (typeof fieldNames)[number]>;
  /** Absolute globs of phase folders (written relative to the config's folder) → the format pinned for them. */
  formats: Record<string, string>;
}

export const defaultReading: ReadingRules = { allowEmpty: false, statusWords: {}, fields: {}, formats: {} };

/** The rules the command passed on (CAIRN_READING, JSON), or the defaults. */
export function readingFromEnv(env: Record<string, string | undefined> = process.env): ReadingRules {
  if (!env.CAIRN_READING) return defaultReading;
  const value: unknown = JSON.parse(env.CAIRN_READING);
  if (typeof value !== 'object' || value === null) return defaultReading;
  return { ...defaultReading, ...(value as Partial<ReadingRules>) };
}

/** Whether `rules` are the defaults: nothing to pass on. */
export function isDefaultReading(rules: ReadingRules): boolean {
  return JSON.stringify(rules) === JSON.stringify(defaultReading);
}
