/**
 * The bookkeeping every importer shares: each record read is either turned into events or skipped with a reason,
 * so `records = imported + skipped` always holds and nothing disappears unexplained.
 */
import type { EventSource, HookEvent, HookEventKind, HookFormat } from '../schema/model.ts';
import type { ImportResult } from '../schema/package-files.ts';
import { textOf } from './limits.ts';

/** Fields of an event an importer fills; the rest default to null. */
export type EventFields = Partial<Omit<HookEvent, 'id' | 'kind' | 'source' | 'order'>> & { kind: HookEventKind; order: number };

export interface ImportCollector {
  /** Counts one record as read. Call once per record, before `event` or `skip`. */
  record(): void;
  /** Adds an event for the current record (a record may give more than one). */
  event(fields: EventFields, source: Pick<EventSource, 'namespace' | 'key' | 'row'>): HookEvent;
  /** Marks the current record skipped, with the reason shown under data quality. */
  skip(reason: string): void;
  /** Counts `count` records more, all skipped for `reason`: records a limit left unread (limits.ts). */
  skipRecords(count: number, reason: string): void;
  /** A problem with the file as a whole (truncated, unreadable), shown with the file's path. */
  warn(message: string): void;
  /** Characters of text the events so far keep (limits.ts). */
  text(): number;
  finish(): ImportResult;
}

const noData: HookEvent['data'] = Object.freeze({});

/** Starts the books for one source file. */
export function createImport(format: HookFormat, path: string): ImportCollector {
  const events: HookEvent[] = [];
  const skippedReasons: Record<string, number> = {};
  const warnings: string[] = [];
  let records = 0;
  let skipped = 0;
  let text = 0;
  let importedRecords = 0;
  let current: 'none' | 'open' | 'imported' | 'skipped' = 'none';
  const skip = (reason: string) => {
    skipped += 1;
    skippedReasons[reason] = (skippedReasons[reason] ?? 0) + 1;
  };
  // Every record ends imported or skipped; one an importer left open is counted as skipped, never lost.
  const closeRecord = () => {
    if (current === 'imported') importedRecords += 1;
    if (current === 'open') skip('not recognized');
    current = 'none';
  };
  return {
    record() {
      closeRecord();
      records += 1;
      current = 'open';
    },
    event(fields, where) {
      // Written out rather than spread from defaults: a large store gives hundreds of thousands of events, and each
      // spread is one more object to make and collect. The keys keep one order for every event.
      const event: HookEvent = {
        time: fields.time ?? null,
        timeSource: fields.timeSource ?? 'none',
        session: fields.session ?? null,
        taskRef: fields.taskRef ?? null,
        description: fields.description ?? null,
        agent: fields.agent ?? null,
        file: fields.file ?? null,
        memoryKey: fields.memoryKey ?? null,
        message: fields.message ?? null,
        level: fields.level ?? null,
        status: fields.status ?? null,
        durationMs: fields.durationMs ?? null,
        // One empty object for every event without data (most): nothing changes an event's data after import.
        data: fields.data ?? noData,
        kind: fields.kind,
        order: fields.order,
        // Joined, not a template: V8 keeps a template's result as a rope of its parts, and every event keeps its id.
        // A key is cut to its first 200 characters here (a row's key can be up to a megabyte); the count keeps ids unique.
        id: [format, path, where.namespace ?? '', where.key === null ? '' : where.key.slice(0, 200), where.row ?? '', events.length].join(':'),
        source: { format, path, namespace: where.namespace, key: where.key, row: where.row },
      };
      events.push(event);
      text += textOf(event);
      current = 'imported';
      return event;
    },
    skip(reason) {
      if (current === 'imported') return; // a record that gave an event is imported, whatever else it held
      skip(reason);
      current = 'skipped';
    },
    skipRecords(count, reason) {
      if (count <= 0) return;
      closeRecord();
      records += count;
      skipped += count;
      skippedReasons[reason] = (skippedReasons[reason] ?? 0) + count;
    },
    warn(message) {
      warnings.push(`${path}: ${message}`);
    },
    text: () => text,
    finish() {
      closeRecord();
      // The newest time: ISO 8601 in UTC compares as text, so one pass finds it (a sort of every time would not).
      let newest: string | null = null;
      for (const { time } of events) if (time !== null && (newest === null || time > newest)) newest = time;
      return {
        events,
        // Redactions are counted later, where the events are redacted (deriveActivity), so they start empty.
        report: { path, format, records, imported: importedRecords, skipped, skippedReasons, newest, warnings, redactions: {}, readWith: [], shared: false },
      };
    },
  };
}

