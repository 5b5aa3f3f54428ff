/**
 * Every hook-log format Cairn reads, in one list, each as `{ id, label, detect, read }` like the task readers
 * (formats/readers.ts). The list's order is the order files are tried: a file's first bytes first (an encrypted
 * store, a SQLite database, its WAL), then its first line (Cairn NDJSON), then its parsed JSON, most specific shape
 * first. Detection (detect.ts, io/read-hooks.ts), the columns that tell claude-flow v2's store from v3's
 * (io/read-sqlite.ts), the warning for a file of no known shape and the data-quality page's names of formats all
 * come from here. Formats are told by content, never by a file's name.
 */
import type { HookFormat } from '../schema/model.ts';
import type { ImportResult } from '../schema/package-files.ts';
import * as cairnNdjson from './cairn-ndjson.ts';
import * as claudeCodeLog from './claude-code-log.ts';
import * as claudeFlowData from './claude-flow-data.ts';
import * as claudeFlowMetrics from './claude-flow-metrics.ts';
import * as claudeFlowV3Json from './claude-flow-v3-json.ts';
import { fileProblem } from './import-result.ts';
import { isMemoryEntryRows, type MemoryEntrySource } from './memory-entries.ts';
import * as memoryStore from './memory-store.ts';

/** Rows of claude-flow's memory_entries (a dump or a database), with what to say about how they were read. */
export type MemorySourceWithWarning = MemoryEntrySource & { warning?: string };

/** A format module told by a parsed JSON value: detects its shape and reads it into events. */
export interface JsonFormat {
  format: HookFormat;
  /** True when this parsed JSON value has this format's shape (by content, never by file name). */
  matches(value: unknown): boolean;
  /** Turns the parsed JSON value of one file into events; `path` is the display path of the file. */
  read(value: unknown, path: string): ImportResult;
}

/** How a file of a format is told: by its first bytes, its first line, or its parsed JSON value. */
type HookDetect =
  | {
      by: 'bytes';
      test(head: Uint8Array): boolean /** For a database: memory_entries' columns that make it this format. */;
      columns?(columns: ReadonlySet<string>): boolean;
    }
  | { by: 'first-line'; test(line: string): boolean }
  | { by: 'json'; test(value: unknown): boolean };

/** How a file of a format is read, once told. Databases and their WALs need the file system (io/). */
type HookRead =
  | { by: 'database' }
  | { by: 'with-database' }
  | { by: 'refused'; result(path: string): ImportResult }
  | { by: 'lines' }
  | { by: 'json'; result(value: unknown, path: string): ImportResult | MemorySourceWithWarning };

interface HookLogFormat {
  /** The format id every event and data-quality line carries. */
  id: HookFormat;
  /** What the format is, in words: the data-quality page and the unknown-shape warning name it so. */
  label: string;
  detect: HookDetect;
  read: HookRead;
}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** A SQLite database file: its 16-byte header. */
export const isSqlite = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 16)).equals(sqliteHeader);

/** A SQLite write-ahead log: it starts with 0x377f0682 or 0x377f0683 (big-endian), per SQLite's file format. */
export const isWal = (bytes: Uint8Array): boolean => bytes.length >= 4 && (Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0) & 0xfffffffe) === 0x377f0682;

/**
 * A claude-flow v3 store encrypted at rest (CLAUDE_FLOW_ENCRYPT_AT_REST): the 4 bytes "RFE1", then a 12-byte IV, the
 * ciphertext and a 16-byte tag.
 */
const isEncryptedStore = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x52 && bytes[1] === 0x46 && bytes[2] === 0x45 && bytes[3] === 0x31;

/** The skip reason of an encrypted store, as the data-quality table shows it. */
const encryptedReason = 'encrypted: cannot be read';

/**
 * The JSON formats read by their own module, most specific `matches` first; the first module that matches reads the
 * file. claude-flow-metrics goes last because it also claims a bare `{}` (agent-metrics.json).
 */
export const jsonFormats: readonly JsonFormat[] = [claudeCodeLog, claudeFlowV3Json, claudeFlowData, claudeFlowMetrics];

const jsonLabels: Record<string, string> = {
  'claude-code-log': 'Claude Code hook logs (logs/*.json)',
  'claude-flow-v3-json': 'claude-flow v3 JSON stores (.claude-flow/data/auto-memory-store.json, neural/patterns.json, v3 metrics)',
  'claude-flow-data': 'claude-flow memory/claude-flow-data.json',
  'claude-flow-metrics': 'claude-flow .claude-flow/metrics/*.json',
};

