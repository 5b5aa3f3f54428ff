/**
 * A store read while an agent writes it: another process commits rows and checkpoints the WAL with TRUNCATE (the
 * moment a copy of the database and its WAL can come from two different states), and every read must hold at least
 * the rows committed before it began, or say that the store changed under it. "Damaged" is never the answer for a
 * store that is only busy.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readStoreRows } from './hook-dirs.ts';

const writer = String.raw`
const { DatabaseSync } = require('node:sqlite');
const { existsSync, renameSync, writeFileSync } = require('node:fs');
const [dir] = process.argv.slice(1);
const db = new DatabaseSync(dir + '/memory.db');
db.exec('PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; create table memory_entries (id integer primary key, key text, value text, namespace text, metadata text, created_at integer, updated_at integer);');
const insert = db.prepare('insert into memory_entries (key, value, namespace, created_at) values (?, ?, ?, ?)');
let rows = 0;
for (let commit = 1; !existsSync(dir + '/stop') && commit < 100000; commit++) {
  db.exec('begin');
  for (let i = 0; i < 5; i++) insert.run('notify-' + (++rows), JSON.stringify({ message: 'row ' + rows, level: 'info' }), 'hooks:notify', 1761300000 + rows);
  db.exec('commit');
  writeFileSync(dir + '/committed.tmp', String(rows));
  renameSync(dir + '/committed.tmp', dir + '/committed');
  if (commit % 7 === 0) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}
db.close();
`;

test('reads during writes and TRUNCATE checkpoints never miss committed rows without saying so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-live-store-'));
  const child = spawn(process.execPath, ['-e', writer, dir], { stdio: 'inherit' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const committed = () => (existsSync(join(dir, 'committed')) ? Number(readFileSync(join(dir, 'committed'), 'utf8')) : 0);
    while (committed() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const outcomes = { reads: 0, torn: 0, short: [] as string[] };
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      const before = committed();
      const read = readStoreRows(join(dir, 'memory.db'));
      outcomes.reads++;
      if (read.torn) outcomes.torn++;
      const rows = read.rows.length;
      if (!read.torn && (rows < before || read.error !== null))
        outcomes.short.push(`${rows} rows of ${before} committed${read.error ? `, error ${read.error}` : ''}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(outcomes.short).toEqual([]);
    expect(outcomes.reads).toBeGreaterThan(20);
  } finally {
    writeFileSync(join(dir, 'stop'), '');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

test('a store copied in the middle of a transaction in rollback-journal mode gives its committed rows, and its files stay as they were', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-hot-journal-'));
  try {
    const db = new DatabaseSync(join(dir, 'writer.db'));
    db.exec(
      'PRAGMA journal_mode=DELETE; PRAGMA cache_size=2; create table memory_entries (id integer primary key, key text, value text, namespace text, metadata text, created_at integer, updated_at integer);',
    );
    const insert = db.prepare('insert into memory_entries (key, value, namespace) values (?, ?, ?)');
    for (let row = 0; row < 200; row++) insert.run(`notify-${row}`, 'v'.repeat(200), 'hooks:notify');
    db.exec('begin');
    // A small cache makes SQLite write the open transaction's pages into the file, with the old ones in the journal.
    for (let row = 0; row < 3000; row++) insert.run(`open-${row}`, 'w'.repeat(300), 'hooks:notify');
    expect(existsSync(join(dir, 'writer.db-journal'))).toBe(true);
    mkdirSync(join(dir, 'copied'));
    copyFileSync(join(dir, 'writer.db'), join(dir, 'copied', 'memory.db'));
    copyFileSync(join(dir, 'writer.db-journal'), join(dir, 'copied', 'memory.db-journal'));
    db.exec('rollback');
    db.close();
    const before = readdirSync(join(dir, 'copied')).map((name) => [name, readFileSync(join(dir, 'copied', name)).length]);
    const read = readStoreRows(join(dir, 'copied', 'memory.db'));
    expect([read.rows.length, read.error]).toEqual([200, null]);
    expect(readdirSync(join(dir, 'copied')).map((name) => [name, readFileSync(join(dir, 'copied', name)).length])).toEqual(before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
