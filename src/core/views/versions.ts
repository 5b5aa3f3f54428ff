/** The versions index and each frozen version's page. */
import { formatTimestamp } from '../format/format.ts';
import { diffSnapshots } from '../versions/diff.ts';
import type { Snapshot } from '../versions/snapshot.ts';
import type { VersionInfo } from '../versions/site.ts';
import { commitLabel } from '../model/history.ts';
import { buildChangesView, type ChangesView } from './changes.ts';
import { phaseListItem, type PhaseListItem } from './home.ts';

interface VersionRow {
  version: string;
  frozenAt: string;
  phases: string;
  /** Changes since the previous version, or an em dash for the first. */
  changes: string;
  /** What the version was made from: its tag and commit, or its file in snapshots/. */
  source: string;
}

export interface VersionsIndexView {
  asOf: string | null;
  /** Newest first. */
  rows: VersionRow[];
}

/** `versions` oldest first; `changeCounts[i]` the number of changes from version i-1 to i (null for the first). */
export function buildVersionsIndexView(
  versions: readonly { version: string; frozenAt: string; phases: readonly { id: string }[]; tag?: VersionInfo['tag'] }[],
  changeCounts: readonly (number | null)[],
): VersionsIndexView {
  return {
    asOf: versions.at(-1)?.frozenAt ?? null,
    rows: versions
      .map((info, index) => ({
        version: info.version,
        frozenAt: formatTimestamp(info.frozenAt),
        phases: info.phases.map((phase) => phase.id).join(', '),
        changes: String(changeCounts[index] ?? '—'),
        source: info.tag ? `tag ${info.tag.name} (${commitLabel(info.tag.commit)})` : `snapshots/${info.version}.json`,
      }))
      .toReversed(),
  };
}

export interface VersionPageView {
  version: string;
  frozenAt: string;
  previous: string | null;
  next: string | null;
  phases: PhaseListItem[];
  /** Changes since the previous version; null for the first. */
  changes: ChangesView | null;
  releases: string[];
}

export function buildVersionPageView(snapshot: Snapshot, previous: Snapshot | null, next: string | null): VersionPageView {
  return {
    version: snapshot.version,
    frozenAt: snapshot.frozenAt,
    previous: previous?.version ?? null,
    next,
    phases: snapshot.phases.map(phaseListItem),
    changes: previous ? buildChangesView(diffSnapshots(previous, snapshot)) : null,
    releases: snapshot.releases,
  };
}
