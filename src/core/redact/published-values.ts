/**
 * Values every page publishes: the site's title (in each <title>), its address (SITE: feeds, the sitemap, canonical
 * links) and its path (BASE: every link). A secret in one of them cannot be redacted away, since the marker would
 * break the title, address or links, so it is refused before anything is built, without quoting it.
 */
import { describeCounts, locateSecrets } from './redact.ts';

/** Why `value` cannot be published as the site's title, address or path, or null when it can. */
export function publishedValueProblem(value: string, { address = false }: { address?: boolean } = {}): string | null {
  if (address) {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    // The address of the published pages never carries credentials; the deploy step gets them some other way.
    if (url && url.password !== '') return 'it holds a user name and password, and the address is in every feed and in the sitemap';
    if (url && url.username !== '') return 'it holds a user name, and the address is in every feed and in the sitemap';
  }
  const { counts, first } = locateSecrets(value);
  return first === null ? null : `it holds a secret (${describeCounts(counts)}), and it would be in every page`;
}

/** What to do about a secret in a published value. */
export const publishedValueHint = 'Take the secret out (and rotate it: the config and CI logs keep it); give credentials to the deploy step, never to the site.';
