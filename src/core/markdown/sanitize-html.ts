/**
 * Task files and release notes are Markdown written by agents, and Markdown lets raw HTML through. Before their HTML
 * reaches a page it is cleaned with hast-util-sanitize's GitHub-style allow-list (the elements and attributes GitHub
 * keeps in rendered Markdown), so a <script>, an onerror= or a javascript: link in a task file is dropped.
 *
 * Allowed beyond the defaults: `class` on code and pre (for languages) and on the checklist marks Cairn adds.
 * Links keep only http, https and mailto URLs, or relative ones.
 */
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { redactTree } from '../redact/html.ts';

const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Keep ids as written (headings link to them); the default prefixes them with "user-content-".
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ['className', /^language-[\w-]+$/]],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'check', 'done', 'open'], 'role', 'ariaLabel'],
    li: [...(defaultSchema.attributes?.li ?? []), ['className', 'task-list-item']],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

/**
 * The HTML with everything outside the allow-list removed, and every secret left in its text or attributes redacted.
 * Both loaders send their rendered Markdown through here, so this is the one place that sees the text exactly as the
 * page will show it: after the renderer has decoded `ghp&#95;…` or `ghp\_…` into a token the Markdown never spelled.
 */
export function sanitizeHtml(html: string): string {
  const tree = sanitize(fromHtml(html, { fragment: true }), sanitizeSchema);
  redactTree(tree);
  return toHtml(tree);
}
