/** Reads `<root>/releases/`: CHANGELOG.md (Keep a Changelog) and one notes file per version (*.md, *.mdx). */
import { linkOutsideIssue, staysInside } from './inside-root.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactStrings, secretWarning } from '../redact/redact.ts';
import { sortIssues } from '../text/issues.ts';
import { mergeReleases } from '../releases/merge-releases.ts';
import { parseChangelog } from '../releases/parse-changelog.ts';
import { parseReleaseNotes } from '../releases/parse-release-notes.ts';
import type { Changelog, Release } from '../releases/schema.ts';
import type { Issue } from '../schema/model.ts';
import { displayPath } from './display-path.ts';

interface ReleasesContent {
  /** Changelog and notes merged, newest first (see mergeReleases). */
  releases: Release[];
  /** The parsed CHANGELOG.md (its title, preamble and links), or null when there is none. */
  changelog: Changelog | null;
  /** Problems in every file read, sorted by file and position. */
  issues: Issue[];
}

const changelogName = /^changelog\.md$/i;
const notesName = /\.mdx?$/i;

/** Reads and merges the releases under `root`; a missing releases/ folder gives no releases and no issue. */
export function readReleases(root: string): ReleasesContent {
  const dir = join(root, 'releases');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { releases: [], changelog: null, issues: [] };
  if (!staysInside(dir, root)) return { releases: [], changelog: null, issues: [linkOutsideIssue(dir)] };
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .toSorted();
  const issues: Issue[] = [];
  const read = (name: string) => {
    const path = join(dir, name);
    const file = { path: displayPath(path), text: readFileSync(path, 'utf8') };
    const warning = secretWarning(file.path, file.text);
    if (warning) issues.push(warning);
    return file;
  };

  const changelogFile = names.find((name) => changelogName.test(name));
  let changelog: Changelog | null = null;
  if (changelogFile) {
    const { path, text } = read(changelogFile);
    const parsed = parseChangelog(text, path);
    changelog = parsed.changelog;
    issues.push(...parsed.issues);
  }
  const notes = names
    .filter((name) => notesName.test(name) && name !== changelogFile)
    .map((name) => {
      const { path, text } = read(name);
      return parseReleaseNotes(text, path);
    });
  issues.push(...notes.flatMap((parsed) => parsed.issues));

  const merged = mergeReleases(changelog, notes);
  issues.push(...merged.issues);
  // Release notes are authored text and can hold secrets: every string of the releases and of the changelog (which
  // is written back to dist/CHANGELOG.md) is redacted here, once, before any page, feed or file is made from them.
  return redactStrings({ releases: merged.releases, changelog, issues: sortIssues(issues) });
}
