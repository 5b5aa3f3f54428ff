/**
 * The limits on the hook logs (src/core/hooks/limits.ts), at small sizes: a record over 1 MB skipped and counted,
 * logs read up to the read limit with the rest counted, text of an event cut where pages show it. Full sizes (700 MB of
 * NDJSON, a 200 MB line, a 10-million-row memory.db) are measured by `npm run audit:sizes`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, test } from 'vitest';
import { readText } from '../../../src/core/hooks/cairn-ndjson.ts';
import { capEventText } from '../../../src/core/hooks/limits.ts';
import { readMemoryEntrySources, type MemoryEntryRow } from '../../../src/core/hooks/memory-entries.ts';
import { FileLines } from '../../../src/core/io/read-lines.ts';
import { readHookFiles } from '../../../src/core/io/read-hooks.ts';
import { openSqliteStore } from '../../../src/core/io/read-sqlite.ts';
import { deriveActivity } from '../../../src/core/model/derive-activity.ts';
import type { ImportResult } from '../../../src/core/schema/package-files.ts';
import { SCHEMA } from '../../../scripts/lib/claude-flow-store.ts';
import { hookEvent } from '../hook-event.ts';

const dir = mkdtempSync(join(tmpdir(), 'cairn-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (n: number, message = `step ${n}`) =>
  JSON.stringify({ kind: 'notify', time: `2025-10-23T08:00:${String(n % 60).padStart(2, '0')}Z`, task: '1.1', message });
/** What a source's report says, the way the data-quality panel counts it. */
const counts = ({ report }: ImportResult) => ({
  records: report.records,
  imported: report.imported,
  skipped: report.skipped,
  skippedReasons: report.skippedReasons,
  warnings: report.warnings,
});

describe('Cairn NDJSON', () => {
  const big = 'x'.repeat(1_200_000);
  const text = [line(1), line(2, big), line(3)].join('\n');

  test('a line over 1 MB is skipped and counted, never read; the lines around it are imported', () => {
    const result = readText(text, 'hooks/events.ndjson');
    expect(counts(result)).toEqual({
      records: 3,
      imported: 2,
      skipped: 1,
      skippedReasons: { 'record over 1 MB': 1 },
      warnings: ['hooks/events.ndjson: 1 line(s) are over 1.0 MB (first: line 2, 1.2 MB); each was skipped and counted, not read.'],
    });
    expect(result.events.map((event) => event.message)).toEqual(['step 1', 'step 3']);
  });

  test('a file is read line by line with the same outcome as its text', () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, `\uFEFF${text.replaceAll('\n', '\r\n')}\r\n`);
    const [result] = readHookFiles([file], null, () => 'hooks/events.ndjson');
    expect(counts(result!)).toEqual(counts(readText(text, 'hooks/events.ndjson')));
  });

  test('past the read limit, the lines after are counted as skipped, not read; what was read is taken off the budget', () => {
    const lines = Array.from({ length: 7 }, (_, i) => line(i + 1));
    const budget = { records: 3, bytes: 1e9, text: 1e9 };
    const result = readText(lines.join('\n\n'), 'hooks/events.ndjson', budget);
    expect(counts(result)).toEqual({
      records: 7,
      imported: 3,
      skipped: 4,
      skippedReasons: { 'past the read limit (not read)': 4 },
      warnings: [
        'hooks/events.ndjson: holds 7 lines: the first 3 were read (the hook logs of one folder give at most 1,000,000 records, 1.0 GB and 128 MB of event text together), and the 4 after were counted as skipped, not read.',
      ],
    });
    expect(budget.records).toBe(0);
    // A spent budget: every line counted, none read.
    expect(readText(lines.join('\n'), 'hooks/events.ndjson', budget).report).toMatchObject({
      records: 7,
      imported: 0,
      skipped: 7,
      warnings: [
        'hooks/events.ndjson: holds 7 lines, none read: the hook logs of one folder give at most 1,000,000 records, 1.0 GB and 128 MB of event text together, and the logs before it in the folder gave that much; each was counted as skipped.',
      ],
    });
    // Bytes: each line is some 70 characters, so 200 are spent after the third.
    expect(readText(lines.join('\n'), 'hooks/events.ndjson', { records: 100, bytes: 200, text: 1e9 }).report).toMatchObject({
      records: 7,
      imported: 3,
      skipped: 4,
    });
    // Event text: "step 1" and "1.1", 9 characters an event, so 25 are spent after the third.
    expect(readText(lines.join('\n'), 'hooks/events.ndjson', { records: 100, bytes: 1e9, text: 25 }).report).toMatchObject({
      records: 7,
      imported: 3,
      skipped: 4,
    });
  });
});

