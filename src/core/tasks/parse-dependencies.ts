import type { Dependency } from '../schema/model.ts';
import { parseStatusMeaning } from './parse-status.ts';

/**
 * Task ids as packages write them: dotted numbers ("7.1", subtasks "8.11.1"), "T3", and a capital prefix with a
 * number ("VC-001", "TASK-12"). "Task 12" names task 12. Numbers inside words or versions ("v2.0.0", "UTF-8") are not
 * ids.
 */
// Case matters: "VC-001" is an id, "step-2" is not. So the pattern spells out the cases instead of using the i flag.
const capitalId = String.raw`([A-Z][A-Z0-9]{0,9}-\d[A-Z0-9]*)`;
const taskWordId = String.raw`(?:[Tt]asks?|TASKS?)[\s#-]*(\d+(?:\.\d+)*)`;
const plainId = String.raw`(\d+(?:\.\d+)+|[Tt]\d+)`;
const taskIdPattern = new RegExp(String.raw`(?<![\w.])(?:${capitalId}|${taskWordId}|${plainId})(?![\w.]*\d)`, 'g');
/** Prefixes that look like ids but are names of standards and formats. */
const notIdPrefixes = new Set(['UTF', 'SHA', 'ISO', 'RFC', 'HTTP', 'TLS', 'SSL', 'ES', 'ECMA', 'PEP', 'CVE', 'IPV', 'MD', 'AES', 'RSA', 'X', 'H', 'COVID']);

// `(?!\w)` rather than `\b`: a lone "-" has no word boundary after it, so `\b` let "**Dependencies:** -" through.
const noneWords = /^(none|n\/a|na|no|nothing|-|–|—)(?!\w)/i;
// "Phase 6 complete ✅", "Phase 6", "phase-6": work outside the package.
const phaseReference = /\bphase[\s-]*(\d+)/i;

// "Blocks 1.4", "Blocking: Task 8.1", "Enables T5", "Required by 3.2": the tasks that wait for this one, the other way round.
const reverseWords = /(?<![\p{L}\p{N}_-])(?:blocks|blocking|unblocks|enables|required by|needed by|dependents|depended on by|downstream)(?![\p{L}\p{N}_])/iu;

/** A key or heading that lists the tasks waiting for this one ("Blocks", "### Blocking Other Tasks"), never its dependencies. */
export function isReverseDependencyKey(text: string): boolean {
  return reverseWords.test(
    text
      .replace(/^[^\p{L}]+/u, '')
      .split(/\s+/)
      .slice(0, 2)
      .join(' '),
  );
}

/**
 * Splits a dependency field ("Task 7.3 COMPLETE ⚠️", "7.1, 7.2", "None", "Phase 6 complete ✅") into clauses. What
 * follows "blocks" names the tasks that wait for this one ("Task 1.2; blocks 1.4"), so it is left out, as is a list
 * item that opens with it.
 */
