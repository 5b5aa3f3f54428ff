/**
 * A store read while an agent writes it: another process commits rows and checkpoints the WAL with TRUNCATE (the
 * moment a copy of the database and its WAL can come from two different states), and every read must hold at least
 * the rows committed before it began, or say that the store changed under it. "Damaged" is never the answer for a
 * store that is only busy.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readSqliteStore } from '../../../src/core/io/read-sqlite.ts';

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
      const read = readSqliteStore(join(dir, 'memory.db'));
      outcomes.reads++;
      if (read.torn) outcomes.torn++;
      const rows = 'rows' in read ? read.rows.length : 0;
      if (!read.torn && (rows < before || read.error !== null)) outcomes.short.push(`${rows} rows of ${before} committed${read.error ? `, error ${read.error}` : ''}`);
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
