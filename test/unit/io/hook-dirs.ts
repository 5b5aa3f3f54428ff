/** Folders of hook logs for the readHookSources tests: the sample cases, scratch copies, and a fingerprint of a tree. */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { displayPath } from '../../../src/core/io/display-path.ts';
import { MEMORY_ENTRY_COLUMNS, type MemoryEntryRow } from '../../../src/core/hooks/memory-entries.ts';
import { openSqliteStore } from '../../../src/core/io/read-sqlite.ts';
import type { ImportResult } from '../../../src/core/schema/package-files.ts';
import { fixturePath } from '../fixtures.ts';

/** Absolute path of a case under test/fixtures/hooks/claude-flow-sqlite/, e.g. sqliteCase('saverly-with-wal'). */
export const sqliteCase = (name: string) => fixturePath(`hooks/claude-flow-sqlite/${name}`);

/** A new empty folder under the system temp dir. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'cairn-read-hooks-'));

/** A scratch copy of a fixture case (so a test may cut, damage or lock files without touching the fixture). */
export function copyCase(name: string, files?: readonly string[]): string {
  const dir = tempDir();
  if (files) for (const file of files) cpSync(join(sqliteCase(name), file), join(dir, file));
  else cpSync(sqliteCase(name), dir, { recursive: true });
  return dir;
}

/** Every file under `dir` (relative path) with its size, mtime and sha256, in path order: equal before and after = untouched. */
export function fingerprint(dir: string): [string, number, number, string][] {
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(at, entry.name)) : [join(at, entry.name)]));
  return walk(dir)
    .toSorted()
    .map((file) => {
      const stat = statSync(file);
      return [relative(dir, file), stat.size, stat.mtimeMs, createHash('sha256').update(readFileSync(file)).digest('hex')];
    });
}

/** Warnings with the folder's path as messages show it replaced by "<dir>", so a temp folder's text can be compared. */
export const warningsIn = (result: ImportResult, dir: string) => result.report.warnings.map((warning) => warning.replaceAll(displayPath(dir), '<dir>'));

/** A store read whole, as the tests look at it: its v2 rows in a list, with what stopped the read. */
export function readStoreRows(dbPath: string): { schema: string; rows: MemoryEntryRow[]; error: string | null; torn: boolean } {
  const store = openSqliteStore(dbPath);
  try {
    const { read } = store;
    if (read.schema !== 'v2') return { schema: read.schema, rows: [], error: read.error, torn: read.torn === true };
    const rows: MemoryEntryRow[] = [];
    read.rows.each((columns) => rows.push(Object.fromEntries(MEMORY_ENTRY_COLUMNS.map((name, at) => [name, columns[at]])) as unknown as MemoryEntryRow));
    return { schema: 'v2', rows, error: read.rows.error, torn: read.torn === true };
  } finally {
    store.close();
  }
}
