/**
 * Reads claude-flow's `.swarm/memory.db` with Node's built-in SQLite, never touching the user's files: SQLite folds
 * a `-wal` file into the database when a writer closes it, and even a read-only open creates a `-shm` beside it
 * (docs/hook-logs.md#the-database-and-its-wal). So the file set is copied to a temporary folder and the copy is opened
 * read-only, which still reads the rows that live only in the un-checkpointed WAL. Text past the record limit is not
 * read, and a file is read up to the per-file limit of rows (hooks/limits.ts).
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { V3Row } from '../hooks/claude-flow-v3-sqlite.ts';
import { MEMORY_ENTRY_COLUMNS, type RowStream } from '../hooks/memory-entries.ts';
import { databaseFormats } from '../hooks/formats.ts';
import { maxRecordBytes, maxRecordsRead, newReadBudget, spent, take, type ReadBudget } from '../hooks/limits.ts';

/** claude-flow v3's rows of a store, and what else the store holds that is not read. */
interface V3Read {
  rows: V3Row[];
  error: string | null;
  /** Rows past the per-file limit, counted and not read. */
  unread: number;
  /** Rows of the store's graph_edges table (links between entries, not events), or null when there is none. */
  graphEdges: number | null;
}

export type SqliteRead = (
  | {
      schema: 'v2';
      rows: StoreRows;
      walRead: boolean /** A store with v3's columns as well (v3 reopened a v2 store): its v3 rows, read as v3's are. */;
      v3?: V3Read;
    }
  | ({ schema: 'v3'; walRead: boolean } & V3Read)
  | {
      schema: 'none';
      tables: string[];
      walRead: boolean;
      error: string | null /** memory_entries' columns, when the table is there but of neither shape. */;
      columns?: string[];
    }
) & {
  /** True when the store kept changing while it was copied (agents writing): the newest rows may be missing. */
  torn?: boolean;
  /** True when the database file was empty and its rows came from its -wal alone. */
  fromWalOnly?: boolean;
};

/** A store open for reading: what it holds, and `close` once its rows are read (the copy is then removed). */
export interface OpenStore {
  read: SqliteRead;
  close(): void;
}

/**
 * Opens memory_entries of a database file (and its -wal, when present) from a copy. Throws when SQLite cannot open it
 * at all. claude-flow v2's rows are read while they are imported (StoreRows); v3's are read here, as far as `budget`
 * allows.
 */
export function openSqliteStore(dbPath: string, budget: ReadBudget = newReadBudget()): OpenStore {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-sqlite-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const copy = join(dir, basename(dbPath));
  let db: DatabaseSync | undefined;
  try {
    const { torn } = copyConsistently(dbPath, copy);
    const walRead = existsSync(`${copy}-wal`);
    // An empty database beside its WAL (a store whose first checkpoint never ran): SQLite would discard the WAL, so
    // the database is rebuilt from the WAL's committed pages.
    const fromWalOnly = walRead && statSync(copy).size === 0;
    if (fromWalOnly) rebuildFromWal(`${copy}-wal`, copy);
    else fitPageCountToFile(copy);
    // A -journal beside the database is a transaction that never finished (rollback-journal mode): SQLite rolls it
    // back when it opens the file, which needs write access. The copy is Cairn's own, so it is opened writable then.
    const opened = new DatabaseSync(copy, { readOnly: !existsSync(`${copy}-journal`) });
    db = opened;
    const read = { ...readTables(opened, walRead, budget), ...(torn ? { torn } : {}), ...(fromWalOnly ? { fromWalOnly } : {}) };
    return {
      read,
      close: () => {
        opened.close();
        remove();
      },
    };
  } catch (error) {
    db?.close();
    remove();
    throw error;
  }
}

/** How often a store that changes while it is copied is copied again before the copy is taken as it is. */
const copyAttempts = 5;

