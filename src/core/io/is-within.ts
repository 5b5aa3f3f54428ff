/** Whether one path lies inside another. */
import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `dir` or inside it, compared as written (give real paths to compare where links lead). */
export function isWithin(path: string, dir: string): boolean {
  const from = relative(dir, path);
  return from === '' || (!from.startsWith(`..${sep}`) && from !== '..' && !isAbsolute(from));
}
