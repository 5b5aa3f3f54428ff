import type { Loader } from 'astro/loaders';
import type { Release } from '../core/releases/schema.ts';
import { sanitizeHtml } from '../core/markdown/sanitize-html.ts';
import { loadCheckedContent } from './load-checked.ts';

/** The page id of a release: its version, or "unreleased". */
export const releaseId = (release: Pick<Release, 'version' | 'unreleased'>): string => (release.unreleased ? 'unreleased' : release.version);

/** A release's changes as Markdown, one "## Added" block per section (the page's h1 is the version). */
function sectionsMarkdown(release: Release): string {
  return release.sections
    .map((section) => [`## ${section.title ?? section.type}`, section.description ?? '', ...section.items.map((item) => `- ${item.text.replace(/\n/g, '\n  ')}`)].filter((part) => part !== '').join('\n\n'))
    .join('\n\n');
}

/** One entry per release, newest first, with its changes and notes rendered. */
export function releasesLoader(): Loader {
  return {
    name: 'cairn-releases',
    load: async ({ store, parseData, generateDigest, renderMarkdown }) => {
      const renderSanitized = async (markdown: string) => {
        const rendered = await renderMarkdown(markdown);
        return { ...rendered, html: sanitizeHtml(rendered.html) };
      };
      const { releases } = loadCheckedContent();
      store.clear();
      for (const release of releases) {
        const id = releaseId(release);
        const data = await parseData({ id, data: release });
        const body = [release.description ?? '', sectionsMarkdown(release), release.body ? `## Notes\n\n${release.body}` : ''].filter((part) => part !== '').join('\n\n');
        store.set({ id, data, body, digest: generateDigest({ data, body }), rendered: await renderSanitized(body) });
      }
    },
  };
}
