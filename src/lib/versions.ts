import { getCollection } from 'astro:content';
import { compareVersions, type Snapshot } from '../core/snapshot.ts';

/** Frozen versions, oldest first. */
export async function getSnapshots(): Promise<Snapshot[]> {
  return (await getCollection('snapshots')).map((entry) => entry.data).toSorted((a, b) => compareVersions(a.version, b.version));
}

/** The newest frozen version, or null. */
export async function newestVersion(): Promise<string | null> {
  return (await getSnapshots()).at(-1)?.version ?? null;
}
