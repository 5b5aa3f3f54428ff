import { readSnapshots } from '../core/io/snapshots.ts';
import { contentRoot } from '../core/io/read-package.ts';
import { formatIssue } from '../core/issues.ts';
import { compareVersions, type Snapshot } from '../core/snapshot.ts';

// Snapshots are read through the core once per build: most sites have none, and an empty content collection
// would warn on every page.
let cached: Snapshot[] | null = null;

/** Frozen versions, oldest first. A broken snapshot file is reported once and left out. */
export async function getSnapshots(): Promise<Snapshot[]> {
  if (cached) return cached;
  const { snapshots, issues } = readSnapshots(contentRoot());
  for (const issue of issues) console.warn(formatIssue(issue));
  cached = snapshots.toSorted((a, b) => compareVersions(a.version, b.version));
  return cached;
}

/** The newest frozen version, or null. */
export async function newestVersion(): Promise<string | null> {
  return (await getSnapshots()).at(-1)?.version ?? null;
}
