import { lstatSync, realpathSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import type { Issue } from '../schema/model.ts';
import { displayPath } from './display-path.ts';

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

/** Why a link cannot be followed, in a reader's words, when it does not stay inside `root`; null when it does. */
export function linkProblem(path: string, root: string): { message: string; reason: string } | null {
  if (staysInside(path, root)) return null;
  try {
    realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { message: 'is a symbolic link that leads in a circle; it was not read.', reason: 'link that leads in a circle' };
    if (code === 'ENOENT') return { message: 'is a symbolic link to a file that does not exist; it was not read.', reason: 'link to nothing' };
  }
  return { message: 'is a symbolic link to a place outside the content root; it was not read.', reason: 'link out of the content root' };
}

/** The error for a symbolic link that leads out of the content root. */
export function linkOutsideIssue(path: string): Issue {
  return {
    file: displayPath(path),
    line: 1,
    column: 1,
    severity: 'error',
    message: `${displayPath(path)} is a symbolic link to a place outside the content root; Cairn does not read it.`,
    hint: 'Copy the file into the content folder, or point the link at a file inside it.',
  };
}