// Rows come in insertion order and many share one created_at second, so the last conversion is kept at hand; and
// most times fall in the minute of the one before, so that minute's text is kept too.
let lastEpoch = Number.NaN;
let lastIso = '';
let lastMinute = Number.NaN;
let minutePrefix = '';
/** 9999-12-31T23:59:59.999Z: past it, toISOString writes a six-digit year with a sign. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

/** Milliseconds or seconds since the epoch → ISO 8601. Values below 1e11 are seconds (1e11 s is the year 5138). */
export function epochToIso(value: number): string {
  if (value === lastEpoch) return lastIso;
  const iso = msToIso(value < 1e11 ? value * 1000 : value);
  lastEpoch = value;
  lastIso = iso;
  return iso;
}

/** Milliseconds since the epoch → what toISOString writes; a whole millisecond in the last one's minute without a Date. */
function msToIso(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > LAST_FOUR_DIGIT_YEAR_MS) return new Date(ms).toISOString();
  const minute = Math.floor(ms / 60_000);
  if (minute !== lastMinute) {
    lastMinute = minute;
    minutePrefix = new Date(minute * 60_000).toISOString().slice(0, 17); // "YYYY-MM-DDTHH:MM:"
  }
  const rest = ms - minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest % 1000;
  // Joined into one flat string: a template's result is a rope of its parts, kept as long as the event (see event()).
  return [minutePrefix, second < 10 ? '0' : '', second, '.', milli < 10 ? '00' : milli < 100 ? '0' : '', milli, 'Z'].join('');
}

/** An ISO-like timestamp → normalized ISO 8601 UTC, or null when it is not a date. */
export function isoOrNull(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return epochToIso(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  // Agents write toISOString's own form almost always: then the text is the answer, and no new string is made.
  if (isCanonicalIso(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : msToIso(time);
}

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;
const number = (text: string, at: number, length: number): number => {
  let value = 0;
  for (let end = at + length; at < end; at++) {
    const code = digit(text, at);
    if (code < 0 || code > 9) return Number.NaN;
    value = value * 10 + code;
  }
  return value;
};

/**
 * Whether `text` is exactly what toISOString writes ("2025-10-23T08:30:00.000Z", a year of four digits): a real day
 * of its month, an hour under 24, a second under 60. Date.parse takes "2025-02-30" for March 2, so the form alone
 * is not enough.
 */
function isCanonicalIso(text: string): boolean {
  if (
    text.length !== 24 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':' ||
    text[19] !== '.' ||
    text[23] !== 'Z'
  )
    return false;
  const year = number(text, 0, 4);
  const month = number(text, 5, 2);
  const day = number(text, 8, 2);
  // A field that is not all digits is NaN, and fails its comparison.
  if (
    !(
      year >= 0 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      number(text, 11, 2) <= 23 &&
      number(text, 14, 2) <= 59 &&
      number(text, 17, 2) <= 59 &&
      number(text, 20, 3) >= 0
    )
  )
    return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
}

/** A field as text: strings trimmed, numbers and booleans as written; objects, undefined markers and empties → null. */
export function textOrNull(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A file that could not be read at all: one record, skipped, with a warning naming it. */
export function fileProblem(format: HookFormat, path: string, message: string, reason: string): ImportResult {
  const collector = createImport(format, path);
  collector.record();
  collector.skip(reason);
  collector.warn(message);
  return collector.finish();
}
