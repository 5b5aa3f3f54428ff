/** Bad-input corpus, hook logs: every problem is a warning naming the file, and records are counted (records = imported + skipped). Messages pinned as `npm run validate` prints them. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as cairnNdjson from '../../../src/core/hooks/cairn-ndjson.ts';
import { chronological } from '../../../src/core/model/status.ts';
import { fixturePath } from '../fixtures.ts';
import { pin } from './run-case.ts';

describe('hook logs (readHookSources; loadContent for the clock)', () => {
  test('hooks-sqlite-truncated: counted-and-skipped', () => {
    expect(pin('hooks-sqlite-truncated')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory.db: claude-flow-sqlite, 1 records, 0 imported, 1 skipped (1 × database unreadable)
      warning <tmp>/hooks/memory.db: SQLite cannot open it: malformed database schema (idx_memory_accessed) - invalid rootpage."
    `);
  });
  test('hooks-sqlite-corrupt: counted-and-skipped', () => {
    expect(pin('hooks-sqlite-corrupt')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory.db: claude-flow-sqlite, 1 records, 0 imported, 1 skipped (1 × database unreadable)
      warning <tmp>/hooks/memory.db: SQLite cannot open it: database disk image is malformed."
    `);
  });
  test('hooks-zero-byte-db: counted-and-skipped', () => {
    expect(pin('hooks-zero-byte-db')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory.db: unknown, 1 records, 0 imported, 1 skipped (1 × empty file)
      warning <tmp>/hooks/memory.db: is empty; there is nothing to import."
    `);
  });
  test('hooks-empty-json: counted-and-skipped', () => {
    expect(pin('hooks-empty-json')).toMatchInlineSnapshot(`
      "<tmp>/hooks/events.json: unknown, 1 records, 0 imported, 1 skipped (1 × empty file)
      warning <tmp>/hooks/events.json: is empty; there is nothing to import."
    `);
  });
  test('hooks-sqlite-no-memory-entries: counted-and-skipped', () => {
    expect(pin('hooks-sqlite-no-memory-entries')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory.db: claude-flow-sqlite, 1 records, 0 imported, 1 skipped (1 × no memory_entries table)
      warning <tmp>/hooks/memory.db: is a SQLite database without a memory_entries table (tables: agents)."
    `);
  });
  test('hooks-sqlite-unknown-columns: counted-and-skipped', () => {
    expect(pin('hooks-sqlite-unknown-columns')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory.db: claude-flow-sqlite, 1 records, 0 imported, 1 skipped (1 × unknown memory_entries columns)
      warning <tmp>/hooks/memory.db: has a memory_entries table, but with neither claude-flow v2's "value" column nor v3's "content" (columns: id, k, v)."
    `);
  });
  test('hooks-orphan-wal: counted-and-skipped', () => {
    expect(pin('hooks-orphan-wal')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory.db-wal: claude-flow-sqlite, 1 records, 0 imported, 1 skipped (1 × WAL without its database)
      warning <tmp>/hooks/memory.db-wal: has no database beside it (<tmp>/hooks/memory.db); a WAL cannot be read on its own."
    `);
  });
  test('hooks-unknown-namespace: counted-and-skipped', () => {
    expect(pin('hooks-unknown-namespace')).toMatchInlineSnapshot(
      `"<tmp>/hooks/memory_entries.json: sqlite-json, 4 records, 1 imported, 3 skipped (2 × namespace "mystery" is not a known hook namespace; 1 × namespace "swarm-v9" is not a known hook namespace)"`,
    );
  });
  test('hooks-prototype-namespace: counted-and-skipped', () => {
    expect(pin('hooks-prototype-namespace')).toMatchInlineSnapshot(
      `"<tmp>/hooks/memory_entries.json: sqlite-json, 4 records, 0 imported, 4 skipped (1 × namespace "__proto__" is not a known hook namespace; 1 × namespace "constructor" is not a known hook namespace; 1 × namespace "toString" is not a known hook namespace; 1 × namespace "hasOwnProperty" is not a known hook namespace)"`,
    );
  });
  test('hooks-dump-wrong-types: warning', () => {
    expect(pin('hooks-dump-wrong-types')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory_entries.json: sqlite-json, 3 records, 3 imported, 0 skipped
      warning <tmp>/hooks/memory_entries.json: 3 row(s) have fields of a type memory_entries does not hold (first: row 1, value is an object, metadata is a number); they were read as text."
    `);
  });
  test('hooks-bad-timestamps-dump: warning', () => {
    expect(pin('hooks-bad-timestamps-dump')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory_entries.json: sqlite-json, 4 records, 4 imported, 0 skipped
      warning <tmp>/hooks/memory_entries.json: 3 row(s) have a created_at that is not a time (first: row 1, "yesterday"); their events take the time in their value, or have none."
    `);
  });
  test('hooks-bad-timestamps-ndjson: counted-and-skipped', () => {
    expect(pin('hooks-bad-timestamps-ndjson')).toMatchInlineSnapshot(`
      "<tmp>/hooks/events.ndjson: cairn-ndjson, 5 records, 2 imported, 3 skipped (3 × line does not match the Cairn event schema)
      warning <tmp>/hooks/events.ndjson: line 2: time: Invalid ISO datetime
      warning <tmp>/hooks/events.ndjson: line 3: time: Invalid input: expected string, received number
      warning <tmp>/hooks/events.ndjson: line 4: time: Invalid ISO datetime"
    `);
  });
  test('hooks-huge-epoch-memory-store: warning', () => {
    expect(pin('hooks-huge-epoch-memory-store')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory-store.json: claude-flow-memory-store, 3 records, 3 imported, 0 skipped
      warning <tmp>/hooks/memory-store.json: 2 entries have a timestamp that is not a time (first: "phase1/setup/notes", 100000000000000000000); they were imported without one."
    `);
  });
  test('hooks-out-of-order-duplicates: counted-and-skipped', () => {
    expect(pin('hooks-out-of-order-duplicates')).toMatchInlineSnapshot(`
      "<tmp>/hooks/events.ndjson: cairn-ndjson, 5 records, 3 imported, 2 skipped (2 × repeats an earlier line exactly)
      warning <tmp>/hooks/events.ndjson: 2 line(s) repeat an earlier event exactly (first: line 4 = line 2); each event was imported once."
    `);
  });
  test('hooks-ndjson-bad-lines: counted-and-skipped', () => {
    expect(pin('hooks-ndjson-bad-lines')).toMatchInlineSnapshot(`
      "<tmp>/hooks/events.ndjson: cairn-ndjson, 7 records, 1 imported, 6 skipped (2 × line is not valid JSON; 4 × line does not match the Cairn event schema)
      warning <tmp>/hooks/events.ndjson: line 2: not valid JSON
      warning <tmp>/hooks/events.ndjson: line 3: not valid JSON
      warning <tmp>/hooks/events.ndjson: line 4: kind: Invalid option: expected one of "task.start"|"task.end"|"edit"|"notify"|"memory.set"|"command"|"agent.spawn"|"session.start"|"session.restore"|"session.end"|"metrics"
      warning <tmp>/hooks/events.ndjson: line 5: time: missing (expected string)
      warning <tmp>/hooks/events.ndjson: line 6: event: Invalid input: expected object, received array
      warning <tmp>/hooks/events.ndjson: line 7: durationMs: Too small: expected number to be >=0"
    `);
  });
  test('hooks-ndjson-without-kind: counted-and-skipped', () => {
    expect(pin('hooks-ndjson-without-kind')).toMatchInlineSnapshot(`
      "<tmp>/hooks/events.ndjson: unknown, 2 records, 0 imported, 2 skipped (2 × unknown JSON shape)
      warning <tmp>/hooks/events.ndjson: is newline-delimited JSON without a "kind" field, so not Cairn events; nothing was imported from it. Cairn reads: claude-flow memory.db (with its -wal) and its sqlite3 -json dump, memory-store.json and memory export files, .claude-flow/metrics/*.json, Claude Code hook logs (logs/*.json), and Cairn NDJSON events."
    `);
  });
  test('hooks-claude-code-not-array: counted-and-skipped', () => {
    expect(pin('hooks-claude-code-not-array')).toMatchInlineSnapshot(`
      "<tmp>/hooks/stop.json: unknown, 1 records, 0 imported, 1 skipped (1 × unknown JSON shape)
      warning <tmp>/hooks/stop.json: is JSON of a shape Cairn does not know; nothing was imported from it. Cairn reads: claude-flow memory.db (with its -wal) and its sqlite3 -json dump, memory-store.json and memory export files, .claude-flow/metrics/*.json, Claude Code hook logs (logs/*.json), and Cairn NDJSON events."
    `);
  });
  test('hooks-claude-code-truncated: warning', () => {
    expect(pin('hooks-claude-code-truncated')).toMatchInlineSnapshot(`
      "<tmp>/hooks/post_tool_use.json: claude-code-log, 2 records, 2 imported, 0 skipped
      warning <tmp>/hooks/post_tool_use.json: is not valid JSON (Unterminated string in JSON at line 4, column 75); the file looks cut off; the 2 complete records before the cut were read, the rest is lost."
    `);
  });
  test('hooks-json-trailing-garbage: warning', () => {
    expect(pin('hooks-json-trailing-garbage')).toMatchInlineSnapshot(`
      "<tmp>/hooks/notification.json: claude-code-log, 1 records, 1 imported, 0 skipped
      warning <tmp>/hooks/notification.json: has 3 stray characters after its JSON (a write that raced another); they were ignored."
    `);
  });
  test('hooks-unknown-json-shape: counted-and-skipped', () => {
    expect(pin('hooks-unknown-json-shape')).toMatchInlineSnapshot(`
      "<tmp>/hooks/status.json: unknown, 1 records, 0 imported, 1 skipped (1 × unknown JSON shape)
      warning <tmp>/hooks/status.json: is JSON of a shape Cairn does not know; nothing was imported from it. Cairn reads: claude-flow memory.db (with its -wal) and its sqlite3 -json dump, memory-store.json and memory export files, .claude-flow/metrics/*.json, Claude Code hook logs (logs/*.json), and Cairn NDJSON events."
    `);
  });
  test('hooks-not-a-log: counted-and-skipped', () => {
    expect(pin('hooks-not-a-log')).toMatchInlineSnapshot(`
      "<tmp>/hooks/notes.txt: unknown, 1 records, 0 imported, 1 skipped (1 × not a hook log)
      warning <tmp>/hooks/notes.txt: is not a hook log Cairn can read (not SQLite, JSON or Cairn NDJSON)."
    `);
  });
  test('hooks-binary-garbage: counted-and-skipped', () => {
    expect(pin('hooks-binary-garbage')).toMatchInlineSnapshot(`
      "<tmp>/hooks/events.log: unknown, 1 records, 0 imported, 1 skipped (1 × not a hook log)
      warning <tmp>/hooks/events.log: is not a hook log Cairn can read (not SQLite, JSON or Cairn NDJSON)."
    `);
  });
  test('hooks-deep-nesting-metrics: warning', () => {
    expect(pin('hooks-deep-nesting-metrics')).toMatchInlineSnapshot(`
      "<tmp>/hooks/performance.json: claude-flow-metrics, 1 records, 1 imported, 0 skipped
      warning <tmp>/hooks/performance.json: 1 value(s) are nested more than 16 levels deep and were left out (first: nested.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a)."
    `);
  });
  test('hooks-claude-flow-data-bad-elements: counted-and-skipped', () => {
    expect(pin('hooks-claude-flow-data-bad-elements')).toMatchInlineSnapshot(
      `"<tmp>/hooks/claude-flow-data.json: claude-flow-data, 5 records, 2 imported, 3 skipped (2 × not an agent record; 1 × not a task record)"`,
    );
  });
  test('hooks-ndjson-line-over-limit: counted-and-skipped', () => {
    expect(pin('hooks-ndjson-line-over-limit')).toMatchInlineSnapshot(`
      "<tmp>/hooks/events.ndjson: cairn-ndjson, 3 records, 2 imported, 1 skipped (1 × record over 1 MB)
      warning <tmp>/hooks/events.ndjson: 1 line(s) are over 1.0 MB (first: line 2, 1.2 MB); each was skipped and counted, not read."
    `);
  });
  test('hooks-sqlite-value-over-limit: counted-and-skipped', () => {
    expect(pin('hooks-sqlite-value-over-limit')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory.db: claude-flow-sqlite, 3 records, 2 imported, 1 skipped (1 × record over 1 MB)
      warning <tmp>/hooks/memory.db: 1 row(s) have a key, value or metadata over 1.0 MB (first: row 2); each was skipped and counted, not read."
    `);
  });
  test('hooks-future-clock: warning', () => {
    expect(pin('hooks-future-clock')).toMatchInlineSnapshot(`
      "test/fixtures/bad-input/packages/hooks-future-clock/phases/phase-1/hooks/events.ndjson: cairn-ndjson, 3 records, 3 imported, 0 skipped
      warning 2 event(s) are dated after the build's time (2025-10-25T18:00:00Z), the newest at 9999-12-31T23:59:59.000Z: a clock was wrong, or CAIRN_AS_OF is earlier than the logs."
    `);
  });
});

describe('hook logs: what the counts do not show', () => {
  test('hooks-out-of-order-duplicates: events out of line order are put in time order, each once', () => {
    const text = readFileSync(fixturePath('bad-input/hooks/hooks-out-of-order-duplicates/events.ndjson'), 'utf8');
    const { events } = cairnNdjson.readText(text, 'events.ndjson');
    expect(chronological(events).map((event) => [event.kind, event.time, event.source.row])).toEqual([
      ['task.start', '2025-10-23T08:00:00.000Z', 2],
      ['notify', '2025-10-23T10:00:00.000Z', 3],
      ['task.end', '2025-10-23T12:00:00.000Z', 1],
    ]);
  });
  test('hooks-empty-db-with-wal: warning', () => {
    expect(pin('hooks-empty-db-with-wal')).toMatchInlineSnapshot(`
      "<tmp>/hooks/memory.db: claude-flow-sqlite, 500 records, 500 imported, 0 skipped
      warning <tmp>/hooks/memory.db: the database file is empty (its first checkpoint never ran), so its rows were read from its -wal."
    `);
  });
  test('hooks-fifo: counted-and-skipped', () => {
    expect(pin('hooks-fifo')).toMatchInlineSnapshot(`
      "<tmp>/hooks/events.ndjson: unknown, 1 records, 0 imported, 1 skipped (1 × not a regular file)
      warning <tmp>/hooks/events.ndjson: is not a regular file (a folder link, a pipe or a device); it was not read."
    `);
  });
  test('hooks-symlink-loop: counted-and-skipped', () => {
    expect(pin('hooks-symlink-loop')).toMatchInlineSnapshot(`
      "<tmp>/hooks/a.json: unknown, 1 records, 0 imported, 1 skipped (1 × link that leads in a circle)
      <tmp>/hooks/b.json: unknown, 1 records, 0 imported, 1 skipped (1 × link that leads in a circle)
      warning <tmp>/hooks/a.json: is a symbolic link that leads in a circle; it was not read.
      warning <tmp>/hooks/b.json: is a symbolic link that leads in a circle; it was not read."
    `);
  });
  test('hooks-folder-link: counted-and-skipped', () => {
    expect(pin('hooks-folder-link')).toMatchInlineSnapshot(`
      "<tmp>/hooks/logs.json: unknown, 1 records, 0 imported, 1 skipped (1 × not a regular file)
      warning <tmp>/hooks/logs.json: is not a regular file (a folder link, a pipe or a device); it was not read."
    `);
  });
});