describe('one folder of logs', () => {
  test('the read limit holds for its files together: a file past it is counted, or not read when it is JSON', () => {
    const files = ['a.ndjson', 'b.ndjson'].map((name, file) => {
      const path = join(dir, name);
      writeFileSync(path, Array.from({ length: 5 }, (_, i) => line(file * 5 + i + 1)).join('\n'));
      return path;
    });
    const json = join(dir, 'c.json');
    writeFileSync(json, JSON.stringify([{ session_id: 's', hook_event_name: 'Stop' }]));
    const results = readHookFiles([...files, json], null, (file) => `hooks/${file.slice(dir.length + 1)}`, { records: 7, bytes: 1e9, text: 1e9 });
    expect(results.map(({ report }) => [report.path, report.records, report.imported, report.skipped, report.skippedReasons])).toEqual([
      ['hooks/a.ndjson', 5, 5, 0, {}],
      ['hooks/b.ndjson', 5, 2, 3, { 'past the read limit (not read)': 3 }],
      ['hooks/c.json', 1, 0, 1, { 'past the read limit (not read)': 1 }],
    ]);
    expect(results[2]!.report.warnings[0]).toMatch(
      /^hooks\/c\.json: was not read: the hook logs before it in this folder gave 1,000,000 records, 1\.0 GB or 128 MB of event text/,
    );
  });
});

describe('FileLines', () => {
  test('lines past the length limit are only measured; the rest can be counted without reading them', () => {
    const file = join(dir, 'lines.txt');
    writeFileSync(file, `one\r\n${'y'.repeat(50)}\n\nthree\n\r\n${'z'.repeat(3_000_000)}\nlast`);
    const lines = new FileLines(file, 20);
    try {
      expect([lines.next(), lines.next(), lines.next(), lines.next()]).toEqual([
        { number: 1, text: 'one' },
        { number: 2, bytes: 50 },
        { number: 3, text: '' },
        { number: 4, text: 'three' },
      ]);
      // "\r", a 3 MB line and "last": two hold anything.
      expect(lines.countRest()).toBe(2);
      expect(lines.next()).toBeNull();
    } finally {
      lines.close();
    }
  });
});

