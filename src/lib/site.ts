import { getCollection } from 'astro:content';
import { siteAsOf } from '../core/model/freshness.ts';

/** The site's "as of" for pages that show no phase: the newest of all phases. */
export async function getSiteAsOf(): Promise<string | null> {
  return siteAsOf((await getCollection('phases')).map((entry) => entry.data));
}
