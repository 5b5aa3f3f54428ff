import type { Issue } from '../schema/model.ts';

/** Collects problems while parsing one file, so parsers report all of them instead of stopping at the first. */
export interface IssueSink {
  error(line: number, column: number, message: string, hint?: string, code?: string): void;
  warning(line: number, column: number, message: string, hint?: string, code?: string): void;
  readonly issues: Issue[];
}

/** Returns a sink that stamps every issue with `file`. */
export function createIssueSink(file: string): IssueSink {
  const issues: Issue[] = [];
  const add = (severity: Issue['severity']) => (line: number, column: number, message: string, hint?: string, code?: string) => {
    issues.push({ file, line: Math.max(1, line), column: Math.max(1, column), severity, message, ...(hint ? { hint } : {}), ...(code ? { code } : {}) });
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
  return issues.toSorted((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
}

/** What a group of warnings of one kind says, given how many files share it; by the warning's code. */
const groupedMessages: Record<string, (count: number) => string> = {
  'no-agent': (count) => `${count} task files name no agent, so they are shown as unassigned`,
  'no-estimate': (count) => `${count} task files have no estimate; the critical path leaves them out and progress counts tasks`,
};

/** Most files a grouped warning names before "and N more". */
const namedInGroup = 8;

/**
 * Warnings that repeat across files (a package where no task names an agent) become one warning that names the
 * files, instead of one line per file burying the rest. Errors and single warnings stay as they are.
 */
export function groupWarnings(issues: readonly Issue[]): Issue[] {
  const groups = Map.groupBy(issues, (issue) => (issue.severity === 'warning' && issue.code && Object.hasOwn(groupedMessages, issue.code) ? issue.code : ''));
  const grouped: Issue[] = [];
  for (const [code, members] of groups) {
    if (code === '' || members.length < 2) {
      grouped.push(...members);
      continue;
    }
    const names = members.map((issue) => issue.file.slice(issue.file.lastIndexOf('/') + 1));
    const listed = names.slice(0, namedInGroup).join(', ') + (names.length > namedInGroup ? ` and ${names.length - namedInGroup} more` : '');
    const [first] = members;
    grouped.push({ ...first!, line: 1, column: 1, message: `${groupedMessages[code]!(members.length)}: ${listed}.` });
  }
  return sortIssues(grouped);
}
