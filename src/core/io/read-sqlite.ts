/**
 * Reads claude-flow's `.swarm/memory.db` with Node's built-in SQLite, never touching the user's files: SQLite folds
 * a `-wal` file into the database when a writer closes it, and even a read-only open creates a `-shm` beside it
 * (FORMATS §2.1). So the file set is copied to a temporary folder and the copy is opened read-only, which still
 * reads the rows that live only in the un-checkpointed WAL.
 */
import { closeSync, copyFileSync, existsSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { MemoryEntryRow } from '../hooks/formats/memory-entries.ts';

export type SqliteRead =
  | { schema: 'v2'; rows: MemoryEntryRow[]; walRead: boolean; error: string | null }
  | { schema: 'v3'; rows: V3Row[]; walRead: boolean; error: string | null }
  | { schema: 'none'; tables: string[]; walRead: boolean; error: string | null; /** memory_entries' columns, when the table is there but of neither shape. */ columns?: string[] };

/** A row of claude-flow v3's memory_entries (other columns, times in milliseconds). */
export interface V3Row {
  key: string;
  namespace: string;
  content: string;
  type: string | null;
  created_at: number | null;
}

/** Reads memory_entries from a database file (and its -wal, when present). Throws when SQLite cannot open it at all. */
export function readSqliteStore(dbPath: string): SqliteRead {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-sqlite-'));
  const copy = join(dir, basename(dbPath));
  try {
    copyFileSync(dbPath, copy);
    fitPageCountToFile(copy);
    const walRead = existsSync(`${dbPath}-wal`);
    if (walRead) copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
    const db = new DatabaseSync(copy, { readOnly: true });
    try {
      return readTables(db, walRead);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A database cut short (copied mid-write, half a download) still says in its header how many pages it had, and
 * SQLite then refuses the whole file as malformed, even the schema on page 1. Telling the copy it has only the
 * pages that are there lets SQLite read the rows up to the cut (`collect` stops at the first missing page).
 */
function fitPageCountToFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) return;
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16); // offset 16: page size, 1 means 65536
    const pagesInFile = Math.floor(fstatSync(fd).size / pageSize);
    if (pageSize < 512 || pagesInFile < 1 || header.readUInt32BE(28) <= pagesInFile) return; // offset 28: page count
    const count = Buffer.alloc(4);
    count.writeUInt32BE(pagesInFile);
    writeSync(fd, count, 0, 4, 28);
  } finally {
    closeSync(fd);
  }
}

function readTables(db: DatabaseSync, walRead: boolean): SqliteRead {
  const tables = (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((row) => row.name);
  if (!tables.includes('memory_entries')) return { schema: 'none', tables, walRead, error: null };
  const columns = new Set((db.prepare("select name from pragma_table_info('memory_entries')").all() as { name: string }[]).map((row) => row.name));
  // v2 and v3 share the file and table name; only the columns tell them apart (FORMATS §5).
  if (columns.has('value')) {
    return collect(db, 'select id, key, value, namespace, metadata, created_at, updated_at from memory_entries order by id', (rows, error) => ({ schema: 'v2', rows: rows as unknown as MemoryEntryRow[], walRead, error }));
  }
  if (columns.has('content')) {
    return collect(db, 'select key, namespace, content, type, created_at from memory_entries order by created_at, key', (rows, error) => ({ schema: 'v3', rows: rows as unknown as V3Row[], walRead, error }));
  }
  return { schema: 'none', tables, walRead, error: null, columns: [...columns] };
}

/** Reads rows one by one, so a damaged database still gives the rows before the damage, with the error. */
function collect(db: DatabaseSync, sql: string, done: (rows: Record<string, unknown>[], error: string | null) => SqliteRead): SqliteRead {
  const rows: Record<string, unknown>[] = [];
  try {
    for (const row of db.prepare(sql).iterate()) rows.push(row as Record<string, unknown>);
    return done(rows, null);
  } catch (error) {
    return done(rows, (error as Error).message);
  }
}
