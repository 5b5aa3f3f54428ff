/** Reads and writes content/snapshots/<version>.json: the file-system side of snapshot.ts. */
import { linkOutsideIssue, staysInside } from '../io/inside-root.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { join } from 'node:path';
import { redactStrings } from '../redact/redact.ts';
import type { Issue } from '../schema/model.ts';
import { orderSnapshots, parseSnapshot, serializeSnapshot, type Snapshot } from '../versions/snapshot.ts';
import { displayPath } from '../io/display-path.ts';
import { cachedByText, hasCachedText, hashUntilChanged, type PhaseCache } from './phase-cache.ts';

/** The folder that holds the snapshots of a content root. */
export function snapshotsDir(root: string): string {
  return join(root, 'snapshots');
}

/** Why `version` cannot name a snapshot file, or null when it can. */
export function checkVersionName(version: string): string | null {
  if (version === '') return 'The version is empty.';
  if (version.includes('/') || version.includes('\\'))
    return `The version "${version}" contains a slash; it becomes a file name, so it must not name a folder.`;
  if (version.includes('..')) return `The version "${version}" contains "..".`;
  if (!/^[0-9A-Za-z.+-]+$/.test(version)) return `The version "${version}" contains characters other than letters, digits, ".", "+" and "-".`;
  if (/^[.-]/.test(version)) return `The version "${version}" starts with "${version[0]}"; start it with a letter or digit.`;
  return null;
}

/** Every snapshot under `<root>/snapshots`, oldest → newest. A file that cannot be read is an issue; the rest still load. */
export function readSnapshots(root: string, { cache = null }: { cache?: PhaseCache | null } = {}): { snapshots: Snapshot[]; issues: Issue[] } {
  const snapshots: Snapshot[] = [];
  const issues = visitSnapshots(root, { cache }, (snapshot) => snapshots.push(snapshot));
  return { snapshots: orderSnapshots(snapshots), issues };
}

/**
 * Reads the snapshots one at a time, in file-name order, and calls `visit` with each valid one and the hash of its
 * file; returns the issues. Frozen versions of a big site are large, so a caller can keep only what it needs of each.
 */
export function visitSnapshots(root: string, { cache = null }: { cache?: PhaseCache | null }, visit: (snapshot: Snapshot, digest: string) => void): Issue[] {
  const dir = snapshotsDir(root);
  if (!existsSync(dir)) return [];
  if (!staysInside(dir, root)) return [linkOutsideIssue(dir)];
  const issues: Issue[] = [];
  for (const name of snapshotNames(dir)) {
    const read = readSnapshotFile(dir, name, cache);
    issues.push(...read.issues);
    if (read.snapshot) visit(read.snapshot, read.digest);
  }
  return issues;
}

/**
 * The snapshot files under `<root>/snapshots`, in file-name order, each with the hash of its bytes (computed again
 * only for a file that changed since the last build that kept its hash in `cache`): what the snapshots say can be
 * cached under these without reading any of them.
 */
export function snapshotDigests(root: string, { cache = null }: { cache?: PhaseCache | null } = {}): { name: string; digest: string }[] {
  const dir = snapshotsDir(root);
  if (!existsSync(dir) || !staysInside(dir, root)) return [];
  return snapshotNames(dir).map((name) => ({ name, digest: fileDigest(join(dir, name), cache) }));
}

function snapshotNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .toSorted();
}

function fileDigest(file: string, cache: PhaseCache | null): string {
  return hashUntilChanged(`snapshot\0${file}`, [file], () => createHash('sha256').update(readFileSync(file)).digest('base64url'), cache);
}

/** The snapshot of one version, or null when its file is missing or broken. */
export function readSnapshot(root: string, version: string, { cache = null }: { cache?: PhaseCache | null } = {}): Snapshot | null {
  if (checkVersionName(version) !== null || !existsSync(join(snapshotsDir(root), `${version}.json`))) return null;
  return readSnapshotFile(snapshotsDir(root), `${version}.json`, cache).snapshot;
}

/** What a snapshot's parsed form is cached under: the file as messages name it, and the hash of its bytes. */
function snapshotCacheInput(dir: string, name: string, cache: PhaseCache | null): string {
  return `${displayPath(join(dir, name))}\0${fileDigest(join(dir, name), cache)}`;
}

/** The versions whose snapshot has no parsed form in `cache` yet (warm-phase-cache.ts reads them in worker threads). */
export function uncachedSnapshots(root: string, cache: PhaseCache): string[] {
  const dir = snapshotsDir(root);
  if (!existsSync(dir) || !staysInside(dir, root)) return [];
  return snapshotNames(dir)
    .filter((name) => checkVersionName(name.slice(0, -'.json'.length)) === null && !hasCachedText(cache, 'snapshot', snapshotCacheInput(dir, name, cache)))
    .map((name) => name.slice(0, -'.json'.length));
}

function readSnapshotFile(dir: string, name: string, cache: PhaseCache | null): { snapshot: Snapshot | null; issues: Issue[]; digest: string } {
  const path = displayPath(join(dir, name));
  const file = join(dir, name);
  const digest = fileDigest(file, cache);
  // Checking the schema and redacting a big snapshot takes seconds, and a frozen version does not change: cached by
  // the hash of its file (the text is read only when the cache has no entry for it).
  const result = cachedByText(cache, 'snapshot', snapshotCacheInput(dir, name, cache), () => {
    const parsed = parseSnapshot(readFileSync(file, 'utf8'), path);
    // A snapshot frozen before authored text was redacted can still hold a secret; its pages are redacted all the same.
    return { snapshot: parsed.snapshot && redactStrings(parsed.snapshot), issues: parsed.issues };
  });
  if (!result.snapshot) return { snapshot: null, issues: result.issues, digest };
  const expected = name.slice(0, -'.json'.length);
  if (result.snapshot.version !== expected) {
    const issue: Issue = {
      file: path,
      line: 1,
      column: 1,
      severity: 'error',
      message: `The file ${name} holds version ${JSON.stringify(result.snapshot.version)}; a snapshot's file is named after its version.`,
      hint: `Rename the file to ${result.snapshot.version}.json, or freeze ${expected} again with \`cairn snapshot ${expected} --force\`.`,
    };
    return { snapshot: null, issues: [...result.issues, issue], digest };
  }
  return { snapshot: result.snapshot, issues: result.issues, digest };
}

interface WriteResult {
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
  if (invalid)
    return { written: null, issues: [{ ...at, file: displayPath(dir), message: invalid, hint: 'Use a version such as 1.0.0, 2.0.0-rc.1 or 2025.10.26.' }] };
  const replaced = existsSync(target);
  if (replaced && !force)
    return {
      written: null,
      issues: [{ ...at, message: `Version ${snapshot.version} already exists.`, hint: 'Pick a new version, or pass --force to replace it.' }],
    };
  const text = serializeSnapshot(snapshot);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(target, text);
  return { written: { path: displayPath(target), bytes: Buffer.byteLength(text, 'utf8'), replaced }, issues: [] };
}
