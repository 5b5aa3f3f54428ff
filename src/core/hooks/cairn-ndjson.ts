/**
 * Cairn's own event format, for teams that write their own hook scripts: one JSON object per line (NDJSON).
 * The schema below is the contract; schemas/cairn-event.schema.json is generated from it (`npm run schemas`).
 *
 *   {"kind":"task.start","time":"2025-10-23T08:30:00Z","task":"7.1","agent":"cicd-engineer"}
 *   {"kind":"notify","time":"2025-10-23T09:10:00Z","task":"7.1","message":"sccache installed","level":"info"}
 */
import { hash } from 'node:crypto';
import { z } from 'zod';
import type { Line } from '../schema/package-files.ts';
import { createImport, isoOrNull, type ImportCollector } from './import-result.ts';
import {
  formatSize,
  maxRecordBytes,
  newReadBudget,
  overRecordLimit,
  pastLimitWarning,
  pastReadLimit,
  recordTooLarge,
  take,
  type ReadBudget,
} from './limits.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { HookEventKindSchema, type HookFormat } from '../schema/model.ts';

export const format: HookFormat = 'cairn-ndjson';

/** One line of a Cairn event log. */
const CairnEventLineSchema = z
  .object({
    kind: HookEventKindSchema.describe('What happened.'),
    time: z.iso.datetime({ offset: true }).describe('When, as ISO 8601 with a time zone, e.g. 2025-10-23T08:30:00Z.'),
    task: z.string().min(1).optional().describe('The task: its id ("7.1"), a task id such as "task-7.1-build-infra", or its description.'),
    agent: z.string().min(1).optional().describe('The agent that reports, e.g. "cicd-engineer".'),
    session: z.string().min(1).optional().describe('A session id, to group events.'),
    file: z.string().min(1).optional().describe('The file edited (kind "edit").'),
    memoryKey: z.string().min(1).optional().describe('The memory key written, e.g. "phase7/build_infra/status".'),
    message: z.string().optional().describe('Free text (kind "notify"), or the value written (kind "memory.set").'),
    level: z.string().min(1).optional().describe('Notification level: info, success, warning, error.'),
    status: z.string().min(1).optional().describe('A status: pending, in_progress, complete, blocked (kinds "memory.set", "task.end").'),
    durationMs: z.number().nonnegative().optional().describe('Duration in milliseconds (kind "task.end").'),
  })
  .describe("One Cairn hook event: a single line of a .ndjson file in a phase's hooks/ folder.");

/** The JSON Schema of one line, as committed in schemas/cairn-event.schema.json. */
export function cairnEventJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CairnEventLineSchema);
}

/** Text whose first non-empty line is a JSON object with a "kind" field. */
export function matchesText(text: string): boolean {
  const first = text.split('\n').find((line) => line.trim() !== '');
  if (!first) return false;
  try {
    const value = JSON.parse(first) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) && 'kind' in value;
  } catch {
    return false;
  }
}

/**
 * Reads every line; a line that is not valid JSON or breaks the schema is skipped with the reason and its number. A
 * line that repeats an earlier event exactly (a hook that fired twice, a log appended to itself) is skipped too, so
 * the event is counted once; one warning per file says how many. The limits of limits.ts apply.
 */
export function readText(text: string, path: string, budget?: ReadBudget): ImportResult {
  const lines = text.split('\n');
  let index = 0;
  const next = (): Line | null => {
    if (index >= lines.length) return null;
    const raw = lines[index]!;
    index += 1;
    return overRecordLimit(raw) ? { number: index, bytes: Buffer.byteLength(raw, 'utf8') } : { number: index, text: raw };
  };
  const rest = () => lines.slice(index).filter((line) => line.trim() !== '').length;
  return readLines({ next, rest }, path, budget);
}

/** Lines to read as Cairn NDJSON: a text's, or a file's read in chunks (io/read-lines.ts). */
interface LineSource {
  next(): Line | null;
  /** How many lines not read yet hold anything. */
  rest(): number;
}

/**
 * Reads lines of Cairn NDJSON until they end, or until `budget` is spent (limits.ts): the lines after are counted as
 * skipped, not read. What was read is taken off `budget`.
 */
export function readLines(source: LineSource, path: string, budget: ReadBudget = newReadBudget()): ImportResult {
  const collector = createImport(format, path);
  // A line's text (or, for a long line, a hash of it) → its number: memory in the number of lines, not their length.
  const seen = new Map<string, number>();
  const repeats: [line: number, first: number][] = [];
  const tooLong: [line: number, bytes: number][] = [];
  let records = 0;
  // Characters of the lines read.
  let kept = 0;
  const within = () => records < budget.records && kept < budget.bytes && collector.text() < budget.text;
  let next: Line | null = null;
  while (within() && (next = source.next()) !== null) {
    if ('bytes' in next) {
      collector.record();
      records += 1;
      tooLong.push([next.number, next.bytes]);
      collector.skip(recordTooLarge);
    } else if (next.text.trim() !== '') {
      collector.record();
      records += 1;
      kept += next.text.length;
      readLine(next.text, next.number, collector, seen, repeats);
    }
  }
  const rest = next === null && records > 0 ? 0 : source.rest();
  if (rest > 0) {
    collector.skipRecords(rest, pastReadLimit);
    collector.warn(pastLimitWarning(records, rest, 'lines'));
  }
  take(budget, records, kept, collector.text());
  const [long] = tooLong;
  if (long)
    collector.warn(
      `${tooLong.length} line(s) are over ${formatSize(maxRecordBytes)} (first: line ${long[0]}, ${formatSize(long[1])}); each was skipped and counted, not read.`,
    );
  const [repeat] = repeats;
  if (repeat)
    collector.warn(`${repeats.length} line(s) repeat an earlier event exactly (first: line ${repeat[0]} = line ${repeat[1]}); each event was imported once.`);
  return collector.finish();
}

/** Reads one line into an event, or skips it with the reason. */
function readLine(raw: string, line: number, collector: ImportCollector, seen: Map<string, number>, repeats: [number, number][]): void {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    collector.warn(`line ${line}: not valid JSON`);
    return collector.skip('line is not valid JSON');
  }
  const parsed = CairnEventLineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // zod says "expected string, received undefined" for a field left out: say "missing".
    const reason = issue?.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'missing (expected $1)') ?? 'invalid';
    collector.warn(`line ${line}: ${issue?.path.join('.') || 'event'}: ${reason}`);
    return collector.skip('line does not match the Cairn event schema');
  }
  const trimmed = raw.trim();
  // 96 bits of a hash: a repeat found by mistake is one in 10^28 for a million lines.
  const identity = trimmed.length <= 24 ? trimmed : hash('sha256', trimmed, 'base64').slice(0, 16);
  const first = seen.get(identity);
  if (first !== undefined) {
    repeats.push([line, first]);
    return collector.skip('repeats an earlier line exactly');
  }
  seen.set(identity, line);
  const event = parsed.data;
  collector.event(
    {
      kind: event.kind,
      // The text as written when it is already toISOString's form (most are): one string less per event.
      time: isoOrNull(event.time) ?? new Date(event.time).toISOString(),
      timeSource: 'value',
      order: line,
      taskRef: event.task ?? null,
      agent: event.agent ?? null,
      session: event.session ?? null,
      file: event.file ?? null,
      memoryKey: event.memoryKey ?? null,
      message: event.message ?? null,
      level: event.level ?? null,
      status: event.status ?? null,
      durationMs: event.durationMs ?? null,
    },
    { namespace: null, key: event.kind, row: line },
  );
}
