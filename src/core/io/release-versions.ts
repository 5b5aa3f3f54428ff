/** The release versions a content root names, for the `releases` list a snapshot keeps. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from '../snapshot.ts';

// Keep a Changelog headings: "## [2.0.0] - 2025-10-26", "## 2.0.0 (2025-10-26)", "## v2.0.0". "Unreleased" is not a version.
const headingPattern = /^##\s+\[?v?(\d[0-9A-Za-z.+-]*)\]?/gm;
// One notes file per version: releases/2.0.0.md, releases/v2.0.0-rc.1.mdx.
const notesFilePattern = /^v?(\d[0-9A-Za-z.+-]*)\.mdx?$/;

/** Versions from `<root>/releases/CHANGELOG.md` headings and per-version notes files, oldest first, each once. */
export function readReleaseVersions(root: string): string[] {
  const dir = join(root, 'releases');
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir);
  const fromFiles = names.flatMap((name) => notesFilePattern.exec(name)?.[1] ?? []);
  const changelog = names.find((name) => /^changelog\.md$/i.test(name));
  const fromChangelog = changelog ? [...readFileSync(join(dir, changelog), 'utf8').matchAll(headingPattern)].map((match) => match[1]!) : [];
  return [...new Set([...fromChangelog, ...fromFiles])].toSorted(compareVersions); // oldest first
}
