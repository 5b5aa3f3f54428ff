import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `text` to a temporary file beside `path` and renames it into place: a reader never sees half a file. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