/**
 * Copies a database with its -wal and -journal so that they belong together: each file's size and time are checked before and
 * after, and the pair is copied again when a writer changed either in between. `torn` says the last copy still
 * changed under it.
 */
function copyConsistently(dbPath: string, copy: string): { torn: boolean } {
  const companions = ['-wal', '-journal'];
  const signature = () =>
    [dbPath, ...companions.map((end) => `${dbPath}${end}`)]
      .map((path) => (existsSync(path) ? `${statSync(path).size}:${statSync(path).mtimeMs}` : '-'))
      .join('|');
  for (let attempt = 1; ; attempt++) {
    const before = signature();
    copyFileSync(dbPath, copy);
    for (const end of companions) {
      if (existsSync(`${dbPath}${end}`)) copyFileSync(`${dbPath}${end}`, `${copy}${end}`);
      else rmSync(`${copy}${end}`, { force: true });
    }
    if (signature() === before) return { torn: false };
    if (attempt === copyAttempts) return { torn: true };
  }
}

/**
 * Writes the pages a WAL holds into an empty database file: for every page, its version in the last committed
 * transaction, then the file cut to the size that transaction gives. The WAL is removed, so SQLite reads the result
 * as a database of its own. Frames after the last commit, or from an older WAL generation (other salts), are left out.
 */
