/**
 * Built phases, cached by the content hash of their files. A coordinator rebuilds every few minutes while agents
 * append to one phase's logs; every other phase is then read back from here instead of re-importing its databases
 * and re-parsing its task files. The key covers every byte under the phase folder, its path, and Cairn's own core
 * code, so a changed input or a new Cairn never reads an old result. The build's "now" is not in the key: a cached
 * phase is unjudged and judged again on every load (build-phase.ts, applyAsOf).
 */
import { historySignature } from './phase-history.ts';
import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PhaseResult } from '../model/build-phase.ts';
import { staysInside } from '../io/inside-root.ts';
import { displayPath } from '../io/display-path.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';

/** An entry not used for this long is removed, so the folder does not grow without end. */
const UNUSED_FOR_MS = 7 * 24 * 60 * 60 * 1000;

export interface PhaseCache {
  dir: string;
  /** Hash of the code that builds phases: part of every key. */
  code: string;
}

/**
 * The cache of this checkout: CAIRN_CACHE names the folder ("off" turns caching off), else
 * node_modules/.cache/cairn. Null when off, or when the core's source is not where the key can hash it.
 */
export function openPhaseCache(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): PhaseCache | null {
  if (env.CAIRN_CACHE === 'off') return null;
  // The core's source is in Cairn's folder: the working folder in a checkout, CAIRN_ROOT for the `cairn` command.
  const coreCode = coreCodeHash(env, cwd);
  if (coreCode === null) return null;
  // The team's reading rules change what a phase is built into, so they are part of every key as the code is.
  const code = env.CAIRN_READING ? createHash('sha256').update(`${coreCode}\0${env.CAIRN_READING}`).digest('hex') : coreCode;
  return { dir: env.CAIRN_CACHE || join(cwd, 'node_modules', '.cache', 'cairn'), code };
}

/** The hash of the core's code in Cairn's folder (as openPhaseCache finds it), or null when the source is not there. */
function coreCodeHash(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string | null {
  return hashCode(join(env.CAIRN_ROOT || cwd, 'src', 'core'));
}

const codeHashes = new Map<string, string | null>();

/** The core's source files, hashed (once per process): a change to how phases are built must not read results of the old code. */
function hashCode(coreDir: string): string | null {
  if (!codeHashes.has(coreDir)) codeHashes.set(coreDir, computeCodeHash(coreDir));
  return codeHashes.get(coreDir)!;
}

function computeCodeHash(coreDir: string): string | null {
  if (!existsSync(coreDir)) return null;
  const hash = createHash('sha256');
  for (const path of listFiles(coreDir))
    hash
      .update(`${relative(coreDir, path)}\0`)
      .update(readFileSync(path))
      .update('\0');
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name))
    .toSorted();
}

/** A file's stat, or null when it cannot be had (gone, or a link that leads in a circle). */
function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

// Hashes already computed, with the stat of each file they covered: in this process, and kept in the cache folder
// between builds (file-hashes.json), so a build hashes only the files that changed since the last one.
const hashed = new Map<string, { stamp: string; hash: string }>();
const HASHES_FILE = 'file-hashes.json';
let hashesFrom: string | null = null;
let hashesChanged = false;

/**
 * What says a file changed without reading it: its inode, size, modification and change times. The change time is set
 * by the system on every write and cannot be set back, so a tool that restores an old modification time (cp -p, an
 * archive) still shows as a change.
 */
