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
  // A Content-Security-Policy <meta> on every page: scripts and styles only from the site itself, and inline ones only
  // when Astro has hashed them. A script smuggled into a page by a log message or a task file would not run.
  security: {
    csp: {
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
});