function rebuildFromWal(walPath: string, dbPath: string): void {
  const wal = readFileSync(walPath);
  rmSync(walPath, { force: true });
  if (wal.length < 32) return;
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  if (pageSize < 512 || pageSize > 65536) return;
  const pages = new Map<number, number>();
  let pending = new Map<number, number>();
  let size = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    pending.set(wal.readUInt32BE(at), at + 24);
    const commitSize = wal.readUInt32BE(at + 4);
    if (commitSize > 0) {
      for (const [page, offset] of pending) pages.set(page, offset);
      pending = new Map();
      size = commitSize;
    }
  }
  const fd = openSync(dbPath, 'r+');
  try {
    for (const [page, offset] of pages) if (page <= size) writeSync(fd, wal, offset, pageSize, (page - 1) * pageSize);
    ftruncateSync(fd, size * pageSize);
  } finally {
    closeSync(fd);
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

function readTables(db: DatabaseSync, walRead: boolean, budget: ReadBudget): SqliteRead {
  const tables = (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((row) => row.name);
  if (!tables.includes('memory_entries')) return { schema: 'none', tables, walRead, error: null };
  const columns = new Set((db.prepare("select name from pragma_table_info('memory_entries')").all() as { name: string }[]).map((row) => row.name));
  // v2 and v3 share the file and table name; only the columns tell them apart (docs/hook-logs.md#claude-flow-v3-ruflo,
  // hooks/formats.ts). A store with both (v3 adds its columns to a v2 table it opens) is told apart row by row: a row
  // with content and no value is v3's.
  const formats = databaseFormats(columns).map((format) => format.id);
  const v2 = formats.includes('claude-flow-sqlite');
  const v3 = formats.includes('claude-flow-v3-sqlite');
  const graphEdges = tables.includes('graph_edges') ? countTable(db, 'graph_edges') : null;
  if (v2 && v3)
    return { schema: 'v2', rows: new StoreRows(db, rowidIsId(db), `not (${V3_ROW})`), walRead, v3: readV3(db, columns, budget, V3_ROW, graphEdges) };
  if (v2) return { schema: 'v2', rows: new StoreRows(db, rowidIsId(db)), walRead };
  if (v3) return { schema: 'v3', walRead, ...readV3(db, columns, budget, null, graphEdges) };
  return { schema: 'none', tables, walRead, error: null, columns: [...columns] };
}

/** A row of a store with both v2's and v3's columns that is v3's: content written, no value. */
const V3_ROW = "(value is null or value = '') and coalesce(content, '') <> ''";

/**
 * claude-flow v3's rows (those `filter` selects, or all), read here, before they are imported, so they are taken off
 * `budget` here (limits.ts). Columns an older or newer v3 schema lacks are read as null.
 */
function readV3(db: DatabaseSync, columns: ReadonlySet<string>, budget: ReadBudget, filter: string | null, graphEdges: number | null): V3Read {
  const rows: V3Row[] = [];
  let bytes = 0;
  let stopped = false;
  const optional = (column: string) => (columns.has(column) ? column : 'null');
  const where = filter ? ` where ${filter}` : '';
  const sql = `select ${cut('key')}, ${cut('namespace')}, ${cut('content')}, ${optional('type')}, created_at, ${optional('status')}, ${optional('owner_id')}, ${optional('provenance_type')}, ${columns.has('id') ? 'id' : 'rowid'} from memory_entries${where} order by created_at, key`;
  const error = spent(budget)
    ? null
    : readEach(db, sql, [], true, (row) => {
        const [key, namespace, content, type, created_at, status, owner, provenance, id] = row as unknown[];
        rows.push({ key, namespace, content, type, created_at, status, owner, provenance, id } as V3Row);
        bytes += [key, namespace, content].reduce<number>((sum, text) => sum + (typeof text === 'string' ? text.length : 0), 0);
        // A row's content is its event's text: it counts as both.
        stopped = rows.length >= budget.records || bytes >= budget.bytes || bytes >= budget.text;
        return !stopped;
      });
  const unread = stopped || rows.length === 0 ? countTable(db, 'memory_entries', filter) - rows.length : 0;
  take(budget, rows.length, bytes, bytes);
  return { rows, error, unread, graphEdges };
}

/** Rows of a table (those `filter` selects), 0 when SQLite cannot count them. */
function countTable(db: DatabaseSync, table: string, filter: string | null = null): number {
  try {
    return (db.prepare(`select count(*) as n from "${table}"${filter ? ` where ${filter}` : ''}`).get() as { n: number }).n;
  } catch {
    return 0;
  }
}

/** Whether memory_entries' id is its rowid (INTEGER PRIMARY KEY, as claude-flow declares it): unique integers, so `order by id` is id order. */
function rowidIsId(db: DatabaseSync): boolean {
  const keys = db.prepare("select name, type from pragma_table_info('memory_entries') where pk > 0").all() as { name: string; type: string }[];
  return keys.length === 1 && keys[0]!.name === 'id' && keys[0]!.type.toUpperCase() === 'INTEGER';
}

/**
 * Reads rows one by one, so a damaged database still gives the rows before the damage; returns what stopped the
 * read (null when every row was read). Only SQLite's errors are caught: one thrown by `use` is not the store's.
 */
function readEach(db: DatabaseSync, sql: string, params: readonly (string | number)[], asArrays: boolean, use: (row: unknown) => unknown): string | null {
  let rows: Iterator<unknown>;
  try {
    const statement = db.prepare(sql);
    statement.setReturnArrays(asArrays);
    rows = statement.iterate(...params);
  } catch (error) {
    return (error as Error).message;
  }
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = rows.next();
    } catch (error) {
      return (error as Error).message;
    }
    if (next.done) return null;
    // `use` returns false when it wants no more rows (anything else reads on).
    if (use(next.value) === false) return null;
  }
}

const PAGE_ROWS = 4096;
// A key, value or metadata past the record limit is read only to one character past it: enough for the importer to
// skip it as too large, without a value of a gigabyte ever becoming a string.
const cut = (column: string) => `case when length(${column}) > ${maxRecordBytes} then substr(${column}, 1, ${maxRecordBytes + 1}) else ${column} end`;
const V2_COLUMNS = MEMORY_ENTRY_COLUMNS.map((column) =>
  column === 'key' || column === 'value' || column === 'namespace' || column === 'metadata' ? cut(column) : column,
).join(', ');

