import type { Loader } from 'astro/loaders';
import type { Release } from '../core/releases/schema.ts';
import { releaseId } from '../core/releases/merge-releases.ts';
import { sanitizeHtml } from '../core/markdown/sanitize-html.ts';
import { withEmptyFrontmatter } from '../core/markdown/frontmatter.ts';
import { contentLoader } from './load-checked.ts';


/** A release's changes as Markdown, one "## Added" block per section (the page's h1 is the version). */
function sectionsMarkdown(release: Release): string {
  return release.sections
    .map((section) => [`## ${section.title ?? section.type}`, section.description ?? '', ...section.items.map((item) => `- ${item.text.replace(/\n/g, '\n  ')}`)].filter((part) => part !== '').join('\n\n'))
    .join('\n\n');
}

/** One entry per release, newest first, with its changes and notes rendered. */
export function releasesLoader(): Loader {
  return contentLoader('cairn-releases', async ({ store, parseData, generateDigest, renderMarkdown }, { releases }) => {
    const renderSanitized = async (markdown: string) => {
      const rendered = await renderMarkdown(withEmptyFrontmatter(markdown));
      return { ...rendered, html: sanitizeHtml(rendered.html) };
    };
    store.clear();
    for (const release of releases) {
      const id = releaseId(release);
      const data = await parseData({ id, data: release });
      const body = [release.description ?? '', sectionsMarkdown(release), release.body ? `## Notes\n\n${release.body}` : ''].filter((part) => part !== '').join('\n\n');
      store.set({ id, data, body, digest: generateDigest({ data, body }), rendered: await renderSanitized(body) });
    }
  });
}

/** The input changelog (releases/CHANGELOG.md) as read, one entry or none, for /CHANGELOG.md. */
export function changelogLoader(): Loader {
  return contentLoader('cairn-changelog', async ({ store, parseData, generateDigest }, { changelog }) => {
    store.clear();
    if (!changelog) return;
    const data = await parseData({ id: 'changelog', data: changelog });
    store.set({ id: 'changelog', data, digest: generateDigest(data) });
  });
}
