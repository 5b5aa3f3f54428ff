import { environmentProblems } from './environment.ts';
import { applyAsOf, buildPhase, type PhaseResult } from '../model/build-phase.ts';
import { sortIssues } from '../text/issues.ts';
import { linkPhases } from '../model/link-phases.ts';
import type { Changelog, Release } from '../releases/schema.ts';
import type { Issue, Phase } from '../schema/model.ts';
import { phaseKey, pruneCache, readCachedPhase, writeCachedPhase, type PhaseCache } from './phase-cache.ts';
import { listPackageDirs, readPackage } from '../io/read-package.ts';
import { readReleases } from '../io/read-releases.ts';

export interface LoadedContent {
  phases: Phase[];
  /** Releases from releases/CHANGELOG.md and the notes files, newest first. */
  releases: Release[];
  /** The parsed CHANGELOG.md, when there is one. */
  changelog: Changelog | null;
  /** Markdown body of each task, keyed by `${phaseId}/${taskId}`. */
  bodies: Map<string, string>;
  issues: Issue[];
}

export interface LoadOptions {
  /** Where built phases are kept between runs (io/phase-cache.ts); none by default. */
  cache?: PhaseCache | null;
}

/**
 * The build's "now", for staleness: CAIRN_AS_OF (ISO 8601), else SOURCE_DATE_EPOCH (seconds), else null, and then
 * the newest hook event of the site is used. No clock: the same inputs always give the same bytes. To have logs that
 * went quiet flagged as stale, pass the real time (CAIRN_AS_OF="$(date -u +%FT%TZ)"), as the deploy workflow does.
 */
export function resolveBuildAsOf(env: Record<string, string | undefined> = process.env): string | null {
  if (env.CAIRN_AS_OF && !Number.isNaN(Date.parse(env.CAIRN_AS_OF))) return new Date(env.CAIRN_AS_OF).toISOString();
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) && !environmentProblems({ SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH }).length) return new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString();
  return null;
}

/**
 * Reads and builds every phase under the content root. The one entry point for the loaders and the CLI. Phases are
 * read one at a time and only their model is kept, so a phase's raw hook rows are gone before the next is read.
 */
export function loadContent(root: string, asOf: string | null, { cache = null }: LoadOptions = {}): LoadedContent {
  const { dirs, issues } = listPackageDirs(root);
  const releases = readReleases(root);
  issues.push(...releases.issues);
  const built: PhaseResult[] = [];
  for (const { dir, phaseId } of dirs) {
    const key = cache ? phaseKey(cache, dir, root) : null;
    let result = cache && key ? readCachedPhase(cache, key) : null;
    if (!result) {
      result = buildPhase(readPackage(dir, phaseId, root), { buildAsOf: null });
      if (cache && key) writeCachedPhase(cache, key, result);
    }
    // Judged now when the time is known, so the event times need not be kept.
    built.push(asOf === null || !result.phase ? result : { ...result, phase: applyAsOf(result.phase, result.eventTimes, asOf), eventTimes: [] });
  }
  if (cache) pruneCache(cache);
  // Without a given time, the newest hook event anywhere in the site stands for "now": nothing is after it, and a
  // phase is stale when its own newest event is more than a day older than the site's.
  const buildAsOf = asOf ?? built.map((result) => result.phase?.dataQuality.newestEvent ?? null).filter((time): time is string => time !== null).toSorted().at(-1) ?? new Date(0).toISOString();
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
  return { phases: linked.phases, bodies, releases: releases.releases, changelog: releases.changelog, issues: sortIssues(issues) };
}
