/**
 * Built phases, cached by the content hash of their files. A coordinator rebuilds every few minutes while agents
 * append to one phase's logs; every other phase is then read back from here instead of re-importing its databases
 * and re-parsing its task files. The key covers every byte under the phase folder, its path, and Cairn's own core
 * code, so a changed input or a new Cairn never reads an old result. The build's "now" is not in the key: a cached
 * phase is unjudged and judged again on every load (build-phase.ts, applyAsOf).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PhaseResult } from '../build-phase.ts';
import { staysInside } from './inside-root.ts';
import { displayPath } from './display-path.ts';
import { writeFileAtomic } from './write-atomic.ts';

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
  const code = hashCode(join(cwd, 'src', 'core'));
  if (code === null) return null;
  return { dir: env.CAIRN_CACHE || join(cwd, 'node_modules', '.cache', 'cairn'), code };
}

/** The core's source files, hashed: a change to how phases are built must not read results of the old code. */
function hashCode(coreDir: string): string | null {
  if (!existsSync(coreDir)) return null;
  const hash = createHash('sha256');
  for (const path of listFiles(coreDir)) hash.update(`${relative(coreDir, path)}\0`).update(readFileSync(path)).update('\0');
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name))
    .toSorted();
}

// Keys already computed in this process, by folder, with the size and time of each file they hashed: warming the
// cache and loading it then hash the folder once.
const known = new Map<string, { stamp: string; key: string }>();

/** The key of a phase folder: the code, the folder as messages name it, and every file's path and bytes. */
export function phaseKey(cache: PhaseCache, dir: string, root: string): string {
  const stamp = `${cache.code}\0${listFiles(dir).map((path) => { const stat = statSync(path, { throwIfNoEntry: false }); return `${path}:${stat?.size}:${stat?.mtimeMs}`; }).join('\n')}`;
  const seen = known.get(dir);
  if (seen?.stamp === stamp) return seen.key;
  const key = hashFolder(cache, dir, root);
  known.set(dir, { stamp, key });
  return key;
}

function hashFolder(cache: PhaseCache, dir: string, root: string): string {
  const hash = createHash('sha256').update(`${cache.code}\0${displayPath(dir)}\0`);
  for (const path of listFiles(dir)) {
    hash.update(`${relative(dir, path)}\0`);
    // A link out of the content root is refused, not read; its target names the refusal.
    if (!staysInside(path, root)) hash.update(`outside:${readlinkSync(path)}`);
    else if (statSync(path).isFile()) hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
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

/** The cached result for `key`, or null. An unreadable entry is a miss (and is rebuilt), never an error. */
export function readCachedPhase(cache: PhaseCache, key: string): PhaseResult | null {
  const path = join(cache.dir, `${key}.json`);
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Stored;
    const now = new Date();
    utimesSync(path, now, now); // used: keep it
    return { phase: stored.phase, bodies: new Map(stored.bodies), issues: stored.issues, eventTimes: stored.eventTimes };
  } catch {
    return null;
  }
}

/** Stores a result. A cache that cannot be written (read-only checkout) only costs time. */
export function writeCachedPhase(cache: PhaseCache, key: string, result: PhaseResult): void {
  const stored: Stored = { phase: result.phase, bodies: [...result.bodies], issues: result.issues, eventTimes: result.eventTimes };
  try {
    mkdirSync(cache.dir, { recursive: true });
    writeFileAtomic(join(cache.dir, `${key}.json`), JSON.stringify(stored));
  } catch {
    // Nothing to do: the next build builds the phase again.
  }
}

/**
 * A value computed from one input, cached under the hash of `input` (the input's text, or a hash of it) and the code:
 * `compute` runs only for an input (or a Cairn) not seen before. Used for frozen versions, which never change once
 * written and are large.
 */
export function cachedByText<T>(cache: PhaseCache | null, kind: string, input: string, compute: () => T): T {
  if (!cache) return compute();
  const key = `${kind}-${createHash('sha256').update(`${cache.code}\0${kind}\0`).update(input).digest('hex')}`;
  const path = join(cache.dir, `${key}.json`);
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as T;
    const now = new Date();
    utimesSync(path, now, now);
    return value;
  } catch {
    const value = compute();
    try {
      mkdirSync(cache.dir, { recursive: true });
      writeFileAtomic(path, JSON.stringify(value));
    } catch {
      // Only costs time.
    }
    return value;
  }
}

/** Removes entries no build has used for a week. */
export function pruneCache(cache: PhaseCache, now = Date.now()): void {
  try {
    for (const entry of readdirSync(cache.dir, { withFileTypes: true })) {
      const path = join(cache.dir, entry.name);
      if (entry.isFile() && now - statSync(path).mtimeMs > UNUSED_FOR_MS) rmSync(path, { force: true });
    }
  } catch {
    // No folder yet, or one being cleaned by another build: nothing to prune.
  }
}
