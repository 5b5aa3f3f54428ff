/**
 * Values every page publishes: the site's title (in each <title>), its address (SITE: feeds, the sitemap, canonical
 * links) and its path (BASE: every link). A secret in one of them cannot be redacted away, since the marker would
 * break the title, address or links, so it is refused before anything is built, without quoting it.
 */
import type { Issue } from '../schema/model.ts';
import { createIssueSink } from '../text/issues.ts';
import { locateJsonPath } from '../text/locate-json-path.ts';
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
export const publishedValueHint =
  'Take the secret out (and rotate it: the config and CI logs keep it); give credentials to the deploy step, never to the site.';

/**
 * An error for each of a config's title, site and base (read from its JSON `text`) that holds a secret, at the key's
 * line and column; none for text that is not a JSON object (the config's own errors say so).
 */
export function configSecretIssues(text: string, path: string): Issue[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const sink = createIssueSink(path);
  for (const key of ['title', 'site', 'base'] as const) {
    const value = (data as Record<string, unknown>)[key];
    const problem = typeof value === 'string' ? publishedValueProblem(value, { address: key === 'site' }) : null;
    if (problem === null) continue;
    const { line, column } = locateJsonPath(text, [key]);
    sink.error(line, column, `"${key}" is not valid: ${problem}.`, publishedValueHint);
  }
  return sink.issues;
}
