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

export const sanitizeSchema: Schema = {
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

/** The HTML with everything outside the allow-list removed. */
export function sanitizeHtml(html: string): string {
  return toHtml(sanitize(fromHtml(html, { fragment: true }), sanitizeSchema));
}
