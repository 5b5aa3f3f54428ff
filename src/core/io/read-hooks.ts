/**
 * Imports every hook log in a phase's hooks/ folder. Each file's format is told by its content, never its name:
 * a SQLite header, a WAL header, or the shape of its JSON. Every file ends up in the data-quality report, with
 * what was imported and what was skipped and why; a file Cairn cannot read is a warning, never a failed build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createImport } from '../hooks/import-result.ts';
import { type ImportResult } from '../schema/package-files.ts';
import * as cairnNdjson from '../hooks/cairn-ndjson.ts';
import { jsonFormats } from '../hooks/detect.ts';
import { isMemoryEntryRows, readMemoryEntrySources, type MemoryEntrySource } from '../hooks/memory-entries.ts';
import * as memoryStore from '../hooks/memory-store.ts';
import { timeOrNull } from '../hooks/shape.ts';
import type { HookFormat } from '../schema/model.ts';
import { parseJsonLenient } from '../text/parse-json-lenient.ts';
import { salvageJsonArray } from '../text/salvage-json-array.ts';
import { displayPath } from './display-path.ts';
import { linkProblem } from './inside-root.ts';
import { readSqliteStore, type V3Row } from './read-sqlite.ts';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');
// WAL files start with 0x377f0682 or 0x377f0683 (big-endian), per SQLite's file format.
const isWal = (bytes: Buffer) => bytes.length >= 4 && (bytes.readUInt32BE(0) & 0xfffffffe) === 0x377f0682;

/**
 * Files under `dir`, recursively, in path order, hidden ones included: claude-flow writes its store to `.swarm/` and
 * its metrics to `.claude-flow/metrics/`, and a copied folder keeps those names.
 */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    // Linked folders are not descended into: a link can only name a single file, checked by the caller.
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .toSorted();
}

/** Whether a path is a regular file (after links): a pipe or a device is never opened, it could block or never end. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads every hook log under `hooksDir` (no folder: no sources), one result per file, in path order. */
export function readHookSources(hooksDir: string, root: string = hooksDir): ImportResult[] {
  if (!existsSync(hooksDir) || !statSync(hooksDir).isDirectory()) return [];
  const results: ImportResult[] = [];
  const databases: MemorySourceWithWarning[] = [];
  const dumps: MemorySourceWithWarning[] = [];
  /** The -wal and -shm files read with each database, by the database's shown path. */
  const companions = new Map<string, string[]>();
  for (const file of listFiles(hooksDir)) {
    const path = displayPath(file);
    const link = linkProblem(file, root);
    if (link) {
      results.push(fileProblem('unknown', path, link.message, link.reason));
      continue;
    }
    if (!isRegularFile(file)) {
      results.push(fileProblem('unknown', path, 'is not a regular file (a folder link, a pipe or a device); it was not read.', 'not a regular file'));
      continue;
    }
    const bytes = readFileSync(file);
    // An empty database with a WAL beside it holds its rows in the WAL.
    const emptyWithWal = bytes.length === 0 && existsSync(`${file}-wal`);
    if (bytes.length === 0 && !emptyWithWal) {
      results.push(fileProblem('unknown', path, 'is empty; there is nothing to import.', 'empty file'));
      continue;
    }
    if (emptyWithWal || bytes.subarray(0, 16).equals(sqliteHeader)) {
      const read = readSqlite(file, path);
      if ('rows' in read) databases.push(read);
      else results.push(read);
    } else if (isWal(bytes) || /-shm$/.test(file)) {
      // A WAL is read together with its database; one without it cannot be read at all (FORMATS §2.1, orphan WAL).
      // A -shm file is only an index of the WAL: nothing to import.
      const db = file.replace(/-(wal|shm)$/, '');
      if (existsSync(db)) {
        const shown = displayPath(db);
        companions.set(shown, [...(companions.get(shown) ?? []), basename(file)]);
        continue;
      }
      if (/-shm$/.test(file)) {
        results.push(fileProblem('claude-flow-sqlite', path, `is the shared-memory index of a database that is not here (${displayPath(db)}); it holds no records.`, 'index without its database'));
        continue;
      }
      results.push(fileProblem('claude-flow-sqlite', path, `has no database beside it (${displayPath(db)}); a WAL cannot be read on its own.`, 'WAL without its database'));
    } else {
      const read = readTextSource(bytes.toString('utf8'), path);
      if ('rows' in read) dumps.push(read);
      else results.push(read);
    }
  }
  // Databases first, then dumps: a row in both is imported once, from the database.
  const memorySources = [...databases, ...dumps];
  const memoryResults = readMemoryEntrySources(memorySources).map((result, index) => withWarning(result, memorySources[index]!));
  return [...memoryResults, ...results].map((result) => withCompanions(result, companions.get(result.report.path))).toSorted((a, b) => (a.report.path < b.report.path ? -1 : a.report.path > b.report.path ? 1 : 0));
}

