/**
 * What the task lists written as JSON (Taskmaster's tasks.json, claude-flow's store.json, Claude Code's task files)
 * share: reading the JSON with a syntax error reported at its line and column, and reading a status word, the tool's
 * own words first, then any word of the shared vocabulary in its spellings.
 */
import type { TaskStatus } from '../schema/model.ts';
import type { IssueSink } from '../text/issues.ts';
import { jsonErrorReason, locateJsonError } from '../text/json-position.ts';
import { statusOfMeaning } from '../tasks/parse-status.ts';
import { statusVocabulary } from '../tasks/vocabulary.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What a status word means for the model: its status, and whether it says cancelled. */
export interface StatusReading {
  status: TaskStatus;
  cancelled?: boolean;
}

export const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file's JSON (a byte-order mark ignored), or the parser's error. */
export function parseJson(text: string): { data: Json } | { error: unknown } {
  try {
    return { data: JSON.parse(text.replace(/^\uFEFF/, '')) as Json };
  } catch (error) {
    return { error };
  }
}

/** An error at the place the JSON breaks: "`name` is not valid JSON: <reason>; `consequence`." */
export function reportJsonError(sink: IssueSink, text: string, error: unknown, name: string, consequence: string, hint: string): void {
  const { line, column } = locateJsonError(text.replace(/^\uFEFF/, ''), error);
  sink.error(line, column, `${name} is not valid JSON: ${jsonErrorReason(error)}; ${consequence}.`, hint);
}

/** What a status word means: the tool's own table first, then the shared vocabulary ("in-progress", "in progress", "in_progress"); null when neither knows it. */
export function statusWord(value: string, own: Readonly<Record<string, StatusReading>>): StatusReading | null {
  const word = value.trim().toLowerCase();
  if (Object.hasOwn(own, word)) return own[word]!;
  for (const key of [word, word.replace(/[-_]+/g, ' '), word.replace(/[ -]+/g, '_')]) {
    if (!Object.hasOwn(statusVocabulary, key)) continue;
    const meaning = statusVocabulary[key]!;
    return { status: statusOfMeaning(meaning), cancelled: meaning === 'cancelled' };
  }
  return null;
}

/** How a tool names itself and its status words in a warning about a task's status. */
export interface StatusWords {
  /** "Taskmaster", "claude-flow", "Claude Code". */
  tool: string;
  own: Readonly<Record<string, StatusReading>>;
  /** The hint for a word the tool does not write: "Taskmaster's statuses are …". */
  known: string;
  /** The hint for a missing status or one that is no word: 'Give it a "status" such as …'. */
  example?: string;
}

/** What a task's status value means; null, with a warning at its line, when it is missing or no status word. */
export function readStatusValue(value: Json | undefined, id: string, line: number, sink: Pick<IssueSink, 'warning'>, words: StatusWords): StatusReading | null {
  if (typeof value === 'string') {
    const meaning = statusWord(value, words.own);
    if (!meaning) sink.warning(line, 1, `Task ${id} has the status "${value}", which is no ${words.tool} status; it is read as pending.`, words.known);
    return meaning;
  }
  sink.warning(
    line,
    1,
    `Task ${id} has ${value === undefined ? 'no status' : `the status ${JSON.stringify(value)}, which is not a word`}; it is read as pending.`,
    words.example ?? words.known,
  );
  return null;
}
