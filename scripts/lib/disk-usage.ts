/** Files and bytes under a folder (a file counts as itself), for the workspace generator and the benchmark. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** `skip` gets each file's path relative to `path`; nothing there is zero files. */
export function diskUsage(path: string, skip: (file: string) => boolean = () => false): { files: number; bytes: number } {
  if (!existsSync(path)) return { files: 0, bytes: 0 };
  if (!statSync(path).isDirectory()) return { files: 1, bytes: statSync(path).size };
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || skip(relative(path, file))) continue;
    files += 1;
    bytes += statSync(file).size;
  }
  return { files, bytes };
}
