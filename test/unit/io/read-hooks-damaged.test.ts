import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readHookSources } from '../../../src/core/io/read-hooks.ts';
import type { HookEvent } from '../../../src/core/schema/model.ts';
import { fixturePath } from '../fixtures.ts';
import { summarize } from '../hooks/formats/hook-fixtures.ts';
import { sqliteCase, tempDir, warningsIn } from './hook-dirs.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temp folder holding the given files (name → bytes or text). */
function folder(files: Record<string, Buffer | string>): string {
  const dir = tempDir();
  scratch.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The one source a folder gives, with its warnings relative to the folder. */
function readOne(dir: string) {
  const results = readHookSources(dir);
  expect(results).toHaveLength(1);
  const result = results[0]!;
  expect(result.report.records).toBe(result.report.imported + result.report.skipped);
  return { format: result.report.format, ...summarize(result), warnings: warningsIn(result, dir), events: result.events };
}

/** Deterministic garbage: a linear congruential generator, so the damage is the same on every run. */
function garbage(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  return bytes;
}

const withoutSource = ({ id: _id, source, ...event }: HookEvent) => ({ ...event, row: source.row });
const dsfr = readFileSync(join(sqliteCase('dsfr-no-wal'), 'memory.db'));
const run1 = readFileSync(join(sqliteCase('run1-db-and-dump'), 'memory.db'));
const dump = readFileSync(join(sqliteCase('run1-db-and-dump'), 'memory_entries.json'), 'utf8');
const damaged = '<dir>/memory.db: the database is damaged (database disk image is malformed); the rows before the damage were read.';

describe('damaged SQLite files: a warning naming the file, never a throw', () => {
  test('dsfr memory.db cut in half (96,256 of 192,512 bytes): the 78 rows before the cut are read', () => {
    const result = readOne(folder({ 'memory.db': dsfr.subarray(0, dsfr.length / 2) }));
    expect({ ...result, events: undefined }).toEqual({
      format: 'claude-flow-sqlite',
      records: 78,
      imported: 22,
      skipped: 56,
      skippedReasons: {
        'command announced (pre-command); runs are counted from hooks:post-bash': 13,
        'copy of a command counted from hooks:post-bash': 24,
        'copy of command metrics counted from hooks:post-bash': 13,
        'session snapshot: copies of earlier rows': 5,
        'edit announced (pre-edit); edits are counted from hooks:post-edit': 1,
      },
      kinds: { command: 12, 'session.end': 5, metrics: 5 },
      warnings: [damaged],
      events: undefined,
    });
    // What was read is the start of the real data, not garbage: the same events the whole file gives up to that row.
    const lastRow = Math.max(...result.events.map((event) => event.source.row!));
    const whole = readHookSources(sqliteCase('dsfr-no-wal'))[0]!.events.filter((event) => event.source.row! <= lastRow);
    expect(result.events.map(withoutSource)).toEqual(whole.map(withoutSource));
  });

  test.each([
    // [case, bytes kept from the real run1 memory.db before the garbage, records, skippedReasons, warning]
    ['header kept, every page garbage', 100, 1, { 'database unreadable': 1 }, '<dir>/memory.db: SQLite cannot open it: database disk image is malformed.'],
    ['page 1 (the schema) kept, the table pages garbage', 4096, 0, {}, damaged],
  ])('corrupt: %s', (_name, kept, records, skippedReasons, warning) => {
    const bytes = Buffer.concat([run1.subarray(0, kept), garbage(run1.length - kept)]);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const result = readOne(folder({ 'memory.db': bytes }));
    expect(result).toEqual({
      format: 'claude-flow-sqlite',
      records,
      imported: 0,
      skipped: records,
      skippedReasons,
      kinds: {},
      warnings: [warning],
      events: [],
    });
  });

  test('a database SQLite cannot open does not stop the other files of the folder', () => {
    const dir = folder({
      'memory.db': Buffer.concat([run1.subarray(0, 100), garbage(run1.length - 100)]),
      'events.ndjson': '{"kind":"notify","time":"2025-10-23T08:30:00Z","message":"still here"}\n',
    });
    expect(readHookSources(dir).map((result) => [basename(result.report.path), result.report.imported, result.report.warnings.length])).toEqual([
      ['events.ndjson', 1, 0],
      ['memory.db', 0, 1],
    ]);
  });
});

describe('damaged and foreign text files', () => {
  test('a sqlite3 -json dump cut in half: the 25 complete rows before the cut are read, a warning says the rest is lost', () => {
    const cut = dump.slice(0, Math.floor(dump.length / 2));
    expect(cut.split('\n').length - 1).toBe(25); // one row per line; line 26 is the one cut off
    const result = readOne(folder({ 'memory_entries.json': cut }));
    expect({ ...result, events: undefined }).toEqual({
      format: 'sqlite-json',
      records: 25,
      imported: 12,
      skipped: 13,
      skippedReasons: {
        'copy of a task start counted from task-index': 3,
        'copy of an edit (its --memory-key record) counted from hooks:post-edit': 5,
        'copy of an edit counted from hooks:post-edit': 5,
      },
      kinds: { 'task.start': 3, edit: 5, notify: 4 },
      warnings: [
        '<dir>/memory_entries.json: is not valid JSON (Unterminated string in JSON at line 26, column 81); the file looks cut off; the 25 complete records before the cut were read, the rest is lost.',
      ],
      events: undefined,
    });
    const firstIds = (JSON.parse(dump) as { id: number }[]).slice(0, 25).map((row) => row.id);
    expect(result.events.every((event) => firstIds.includes(event.source.row!))).toBe(true);
  });

  const unknownShape =
    'is JSON of a shape Cairn does not know; nothing was imported from it. Cairn reads: claude-flow memory.db (with its -wal) and its sqlite3 -json dump, memory-store.json and memory export files, .claude-flow/metrics/*.json, Claude Code hook logs (logs/*.json), and Cairn NDJSON events.';
  const notHookLog = 'is not a hook log Cairn can read (not SQLite, JSON or Cairn NDJSON).';
  test.each([
    // [file, content, format, records, skippedReasons, warning]
    ['releases.json', '{"releases": [{"tag": "v1.0.0"}], "count": 1}\n', 'unknown', 1, { 'unknown JSON shape': 1 }, `<dir>/releases.json: ${unknownShape}`],
    ['items.json', '[{"foo": 1}, {"foo": 2}, 3]\n', 'unknown', 3, { 'unknown JSON shape': 3 }, `<dir>/items.json: ${unknownShape}`],
    ['notes.txt', 'Phase 7 notes\nnothing to import here\n', 'unknown', 1, { 'not a hook log': 1 }, `<dir>/notes.txt: ${notHookLog}`],
    ['empty.json', '', 'unknown', 1, { 'empty file': 1 }, '<dir>/empty.json: is empty; there is nothing to import.'],
  ])('%s: format %s, every record skipped, one warning', (file, content, format, records, skippedReasons, warning) => {
    expect(readOne(folder({ [file]: content }))).toEqual({
      format,
      records,
      imported: 0,
      skipped: records,
      skippedReasons,
      kinds: {},
      warnings: [warning],
      events: [],
    });
  });

  const stray = (name: string) => `<dir>/logs/${name}: has 7 stray characters after its JSON (a write that raced another); they were ignored.`;
  test.each([
    // The real sample (FORMATS §7): a whole array, then 7 bytes of a racing rewrite. PreToolUse only announces calls.
    [
      'pre_tool_use.json',
      readFileSync(fixturePath('hooks/claude-code-log/teamwork-pre-tool-use-trailing-bytes.json')),
      6,
      0,
      { 'tool call announced; counted from PostToolUse': 6 },
      {},
    ],
    // The same 7 bytes after a log that gives events.
    ['stop.json', `${readFileSync(fixturePath('hooks/claude-code-log/big3-stop.json'), 'utf8').trimEnd()}"\n  }\n]`, 11, 11, {}, { 'session.end': 11 }],
  ])('Claude Code %s with 7 stray bytes: read, with a warning', (file, content, records, imported, skippedReasons, kinds) => {
    const result = readOne(folder({ [`logs/${file}`]: content }));
    expect({ ...result, events: undefined }).toEqual({
      format: 'claude-code-log',
      records,
      imported,
      skipped: records - imported,
      skippedReasons,
      kinds,
      warnings: [stray(file)],
      events: undefined,
    });
  });

  test('Cairn NDJSON with a cut-off line and a line breaking the schema: the good lines are imported, the bad ones skipped by line number', () => {
    const text = [
      '{"kind":"task.start","time":"2025-10-23T08:30:00Z","task":"7.1","agent":"cicd-engineer"}',
      '{"kind":"notify","time":"2025-10-23T10:10:00+02:00","task":"7.1","message":"sccache installed","level":"info"}',
      '{"kind":"notify","time":"2025-10-23T09:1',
      '{"kind":"teleport","time":"2025-10-23T09:20:00Z"}',
      '{"kind":"task.end","time":"2025-10-23T12:00:00Z","task":"7.1","status":"complete","durationMs":12600000}',
      '',
    ].join('\n');
    const result = readOne(folder({ 'events.ndjson': text }));
    expect({ ...result, events: undefined }).toEqual({
      format: 'cairn-ndjson',
      records: 5,
      imported: 3,
      skipped: 2,
      skippedReasons: { 'line is not valid JSON': 1, 'line does not match the Cairn event schema': 1 },
      kinds: { 'task.start': 1, notify: 1, 'task.end': 1 },
      warnings: [
        '<dir>/events.ndjson: line 3: not valid JSON',
        '<dir>/events.ndjson: line 4: kind: Invalid option: expected one of "task.start"|"task.end"|"edit"|"notify"|"memory.set"|"command"|"agent.spawn"|"session.start"|"session.restore"|"session.end"|"metrics"',
      ],
      events: undefined,
    });
    expect(result.events.map((event) => [event.source.row, event.kind, event.time])).toEqual([
      [1, 'task.start', '2025-10-23T08:30:00.000Z'],
      [2, 'notify', '2025-10-23T08:10:00.000Z'],
      [5, 'task.end', '2025-10-23T12:00:00.000Z'],
    ]);
  });
});
