/**
 * Imports every hook log in a phase's hooks/ folder. Each file's format is told by its content, never its name
 * (hooks/detect.ts): a SQLite header, a WAL header, or the shape of its JSON. Every file ends up in the data-quality report, with
 * what was imported and what was skipped and why; a file Cairn cannot read is a warning, never a failed build.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportResult } from '../schema/package-files.ts';
import { fileProblem, readHookText, type MemorySourceWithWarning } from '../hooks/detect.ts';
import { detectBytes, isLineFormat } from '../hooks/formats.ts';
import * as cairnNdjson from '../hooks/cairn-ndjson.ts';
import {
  formatSize,
  maxBytesRead,
  maxJsonLogBytes,
  maxRecordBytes,
  maxRecordsRead,
  maxTextRead,
  newReadBudget,
  pastReadLimit,
  spent,
  take,
  textOf,
  type ReadBudget,
} from '../hooks/limits.ts';
import { FileLines } from './read-lines.ts';
import { readMemoryEntrySources, type MemoryEntrySource } from '../hooks/memory-entries.ts';
import { readV3Rows } from '../hooks/claude-flow-v3-sqlite.ts';
import { displayPath } from './display-path.ts';
import { linkProblem } from './inside-root.ts';
import { openSqliteStore, type OpenStore, type SqliteRead } from './read-sqlite.ts';

/**
 * Files under `dir`, recursively, in path order, hidden ones included: claude-flow writes its store to `.swarm/` and
 * its metrics to `.claude-flow/metrics/`, and a copied folder keeps those names.
 */
function listFiles(dir: string): string[] {
  return (
    readdirSync(dir, { withFileTypes: true })
      // Linked folders are not descended into: a link can only name a single file, checked by the caller.
      .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
      .toSorted()
  );
}

