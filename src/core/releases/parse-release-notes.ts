/**
 * Reads one release notes file (releases/2.0.0.md or .mdx): frontmatter with `version`, `date`, `phases`,
 * `tasks`, `summary` and optional `yanked`, and the notes as the Markdown body. Never throws for bad input.
 */
import { createIssueSink, sortIssues, type IssueSink } from '../text/issues.ts';
import { keyLineIndex, readFrontmatterOrReport } from '../markdown/frontmatter.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { visit } from '../markdown/visit.ts';
import type { Issue } from '../schema/model.ts';
import { findTaskId } from '../tasks/parse-dependencies.ts';
import { checkText } from '../markdown/check-text.ts';
import { repairWithWarning } from '../text/mojibake.ts';
import { toString } from 'mdast-util-to-string';
import { isBreakingHeading, isBreakingText, isIsoDate, readVersion } from './release-text.ts';
import type { Release } from './schema.ts';

/** A 1-based line and column. */
interface Position {
  line: number;
  column: number;
}

export interface ParsedReleaseNotes {
  /** The release these notes describe; null when its version cannot be read (an error says why). */
  release: Release | null;
  issues: Issue[];
  /** The file, as messages name it. */
  path: string;
  /** Where the `version:` and `date:` values are (1:1 when absent), for messages from later steps such as a date conflict. */
  positions: { version: Position; date: Position };
}

const knownKeys = ['version', 'date', 'phases', 'tasks', 'summary', 'yanked', 'breaking'] as const;
type Key = (typeof knownKeys)[number];

interface Field {
  value: unknown;
  line: number;
  /** 1-based column where the value starts. */
  column: number;
  /** The value as written on the key's line ("[2.1.0]"), for messages about values that are not text. */
  raw: string;
}

const frontmatterExample = 'Start the file with frontmatter: "---", "version: 2.0.0", "date: 2025-10-27", "---".';

/** Parses one notes file's text. `path` names the file in messages and in the release's `sources`. */
export function parseReleaseNotes(input: string, path: string): ParsedReleaseNotes {
  const sink = createIssueSink(path);
  const positions = { version: { line: 1, column: 1 }, date: { line: 1, column: 1 } };
  // Unknown keys are reported as they are met, other fields after: sort, so messages read top to bottom.
  const done = (release: Release | null): ParsedReleaseNotes => ({ release, issues: sortIssues(sink.issues), path, positions });
  const checked = checkText(input, sink, 'release notes');
  if (checked === null) return done(null);
  const text = repairWithWarning(checked, sink.warning).replace(/\r\n?/g, '\n');
  // A file named for its version (releases/2.0.0.md) gives the example in the hint and a check against the frontmatter.
  const nameVersion = readVersion(path.replace(/^.*[\\/]/, '').replace(/\.mdx?$/i, ''));
  const versionHint = `Add "version: ${nameVersion?.version ?? '2.0.0'}" (the version these notes describe) to the frontmatter.`;

  if (!/^---\n/.test(text)) {
    sink.error(1, 1, 'The release notes have no frontmatter, so no version.', frontmatterExample);
    return done(null);
  }
  const parsed = readFrontmatterOrReport(text, sink);
  if (!parsed) return done(null);
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    sink.error(2, 1, 'The frontmatter is not a set of "key: value" lines.', 'Write one "key: value" per line, e.g. "version: 2.0.0".');
    return done(null);
  }

  // The frontmatter's `matter` starts with the newline after the opening "---", so its line i is the file's line i + 1.
  const yamlLines = parsed.matter.split('\n');
  const lineOf = keyLineIndex(parsed.matter);
  const fields = new Map<Key, Field>();
  for (const [key, value] of Object.entries(data)) {
    const index = lineOf(key);
    const line = index < 0 ? 1 : index + 1;
    const yamlLine = yamlLines[index] ?? '';
    const column = yamlLine.indexOf(':') + 1 + (/^:\s*/.exec(yamlLine.slice(yamlLine.indexOf(':')))?.[0].length ?? 1);
    if ((knownKeys as readonly string[]).includes(key))
      fields.set(key as Key, { value, line, column: Math.max(1, column), raw: yamlLine.slice(Math.max(1, column) - 1).trim() });
    else sink.warning(line, 1, `Unknown frontmatter key "${key}" in release notes; it is ignored.`, `Known keys: ${knownKeys.join(', ')}.`);
  }

  const versionField = fields.get('version');
  const dateField = fields.get('date');
  if (versionField) positions.version = { line: versionField.line, column: versionField.column };
  if (dateField) positions.date = { line: dateField.line, column: dateField.column };
  const versionText = typeof versionField?.value === 'string' ? versionField.value.trim() : null;
  const version = versionText === null ? null : readVersion(versionText);
  if (!versionField || versionField.value === null || versionText === '') {
    sink.error(versionField?.line ?? 1, 1, 'The release notes name no version.', versionHint);
  } else if (!version) {
    const shown = versionText ?? shownValue(versionField);
    sink.error(
      versionField.line,
      versionField.column,
      `Cannot read the version "${shown}".`,
      'Write a version such as "2.0.0", "2.0.0-rc.1" or "Unreleased", with no spaces.',
    );
  } else if (nameVersion && nameVersion.version !== version.version) {
    sink.warning(
      versionField.line,
      versionField.column,
      `The file name says version ${nameVersion.version} but the frontmatter says ${version.version}.`,
      "Rename the file or correct the version; the frontmatter's version is used.",
    );
  }

  const date = readDate(dateField, sink);
  const phases = readList(fields.get('phases'), 'phases', sink, (item) => item);
  const tasks = readList(fields.get('tasks'), 'tasks', sink, (item) => (/^\d+(?:\.\d+)+$/.test(item) ? item : findTaskId(item)));
  const summary = readText(fields.get('summary'), 'summary', sink);
  const yanked = readBoolean(fields.get('yanked'), 'yanked', sink);
  const breakingFlag = readBoolean(fields.get('breaking'), 'breaking', sink);
  const body = parsed.content.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (!version) return done(null);

  return done({
    version: version.version,
    date,
    yanked,
    unreleased: version.unreleased,
    sections: [],
    breaking: breakingFlag || (body !== '' && bodyIsBreaking(body)),
    summary,
    description: null,
    phases,
    tasks,
    body: body === '' ? null : body,
    url: null,
    heading: null,
    sources: [path],
  });
}

