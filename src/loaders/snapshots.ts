import type { Loader } from 'astro/loaders';
import { readSnapshots } from '../core/io/snapshots.ts';
import { contentRoot } from '../core/io/read-package.ts';
import { formatIssue } from '../core/issues.ts';
import { compareVersions } from '../core/snapshot.ts';

/** One entry per frozen version in <content>/snapshots/, oldest first. A broken snapshot file is a warning. */
export function snapshotsLoader(): Loader {
  return {
    name: 'cairn-snapshots',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { snapshots, issues } = readSnapshots(contentRoot());
      for (const issue of issues) logger.warn(formatIssue(issue));
      store.clear();
      for (const snapshot of snapshots.toSorted((a, b) => compareVersions(a.version, b.version))) {
        const data = await parseData({ id: snapshot.version, data: snapshot });
        store.set({ id: snapshot.version, data, digest: generateDigest(data) });
      }
    },
  };
}
