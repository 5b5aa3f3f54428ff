// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteCacheDir } from './scripts/lib/site-dirs.mjs';
import { devContentReload, devFileGuard } from './scripts/lib/dev-files.mjs';

// The `cairn` command in a team's repository passes CAIRN_STATE_DIR, a folder of that repository: Astro's project root
// (its .astro/ folder) and every cache go there, and Cairn's own folder (src/, public/) is only read, so an installed
// Cairn may be read-only.
const state = process.env.CAIRN_STATE_DIR;
const cairn = fileURLToPath(new URL('.', import.meta.url));
const cacheDir = siteCacheDir();

// SITE and BASE let the same build serve a GitHub Pages project site (https://owner.github.io/repo/).
export default defineConfig({
  ...(state ? { root: state, srcDir: join(cairn, 'src'), publicDir: join(cairn, 'public') } : {}),
  site: process.env.SITE || undefined,
  base: process.env.BASE || '/',
  trailingSlash: 'ignore',
  cacheDir,
  // The build writes into the same folder every time (scripts/build.ts): a page that is already there and unchanged
  // is neither rendered nor copied.
  // `cairn dev` serves only Cairn's own files and its state (the project root: .astro/, caches, Vite's optimized
  // dependencies), never the rest of a team's repository: Vite's default would serve, through /@fs/, every file of the
  // nearest package.json's folder (notes, raw hook logs, memory.db) to whoever can reach the port. The guard holds
  // plugins that read files themselves to the same folders (scripts/lib/dev-files.mjs).
  vite: {
    build: { emptyOutDir: false },
    server: { fs: { strict: true, allow: [cairn, ...(state ? [state] : [])] } },
    plugins: [devFileGuard(), devContentReload()],
  },
  // Pages are written while the next ones render: with one at a time, a big site's build waited on its disk for a
  // quarter of its time.
  build: { concurrency: 4 },
  experimental: {
    // Pages whose view did not change since the last build are not rendered again (keys in src/core/views/routes.ts).
    incrementalBuild: true,
  },
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
