/**
 * Task files and release notes as HTML, by the Markdown processor Astro renders content with (the same options as
 * astro.config.mjs), cleaned of anything a page must not run and with task checkboxes labelled.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { sanitizeHtml } from '../core/markdown/sanitize-html.ts';
import { labelTaskCheckboxes } from '../core/markdown/label-checkboxes.ts';
import { withEmptyFrontmatter } from '../core/markdown/frontmatter.ts';

let renderer: ReturnType<ReturnType<typeof satteri>['createRenderer']> | null = null;

async function render(markdown: string): Promise<string> {
  renderer ??= satteri().createRenderer({ syntaxHighlight: false });
  const { frontmatter, content } = parseFrontmatter(withEmptyFrontmatter(markdown));
  return (await (await renderer).render(content, { frontmatter })).code;
}

/** A task file's body as its page shows it. */
export async function renderTaskBody(markdown: string): Promise<string> {
  return sanitizeHtml(labelTaskCheckboxes(await render(markdown)));
}

/** A release's notes as its page shows them. */
export async function renderReleaseNotes(markdown: string): Promise<string> {
  return sanitizeHtml(await render(markdown));
}