/** A value that is not text, as the file shows it: "[2.1.0]" from its line, else as JSON. */
function shownValue(field: Field): string {
  return field.raw !== '' ? field.raw : JSON.stringify(field.value);
}

function readDate(field: Field | undefined, sink: IssueSink): string | null {
  if (!field) return null;
  const value = typeof field.value === 'string' ? field.value.trim() : null;
  if (value === '') return null;
  if (value !== null && isIsoDate(value)) return value;
  sink.error(field.line, field.column, `Cannot read the date "${value ?? shownValue(field)}".`, 'Write the date as YYYY-MM-DD, e.g. "date: 2025-10-27".');
  return null;
}

/** A list of strings; a single string is split at commas ("phase-6, phase-7"). Items `read` rejects are errors. */
function readList(field: Field | undefined, key: string, sink: IssueSink, read: (item: string) => string | null): string[] {
  if (!field) return [];
  const raw = field.value;
  const items = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : null;
  if (items === null) {
    sink.error(field.line, field.column, `"${key}" is not a list.`, `Write it as a list, e.g. "${key}: [${key === 'tasks' ? '"7.1", "7.2"' : 'phase-7'}]".`);
    return [];
  }
  const out: string[] = [];
  for (const item of items) {
    const text = typeof item === 'string' ? item.trim() : null;
    if (text === '') continue;
    const value = text === null ? null : read(text);
    if (value === null) {
      sink.error(
        field.line,
        field.column,
        `"${text ?? JSON.stringify(item)}" in "${key}" is not a ${key === 'tasks' ? 'task id' : 'phase id'}.`,
        key === 'tasks' ? 'Write task ids such as "7.1".' : 'Write phase ids, the folder names under phases/, such as "phase-7".',
      );
      continue;
    }
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

function readText(field: Field | undefined, key: string, sink: IssueSink): string | null {
  if (!field) return null;
  if (typeof field.value !== 'string') {
    sink.error(field.line, field.column, `"${key}" is not text.`, `Write it on one line, e.g. "${key}: Faster builds and configuration from the environment."`);
    return null;
  }
  return field.value.trim() === '' ? null : field.value.trim();
}

function readBoolean(field: Field | undefined, key: string, sink: IssueSink): boolean {
  if (!field) return false;
  const value = typeof field.value === 'string' ? field.value.trim().toLowerCase() : null;
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no' || value === '') return false;
  sink.error(field.line, field.column, `"${key}" is neither true nor false.`, `Write "${key}: true" or "${key}: false".`);
  return false;
}

/** The notes announce a breaking change: a "Breaking changes" heading, a "BREAKING" entry, or "BREAKING CHANGE". */
function bodyIsBreaking(body: string): boolean {
  if (/BREAKING[ -]CHANGE/.test(body)) return true;
  let breaking = false;
  visit(parseMarkdown(body).root, (node) => {
    if (node.type === 'heading' && isBreakingHeading(toString(node))) breaking = true;
    if (node.type === 'listItem' && isBreakingText(toString(node.children[0] ?? node))) breaking = true;
  });
  return breaking;
}