function withCompanions(result: ImportResult, names: string[] | undefined): ImportResult {
  return names ? { ...result, report: { ...result.report, readWith: names.toSorted() } } : result;
}

type MemorySourceWithWarning = MemoryEntrySource & { warning?: string };

function withWarning(result: ImportResult, source: MemorySourceWithWarning): ImportResult {
  return source.warning ? { ...result, report: { ...result.report, warnings: [...result.report.warnings, `${source.path}: ${source.warning}`] } } : result;
}

function readSqlite(file: string, path: string): MemorySourceWithWarning | ImportResult {
  let read: ReturnType<typeof readSqliteStore>;
  try {
    read = readSqliteStore(file);
  } catch (error) {
    return fileProblem('claude-flow-sqlite', path, `SQLite cannot open it: ${(error as Error).message}.`, 'database unreadable');
  }
  // A store that agents kept writing while it was copied can look damaged without being so: say what happened.
  const rebuilt = read.fromWalOnly ? 'the database file is empty (its first checkpoint never ran), so its rows were read from its -wal.' : undefined;
  const damaged = read.torn
    ? `the store kept changing while it was copied (agents were writing to it), so the newest rows may be missing${read.error ? ` (${read.error})` : ''}; build again once the writers are idle.`
    : read.error
      ? `the database is damaged (${read.error}); the rows before the damage were read.`
      : undefined;
  const warning = [rebuilt, damaged].filter(Boolean).join(' ');
  if (read.schema === 'v2') return { path, format: 'claude-flow-sqlite', rows: read.rows, ...(warning ? { warning } : {}) };
  if (read.schema === 'v3') return readV3(read.rows, path, damaged);
  if (read.columns) return fileProblem('claude-flow-sqlite', path, `has a memory_entries table, but with neither claude-flow v2's "value" column nor v3's "content" (columns: ${read.columns.join(', ') || 'none'}).`, 'unknown memory_entries columns');
  return fileProblem('claude-flow-sqlite', path, `is a SQLite database without a memory_entries table (tables: ${read.tables.join(', ') || 'none'}).`, 'no memory_entries table');
}

/** claude-flow v3 rows: memory writes with times in milliseconds; the public sample has none. */
function readV3(rows: readonly V3Row[], path: string, damaged: string | undefined): ImportResult {
  const collector = createImport('claude-flow-v3-sqlite', path);
  rows.forEach((row, index) => {
    collector.record();
    const time = timeOrNull(row.created_at);
    collector.event({ kind: 'memory.set', memoryKey: row.key, message: row.content, status: row.content, time, timeSource: time ? 'value' : 'none', order: index + 1, data: { type: row.type } }, { namespace: row.namespace, key: row.key, row: index + 1 });
  });
  if (damaged) collector.warn(damaged);
  return collector.finish();
}

/** Two or more lines, each one JSON object: newline-delimited JSON. */
function isNdjson(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 1 && lines.every((line) => /^\s*\{.*\}\s*$/.test(line));
}

function readTextSource(text: string, path: string): MemorySourceWithWarning | ImportResult {
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
function fileProblem(format: HookFormat, path: string, message: string, reason: string): ImportResult {
  const collector = createImport(format, path);
  collector.record();
  collector.skip(reason);
  collector.warn(message);
  return collector.finish();
}
