/**
 * Keys for Astro's incremental build (astro.config.mjs, experimental.incrementalBuild): a page whose key and code are
 * unchanged since the last build is kept from that build instead of rendered. The key is a hash of all the data
 * the page shows, plus what every page's header and footer name: the newest version, the site's name and the time the
 * site was judged at. A coordinator who rebuilds after
 * one new hook event then renders the pages of that one phase, not the whole site.
 */
import { createHash } from 'node:crypto';
import { getBuildAsOf, siteName } from './site.ts';
import { newestVersion } from './versions.ts';

/** Hash of values that JSON can write (the collections' data is JSON by construction). */
export function digestOf(...values: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url');
}

/** The key of a page that shows `data`. */
export async function pageKey(...data: unknown[]): Promise<string> {
  return digestOf(await newestVersion(), siteName, await getBuildAsOf(), ...data);
}
