import { getCollection } from 'astro:content';
import { siteAsOf } from '../core/model/freshness.ts';

/** The site's "as of" for pages that show no phase: the newest of all phases. */
export async function getSiteAsOf(): Promise<string | null> {
  return siteAsOf((await getCollection('phases')).map((entry) => entry.data));
}

/** The site's name in page titles and the header: the config's `title` (CAIRN_TITLE), else Cairn. */
export const siteName: string = process.env.CAIRN_TITLE?.trim() || 'Cairn';
