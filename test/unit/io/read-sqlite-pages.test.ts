/**
 * A store is read in pages of ids while its rows are imported (read-sqlite.ts, StoreRows). These stores are larger
 * than a page, so a page boundary, damage after the first page, and a table whose id is not its rowid are all met.
 */
import { readFileSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, test } from 'vitest';
import { readHookSources } from '../../../src/core/io/read-hooks.ts';
import { readMemoryEntrySources, type MemoryEntryRow } from '../../../src/core/hooks/memory-entries.ts';
import { tempDir } from './hook-dirs.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const ROWS = 10_000;
const START = 1_761_300_000;

/** A store of `ROWS` notify rows, in a folder of its own; `idType` declares the id column. */
function store(idType: 'integer primary key' | 'text'): { dir: string; rows: MemoryEntryRow[] } {
  const dir = tempDir();
  scratch.push(dir);
  const db = new DatabaseSync(join(dir, 'memory.db'));
  db.exec(`create table memory_entries (id ${idType}, key text, value text, namespace text, metadata text, created_at integer, updated_at integer)`);
  const insert = db.prepare('insert into memory_entries (id, key, value, namespace, metadata, created_at, updated_at) values (?, ?, ?, ?, null, ?, ?)');
  const rows: MemoryEntryRow[] = [];
  db.exec('begin');
  for (let id = 1; id <= ROWS; id++) {
    const row = {
      id,
      key: `notify-${id}`,
      value: JSON.stringify({ message: `step ${id} done`, level: 'info' }),
      namespace: 'hooks:notify',
      metadata: null,
      created_at: START + id,
      updated_at: START + id,
    };
    // Text ids are written as text, so SQLite orders them as text: "10" before "2".
    insert.run(idType === 'text' ? String(id) : id, row.key, row.value, row.namespace, row.created_at, row.updated_at);
    rows.push(row);
  }
  db.exec('commit');
  db.close();
  return { dir, rows };
}

const messages = (dir: string) => readHookSources(dir)[0]!.events.map((event) => event.message);

describe('a store read in pages', () => {
  test('every row of a store larger than a page, in id order, as the same rows given whole', () => {
    const { dir, rows } = store('integer primary key');
    const fromStore = readHookSources(dir)[0]!;
    const fromRows = readMemoryEntrySources([{ path: fromStore.report.path, format: 'claude-flow-sqlite', rows }])[0]!;
    expect(fromStore.report).toEqual(fromRows.report);
    expect(fromStore.events).toEqual(fromRows.events);
    expect(fromStore.events.map((event) => event.message)).toEqual(rows.map((row) => `step ${row.id} done`));
  });

  test('a store cut after its first pages: the rows before the cut are read, in order, and the damage is named', () => {
    const { dir } = store('integer primary key');
    const whole = messages(dir);
    const db = join(dir, 'memory.db');
    truncateSync(db, Math.floor(readFileSync(db).length * 0.7));
    const result = readHookSources(dir)[0]!;
    const read = result.events.map((event) => event.message);
    expect(read.length).toBeGreaterThan(4096);
    expect(read.length).toBeLessThan(ROWS);
    expect(read).toEqual(whole.slice(0, read.length));
    expect(result.report.warnings).toEqual([expect.stringMatching(/memory\.db: the database is damaged \(.+\); the rows before the damage were read\.$/)]);
  });

  test('a table whose id is not its rowid (ids stored as text): every row, in the order SQLite sorts the ids', () => {
    const { dir, rows } = store('text');
    expect(messages(dir)).toEqual(
      rows
        .map((row) => String(row.id))
        .toSorted()
        .map((id) => `step ${id} done`),
    );
  });

  test('a task-index row read before the rows it explains: the agent of a pre-task row many pages later', () => {
    const { dir } = store('integer primary key');
    const db = new DatabaseSync(join(dir, 'memory.db'));
    db.prepare("update memory_entries set key = 'task-index:1', value = ?, namespace = 'task-index' where id = 1").run(
      JSON.stringify({ taskId: 'task-1', timestamp: '2025-10-24T10:00:00Z' }),
    );
    db.prepare("insert into memory_entries (id, key, value, namespace, created_at) values (?, 'pre-task:task-1', ?, 'hooks:pre-task', ?)").run(
      ROWS + 1,
      JSON.stringify({ taskId: 'task-1', agentId: 'coder-7' }),
      START + ROWS + 1,
    );
    db.close();
    const { events, report } = readHookSources(dir)[0]!;
    const starts = events.filter((event) => event.kind === 'task.start');
    expect(starts.map((event) => [event.taskRef, event.agent, event.source.row])).toEqual([['task-1', 'coder-7', 1]]);
    expect(report.skippedReasons).toEqual({ 'copy of a task start counted from task-index': 1 });
  });
});
