/**
 * The environment variables a build reads, checked before anything is built: a value that would crash the build or
 * publish broken addresses is named with what it must look like, and one that holds a secret is refused without
 * being quoted.
 */
import { publishedValueHint, publishedValueProblem } from '../redact/published-values.ts';

/** Latest time a JavaScript date can hold, in seconds since 1970 (8.64e15 ms). */
const maxEpochSeconds = 8_640_000_000_000;

/** One message per variable whose value cannot be used; none when all can. */
export function environmentProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const { SITE, BASE, SOURCE_DATE_EPOCH, CAIRN_AS_OF, CAIRN_TITLE } = env;
  // The site's address, path and title are in every page: a secret in one is refused, and never quoted.
  const secret = (name: string, from: string, value: string | undefined, address = false): boolean => {
    const problem = value ? publishedValueProblem(value, { address }) : null;
    if (problem) problems.push(`${name} (${from}) is not valid: ${problem}. ${publishedValueHint}`);
    return problem !== null;
  };
  const secretSite = secret('SITE', '--site, or the environment', SITE, true);
  const secretBase = secret('BASE', '--base, or the environment', BASE);
  secret('CAIRN_TITLE', "the config's title", CAIRN_TITLE);
  if (SITE && !secretSite) {
    let url: URL | null = null;
    try {
      url = new URL(SITE);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.hostname === '')
      problems.push(`SITE is "${SITE}": it must be the site's origin, such as https://owner.github.io.`);
  }
  if (BASE && !secretBase && !/^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*$/.test(BASE))
    problems.push(`BASE is "${BASE}": it must be a path such as /repo/ (starting with "/", letters, digits, ".", "_", "~" and "-" between the slashes).`);
  if (SOURCE_DATE_EPOCH && !(/^\d+$/.test(SOURCE_DATE_EPOCH) && Number(SOURCE_DATE_EPOCH) <= maxEpochSeconds))
    problems.push(`SOURCE_DATE_EPOCH is "${SOURCE_DATE_EPOCH}": it must be whole seconds since 1970, such as 1761400000.`);
  if (CAIRN_AS_OF && Number.isNaN(Date.parse(CAIRN_AS_OF)))
    problems.push(`CAIRN_AS_OF is "${CAIRN_AS_OF}": it must be an ISO 8601 time, such as 2025-10-25T18:00:00Z.`);
  return problems;
}
