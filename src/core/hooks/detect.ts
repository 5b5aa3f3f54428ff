/**
 * Which hook-log format a text file is, told by its content, never its name: Cairn NDJSON, then the JSON formats in
 * the order hooks/formats.ts lists them (the one list of formats Cairn reads). A file's first bytes (an encrypted
 * store, SQLite, a WAL) are told by io/read-hooks.ts from the same list.
 */
import type { ImportResult } from '../schema/package-files.ts';
import { parseJsonLenient } from '../text/parse-json-lenient.ts';
import { salvageJsonArray } from '../text/salvage-json-array.ts';
import * as cairnNdjson from './cairn-ndjson.ts';
import { detectJson, type MemorySourceWithWarning } from './formats.ts';
import { createImport, fileProblem } from './import-result.ts';

export { fileProblem } from './import-result.ts';
export { isSqlite, isWal, jsonFormats, type JsonFormat, type MemorySourceWithWarning } from './formats.ts';

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
  if (isNdjson(text))
    return unknownShape(
      text.split('\n').filter((line) => line.trim() !== '').length,
      path,
      'is newline-delimited JSON without a "kind" field, so not Cairn events',
    );
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
      if (!('rows' in result))
        result.report.warnings.push(`${path}: ${note}; the ${salvaged.length} complete records before the cut were read, the rest is lost.`);
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

/** The first format of the list whose shape the value has reads it. */
function dispatchJson(value: unknown, path: string): MemorySourceWithWarning | ImportResult {
  const format = detectJson(value);
  if (format && format.read.by === 'json') return format.read.result(value, path);
  return unknownShape(Array.isArray(value) ? value.length : 1, path, 'is JSON of a shape Cairn does not know');
}

/** A file of records Cairn cannot interpret: each counted and skipped, with one warning that lists what it can read. */
function unknownShape(records: number, path: string, what: string): ImportResult {
  const collector = createImport('unknown', path);
  for (let i = 0; i < records; i++) {
    collector.record();
    collector.skip('unknown JSON shape');
  }
  collector.warn(
    `${what}; nothing was imported from it. Cairn reads: claude-flow memory.db (with its -wal) and its sqlite3 -json dump, memory-store.json and memory export files, .claude-flow/metrics/*.json, Claude Code hook logs (logs/*.json), and Cairn NDJSON events.`,
  );
  return collector.finish();
}
