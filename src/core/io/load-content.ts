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
 * The build's "now": CAIRN_AS_OF (ISO 8601), else SOURCE_DATE_EPOCH (seconds), else the clock. Set one of them for
 * byte-identical builds; the clock is only the fallback, read here and nowhere else in the core.
 */
export function resolveBuildAsOf(env: Record<string, string | undefined> = process.env, now: () => Date = () => new Date()): string {
  if (env.CAIRN_AS_OF && !Number.isNaN(Date.parse(env.CAIRN_AS_OF))) return new Date(env.CAIRN_AS_OF).toISOString();
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) return new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString();
  return now().toISOString();
}

/** Reads and builds every phase under the content root. The one entry point for the loaders and the CLI. */
export function loadContent(root: string, buildAsOf: string): LoadedContent {
  const { packages, issues } = readPackages(root);
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
