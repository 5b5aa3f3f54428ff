/**
 * Imports every hook log in a phase's hooks/ folder. Each file's format is told by its content, never its name
 * (hooks/detect.ts): a SQLite header, a WAL header, or the shape of its JSON. Every file ends up in the data-quality report, with
 * what was imported and what was skipped and why; a file Cairn cannot read is a warning, never a failed build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type ImportResult } from '../schema/package-files.ts';
import { fileProblem, isSqlite, isWal, readHookText, type MemorySourceWithWarning } from '../hooks/detect.ts';
import { readMemoryEntrySources } from '../hooks/memory-entries.ts';
import { readV3Rows } from '../hooks/claude-flow-v3-sqlite.ts';
import { displayPath } from './display-path.ts';
import { linkProblem } from './inside-root.ts';
import { readSqliteStore } from './read-sqlite.ts';


/**
 * Files under `dir`, recursively, in path order, hidden ones included: claude-flow writes its store to `.swarm/` and
 * its metrics to `.claude-flow/metrics/`, and a copied folder keeps those names.
 */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    // Linked folders are not descended into: a link can only name a single file, checked by the caller.
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .toSorted();
}

/** Whether a path is a regular file (after links): a pipe or a device is never opened, it could block or never end. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads every hook log under `hooksDir` (no folder: no sources), one result per file, in path order. */
export function readHookSources(hooksDir: string, root: string = hooksDir): ImportResult[] {
  if (!existsSync(hooksDir) || !statSync(hooksDir).isDirectory()) return [];
  return readHookFiles(listFiles(hooksDir), root);
}

/**
 * Reads the hook logs `files` (a database's -wal and -shm go with it), one result per log, in path order. A file that
 * is a link out of `root` is reported, not read; null `root` reads files wherever the author named them. `show` gives
 * the path reports and events name a file by (from the working folder unless told otherwise).
 */
export function readHookFiles(files: readonly string[], root: string | null, show: (file: string) => string = displayPath): ImportResult[] {
  const results: ImportResult[] = [];
  const databases: MemorySourceWithWarning[] = [];
  const dumps: MemorySourceWithWarning[] = [];
  /** The -wal and -shm files read with each database, by the database's shown path. */
  const companions = new Map<string, string[]>();
  for (const file of files) {
    const path = show(file);
    const link = root === null ? null : linkProblem(file, root);
    if (link) {
      results.push(fileProblem('unknown', path, link.message, link.reason));
      continue;
    }
    if (!isRegularFile(file)) {
      results.push(fileProblem('unknown', path, 'is not a regular file (a folder link, a pipe or a device); it was not read.', 'not a regular file'));
      continue;
    }
    const bytes = readFileSync(file);
    // An empty database with a WAL beside it holds its rows in the WAL.
    const emptyWithWal = bytes.length === 0 && existsSync(`${file}-wal`);
    if (bytes.length === 0 && !emptyWithWal) {
      results.push(fileProblem('unknown', path, 'is empty; there is nothing to import.', 'empty file'));
      continue;
    }
    if (emptyWithWal || isSqlite(bytes)) {
      const read = readSqlite(file, path);
      if ('rows' in read) databases.push(read);
      else results.push(read);
    } else if (isWal(bytes) || /-shm$/.test(file)) {
      // A WAL is read together with its database; one without it cannot be read at all (FORMATS §2.1, orphan WAL).
      // A -shm file is only an index of the WAL: nothing to import.
      const db = file.replace(/-(wal|shm)$/, '');
      if (existsSync(db)) {
        const shown = show(db);
        companions.set(shown, [...(companions.get(shown) ?? []), basename(file)]);
        continue;
      }
      if (/-shm$/.test(file)) {
        results.push(fileProblem('claude-flow-sqlite', path, `is the shared-memory index of a database that is not here (${show(db)}); it holds no records.`, 'index without its database'));
        continue;
      }
      results.push(fileProblem('claude-flow-sqlite', path, `has no database beside it (${show(db)}); a WAL cannot be read on its own.`, 'WAL without its database'));
    } else {
      const read = readHookText(bytes.toString('utf8'), path);
      if ('rows' in read) dumps.push(read);
      else results.push(read);
    }
  }
  // Databases first, then dumps: a row in both is imported once, from the database.
  const memorySources = [...databases, ...dumps];
  const memoryResults = readMemoryEntrySources(memorySources).map((result, index) => withWarning(result, memorySources[index]!));
  return [...memoryResults, ...results].map((result) => withCompanions(result, companions.get(result.report.path))).toSorted((a, b) => (a.report.path < b.report.path ? -1 : a.report.path > b.report.path ? 1 : 0));
}

function withCompanions(result: ImportResult, names: string[] | undefined): ImportResult {
  return names ? { ...result, report: { ...result.report, readWith: names.toSorted() } } : result;
}


function withWarning(result: ImportResult, source: MemorySourceWithWarning): ImportResult {
  return source.warning ? { ...result, report: { ...result.report, warnings: [...result.report.warnings, `${source.path}: ${source.warning}`] } } : result;
}

function readSqlite(file: string, path: string): MemorySourceWithWarning | ImportResult {
  let read: ReturnType<typeof readSqliteStore>;
  try {
    read = readSqliteStore(file);
  } catch (error) {
    return fileProblem('claude-flow-sqlite', path, `SQLite cannot open it: ${(error as Error).message}.`, 'database unreadable');
  }
  // A store that agents kept writing while it was copied can look damaged without being so: say what happened.
  const rebuilt = read.fromWalOnly ? 'the database file is empty (its first checkpoint never ran), so its rows were read from its -wal.' : undefined;
  const damaged = read.torn
    ? `the store kept changing while it was copied (agents were writing to it), so the newest rows may be missing${read.error ? ` (${read.error})` : ''}; build again once the writers are idle.`
    : read.error
      ? `the database is damaged (${read.error}); the rows before the damage were read.`
      : undefined;
  const warning = [rebuilt, damaged].filter(Boolean).join(' ');
  if (read.schema === 'v2') return { path, format: 'claude-flow-sqlite', rows: read.rows, ...(warning ? { warning } : {}) };
  if (read.schema === 'v3') return readV3Rows(read.rows, path, damaged);
  if (read.columns) return fileProblem('claude-flow-sqlite', path, `has a memory_entries table, but with neither claude-flow v2's "value" column nor v3's "content" (columns: ${read.columns.join(', ') || 'none'}).`, 'unknown memory_entries columns');
  return fileProblem('claude-flow-sqlite', path, `is a SQLite database without a memory_entries table (tables: ${read.tables.join(', ') || 'none'}).`, 'no memory_entries table');
}

