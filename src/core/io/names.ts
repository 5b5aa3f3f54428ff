/**
 * Which folder and file names can become pages. A phase folder's name is the first part of its pages' addresses and a
 * task file's name the last, so a name that collides with a page of the site, cannot be an address, or holds a secret
 * would leave the site wrong: each is an error that says what to rename.
 */
import { describeCounts, locateSecrets } from '../redact/redact.ts';

/** Top-level names the site itself uses (pages, folders and files of dist/). */
export const reservedPhaseNames: ReadonlySet<string> = new Set(['releases', 'search', 'v', 'badges', 'pagefind', '_astro', '404', '404.html', 'index.html', 'status.json', 'feed.xml', 'changelog.md', 'favicon.svg', 'robots.txt']);

// Letters and digits of any script, then also spaces, dots, "_" and "-": what survives as one part of an address.
const routeName = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;

/** Why a phase folder's name cannot be used, or null when it can. */
export function phaseNameProblem(name: string): string | null {
  return reservedPhaseNames.has(name.toLowerCase()) ? `its name "${name}" is also the address of the site's own ${name.toLowerCase()} page or folder` : routeNameProblem(name);
}

/** Why a name cannot be one part of a page's address, or null when it can. */
export function routeNameProblem(name: string): string | null {
  const secret = locateSecrets(name);
  if (secret.first !== null) return `its name holds a secret (${describeCounts(secret.counts)}), and the name becomes the address of its pages`;
  if (!routeName.test(name)) return `its name "${printable(name)}" has characters an address cannot hold (only letters, digits, spaces, ".", "_" and "-" can be used, starting with a letter or digit)`;
  return null;
}

/** The name with control characters shown as \u escapes, so a message never carries them to a terminal. */
function printable(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}]/gu, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
