import { buildPhase } from '../build-phase.ts';
import { sortIssues } from '../issues.ts';
import type { Changelog, Release } from '../releases/schema.ts';
import type { Issue, Phase } from '../schema.ts';
import { readPackages } from './read-package.ts';
import { readReleases } from './read-releases.ts';

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

/**
 * The build's "now", for staleness: CAIRN_AS_OF (ISO 8601), else SOURCE_DATE_EPOCH (seconds), else null, and then
 * the newest hook event of the site is used. No clock: the same inputs always give the same bytes. To have logs that
 * went quiet flagged as stale, pass the real time (CAIRN_AS_OF="$(date -u +%FT%TZ)"), as the deploy workflow does.
 */
export function resolveBuildAsOf(env: Record<string, string | undefined> = process.env): string | null {
  if (env.CAIRN_AS_OF && !Number.isNaN(Date.parse(env.CAIRN_AS_OF))) return new Date(env.CAIRN_AS_OF).toISOString();
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) return new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString();
  return null;
}

/** Reads and builds every phase under the content root. The one entry point for the loaders and the CLI. */
export function loadContent(root: string, asOf: string | null): LoadedContent {
  const { packages, issues } = readPackages(root);
  // Without a given time, the newest hook event anywhere in the site stands for "now" (so nothing is stale).
  const newestEvent = packages.flatMap((files) => files.hooks.map((result) => result.report.newest)).filter((time): time is string => time !== null).toSorted().at(-1);
  const buildAsOf = asOf ?? newestEvent ?? new Date(0).toISOString();
  const releases = readReleases(root);
  issues.push(...releases.issues);
  const phases: Phase[] = [];
  const bodies = new Map<string, string>();
  for (const files of packages) {
    const result = buildPhase(files, { buildAsOf });
    issues.push(...result.issues);
    if (!result.phase) continue;
    phases.push(result.phase);
    for (const [taskId, body] of result.bodies) bodies.set(`${files.phaseId}/${taskId}`, body);
  }
  return { phases, bodies, releases: releases.releases, changelog: releases.changelog, issues: sortIssues(issues) };
}
