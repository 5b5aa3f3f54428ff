/** Reads and writes content/snapshots/<version>.json: the file-system side of snapshot.ts. */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './write-atomic.ts';
import { join } from 'node:path';
import { redactStrings } from '../hooks/redact.ts';
import type { Issue } from '../schema.ts';
import { orderSnapshots, parseSnapshot, serializeSnapshot, type Snapshot } from '../snapshot.ts';
import { displayPath } from './display-path.ts';

/** The folder that holds the snapshots of a content root. */
export function snapshotsDir(root: string): string {
  return join(root, 'snapshots');
}

/** Why `version` cannot name a snapshot file, or null when it can. */
export function checkVersionName(version: string): string | null {
  if (version === '') return 'The version is empty.';
  if (version.includes('/') || version.includes('\\')) return `The version "${version}" contains a slash; it becomes a file name, so it must not name a folder.`;
  if (version.includes('..')) return `The version "${version}" contains "..".`;
  if (!/^[0-9A-Za-z.+-]+$/.test(version)) return `The version "${version}" contains characters other than letters, digits, ".", "+" and "-".`;
  if (/^[.-]/.test(version)) return `The version "${version}" starts with "${version[0]}"; start it with a letter or digit.`;
  return null;
}

/** Every snapshot under `<root>/snapshots`, oldest → newest. A file that cannot be read is an issue; the rest still load. */
export function readSnapshots(root: string): { snapshots: Snapshot[]; issues: Issue[] } {
  const dir = snapshotsDir(root);
  if (!existsSync(dir)) return { snapshots: [], issues: [] };
  const snapshots: Snapshot[] = [];
  const issues: Issue[] = [];
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .toSorted();
  for (const name of names) {
    const path = displayPath(join(dir, name));
    const result = parseSnapshot(readFileSync(join(dir, name), 'utf8'), path);
    issues.push(...result.issues);
    if (!result.snapshot) continue;
    const expected = name.slice(0, -'.json'.length);
    if (result.snapshot.version !== expected) {
      issues.push({ file: path, line: 1, column: 1, severity: 'error', message: `The file ${name} holds version ${JSON.stringify(result.snapshot.version)}; a snapshot's file is named after its version.`, hint: `Rename the file to ${result.snapshot.version}.json, or freeze ${expected} again with \`npm run snapshot -- ${expected} --force\`.` });
      continue;
    }
    // A snapshot frozen before authored text was redacted can still hold a secret; its pages are redacted all the same.
    snapshots.push(redactStrings(result.snapshot));
  }
  return { snapshots: orderSnapshots(snapshots), issues };
}

export interface WriteResult {
  /** What was written; null when the write was refused (see issues). */
  written: { path: string; bytes: number; replaced: boolean } | null;
  issues: Issue[];
}

/**
 * Writes `<root>/snapshots/<version>.json`, creating the folder. The text goes to a temporary file in the same folder
 * first and is renamed into place, so a reader never sees half a snapshot. An existing version is kept unless `force`.
 */
export function writeSnapshot(root: string, snapshot: Snapshot, { force = false }: { force?: boolean } = {}): WriteResult {
  const dir = snapshotsDir(root);
  const target = join(dir, `${snapshot.version}.json`);
  const at = { file: displayPath(target), line: 1, column: 1, severity: 'error' as const };
  const invalid = checkVersionName(snapshot.version);
  if (invalid) return { written: null, issues: [{ ...at, file: displayPath(dir), message: invalid, hint: 'Use a version such as 1.0.0, 2.0.0-rc.1 or 2025.10.26.' }] };
  const replaced = existsSync(target);
  if (replaced && !force) return { written: null, issues: [{ ...at, message: `Version ${snapshot.version} already exists.`, hint: 'Pick a new version, or pass --force to replace it.' }] };
  const text = serializeSnapshot(snapshot);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(target, text);
  return { written: { path: displayPath(target), bytes: Buffer.byteLength(text, 'utf8'), replaced }, issues: [] };
}
