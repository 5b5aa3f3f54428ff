// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// SITE and BASE let the same build serve a GitHub Pages project site (https://owner.github.io/repo/).
export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE || '/',
  trailingSlash: 'ignore',
  integrations: [mdx()],
  // Code in task files is shown as written, in the site's own colours (readable in light and dark, no inline styles).
  markdown: { syntaxHighlight: false },
});
