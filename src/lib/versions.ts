/**
 * Frozen versions for the pages. A big site's versions are hundreds of megabytes, so the build keeps only an index of
 * them (version, time, and each phase's title, status and progress) and reads a whole snapshot when a page shows it;
 * the pages of one version render one after another, so the few read last are kept at hand.
 */
import { cachedByText, openPhaseCache, saveHashes } from '../core/pipeline/phase-cache.ts';
import { readSnapshot, snapshotDigests, visitSnapshots } from '../core/pipeline/snapshots.ts';
import { contentRoot } from '../core/io/read-package.ts';
import { formatIssue } from '../core/text/issues.ts';
import type { TaskStatus } from '../core/schema/model.ts';
import { compareVersions, type Snapshot } from '../core/versions/snapshot.ts';
import { countChanges, diffSnapshots } from '../core/versions/diff.ts';
import { scopeOf, type ProgressPoint } from '../core/views/charts.ts';

export interface VersionInfo {
  version: string;
  frozenAt: string;
  /** Hash of the snapshot file: what a page of this version shows changes only with it. */
  digest: string;
  phases: { id: string; title: string; status: TaskStatus; progress: number; tasks: number; scope: { tasks: number; days: number | null }; metrics: Record<string, number | string | null> }[];
}

let index: VersionInfo[] | null = null;

/**
 * Frozen versions, oldest first. A broken snapshot file is reported once and left out. The index is cached under the
 * hashes of the snapshot files, so a build whose versions did not change reads none of them to make it.
 */
export async function getVersions(): Promise<VersionInfo[]> {
  if (index) return index;
  const root = contentRoot();
  const cache = openPhaseCache();
  const made = cachedByText(cache, 'version-index', JSON.stringify(snapshotDigests(root, { cache })), () => {
    const found: VersionInfo[] = [];
    const issues = visitSnapshots(root, { cache }, (snapshot, digest) => {
      found.push({ version: snapshot.version, frozenAt: snapshot.frozenAt, digest, phases: snapshot.phases.map(({ id, title, status, progress, tasks, metrics }) => ({ id, title, status, progress, tasks: tasks.length, scope: scopeOf(tasks), metrics: Object.fromEntries(metrics.map((metric) => [metric.key, metric.achieved?.raw ?? null])) })) });
    });
    return { versions: found.toSorted((a, b) => compareVersions(a.version, b.version)), issues };
  });
  saveHashes(cache);
  for (const issue of made.issues) console.warn(formatIssue(issue));
  index = made.versions;
  return index;
}

const recent: Snapshot[] = [];

/** The whole snapshot of a version in the index. */
export async function getSnapshot(version: string): Promise<Snapshot> {
  return snapshotOf(version);
}

function snapshotOf(version: string): Snapshot {
  const hit = recent.find((snapshot) => snapshot.version === version);
  if (hit) return hit;
  const snapshot = readSnapshot(contentRoot(), version, { cache: openPhaseCache() });
  if (!snapshot) throw new Error(`The snapshot of version ${version} could not be read again; it changed during the build.`);
  recent.unshift(snapshot);
  recent.splice(3);
  return snapshot;
}

/** The newest frozen version, or null. */
export async function newestVersion(): Promise<string | null> {
  return (await getVersions()).at(-1)?.version ?? null;
}

/** A phase in each frozen version that has it: progress, task count and metric values (burn-up and trends). */
export async function phaseHistory(phaseId: string): Promise<ProgressPoint[]> {
  return (await getVersions()).flatMap((info) => info.phases.filter((phase) => phase.id === phaseId).map((phase) => ({ version: info.version, frozenAt: info.frozenAt, progress: phase.progress, tasks: phase.tasks, scope: phase.scope, metrics: phase.metrics })));
}

/**
 * How many changes each version brings over the one before it (null for the first), oldest first. Versions are
 * compared one pair at a time: a big site's snapshots are too large to hold all at once.
 */
export async function changeCounts(): Promise<(number | null)[]> {
  const versions = await getVersions();
  const counts: (number | null)[] = [];
  for (const [index, info] of versions.entries()) {
    const before = versions[index - 1];
    // Cached under both files' hashes: two frozen versions never change, so neither does what changed between them.
    counts.push(before ? cachedByText(openPhaseCache(), 'version-changes', `${before.digest}\0${info.digest}`, () => countChanges(diffSnapshots(snapshotOf(before.version), snapshotOf(info.version))).total) : null);
  }
  return counts;
}

