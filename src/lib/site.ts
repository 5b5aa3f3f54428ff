import { getPhases } from './phase-models.ts';
import { siteAsOf } from '../core/model/freshness.ts';

/** The site's "as of" for pages that show no phase: the newest of all phases. */
export async function getSiteAsOf(): Promise<string | null> {
  return siteAsOf(await getPhases());
}

/** The site's name in page titles and the header: the config's `title` (CAIRN_TITLE), else Cairn. */
export const siteName: string = process.env.CAIRN_TITLE?.trim() || 'Cairn';

/**
 * The time the site was judged at (the build's "now": CAIRN_AS_OF, else the newest input of the whole site): every
 * live page says it in its footer, the same on every page.
 */
export async function getBuildAsOf(): Promise<string | null> {
  const [phase] = await getPhases();
  return phase?.buildAsOf ?? null;
}
