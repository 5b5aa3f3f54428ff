/** /CHANGELOG.md: the input changelog written back in Keep a Changelog form (it round-trips); without one, a changelog made from the notes files. */
import { sortReleases } from '../releases/merge-releases.ts';
import { renderChangelog, renderReleasesChangelog } from '../releases/render-changelog.ts';
import type { Changelog, Release } from '../releases/schema.ts';

export function buildChangelogText(changelog: Changelog | null, releases: readonly Release[]): string {
  return changelog ? renderChangelog(changelog) : renderReleasesChangelog(sortReleases(releases));
}
