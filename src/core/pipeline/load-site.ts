/**
 * The whole site, read once: every phase (with its long lists), the releases and the changelog, the repository's hook
 * logs, the frozen versions (an index, each snapshot read when a page shows it) and the problems. What the route
 * table (views/routes.ts) turns into pages; nothing else is read by a page.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../schema/model.ts';
import type { Site, VersionInfo } from '../versions/site.ts';
export type { Site, VersionInfo } from '../versions/site.ts';
import { relativeToRoot } from '../io/root-relative.ts';
import { expandHookPatterns } from '../io/hook-patterns.ts';
import { loadContent, sharedHookPatterns } from './load-content.ts';
import { cachedByText, saveHashes, type PhaseCache } from './phase-cache.ts';
import { readSnapshot, snapshotDigests, visitSnapshots } from './snapshots.ts';
import { compareVersions, type Snapshot } from '../versions/snapshot.ts';
import { countChanges, diffSnapshots } from '../versions/diff.ts';
import { scopeOf } from '../model/schedule.ts';
import { simulationOf } from '../model/judge.ts';
import { tagSnapshot, tagVersions, type TagVersion } from './tag-versions.ts';

interface SiteOptions {
  root: string;
  /** The build's "now" (CAIRN_AS_OF, SOURCE_DATE_EPOCH), or null. */
  asOf: string | null;
  cache: PhaseCache | null;
  name: string;
}

/** Reads the site under `root`. Problems are returned in `issues`, never thrown. */
export function loadSite({ root, asOf, cache, name }: SiteOptions): Site {
  const loaded = loadContent(root, asOf, { cache });
  // The site shows paths from the content root, never the build machine's folders.
  const content = relativeToRoot(loaded, root);
  const tagged = tagVersions(root);
  const { versions, issues } = versionIndex(root, cache, tagged);
  const recent: Snapshot[] = [];
  const snapshot = (version: string): Snapshot => {
    const hit = recent.find((frozen) => frozen.version === version);
    if (hit) return hit;
    const info = versions.find((candidate) => candidate.version === version);
    const tag = info?.tag ? tagged.find((candidate) => candidate.tag === info.tag!.name) : undefined;
    const read = tag ? tagSnapshot(root, tag, cache) : readSnapshot(root, version, { cache });
    if (!read) throw new Error(`The snapshot of version ${version} could not be read again; it changed during the build.`);
    // The pages of one version render one after another: the few read last are kept at hand.
    recent.unshift(read);
    recent.splice(3);
    return read;
  };
  return {
    name,
    phases: content.phases,
    bodies: content.bodies,
    releases: content.releases,
    changelog: content.changelog,
    shared: content.shared,
    versions,
    changeCounts: changeCounts(versions, cache, snapshot),
    snapshot,
    clock: content.clock,
    issues: [...content.issues, ...issues],
  };
}

/**
 * Frozen versions, oldest first: the snapshot files, and the tagged versions no file freezes (pipeline/tag-versions.ts).
 * A broken snapshot file is reported and left out. The index is cached under the hashes of the snapshot files and the
 * tags' commits, so a build whose versions did not change reads none of them to make it.
 */
function versionIndex(root: string, cache: PhaseCache | null, tagged: readonly TagVersion[]): { versions: VersionInfo[]; issues: Issue[] } {
  const inputs = { files: snapshotDigests(root, { cache }), tags: tagged.map(({ tag, commit }) => [tag, commit.hash]) };
  const made = cachedByText(cache, 'version-index', JSON.stringify(inputs), () => {
    const found: VersionInfo[] = [];
    const issues = visitSnapshots(root, { cache }, (snapshot, digest) => found.push(versionInfo(snapshot, digest, null)));
    for (const tag of tagged) {
      if (found.some((info) => info.version === tag.version)) continue;
      found.push(versionInfo(tagSnapshot(root, tag, cache), `tag:${tag.commit.hash}`, { name: tag.tag, commit: tag.commit }));
    }
    return { versions: found.toSorted((a, b) => compareVersions(a.version, b.version)), issues };
  });
  if (cache) saveHashes(cache);
  return made;
}

/** What the versions index keeps of a frozen version: its phases' summary, without their tasks. */
function versionInfo(snapshot: Snapshot, digest: string, tag: VersionInfo['tag']): VersionInfo {
  return {
    version: snapshot.version,
    frozenAt: snapshot.frozenAt,
    digest,
    tag,
    phases: snapshot.phases.map((phase) => {
      const { id, title, status, progress, tasks, metrics } = phase;
      // A version frozen before the simulation existed gets the one it would have made, at its own time.
      const simulation = phase.simulation ?? simulationOf({ ...phase, buildAsOf: snapshot.frozenAt });
      return {
        id,
        title,
        status,
        progress,
        tasks: tasks.length,
        scope: scopeOf(tasks),
        metrics: Object.fromEntries(metrics.map((metric) => [metric.key, metric.achieved?.raw ?? null])),
        simulation: simulation && { p50: simulation.p50, p85: simulation.p85, p95: simulation.p95 },
      };
    }),
  };
}

/**
 * How many changes each version brings over the one before it, compared one pair at a time (a big site's snapshots
 * are too large to hold all at once), cached under both files' hashes: two frozen versions never change.
 */
function changeCounts(versions: readonly VersionInfo[], cache: PhaseCache | null, snapshot: (version: string) => Snapshot): (number | null)[] {
  return versions.map((info, index) => {
    const before = versions[index - 1];
    return before
      ? cachedByText(
          cache,
          'version-changes',
          `${before.digest}\0${info.digest}`,
          () => countChanges(diffSnapshots(snapshot(before.version), snapshot(info.version))).total,
        )
      : null;
  });
}

/**
 * What the site is read from, as a text that changes when any input does (each file's size and time under the content
 * root, and the repository's hook logs): `cairn dev` reads the site again only when it changed.
 */
export function siteFingerprint(root: string, env: Record<string, string | undefined> = process.env): string {
  const files = (() => {
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = join(entry.parentPath, entry.name);
          const stat = statSync(path);
          return `${path}:${stat.size}:${stat.mtimeMs}`;
        })
        .toSorted()
        .join('\n');
    } catch {
      return '';
    }
  })();
  const shared = expandHookPatterns(sharedHookPatterns(env), null)
    .files.map((file) => `${file}:${statSync(file).size}:${statSync(file).mtimeMs}`)
    .join('\n');
  return `${root}\n${files}\n${shared}`;
}
