import { relative } from 'node:path';

/**
 * A path as messages show it: relative to the directory the user ran the command in, with forward slashes. That is
 * the working directory, or CAIRN_CWD when the `cairn` command runs Cairn's scripts from Cairn's own folder.
 */
export function displayPath(path: string): string {
  return (relative(process.env.CAIRN_CWD || process.cwd(), path) || '.').split('\\').join('/');
}
