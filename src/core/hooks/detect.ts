/**
 * Which hook-log format a file is, told by its content, never its name: the SQLite and WAL headers, Cairn NDJSON,
 * and the JSON formats in the order to try them. The one list of formats Cairn reads.
 */
import type { HookFormat } from '../schema/model.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { parseJsonLenient } from '../text/parse-json-lenient.ts';
import { salvageJsonArray } from '../text/salvage-json-array.ts';
import * as cairnNdjson from './cairn-ndjson.ts';
import { createImport } from './import-result.ts';
import { isMemoryEntryRows, type MemoryEntrySource } from './memory-entries.ts';
import * as memoryStore from './memory-store.ts';
import * as claudeCodeLog from './claude-code-log.ts';
import * as claudeFlowData from './claude-flow-data.ts';
import * as claudeFlowMetrics from './claude-flow-metrics.ts';
import * as claudeFlowV3Json from './claude-flow-v3-json.ts';

/** A format module: detects its shape in a parsed JSON value and reads it into events. */
export interface JsonFormat {
  format: HookFormat;
  /** True when this parsed JSON value has this format's shape (by content, never by file name). */
  matches(value: unknown): boolean;
  /** Turns the parsed JSON value of one file into events; `path` is the display path of the file. */
  read(value: unknown, path: string): ImportResult;
}

/**
 * Most specific `matches` first; the first module that matches reads the file. claude-flow-metrics goes last because
 * it also claims a bare `{}` (agent-metrics.json).
 */
export const jsonFormats: readonly JsonFormat[] = [claudeCodeLog, claudeFlowV3Json, claudeFlowData, claudeFlowMetrics];

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** A SQLite database file: its 16-byte header. */
export const isSqlite = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 16)).equals(sqliteHeader);

/** A SQLite write-ahead log: it starts with 0x377f0682 or 0x377f0683 (big-endian), per SQLite's file format. */
export const isWal = (bytes: Uint8Array): boolean => bytes.length >= 4 && (Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0) & 0xfffffffe) === 0x377f0682;

/** Rows of claude-flow's memory_entries (a dump or a database), with what to say about how they were read. */
export type MemorySourceWithWarning = MemoryEntrySource & { warning?: string };

/** Two or more lines, each one JSON object: newline-delimited JSON. */
function isNdjson(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 1 && lines.every((line) => /^\s*\{.*\}\s*$/.test(line));
}

/** A hook log that is not SQLite, by its text: Cairn NDJSON, a JSON format, a memory dump, or what it is not. */
export function readHookText(text: string, path: string): MemorySourceWithWarning | ImportResult {
  const trimmed = text.trimStart();
  // A first line that is a whole event object cannot start one JSON document spread over lines: it is Cairn NDJSON,
  // even when a later line was cut off or garbled (that line is skipped, not the file).
  if (cairnNdjson.matchesText(text)) return cairnNdjson.readText(text, path);
  if (isNdjson(text)) return unknownShape(text.split('\n').filter((line) => line.trim() !== '').length, path, 'is newline-delimited JSON without a "kind" field, so not Cairn events');
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return fileProblem('unknown', path, 'is not a hook log Cairn can read (not SQLite, JSON or Cairn NDJSON).', 'not a hook log');
  }
  const parsed = parseJsonLenient(text);
  if (!parsed.ok) {
    // A file cut off mid-way: keep the complete records before the cut, and say the rest is lost.
    const salvaged = salvageJsonArray(text);
    // V8's message may already name the position; say it once, as line and column.
    const reason = parsed.message.replace(/\s*(?:at position \d+)?\s*\(line \d+ column \d+\)/, '').replace(/\s+at position \d+/, '');
    const note = `is not valid JSON (${reason} at line ${parsed.line}, column ${parsed.column}); the file looks cut off`;
    if (salvaged && salvaged.length > 0) {
      const result = dispatchJson(salvaged, path);
      if (!('rows' in result)) result.report.warnings.push(`${path}: ${note}; the ${salvaged.length} complete records before the cut were read, the rest is lost.`);
      else return { ...result, warning: `${note}; the ${salvaged.length} complete records before the cut were read, the rest is lost.` };
      return result;
    }
    return fileProblem('unknown', path, `${note}, and no complete record could be read.`, 'invalid JSON');
  }
  const result = dispatchJson(parsed.value, path);
  if (parsed.trailing > 0) {
    const note = `has ${parsed.trailing} stray characters after its JSON (a write that raced another); they were ignored.`;
    if ('rows' in result) return { ...result, warning: note };
    result.report.warnings.push(`${path}: ${note}`);
  }
  return result;
}

function dispatchJson(value: unknown, path: string): MemorySourceWithWarning | ImportResult {
  if (isMemoryEntryRows(value)) return { path, format: 'sqlite-json', rows: value };
  if (memoryStore.matches(value)) return memoryStore.read(value, path);
  if (memoryStore.matchesExport(value)) return memoryStore.readExport(value, path);
  const match = jsonFormats.find((candidate) => candidate.matches(value));
  if (match) return match.read(value, path);
  return unknownShape(Array.isArray(value) ? value.length : 1, path, 'is JSON of a shape Cairn does not know');
}

/** A file of records Cairn cannot interpret: each counted and skipped, with one warning that lists what it can read. */
function unknownShape(records: number, path: string, what: string): ImportResult {
  const collector = createImport('unknown', path);
  for (let i = 0; i < records; i++) {
    collector.record();
    collector.skip('unknown JSON shape');
  }
  collector.warn(`${what}; nothing was imported from it. Cairn reads: claude-flow memory.db (with its -wal) and its sqlite3 -json dump, memory-store.json and memory export files, .claude-flow/metrics/*.json, Claude Code hook logs (logs/*.json), and Cairn NDJSON events.`);
  return collector.finish();
}

/** A file that could not be read at all: one record, skipped, with a warning naming it. */
export function fileProblem(format: HookFormat, path: string, message: string, reason: string): ImportResult {
  const collector = createImport(format, path);
  collector.record();
  collector.skip(reason);
  collector.warn(message);
  return collector.finish();
}