export function parseDependencies(value: string | readonly (string | number)[] | null | undefined): Dependency[] {
  if (value === null || value === undefined) return [];
  const listed = Array.isArray(value);
  const forward = (text: string) => {
    const at = text.search(reverseWords);
    return at < 0 ? text : text.slice(0, at);
  };
  const clauses = listed ? value.map(String).map(forward) : forward(String(value)).split(/[,;]|\s+and\s+|\s+&\s+/i);
  return (
    clauses
      .map((clause) =>
        clause
          .trim()
          .replace(/[([{:\-–—]+$/, '')
          .trim(),
      )
      .filter((clause) => /[\p{L}\p{N}]/u.test(clause) && !noneWords.test(clause))
      // "TASK 1, 3": a bare number after a "Task N" in the same field continues the list of tasks.
      .map((clause, index, all) =>
        (listed && (/^\d+$/.test(clause) || isNamedId(clause))) ||
        (/^\d+$/.test(clause) && all.slice(0, index).some((before) => new RegExp(`^${taskWordId}$`).test(before)))
          ? { ...parseClause(clause), taskIds: [clause] }
          : parseClause(clause),
      )
  );
}

/**
 * One id of words and a number, as a tool writes it whole ("task-30", "TASK-195.1", "task-epic-11.2", "epic-11"):
 * taken as written when it is a whole list item or the whole id field. A phase ("phase-6") is not a task.
 */
export function isNamedId(text: string): boolean {
  return /^[A-Za-z]+(?:-[A-Za-z]+)*-\d+(?:\.\d+)*$/.test(text) && !/^(?:phase|step|stage|sprint|milestone)-/i.test(text);
}

/**
 * The id a file name or heading opens with when a tool names its tasks "<prefix>-<number>" (Backlog.md's
 * "task-12 - Title.md", "task-100.11 - …", "task-epic-11.95-Title.md"), as written; null when it opens otherwise.
 * A date is never an id: "task-2025-01-15" names none.
 */
export function prefixedTaskId(text: string, prefix: string): string | null {
  const match = new RegExp(`^${RegExp.escape(prefix)}-(?:[A-Za-z]+-)*\\d+(?:\\.\\d+)*(?![\\w.]*\\d|-\\d)`, 'i').exec(text.trim());
  return match ? match[0] : null;
}

function parseClause(raw: string): Dependency {
  // "#12": an issue-numbered task (Claude Code PM's 409.md), written as a reference.
  const issueIds = [...raw.matchAll(/(?<![\w&])#(\d+)\b/g)].map((match) => match[1]!);
  const taskIds = [...new Set([...expandRange(raw, findTaskIds(raw)), ...issueIds])];
  const external = taskIds.length === 0 && phaseReference.test(raw);
  return { raw, taskIds, external, line: null, column: null, links: [], missing: [] };
}

// "P3-01 through P3-10", "7.1 to 7.4", "T1–T5", "VC-001 - VC-004": every id between the two, ends included.
const rangeWords = String.raw`\s*(?:through|thru|to|until|[–—]|\s-)\s*`;
/** Most ids one range stands for; a wider span is read as its two ends, not expanded into thousands of ids. */
const maxRange = 200;

/** The ids a range names, when `raw` is one range between two ids that share everything but their last number. */
function expandRange(raw: string, ids: string[]): string[] {
  if (ids.length !== 2) return ids;
  const [from = '', to = ''] = ids;
  if (!new RegExp(`${RegExp.escape(from)}${rangeWords}(?:tasks?\\s*)?${RegExp.escape(to)}`, 'i').test(raw)) return ids;
  const start = /^(.*?)(\d+)$/.exec(from);
  const end = /^(.*?)(\d+)$/.exec(to);
  if (!start || !end || start[1] !== end[1]) return ids;
  const [first, last] = [Number(start[2]), Number(end[2])];
  if (last <= first || last - first >= maxRange) return ids;
  const width = start[2]!.startsWith('0') ? start[2]!.length : 0;
  return Array.from({ length: last - first + 1 }, (_, at) => `${start[1]}${String(first + at).padStart(width, '0')}`);
}

/** The phase number a dependency on a whole phase names ("Phase 7 complete" → 7), or null. */
export function phaseNumberOf(raw: string): number | null {
  const match = phaseReference.exec(raw);
  return match?.[1] ? Number(match[1]) : null;
}

/** Every task id in a text, in order, normalized. A date ("task-2025-01-15", "notes-2025.01.15") holds none. */
function findTaskIds(text: string): string[] {
  const ids: string[] = [];
  const dates = [...text.matchAll(datePattern)].map((match) => [match.index, match.index + match[0].length] as const);
  for (const match of text.matchAll(taskIdPattern)) {
    const id = match[1] ?? match[2] ?? match[3];
    const at = match.index + match[0].lastIndexOf(id ?? '');
    if (id && isTaskId(id) && !dates.some(([from, to]) => at + id.length > from && at < to)) ids.push(normalizeTaskId(id));
  }
  return ids;
}

// A year, month and day: "2025-01-15", "2025.01.15", "2025/1/5", and written together as a stamp, "20250119" (with its
// time, "20250119-1840", "20241210143052"): a file named "task-20250119-1840-slug.md" is named by when, not by an id.
const datePattern = /(?<!\d)(?:\d{4}([-./])\d{1,2}\1\d{1,2}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[-_T]?\d{4,6})?)(?!\d)/g;

/**
 * The ids of a dependency clause that are only numbers in its prose: a dotted number among other words ("Gemini 2.5
 * Pro API", "see section 3.2 of the spec") names a task only when the phase has one by that id. A reference written
 * as one ("Task 7.3", "Story 1.4", "#12", "T004", "task-12", "VC-001") or a clause of ids alone ("7.1", "7.3 complete
 * ✅") is a reference whatever the phase holds, and an unknown one is reported.
 */
export function proseIds(raw: string): string[] {
  const ids: string[] = [];
  for (const match of raw.matchAll(/(?<![\w.#-])\d+(?:\.\d+)+(?![\w.]*\d)/g)) {
    const before = /([\p{L}]+)[^\p{L}\p{N}]*$/u.exec(raw.slice(0, match.index))?.[1];
    const after = /^[^\p{L}\p{N}]*([\p{L}]+)/u.exec(raw.slice(match.index + match[0].length))?.[1];
    if (before !== undefined && markerWords.test(before)) continue;
    if ((before !== undefined && !plainWord(before)) || (after !== undefined && !plainWord(after))) ids.push(match[0]);
  }
  return ids;
}

// Words that say the number beside them is a task: "Task 7.3", "Story 1.4", "subtask 2.1".
const markerWords = /^(?:tasks?|subtasks?|stor(?:y|ies)|issues?|tickets?|items?)$/i;
// Words that may stand beside a task's number in a dependency without making it prose: "after 7.3 is complete".
const connectives =
  /^(?:and|or|to|through|thru|until|after|before|once|when|is|are|be|been|being|has|have|must|needs?|requires?|waits?|waiting|for|on|the|see|also|only|first|then|at|least|partially|fully|of|its|their|if|still|in)$/i;
const plainWord = (word: string) => connectives.test(word) || markerWords.test(word) || parseStatusMeaning(word) !== null;

function isTaskId(id: string): boolean {
  const prefix = /^([A-Za-z][A-Za-z0-9]*)-\d/.exec(id)?.[1];
  return !prefix || !notIdPrefixes.has(prefix.toUpperCase());
}

/** Upper-cases "t3" to "T3"; other ids stay as written. */
function normalizeTaskId(id: string): string {
  return /^t\d+$/i.test(id) ? id.toUpperCase() : id;
}

/** Finds a task id in a title or file name: "Task 7.1: Build" → "7.1", "task-7.2-config.md" → "7.2", "VC-001-capture" → "VC-001". */
export function findTaskId(text: string): string | null {
  return findTaskIds(text)[0] ?? null;
}

/**
 * An id for a task file that names none of the usual shapes: "Phase 2" in its title or name (a plan whose tasks are its
 * phases), or the number a file name starts with ("01_API_REFERENCE.md", "409.md"). Used only for files with task
 * metadata, so a numbered notes file is not taken for a task.
 */
export function fallbackTaskId(title: string, fileName: string): string | null {
  const stage = /\b(?:phase|step|stage|part|milestone)[\s_-]*(\d+(?:\.\d+)*)\b/i;
  return stage.exec(title)?.[1] ?? stage.exec(fileName)?.[1] ?? /^(\d+)(?:[\s_.-]|$)/.exec(fileName)?.[1] ?? null;
}

/**
 * The key two ids of one phase are matched by when written with and without the phase's prefix: "001" and
 * "TASK-001" are one id ("001" beside "TASK-038" in one folder). The digits must be the same: "1" and "001" are not
 * (a renumbered folder's "001" is another task than its issue "1").
 */
export function idKey(id: string): string {
  return id.toLowerCase().replace(/^[a-z]+-(?=\d+$)/, '');
}

/** A lookup of the phase's ids, exact (any case) first, else by idKey when only one task has that key. */
export function idLookup(ids: readonly string[]): (id: string) => string | undefined {
  const exact = new Map(ids.map((id) => [id.toLowerCase(), id]));
  const byKey = Map.groupBy(ids, idKey);
  // Only an id written without a prefix meets one written with it: "VC-001" is never "SEC-001".
  const bare = (id: string) => idKey(id) === id.toLowerCase();
  return (id) => {
    const found = exact.get(id.toLowerCase());
    if (found !== undefined) return found;
    const candidates = (byKey.get(idKey(id)) ?? []).filter((candidate) => bare(candidate) !== bare(id));
    return candidates.length === 1 ? candidates[0] : undefined;
  };
}
