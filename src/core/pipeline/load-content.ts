import { environmentProblems } from './environment.ts';
import { readingFromEnv } from '../config/reading.ts';
import { applyAsOf, buildPhase, type PhaseResult } from '../model/build-phase.ts';
import { sortIssues } from '../text/issues.ts';
import { linkPhases } from '../model/link-phases.ts';
import type { Changelog, Release } from '../releases/schema.ts';
import type { Issue, Phase, SharedHooks } from '../schema/model.ts';
import type { Clock } from '../schema/package-files.ts';
import { phaseKey, pruneCache, readCachedPhase, writeCachedPhase, type PhaseCache } from './phase-cache.ts';
import { listPackageDirs } from '../io/read-package.ts';
import { readPhaseFiles } from './phase-history.ts';
import { readReleases } from '../io/read-releases.ts';
import { expandHookPatterns } from '../io/hook-patterns.ts';
import { readHookFiles } from '../io/read-hooks.ts';
import { siteClock } from './clock.ts';
import { forgetRepos } from '../io/git.ts';
import { SHALLOW_CLONE } from '../model/history.ts';
import { displayPath } from '../io/display-path.ts';
import { distributeSharedEvents } from '../model/shared-hooks.ts';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export interface LoadedContent {
  phases: Phase[];
  /** The repository-wide hook logs (cairn.config.json's `hooks`) and where their events went; null without any. */
  shared: SharedHooks | null;
  /** Releases from releases/CHANGELOG.md and the notes files, newest first. */
  releases: Release[];
  /** The parsed CHANGELOG.md, when there is one. */
  changelog: Changelog | null;
  /** Markdown body of each task, keyed by `${phaseId}/${taskId}`. */
  bodies: Map<string, string>;
  /** The time every phase was judged at, and where it came from. */
  clock: Clock;
  issues: Issue[];
}

interface LoadOptions {
  /** Where built phases are kept between runs (io/phase-cache.ts); none by default. */
  cache?: PhaseCache | null;
  /** Repository-wide hook logs read for every phase: absolute paths or globs (CAIRN_HOOKS, from the config's `hooks`). */
  hooks?: readonly string[];
  /** The config that named them, for messages about them. */
  configFile?: string | null;
  /** Where the hook logs were named, when not by the config's `hooks` (CAIRN_HOOKS_FROM): said on the data-quality page. */
  hooksFrom?: string | null;
}

/** The repository-wide hook logs the `cairn` command passes on (CAIRN_HOOKS: a JSON list of absolute paths or globs). */
export function sharedHookPatterns(env: Record<string, string | undefined> = process.env): string[] {
  if (!env.CAIRN_HOOKS) return [];
  const list: unknown = JSON.parse(env.CAIRN_HOOKS);
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The build's "now", for staleness: CAIRN_AS_OF (ISO 8601), else SOURCE_DATE_EPOCH (seconds), else null, and then
 * the newest hook event of the site is used. No clock: the same inputs always give the same bytes. To have logs that
 * went quiet flagged as stale, pass the real time (CAIRN_AS_OF="$(date -u +%FT%TZ)"), as the deploy workflow does.
 */
export function resolveBuildAsOf(env: Record<string, string | undefined> = process.env): string | null {
  if (env.CAIRN_AS_OF && !Number.isNaN(Date.parse(env.CAIRN_AS_OF))) return new Date(env.CAIRN_AS_OF).toISOString();
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) && !environmentProblems({ SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH }).length)
    return new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString();
  return null;
}

/**
 * Reads and builds every phase under the content root. The one entry point for the loaders and the CLI. Phases are
 * read one at a time and only their model is kept, so a phase's raw hook rows are gone before the next is read.
 */