/** The first 16 bytes of a file (fewer when it is shorter): enough for SQLite's and the WAL's headers. */
function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return head.subarray(0, readSync(fd, head, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
}

/** Whether a path is a regular file (after links): a pipe or a device is never opened, it could block or never end. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads every hook log under `hooksDir` (no folder: no sources), one result per file, in path order; `except` are files
 * another reader reads (a claude-flow task store in a copied `.claude-flow/`), left to it.
 */
export function readHookSources(hooksDir: string, root: string = hooksDir, except: readonly string[] = []): ImportResult[] {
  if (!existsSync(hooksDir) || !statSync(hooksDir).isDirectory()) return [];
  return readHookFiles(
    listFiles(hooksDir).filter((file) => !except.includes(file)),
    root,
  );
}

/**
 * Reads the hook logs `files` (a database's -wal and -shm go with it), one result per log, in path order. A file that
 * is a link out of `root` is reported, not read; null `root` reads files wherever the author named them. `show` gives
 * the path reports and events name a file by (from the working folder unless told otherwise). The logs give at most
 * `budget` together (hooks/limits.ts): what a file has past it is counted as skipped, not read.
 */
export function readHookFiles(
  files: readonly string[],
  root: string | null,
  show: (file: string) => string = displayPath,
  budget: ReadBudget = newReadBudget(),
): ImportResult[] {
  const results: ImportResult[] = [];
  const databases: OpenDatabase[] = [];
  const dumps: MemorySourceWithWarning[] = [];
  /** The -wal and -shm files read with each database, by the database's shown path. */
  const companions = new Map<string, string[]>();
  try {
    // `budget`: what the files may still give, all together (limits.ts); each reader takes off what it read.
    readEachFile(files, root, show, { results, databases, dumps, companions, budget, seen: new Map() });
    // Databases first, then dumps: a row in both is imported once, from the database.
    const memorySources = [...databases.map((database) => database.source), ...dumps];
    const memoryResults = readMemoryEntrySources(memorySources, budget).map((result, index) => {
      const warning = index < databases.length ? databaseWarning(databases[index]!.store.read) : dumps[index - databases.length]!.warning;
      const read = warning
        ? { ...result, report: { ...result.report, warnings: [...result.report.warnings, `${memorySources[index]!.path}: ${warning}`] } }
        : result;
      // A store with v2's rows and v3's: one file, one line of data quality, each row read as its own kind.
      const v3 = index < databases.length ? databases[index]!.v3 : undefined;
      return v3 ? mergeResults(read, v3) : read;
    });
    return [...memoryResults, ...results]
      .map((result) => withCompanions(result, companions.get(result.report.path)))
      .toSorted((a, b) => (a.report.path < b.report.path ? -1 : a.report.path > b.report.path ? 1 : 0));
  } finally {
    for (const database of databases) database.store.close();
  }
}

/** A v2 database open while its rows are imported. */
interface OpenDatabase {
  store: OpenStore;
  source: MemoryEntrySource;
  /** Its rows that are claude-flow v3's, already read, when it holds both kinds. */
  v3?: ImportResult;
}

/** One file's two results as one: the v2 rows' (whose format the file keeps) and the v3 rows'. */
function mergeResults(v2: ImportResult, v3: ImportResult): ImportResult {
  const reasons = { ...v2.report.skippedReasons };
  for (const [reason, count] of Object.entries(v3.report.skippedReasons)) reasons[reason] = (reasons[reason] ?? 0) + count;
  const newest =
    [v2.report.newest, v3.report.newest]
      .filter((time): time is string => time !== null)
      .toSorted()
      .at(-1) ?? null;
  return {
    events: [...v2.events, ...v3.events],
    report: {
      ...v2.report,
      records: v2.report.records + v3.report.records,
      imported: v2.report.imported + v3.report.imported,
      skipped: v2.report.skipped + v3.report.skipped,
      skippedReasons: reasons,
      newest,
      warnings: [...v2.report.warnings, ...v3.report.warnings],
    },
  };
}

interface Found {
  results: ImportResult[];
  databases: OpenDatabase[];
  dumps: MemorySourceWithWarning[];
  companions: Map<string, string[]>;
  budget: ReadBudget;
  /** claude-flow v3 rows imported so far, so a row in two stores (memory.db, agentdb-memory.db) is imported once. */
  seen: Map<string, string>;
}

/** Sorts the files into results (read or reported), databases to import and dumps to import. */
function readEachFile(
  files: readonly string[],
  root: string | null,
  show: (file: string) => string,
  { results, databases, dumps, companions, budget, seen }: Found,
): void {
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
    // The first bytes tell a database or a WAL; only a text log is read whole here (a store can be gigabytes).
    const { size } = statSync(file);
    const head = readHead(file);
    // An empty database with a WAL beside it holds its rows in the WAL.
    const emptyWithWal = size === 0 && existsSync(`${file}-wal`);
    if (size === 0 && !emptyWithWal) {
      results.push(fileProblem('unknown', path, 'is empty; there is nothing to import.', 'empty file'));
      continue;
    }
    // The format the first bytes tell (hooks/formats.ts); a text file is told by its lines or its JSON.
    const format = emptyWithWal ? undefined : detectBytes(head);
    if (format?.read.by === 'refused') {
      results.push(format.read.result(path));
    } else if (emptyWithWal || format?.read.by === 'database') {
      const read = openSqlite(file, path, budget, seen);
      if ('store' in read) databases.push(read);
      else results.push(read);
    } else if (format?.read.by === 'with-database' || /-shm$/.test(file)) {
      // A WAL is read together with its database; one without it cannot be read at all
      // (docs/hook-logs.md#the-database-and-its-wal). A -shm file is only an index of the WAL: nothing to import.
      const db = file.replace(/-(wal|shm)$/, '');
      if (existsSync(db)) {
        const shown = show(db);
        companions.set(shown, [...(companions.get(shown) ?? []), basename(file)]);
        continue;
      }
      if (/-shm$/.test(file)) {
        results.push(
          fileProblem(
            'claude-flow-sqlite',
            path,
            `is the shared-memory index of a database that is not here (${show(db)}); it holds no records.`,
            'index without its database',
          ),
        );
        continue;
      }
      results.push(
        fileProblem('claude-flow-sqlite', path, `has no database beside it (${show(db)}); a WAL cannot be read on its own.`, 'WAL without its database'),
      );
    } else {
      const read = readTextLog(file, path, size, budget);
      if ('rows' in read) dumps.push(read);
      else results.push(read);
    }
  }
}

/**
 * A hook log that is text: Cairn NDJSON is read line by line, whatever its size (a line over the record limit skipped
 * and counted, the file read up to the per-file limits); any other is JSON, parsed whole, so it is read only up to
 * `maxJsonLogBytes` (limits.ts).
 */
