import type { Issue } from './schema.ts';

/** Collects problems while parsing one file, so parsers report all of them instead of stopping at the first. */
export interface IssueSink {
  error(line: number, column: number, message: string, hint?: string): void;
  warning(line: number, column: number, message: string, hint?: string): void;
  readonly issues: Issue[];
}

/** Returns a sink that stamps every issue with `file`. */
export function createIssueSink(file: string): IssueSink {
  const issues: Issue[] = [];
  const add = (severity: Issue['severity']) => (line: number, column: number, message: string, hint?: string) => {
    issues.push({ file, line: Math.max(1, line), column: Math.max(1, column), severity, message, ...(hint ? { hint } : {}) });
  };
  return { error: add('error'), warning: add('warning'), issues };
}

/** `path:line:col severity message`, with the hint on its own indented line. */
export function formatIssue(issue: Issue): string {
  const head = `${issue.file}:${issue.line}:${issue.column} ${issue.severity} ${issue.message}`;
  return issue.hint ? `${head}\n  hint: ${issue.hint}` : head;
}

/** True when any issue is an error (warnings never stop a build). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Orders issues by file, then position: the order a reader walks through them. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues.toSorted(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Thrown only for bugs in Cairn itself, never for bad input. */
export class InternalError extends Error {
  override name = 'InternalError';
}