/** The one list: every format, in the order a file is tried. */
const hookFormats: readonly HookLogFormat[] = [
  {
    id: 'claude-flow-v3-sqlite',
    label: 'claude-flow v3 store encrypted at rest ("RFE1" header; listed, never read)',
    detect: { by: 'bytes', test: isEncryptedStore },
    read: {
      by: 'refused',
      result: (path) =>
        fileProblem(
          'claude-flow-v3-sqlite',
          path,
          'is a claude-flow store encrypted at rest (it starts with "RFE1", CLAUDE_FLOW_ENCRYPT_AT_REST), so Cairn cannot read it and imported nothing from it. Point "hooks" at an unencrypted copy of the store, or build from a store written with encryption at rest turned off.',
          encryptedReason,
        ),
    },
  },
  {
    id: 'claude-flow-sqlite',
    label: 'claude-flow v2 .swarm/memory.db (memory_entries with "value"), with its -wal',
    detect: { by: 'bytes', test: isSqlite, columns: (columns) => columns.has('value') },
    read: { by: 'database' },
  },
  {
    id: 'claude-flow-v3-sqlite',
    label: 'claude-flow v3 .swarm/memory.db and agentdb-memory.db (memory_entries with "content")',
    detect: { by: 'bytes', test: isSqlite, columns: (columns) => columns.has('content') },
    read: { by: 'database' },
  },
  {
    id: 'claude-flow-sqlite',
    label: "a database's -wal and -shm (read with the database beside them)",
    detect: { by: 'bytes', test: isWal },
    read: { by: 'with-database' },
  },
  {
    id: 'cairn-ndjson',
    label: 'Cairn NDJSON events (one JSON event per line)',
    detect: { by: 'first-line', test: cairnNdjson.matchesText },
    read: { by: 'lines' },
  },
  {
    id: 'sqlite-json',
    label: 'sqlite3 -json dump of memory_entries',
    detect: { by: 'json', test: isMemoryEntryRows },
    read: { by: 'json', result: (value, path) => ({ path, format: 'sqlite-json', rows: value as MemoryEntrySource['rows'] }) },
  },
  {
    id: 'claude-flow-memory-store',
    label: 'claude-flow memory-store.json and memory export files',
    detect: { by: 'json', test: memoryStore.matches },
    read: { by: 'json', result: memoryStore.read },
  },
  {
    id: 'claude-flow-memory-export',
    label: 'MemoryManager export ({version, entries[]})',
    detect: { by: 'json', test: memoryStore.matchesExport },
    read: { by: 'json', result: memoryStore.readExport },
  },
  ...jsonFormats.map(
    (module): HookLogFormat => ({
      id: module.format,
      label: jsonLabels[module.format] ?? module.format,
      detect: { by: 'json', test: module.matches },
      read: { by: 'json', result: module.read },
    }),
  ),
];

/** The first format whose first bytes `head` has, or undefined for a text file. */
export function detectBytes(head: Uint8Array): HookLogFormat | undefined {
  return hookFormats.find((format) => format.detect.by === 'bytes' && format.detect.test(head));
}

/** The database formats whose columns memory_entries has: none, one, or v2 and v3 both (a store v3 reopened). */
export function databaseFormats(columns: ReadonlySet<string>): HookLogFormat[] {
  return hookFormats.filter((format) => format.read.by === 'database' && format.detect.by === 'bytes' && format.detect.columns?.(columns) === true);
}

/** The first JSON format whose shape `value` has. */
export function detectJson(value: unknown): HookLogFormat | undefined {
  return hookFormats.find((format) => format.detect.by === 'json' && format.detect.test(value));
}

/** True when a file's first line makes it a line format (Cairn NDJSON). */
export function isLineFormat(line: string): boolean {
  return hookFormats.some((format) => format.detect.by === 'first-line' && format.detect.test(line));
}

/** What a format id stands for, in words (every label of that id, joined); the id itself for "unknown". */
export function hookFormatLabel(id: HookFormat): string {
  const labels = [
    ...new Set(
      hookFormats.filter((format) => format.id === id && format.read.by !== 'refused' && format.read.by !== 'with-database').map((format) => format.label),
    ),
  ];
  return labels.length > 0 ? labels.join('; ') : id === 'unknown' ? 'not a format Cairn reads' : id;
}