export function loadContent(
  root: string,
  asOf: string | null,
  {
    cache = null,
    hooks = sharedHookPatterns(),
    configFile = process.env.CAIRN_CONFIG ?? null,
    hooksFrom = process.env.CAIRN_HOOKS_FROM ?? null,
  }: LoadOptions = {},
): LoadedContent {
  // A commit made since the last read (`cairn dev` reads again and again) is seen.
  forgetRepos();
  const { dirs, issues } = listPackageDirs(root);
  const releases = readReleases(root);
  issues.push(...releases.issues);
  const unjudged: { dir: string; phaseId: string; part?: string; key: string | null; result: PhaseResult }[] = [];
  for (const { dir, phaseId, part } of dirs) {
    const key = cache ? phaseKey(cache, dir, root, part) : null;
    let result = cache && key ? readCachedPhase(cache, key) : null;
    if (!result) {
      result = buildPhase(readPhaseFiles(dir, phaseId, root, part, cache), { buildAsOf: null, reading: readingFromEnv() });
      if (cache && key) writeCachedPhase(cache, key, result);
    }
    unjudged.push({ dir, phaseId, part, key, result });
  }
  const shared = hooks.length > 0 ? withSharedHooks(unjudged, hooks, configFile, root, cache, issues) : null;
  if (shared && hooksFrom) shared.warnings.unshift(hooksFrom);
  // Judged now when the time is known, so the event times need not be kept.
  const built = unjudged.map(({ result }) =>
    asOf === null || !result.phase ? result : { ...result, phase: applyAsOf(result.phase, result.eventTimes, asOf), eventTimes: [] },
  );
  if (cache) pruneCache(cache);
  // The site's "now" (pipeline/clock.ts): the given time, else the commit being built, else the clock; never before
  // the newest evidence read.
  const clock = siteClock(
    asOf,
    built
      .flatMap((result) => [result.phase?.dataQuality.newestEvent ?? null, result.phase?.dataQuality.history?.last.time ?? null])
      .filter((time): time is string => time !== null)
      .toSorted()
      .at(-1) ?? null,
    root,
  );
  const buildAsOf = clock.time;
  if (built.some((result) => result.phase?.dataQuality.history?.shallow))
    issues.push({ file: displayPath(root), line: 1, column: 1, severity: 'warning', message: SHALLOW_CLONE });
  const phases: Phase[] = [];
  const bodies = new Map<string, string>();
  for (const result of built) {
    issues.push(...result.issues);
    if (!result.phase) continue;
    phases.push(asOf === null ? applyAsOf(result.phase, [], buildAsOf) : result.phase);
    for (const [taskId, body] of result.bodies) bodies.set(`${result.phase.id}/${taskId}`, body);
  }
  const linked = linkPhases(phases);
  issues.push(...linked.issues);
  return { phases: linked.phases, shared, bodies, releases: releases.releases, changelog: releases.changelog, clock, issues: sortIssues(issues) };
}

/**
 * Reads the repository-wide hook logs once, shares their events out to the phases (model/shared-hooks.ts), and builds
 * again each phase that got some, with its own logs and its share. A phase's build with a share is cached under its
 * own key, the logs' sizes and times and the events it got, so an unchanged store costs no phase build next time.
 */
function withSharedHooks(
  phases: { dir: string; phaseId: string; part?: string; key: string | null; result: PhaseResult }[],
  patterns: readonly string[],
  configFile: string | null,
  root: string,
  cache: PhaseCache | null,
  issues: Issue[],
): SharedHooks {
  const { files, issues: missing } = expandHookPatterns(patterns, configFile);
  issues.push(...missing);
  // Named from the config's folder (the repository root): ".swarm/memory.db", wherever the build runs from.
  const base = configFile ? dirname(configFile) : process.cwd();
  const imports = readHookFiles(files, null, (file) => relative(base, file).split('\\').join('/'));
  const built = phases.flatMap(({ result }) => (result.phase ? [{ id: result.phase.id, tasks: result.phase.tasks }] : []));
  const { byPhase, shared } = distributeSharedEvents(built, imports);
  const stamp = createHash('sha256')
    .update(JSON.stringify(files.map((file) => [file, statSync(file).size, statSync(file).mtimeMs])))
    .digest('hex');
  for (const entry of phases) {
    const slices = entry.result.phase ? byPhase.get(entry.result.phase.id) : undefined;
    if (!slices) continue;
    // The phase's files, the logs' sizes and times, and which events it got (another phase's tasks can change that).
    const key =
      cache && entry.key
        ? slices
            .reduce(
              (hash, slice) => slice.events.reduce((inner, event) => inner.update(`\0${event.id}`), hash),
              createHash('sha256').update(`${entry.key}\0${stamp}`),
            )
            .digest('hex')
        : null;
    let result = cache && key ? readCachedPhase(cache, key) : null;
    if (!result) {
      const files = readPhaseFiles(entry.dir, entry.phaseId, root, entry.part, cache);
      result = buildPhase({ ...files, hooks: [...files.hooks, ...slices] }, { buildAsOf: null, reading: readingFromEnv() });
      if (cache && key) writeCachedPhase(cache, key, result);
    }
    entry.result = result;
  }
  return shared;
}
