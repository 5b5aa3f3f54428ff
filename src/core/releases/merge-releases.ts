/**
 * One list of releases from the changelog and the notes files: a version found in both becomes one release
 * (the changelog's entries with the notes' body, summary, phases and tasks), sorted newest first.
 */
import semver from 'semver';
import { createIssueSink } from '../text/issues.ts';
import type { Issue } from '../schema/model.ts';
import type { ParsedReleaseNotes } from './parse-release-notes.ts';
import type { Changelog, Release } from './schema.ts';

interface MergedReleases {
  /** Newest first: Unreleased, then semantic versions descending, then other versions ("1.x") by text, descending. */
  releases: Release[];
  /** Date conflicts (warnings) and versions with two notes files (errors). */
  issues: Issue[];
}

/** Merges the changelog's releases with the notes files' (a file whose version could not be read is skipped: its own parse reported why). */
export function mergeReleases(changelog: Changelog | null, notes: readonly ParsedReleaseNotes[]): MergedReleases {
  const issues: Issue[] = [];
  const byKey = new Map<string, Release>();
  const notesPaths = new Map<string, string>();
  for (const release of changelog?.releases ?? []) {
    const key = releaseKey(release);
    const first = byKey.get(key);
    // A version twice in one changelog is an error of its own (parseChangelog); its entries are not dropped.
    byKey.set(key, first ? { ...first, sections: [...first.sections, ...release.sections], breaking: first.breaking || release.breaking } : release);
  }
  for (const { release: fromNotes, path, positions } of notes) {
    if (!fromNotes) continue;
    const sink = createIssueSink(path);
    const key = releaseKey(fromNotes);
    const otherNotes = notesPaths.get(key);
    if (otherNotes !== undefined) {
      sink.error(
        positions.version.line,
        positions.version.column,
        `Version ${fromNotes.version} already has a notes file, ${otherNotes}.`,
        'Keep one notes file per version: merge the two and delete this one.',
      );
      issues.push(...sink.issues);
      continue;
    }
    notesPaths.set(key, path);
    const fromChangelog = byKey.get(key);
    if (!fromChangelog) {
      byKey.set(key, fromNotes);
      continue;
    }
    if (fromChangelog.date !== null && fromNotes.date !== null && fromChangelog.date !== fromNotes.date) {
      sink.warning(
        positions.date.line,
        positions.date.column,
        `Release ${fromNotes.version} is dated ${fromNotes.date} here but ${fromChangelog.date} in ${fromChangelog.sources[0] ?? 'the changelog'}.`,
        `Make the two dates agree; the changelog's date (${fromChangelog.date}) is the one shown.`,
      );
      issues.push(...sink.issues);
    }
    byKey.set(key, mergeTwo(fromChangelog, fromNotes));
  }
  return { releases: sortReleases([...byKey.values()]), issues };
}

/** The changelog's release with what only the notes file has. */
function mergeTwo(fromChangelog: Release, fromNotes: Release): Release {
  return {
    version: fromChangelog.version,
    date: fromChangelog.date ?? fromNotes.date,
    yanked: fromChangelog.yanked || fromNotes.yanked,
    unreleased: fromChangelog.unreleased || fromNotes.unreleased,
    sections: fromChangelog.sections,
    breaking: fromChangelog.breaking || fromNotes.breaking,
    summary: fromNotes.summary ?? fromChangelog.summary,
    description: fromChangelog.description ?? fromNotes.description,
    phases: [...new Set([...fromChangelog.phases, ...fromNotes.phases])],
    tasks: [...new Set([...fromChangelog.tasks, ...fromNotes.tasks])],
    body: fromNotes.body ?? fromChangelog.body,
    url: fromChangelog.url ?? fromNotes.url,
    heading: fromChangelog.heading,
    sources: [...fromChangelog.sources, ...fromNotes.sources],
  };
}

/** The same version in the changelog and a notes file: "Unreleased" in any case, else the version as written. */
function releaseKey(release: Release): string {
  return release.unreleased ? 'unreleased' : release.version;
}

/** The page id of a release: its version, or "unreleased". */
export const releaseId = (release: Pick<Release, 'version' | 'unreleased'>): string => (release.unreleased ? 'unreleased' : release.version);

/** A copy of `releases`, newest first (the caller's array is left as it is). */
export function sortReleases(releases: readonly Release[]): Release[] {
  return releases.toSorted(compareReleases);
}

const textOrder = new Intl.Collator('en', { numeric: true });

/**
 * Newest first: Unreleased, then semantic versions descending (a pre-release before its release, as semver
 * orders them), then versions that are not semver ("1.x", "2025.10") by text, descending with numbers compared as
 * numbers. "1" and "1.2" compare as 1.0.0 and 1.2.0.
 */
function compareReleases(a: Release, b: Release): number {
  if (a.unreleased !== b.unreleased) return a.unreleased ? -1 : 1;
  const [left, right] = [comparable(a.version), comparable(b.version)];
  if (left && right) return semver.rcompare(left, right) || textOrder.compare(b.version, a.version);
  if (left || right) return left ? -1 : 1;
  return textOrder.compare(b.version, a.version);
}

/** The version as semver, padding "1" and "1.2" with zeros; null when it is not one. */
function comparable(version: string): string | null {
  const padded = /^\d+(?:\.\d+)?$/.test(version) ? `${version}.0.0`.split('.').slice(0, 3).join('.') : version;
  return semver.valid(padded);
}