function readTextLog(file: string, path: string, size: number, budget: ReadBudget): MemorySourceWithWarning | ImportResult {
  const first = firstLine(file);
  if (first !== null && isLineFormat(first)) {
    const lines = new FileLines(file, maxRecordBytes);
    try {
      return cairnNdjson.readLines({ next: () => lines.next(), rest: () => lines.countRest() }, path, budget);
    } finally {
      lines.close();
    }
  }
  if (size > maxJsonLogBytes) {
    return fileProblem(
      'unknown',
      path,
      `is ${formatSize(size)}; hook logs other than Cairn NDJSON are parsed whole, and only up to ${formatSize(maxJsonLogBytes)}, so it was not read (its records are not counted one by one).`,
      `file over ${formatSize(maxJsonLogBytes)}`,
    );
  }
  if (spent(budget)) {
    return fileProblem(
      'unknown',
      path,
      `was not read: the hook logs before it in this folder gave ${maxRecordsRead.toLocaleString('en-US')} records, ${formatSize(maxBytesRead)} or ${formatSize(maxTextRead)} of event text, all one folder's logs may give together (its records are not counted one by one).`,
      pastReadLimit,
    );
  }
  const read = readHookText(readFileSync(file, 'utf8'), path);
  // A JSON log is read whole; what it gave is taken off the budget after (a dump's rows are taken as they are imported).
  if (!('rows' in read))
    take(
      budget,
      read.report.records,
      size,
      read.events.reduce((sum, event) => sum + textOf(event), 0),
    );
  return read;
}

/** The first line of a file that holds anything, when it ends within the first `maxRecordBytes`; else null. */
function firstLine(file: string): string | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(maxRecordBytes + 1);
    const length = readSync(fd, head, 0, head.length, 0);
    const lines = head
      .subarray(0, length)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\n');
    // The last piece is cut at the buffer's end, unless the whole file fit.
    const complete = length < head.length ? lines : lines.slice(0, -1);
    return complete.find((line) => line.trim() !== '') ?? null;
  } finally {
    closeSync(fd);
  }
}

function withCompanions(result: ImportResult, names: string[] | undefined): ImportResult {
  return names ? { ...result, report: { ...result.report, readWith: names.toSorted() } } : result;
}

/** A v2 database, open to import its rows; anything else it can be is read or reported here (and closed). */
function openSqlite(file: string, path: string, budget: ReadBudget, seen: Map<string, string>): OpenDatabase | ImportResult {
  let store: OpenStore;
  try {
    store = openSqliteStore(file, budget);
  } catch (error) {
    return fileProblem('claude-flow-sqlite', path, `SQLite cannot open it: ${(error as Error).message}.`, 'database unreadable');
  }
  const { read } = store;
  if (read.schema === 'v2') {
    const v3 = read.v3
      ? readV3Rows(
          read.v3.rows,
          path,
          read.v3.error ? `the database is damaged (${read.v3.error}); the rows before the damage were read.` : undefined,
          read.v3.unread,
          { seen, graphEdges: read.v3.graphEdges, hybrid: true },
        )
      : undefined;
    return { store, source: { path, format: 'claude-flow-sqlite', rows: read.rows }, ...(v3 ? { v3 } : {}) };
  }
  store.close();
  if (read.schema === 'v3') return readV3Rows(read.rows, path, damagedWarning(read.torn, read.error), read.unread, { seen, graphEdges: read.graphEdges });
  if (read.columns)
    return fileProblem(
      'claude-flow-sqlite',
      path,
      `has a memory_entries table, but with neither claude-flow v2's "value" column nor v3's "content" (columns: ${read.columns.join(', ') || 'none'}).`,
      'unknown memory_entries columns',
    );
  return fileProblem(
    'claude-flow-sqlite',
    path,
    `is a SQLite database without a memory_entries table (tables: ${read.tables.join(', ') || 'none'}).`,
    'no memory_entries table',
  );
}

/** What to say of a store that was damaged or kept changing while it was copied: it can look damaged without being so. */
function damagedWarning(torn: boolean | undefined, error: string | null): string | undefined {
  if (torn)
    return `the store kept changing while it was copied (agents were writing to it), so the newest rows may be missing${error ? ` (${error})` : ''}; build again once the writers are idle.`;
  return error ? `the database is damaged (${error}); the rows before the damage were read.` : undefined;
}

/** What to say of how a v2 database was read, once its rows are. */
function databaseWarning(read: SqliteRead): string | undefined {
  if (read.schema !== 'v2') return undefined;
  const rebuilt = read.fromWalOnly ? 'the database file is empty (its first checkpoint never ran), so its rows were read from its -wal.' : undefined;
  return [rebuilt, damagedWarning(read.torn, read.rows.error)].filter(Boolean).join(' ') || undefined;
}
