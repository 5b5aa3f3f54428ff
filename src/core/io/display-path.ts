import { relative } from 'node:path';

/** A path as messages show it: relative to the working directory, with forward slashes. */
export function displayPath(path: string): string {
  return (relative(process.cwd(), path) || '.').split('\\').join('/');
}