function stampOf(path: string): string {
  const stat = statOrNull(path);
  return stat ? `${path}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : `${path}:gone`;
}

/** Reads the hashes kept in the cache folder (once per process and folder). */
function loadHashes(cache: PhaseCache): void {
  if (hashesFrom === cache.dir) return;
  hashesFrom = cache.dir;
  try {
    const kept = JSON.parse(readFileSync(join(cache.dir, HASHES_FILE), 'utf8')) as { code: string; entries: [string, { stamp: string; hash: string }][] };
    // Keys hold the code's hash; hashes of another Cairn's keys would only take room.
    if (kept.code === cache.code) for (const [id, entry] of kept.entries) if (!hashed.has(id)) hashed.set(id, entry);
  } catch {
    // None yet, or unreadable: every file is hashed once.
  }
}

/** Keeps this process's hashes in the cache folder for the next build, when any was computed. */
export function saveHashes(cache: PhaseCache | null): void {
  if (!cache || !hashesChanged) return;
  hashesChanged = false;
  try {
    mkdirSync(cache.dir, { recursive: true });
    writeFileAtomic(join(cache.dir, HASHES_FILE), JSON.stringify({ code: cache.code, entries: [...hashed] }));
  } catch {
    // A read-only cache only costs time.
  }
}

/**
 * `compute`'s hash of `files`, computed again only when one of them changed (stampOf) since the last call with this
 * `id`, in this process or, with a cache, in an earlier build. Warming the cache and loading it hash a phase folder
 * once; a rebuild after one new event hashes that phase's files and no other; the pages read the same snapshots
 * again and again, and hashing hundreds of megabytes each time would cost more than the rest.
 */
export function hashUntilChanged(id: string, files: readonly string[], compute: () => string, cache: PhaseCache | null = null): string {
  if (cache) loadHashes(cache);
  const stamp = files.map(stampOf).join('\n');
  const seen = hashed.get(id);
  if (seen?.stamp === stamp) return seen.hash;
  const hash = compute();
  hashed.set(id, { stamp, hash });
  hashesChanged = true;
  return hash;
}

/**
 * The key of a phase folder: the code, the folder as messages name it, the part of its task list that is the phase
 * (a Taskmaster tag: one folder, a phase per tag), and every file's path and bytes.
 */
export function phaseKey(cache: PhaseCache, dir: string, root: string, part?: string): string {
  const files = listFiles(dir);
  const of = part === undefined ? '' : `\0${part}`;
  const key = hashUntilChanged(`phase\0${cache.code}\0${dir}${of}`, files, () => hashFolder(cache, dir, root, files, of), cache);
  // The same files read with another history (a new commit of the folder, a deeper clone) give other dates.
  const history = historySignature(dir, root);
  return history === '' ? key : createHash('sha256').update(`${key}\0${history}`).digest('hex');
}

function hashFolder(cache: PhaseCache, dir: string, root: string, files: readonly string[], of = ''): string {
  const hash = createHash('sha256').update(`${cache.code}\0${displayPath(dir)}${of}\0`);
  for (const path of files) {
    hash.update(`${relative(dir, path)}\0`);
    // A link out of the content root is refused, not read; its target names the refusal.
    if (!staysInside(path, root)) hash.update(`outside:${readlinkSync(path)}`);
    else if (statOrNull(path)?.isFile()) hashFile(hash, path);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Adds a file's bytes to `hash`, a megabyte at a time: a hook log can be gigabytes, more than one Buffer holds. */
function hashFile(hash: Hash, path: string): void {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

interface Stored {
  phase: PhaseResult['phase'];
  bodies: [string, string][];
  issues: PhaseResult['issues'];
  eventTimes: string[];
}

/** Whether `key` has an entry (it may still turn out unreadable). */
export function hasCachedPhase(cache: PhaseCache, key: string): boolean {
  return existsSync(join(cache.dir, `${key}.json`));
}

/** The entry `key`, marked as used; null when there is none or it cannot be read (a miss, never an error). */
function readEntry<T>(cache: PhaseCache, key: string): T | null {
  const path = join(cache.dir, `${key}.json`);
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as T;
    const now = new Date();
    utimesSync(path, now, now); // used: keep it
    return value;
  } catch {
    return null;
  }
}

/** Stores an entry. A cache that cannot be written (read-only checkout) only costs time: the next build computes it again. */
function writeEntry(cache: PhaseCache, key: string, value: unknown): void {
  try {
    mkdirSync(cache.dir, { recursive: true });
    writeFileAtomic(join(cache.dir, `${key}.json`), JSON.stringify(value));
  } catch {
    // Nothing to do.
  }
}

/** The cached result for `key`, or null. */
export function readCachedPhase(cache: PhaseCache, key: string): PhaseResult | null {
  const stored = readEntry<Stored>(cache, key);
  return stored && { phase: stored.phase, bodies: new Map(stored.bodies), issues: stored.issues, eventTimes: stored.eventTimes };
}

/** Stores a built phase. */
export function writeCachedPhase(cache: PhaseCache, key: string, result: PhaseResult): void {
  const stored: Stored = { phase: result.phase, bodies: [...result.bodies], issues: result.issues, eventTimes: result.eventTimes };
  writeEntry(cache, key, stored);
}

function textKey(cache: PhaseCache, kind: string, input: string): string {
  return `${kind}-${createHash('sha256').update(`${cache.code}\0${kind}\0`).update(input).digest('hex')}`;
}

/** Whether cachedByText has a value for this input (it may still turn out unreadable). */
export function hasCachedText(cache: PhaseCache, kind: string, input: string): boolean {
  return existsSync(join(cache.dir, `${textKey(cache, kind, input)}.json`));
}

/**
 * A value computed from one input, cached under the hash of `input` (the input's text, or a hash of it) and the code:
 * `compute` runs only for an input (or a Cairn) not seen before. Used for frozen versions, which never change once
 * written and are large.
 */
export function cachedByText<T>(cache: PhaseCache | null, kind: string, input: string, compute: () => T): T {
  if (!cache) return compute();
  const key = textKey(cache, kind, input);
  const cached = readEntry<T>(cache, key);
  if (cached !== null) return cached;
  const value = compute();
  writeEntry(cache, key, value);
  return value;
}

/**
 * A value computed from `input` and kept in one entry per `group`, which the next input replaces: for values that
 * follow inputs that change on every build (a phase's pages' keys follow its judged state), so the cache holds one
 * entry per group, not one per input seen in a week.
 */
export function cachedForGroup<T>(cache: PhaseCache | null, kind: string, group: string, input: string, compute: () => T): T {
  if (!cache) return compute();
  const key = textKey(cache, kind, group);
  const stored = readEntry<{ input: string; value: T }>(cache, key);
  if (stored !== null && stored.input === input) return stored.value;
  const value = compute();
  writeEntry(cache, key, { input, value });
  return value;
}

/** The value last kept for `group` (writeGroup), whatever input it was made from; null without one. */
export function readGroup<T>(cache: PhaseCache | null, kind: string, group: string): T | null {
  return cache ? readEntry<T>(cache, textKey(cache, kind, group)) : null;
}

/** Keeps `value` as the one entry of `group`, replacing the one before. */
export function writeGroup(cache: PhaseCache | null, kind: string, group: string, value: unknown): void {
  if (cache) writeEntry(cache, textKey(cache, kind, group), value);
}

/** Removes entries no build has used for a week, and keeps the hashes computed so far. */
export function pruneCache(cache: PhaseCache, now = Date.now()): void {
  saveHashes(cache);
  try {
    for (const entry of readdirSync(cache.dir, { withFileTypes: true })) {
      const path = join(cache.dir, entry.name);
      if (entry.isFile() && entry.name !== HASHES_FILE && now - statSync(path).mtimeMs > UNUSED_FOR_MS) rmSync(path, { force: true });
    }
  } catch {
    // No folder yet, or one being cleaned by another build: nothing to prune.
  }
}
