import type { Dependency } from '../schema.ts';

// Task ids look like "7.1", "7.1.2", "task-7.1" or "T3"; ids inside words or versions ("v2.0.0") are not ids.
const taskIdPattern = /(?<![\w.])(?:task[\s-]*)?(\d+(?:\.\d+)+|T\d+)(?![\w.]*\d)/gi;
// `(?!\w)` rather than `\b`: a lone "-" has no word boundary after it, so `\b` let "**Dependencies:** -" through.
const noneWords = /^(none|n\/a|na|no|nothing|-|–|—)(?!\w)/i;
// "Phase 6 complete ✅", "Phase 6", "phase-6": work outside the package.
const phaseReference = /\bphase[\s-]*\d+/i;

/** Splits a dependency field ("Task 7.3 COMPLETE ⚠️", "7.1, 7.2", "None", "Phase 6 complete ✅") into clauses. */
export function parseDependencies(value: string | readonly (string | number)[] | null | undefined): Dependency[] {
  if (value === null || value === undefined) return [];
  const clauses = Array.isArray(value)
    ? value.map(String)
    : String(value).split(/[,;]|\s+and\s+|\s+&\s+/i);
  return clauses
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '' && !noneWords.test(clause))
    .map(parseClause);
}

function parseClause(raw: string): Dependency {
  const taskIds = [...raw.matchAll(taskIdPattern)].map((match) => normalizeTaskId(match[1] ?? ''));
  const external = taskIds.length === 0 && phaseReference.test(raw);
  return { raw, taskIds, external };
}

/** Upper-cases "t3" to "T3"; dotted ids stay as written. */
export function normalizeTaskId(id: string): string {
  return /^t\d+$/i.test(id) ? id.toUpperCase() : id;
}

/** Finds a task id in a title or file name: "Task 7.1: Build" → "7.1", "task-7.2-config.md" → "7.2". */
export function findTaskId(text: string): string | null {
  const match = /(?:^|[^\w.])(?:task[\s-]*)?(\d+(?:\.\d+)+|T\d+)(?![\w.]*\d)/i.exec(text);
  return match?.[1] ? normalizeTaskId(match[1]) : null;
}
