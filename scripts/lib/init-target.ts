/**
 * The folder `cairn init` writes its starter into, checked before anything is written: every file lands inside it
 * (a folder on the way that is a link out of it is refused, naming the link), none is there already (a link at a file's
 * place counts, even one to nothing), and the folder can be written. A file-system error is one line naming the file
 * and what went wrong, never a stack trace.
 */
import { accessSync, constants, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayPath } from '../../src/core/io/display-path.ts';
import { isWithin } from '../../src/core/io/is-within.ts';

/** What stops `cairn init` before it writes, or null when nothing does. */
type InitProblem = { kind: 'exists'; files: string[] } | { kind: 'link'; link: string; leadsTo: string } | { kind: 'unwritable'; message: string };

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** What an errno code means, in a few words. */
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'a folder on the way does not exist',
  EEXIST: 'something is already there',
};

/** A file-system error in a few words: what it means and its code ("permission denied, EACCES"), or its own message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code && reasons[code] ? `${reasons[code]}, ${code}` : (error as Error).message;
}

/** The first problem that stops `cairn init` from writing `files` (relative paths) into `target`, or null. */
export function initProblem(target: string, files: readonly string[]): InitProblem | null {
  const targetStat = lstatOrNull(target);
  if (targetStat && !statSync(target, { throwIfNoEntry: false })?.isDirectory())
    return { kind: 'unwritable', message: `${displayPath(target)} is not a folder` };
  // Files already there: a link at a file's place is one too, even a link to nothing (writing would replace it).
  const existing = files.filter((file) => lstatOrNull(join(target, file)) !== null);
  if (existing.length > 0) return { kind: 'exists', files: existing };
  // Folders on the way: each that is there must be a folder inside the target once links are followed.
  const root = targetStat ? realpathSync(target) : null;
  const folders = [
    ...new Set(
      files.flatMap((file) =>
        file
          .split('/')
          .slice(0, -1)
          .map((_, index, parts) => parts.slice(0, index + 1).join('/')),
      ),
    ),
  ].toSorted();
  for (const folder of folders) {
    const path = join(target, folder);
    const stat = lstatOrNull(path);
    if (!stat) continue;
    if (stat.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch {
        return { kind: 'link', link: path, leadsTo: 'nothing (a link to a missing place)' };
      }
      if (!root || !isWithin(real, root)) return { kind: 'link', link: path, leadsTo: displayPath(real) };
      if (!statSync(path).isDirectory()) return { kind: 'exists', files: [`${folder} (a link to a file, not a folder)`] };
    } else if (!stat.isDirectory()) {
      return { kind: 'exists', files: [`${folder} (a file, not a folder)`] };
    }
  }
  // The target, or the nearest folder above it that exists, must be writable.
  let dir = target;
  while (!lstatOrNull(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    return { kind: 'unwritable', message: `the folder ${displayPath(dir)} cannot be written (${describeFsError(error)})` };
  }
  return null;
}
