import { getCollection } from 'astro:content';
import { contentRoot } from '../core/io/read-package.ts';
import { readReleases } from '../core/io/read-releases.ts';
import { renderChangelog, renderReleasesChangelog } from '../core/releases/render-changelog.ts';
import { sortReleases } from '../core/releases/merge-releases.ts';

/**
 * /CHANGELOG.md: the input changelog written back in Keep a Changelog form (it round-trips); without one, a changelog
 * made from the notes files.
 */
export async function GET() {
  // Only the releases are read (the build stopped earlier if they had errors), not the whole content again.
  const { changelog } = readReleases(contentRoot());
  const text = changelog ? renderChangelog(changelog) : renderReleasesChangelog(sortReleases((await getCollection('releases')).map((entry) => entry.data)));
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