/** memory_entries' rows in all (those `filter` selects; 0 when SQLite cannot count them). */
function countRows(db: DatabaseSync, after?: number, filter: string | null = null): number {
  const and = filter ? ` and ${filter}` : '';
  try {
    const row = (
      after === undefined
        ? db.prepare(`select count(*) as n from memory_entries${filter ? ` where ${filter}` : ''}`).get()
        : db.prepare(`select count(*) as n from memory_entries where id > ?${and}`).get(after)
    ) as { n: number };
    return row.n;
  } catch {
    return 0;
  }
}

/** claude-flow v2's rows, read from the open copy as they are imported. `error` says what stopped the last full read. */
class StoreRows implements RowStream {
  error: string | null = null;
  readonly inIdOrder: boolean;
  readonly #db: DatabaseSync;
  /** The SQL condition of the rows that are v2's, in a store that holds v3's rows too; null: every row. */
  readonly #filter: string | null;
  /** Rows the last `each` left unread when its reader stopped it. */
  #unread = 0;
  constructor(db: DatabaseSync, inIdOrder: boolean, filter: string | null = null) {
    this.#db = db;
    this.inIdOrder = inIdOrder;
    this.#filter = filter;
  }

  get #where(): string {
    return this.#filter ? ` where ${this.#filter}` : '';
  }

  get #and(): string {
    return this.#filter ? ` and ${this.#filter}` : '';
  }

  each(use: (columns: readonly unknown[]) => unknown): void {
    this.#unread = 0;
    let given = 0;
    let stopped = false;
    const one = (row: unknown): boolean => {
      if (stopped) return false;
      given += 1;
      if (use(row as unknown[]) === false) stopped = true;
      return !stopped;
    };
    if (!this.inIdOrder) {
      this.error = readEach(this.#db, `select ${V2_COLUMNS} from memory_entries${this.#where} order by id`, [], true, one);
      if (stopped) this.#unread = Math.max(0, countRows(this.#db, undefined, this.#filter) - given);
      return;
    }
    // In pages of ids: SQLite gives a page at once faster than a row at a time, and a page is soon let go. Rows come
    // as arrays of their values: SQLite makes no keyed object per row.
    const page = this.#db.prepare(`select ${V2_COLUMNS} from memory_entries where id > ?${this.#and} order by id limit ${PAGE_ROWS}`);
    page.setReturnArrays(true);
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      let rows: unknown[][];
      try {
        rows = page.all(after) as unknown as unknown[][];
      } catch {
        // A damaged page: its rows are read one at a time up to the damage, which is then named.
        this.error = readEach(this.#db, `select ${V2_COLUMNS} from memory_entries where id > ?${this.#and} order by id`, [after], true, one);
        return;
      }
      for (const row of rows) {
        if (one(row) === false) {
          this.#unread = countRows(this.#db, row[0] as number, this.#filter);
          this.error = null;
          return;
        }
      }
      if (rows.length < PAGE_ROWS) break;
      after = rows[rows.length - 1]![0] as number;
    }
    this.error = null;
  }

  unread(): number {
    return this.#unread;
  }

  count(): number {
    return countRows(this.#db, undefined, this.#filter);
  }

  of(namespaces: readonly string[]): (readonly unknown[])[] {
    const rows: (readonly unknown[])[] = [];
    const error = readEach(
      this.#db,
      `select ${V2_COLUMNS} from memory_entries where namespace in (${namespaces.map(() => '?').join(', ')})${this.#and} order by id limit ${maxRecordsRead}`,
      namespaces,
      true,
      (row) => rows.push(row as unknown[]),
    );
    if (error === null) return rows;
    // The namespace index can be what is damaged: the rows are then sought in a full read (which notes any damage).
    const found: (readonly unknown[])[] = [];
    const at = MEMORY_ENTRY_COLUMNS.indexOf('namespace');
    this.each((row) => {
      if (namespaces.includes(row[at] as string)) found.push(row);
      return found.length < maxRecordsRead;
    });
    return found;
  }
}
