/**
 * The site's route table, for the pages: the core reads the site once (pipeline/load-site.ts) and lays out every
 * page with its view and key (views/routes.ts); each page file lists its routes here and renders the view it is
 * given. Under `cairn dev` the site is read again when a file under the content (or a repository hook log) changed,
 * and content with errors keeps the last good site, with the errors on every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { AstroError } from 'astro/errors';
import { contentRoot } from '../core/io/read-package.ts';
import { displayPath } from '../core/io/display-path.ts';
import { resolveBuildAsOf } from '../core/pipeline/load-content.ts';
import { cachedForGroup, openPhaseCache } from '../core/pipeline/phase-cache.ts';
import { loadSite, siteFingerprint, type Site } from '../core/pipeline/load-site.ts';
import { routes, viewOf, type PageKind, type Route, type Views } from '../core/views/routes.ts';
import { formatIssue } from '../core/text/issues.ts';

/** The site's name in page titles and the header: the config's `title` (CAIRN_TITLE), else Cairn. */
const siteName: string = process.env.CAIRN_TITLE?.trim() || 'Cairn';

/** The version of the code that renders views (src/ of Cairn's folder): a new Cairn renders every page again. */
const renderer = (() => {
  const src = join(process.env.CAIRN_ROOT || process.cwd(), 'src');
  const hash = createHash('sha256');
  try {
    for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })
      .filter((item) => item.isFile())
      .map((item) => join(item.parentPath, item.name))
      .toSorted())
      hash.update(`${entry}\0`).update(readFileSync(entry)).update('\0');
  } catch {
    // An installed Cairn without its sources renders every page each build.
    hash.update(String(Date.now()));
  }
  return hash.digest('base64url');
})();

let current: { fingerprint: string; table: Route[] } | null = null;
let lastGood: Site | null = null;

/** The routes of the site as it is now. A build stops on content errors; `cairn dev` shows them on every page. */
function table(): Route[] {
  const root = contentRoot();
  const asOf = resolveBuildAsOf();
  // A build reads the site once; `cairn dev` again whenever an input changed.
  const fingerprint = import.meta.env.DEV ? `${asOf}\n${siteFingerprint(root)}` : 'build';
  if (current?.fingerprint === fingerprint) return current.table;
  const cache = openPhaseCache();
  const site = loadSite({ root, asOf, cache, name: siteName });
  const errors = site.issues.filter((issue) => issue.severity === 'error');
  if (!import.meta.env.DEV) {
    // `cairn build` checked the content and printed its problems before; only what appeared since is new.
    if (errors.length > 0)
      throw new AstroError(
        `${errors.length} problem(s) in ${displayPath(root)}:\n${errors.map(formatIssue).join('\n')}`,
        'Fix the files named above; `cairn validate` checks the content without building.',
      );
  } else {
    for (const issue of site.issues) console[issue.severity === 'error' ? 'error' : 'warn'](formatIssue(issue));
  }
  if (errors.length === 0) lastGood = site;
  // A phase whose pages are built from what an earlier build saw gets that build's keys, and no view until it renders.
  const keysOf = (group: string, basis: string, compute: () => string[]) => cachedForGroup(cache, 'page-keys', group, basis, compute);
  current = { fingerprint, table: routes(lastGood ?? site, { renderer, problems: errors.map(formatIssue), keysOf }) };
  return current.table;
}

/** The static paths of one kind of page: its params, its route as props, and the route's key for the incremental build. */
export function pathsOf(page: PageKind): { params: Route['params']; props: { route: Route }; cacheKey: string }[] {
  return table()
    .filter((route) => route.page === page)
    .map((route) => ({ params: route.params, props: { route }, cacheKey: route.key }));
}

/** The one route of a page that has no parameters (the home page, status.json). */
export function onlyRoute<K extends PageKind>(page: K): Views[K] {
  return viewOf(table().find((route) => route.page === page) as Route<K>);
}

/** The view of the route a page was given. */
export function viewFrom<K extends PageKind>(props: Record<string, unknown>): Views[K] {
  return viewOf((props as { route: Route<K> }).route);
}