describe('claude-flow memory_entries', () => {
  const row = (id: number, value: string): MemoryEntryRow => ({
    id,
    key: `notification:${id}`,
    value,
    namespace: 'hooks:notify',
    metadata: null,
    created_at: 1761206400 + id,
    updated_at: null,
  });
  const notify = (id: number) => JSON.stringify({ message: `step ${id}`, level: 'info', timestamp: new Date((1761206400 + id) * 1000).toISOString() });

  test('a row whose value is over 1 MB is skipped and counted', () => {
    const [result] = readMemoryEntrySources([
      { path: 'memory.json', format: 'sqlite-json', rows: [row(1, notify(1)), row(2, 'v'.repeat(1_100_000)), row(3, notify(3))] },
    ]);
    expect(counts(result!)).toEqual({
      records: 3,
      imported: 2,
      skipped: 1,
      skippedReasons: { 'record over 1 MB': 1 },
      warnings: ['memory.json: 1 row(s) have a key, value or metadata over 1.0 MB (first: row 2); each was skipped and counted, not read.'],
    });
  });

  test('a store is read up to the read limit; the rows after are counted by SQLite, not read', () => {
    const path = join(dir, 'memory.db');
    const db = new DatabaseSync(path);
    db.exec(SCHEMA);
    const insert = db.prepare('insert into memory_entries (key, value, namespace, created_at) values (?, ?, ?, ?)');
    for (let id = 1; id <= 10; id++) insert.run(`notification:${id}`, id === 2 ? 'w'.repeat(2_000_000) : notify(id), 'hooks:notify', 1761206400 + id);
    db.close();
    const store = openSqliteStore(path);
    try {
      if (store.read.schema !== 'v2') throw new Error('not a v2 store');
      const [result] = readMemoryEntrySources([{ path: 'hooks/memory.db', format: 'claude-flow-sqlite', rows: store.read.rows }], {
        records: 4,
        bytes: 1e9,
        text: 1e9,
      });
      expect(counts(result!)).toEqual({
        records: 10,
        imported: 3,
        skipped: 7,
        skippedReasons: { 'record over 1 MB': 1, 'past the read limit (not read)': 6 },
        warnings: [
          'hooks/memory.db: holds 10 rows: the first 4 were read (the hook logs of one folder give at most 1,000,000 records, 1.0 GB and 128 MB of event text together), and the 6 after were counted as skipped, not read.',
          'hooks/memory.db: 1 row(s) have a key, value or metadata over 1.0 MB (first: row 2); each was skipped and counted, not read.',
        ],
      });
    } finally {
      store.close();
    }
  });
});

describe('text shown of an event', () => {
  /** The longest text an event shows whole, as docs/guarantees.md gives it. */
  const maxShownChars = 4_000;
  const shown = (message: string) => capEventText(hookEvent({ kind: 'notify', time: '2025-10-23T08:00:00Z', message })).message;

  test(`is cut at ${maxShownChars.toLocaleString('en-US')} characters, with how many more there were`, () => {
    const long = 'm'.repeat(maxShownChars + 1234);
    const cut = `${'m'.repeat(maxShownChars)}…(1,234 more characters)`;
    expect(shown(long)).toBe(cut);
    expect(shown('m'.repeat(maxShownChars))).toBe('m'.repeat(maxShownChars));
    // A character of two UTF-16 units is not cut in half.
    expect(shown(`${'m'.repeat(maxShownChars - 1)}😀tail`)).toBe(`${'m'.repeat(maxShownChars - 1)}…(6 more characters)`);
    const event = hookEvent({ kind: 'notify', time: '2025-10-23T08:00:00Z', message: long, data: { note: long, count: 3 } });
    expect(capEventText(event)).toMatchObject({ message: cut, data: { note: cut, count: 3 } });
    const short = hookEvent({ kind: 'notify', time: '2025-10-23T08:00:00Z', message: 'ok' });
    expect(capEventText(short)).toBe(short);
  });

  test('every event of a phase is cut so, after its secrets are redacted', () => {
    const secret = `ghp_${'A1b2'.repeat(9)}`;
    const message = `${'m'.repeat(maxShownChars - 10)} ${secret} ${'n'.repeat(10_000)}`;
    const events = [hookEvent({ kind: 'notify', time: '2025-10-23T08:00:00Z', message })];
    const imports: ImportResult[] = [
      {
        events,
        report: {
          path: 'hooks/events.ndjson',
          format: 'cairn-ndjson',
          records: 1,
          imported: 1,
          skipped: 0,
          skippedReasons: {},
          newest: null,
          warnings: [],
          redactions: {},
          readWith: [],
          shared: false,
        },
      },
    ];
    const [view] = deriveActivity([], imports, null).events;
    expect(view!.message!.length).toBeLessThan(maxShownChars + 40);
    expect(view!.message).toMatch(/…\([\d,]+ more characters\)$/);
    expect(view!.message).not.toContain('ghp_');
    expect(events[0]!.message).toBe(message);
  });
});
