import { lstatSync, realpathSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';

/**
 * Whether `path` stays inside `root` once symbolic links are followed. Content is written by agents and
 * collaborators; a link out of the content root ("hooks/keys -> ~/.ssh") must never be read into a public site.
 */
export function staysInside(path: string, root: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink()) return true;
    const target = realpathSync(path);
    const from = relative(realpathSync(root), target);
    return from !== '' && !from.startsWith('..') && !isAbsolute(from);
  } catch {
    return false; // a dangling link leads nowhere readable
  }
}
