import { getCollection } from 'astro:content';
import { loadCheckedContent } from '../loaders/load-checked.ts';
import { renderChangelog, renderReleasesChangelog } from '../core/releases/render-changelog.ts';
import { sortReleases } from '../core/releases/merge-releases.ts';

/**
 * /CHANGELOG.md: the input changelog written back in Keep a Changelog form (it round-trips); without one, a changelog
 * made from the notes files.
 */
export async function GET() {
  const { changelog } = loadCheckedContent();
  const text = changelog ? renderChangelog(changelog) : renderReleasesChangelog(sortReleases((await getCollection('releases')).map((entry) => entry.data)));
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
