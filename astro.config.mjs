// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// SITE and BASE let the same build serve a GitHub Pages project site (https://owner.github.io/repo/).
export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE || '/',
  trailingSlash: 'ignore',
  // The sitemap needs absolute addresses, so it is written when SITE is set (as the Pages deploy does).
  integrations: [mdx(), ...(process.env.SITE ? [sitemap()] : [])],
  // Code in task files is shown as written, in the site's own colours (readable in light and dark, no inline styles).
  markdown: { syntaxHighlight: false },
});
