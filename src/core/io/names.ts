/**
 * Which folder and file names can become pages. A phase folder's name is the first part of its pages' addresses and a
 * task file's name the last, so a name that collides with a page of the site, cannot be an address, holds a secret,
 * or only looks like another name (text/look-alike.ts) would leave the site wrong: each is an error that says what to
 * rename. Names that differ only in case are one name on a case-insensitive file system (nameKey).
 */
import { describeCounts, locateSecrets } from '../redact/redact.ts';
import { codePoint, lookAlikeProblem, printable } from '../text/look-alike.ts';

/** Top-level names the site itself uses (pages, folders and files of dist/). */
const reservedPhaseNames: ReadonlySet<string> = new Set([
  'releases',
  'search',
  'v',
  'badges',
  'pagefind',
  '_astro',
  '404',
  '404.html',
  'index.html',
  'status.json',
  'feed.xml',
  'changelog.md',
  'favicon.svg',
  'robots.txt',
]);

// Letters and digits of any script, then also spaces, dots, "_" and "-": what survives as one part of an address.
const routeName = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;

/** Why a phase folder's name cannot be used, or null when it can. */
export function phaseNameProblem(name: string): string | null {
  return reservedPhaseNames.has(name.toLowerCase())
    ? `its name "${name}" is also the address of the site's own ${name.toLowerCase()} page or folder`
    : routeNameProblem(name);
}

/** Why a name cannot be one part of a page's address, or null when it can. */
export function routeNameProblem(name: string): string | null {
  const secret = locateSecrets(name);
  if (secret.first !== null) return `its name holds a secret (${describeCounts(secret.counts)}), and the name becomes the address of its pages`;
  const lookAlike = lookAlikeProblem(name);
  if (lookAlike) return lookAlike;
  if (!routeName.test(name)) {
    const offending = [...new Set([...name].filter((char, index) => !(index === 0 ? /[\p{L}\p{N}]/u : /[\p{L}\p{N} ._-]/u).test(char)))];
    const listed = offending.slice(0, 5).map((char) => (/[\p{Cc}\p{Cf}\p{Z}\p{M}]/u.test(char) ? codePoint(char) : `"${char}" (${codePoint(char)})`));
    return `its name "${printable(name)}" has characters an address cannot hold: ${listed.join(', ')}${offending.length > 5 ? ', …' : ''} (only letters, digits, spaces, ".", "_" and "-" can be used, starting with a letter or digit)`;
  }
  return null;
}
