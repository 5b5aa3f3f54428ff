/**
 * How much of the hook logs Cairn reads, so that no log, however large, and no number of them can take the build past
 * its memory or fill pages with one record: a record (a line, a row) over `maxRecordBytes` is skipped and counted, a
 * folder's logs are read up to `maxRecordsRead` records and `maxBytesRead` of text, the rest counted as skipped, a JSON
 * log is parsed only up to `maxJsonLogBytes`, and each text shown of an event is cut at `maxShownChars` with a marker
 * saying how much was left out.
 * records = imported + skipped holds whatever the limits cut.
 */
import type { HookEvent } from '../schema/model.ts';

/** Largest record read: a line of NDJSON, or a row's key, value or metadata (in UTF-8 bytes). */
export const maxRecordBytes = 1_000_000;

/** The skip reason of a record over `maxRecordBytes`. */
export const recordTooLarge = 'record over 1 MB';

/**
 * What the hook logs of one folder (a phase's hooks/, or the config's shared hooks) give at most, all their files
 * together, however many and however large: records read, bytes of those records, and characters of text their events
 * keep (which every event's redaction scans, at some 10 MB a second, and which pages hold). A million rows import in
 * about 3 s and hold about 0.5 GB of events. The records after any limit are counted (as skipped) without being read.
 */
export const maxRecordsRead = 1_000_000;
export const maxBytesRead = 1_000_000_000;
export const maxTextRead = 128_000_000;

/** The skip reason of the records after one of those limits. */
export const pastReadLimit = 'past the read limit (not read)';

/** What may still be read of one folder's hook logs; each reader takes what it read off it. */
export interface ReadBudget {
  records: number;
  bytes: number;
  text: number;
}

export const newReadBudget = (): ReadBudget => ({ records: maxRecordsRead, bytes: maxBytesRead, text: maxTextRead });

/** Whether nothing more may be read. */
export const spent = (budget: ReadBudget): boolean => budget.records <= 0 || budget.bytes <= 0 || budget.text <= 0;

/** Takes what a file gave off `budget`. */
export function take(budget: ReadBudget, records: number, bytes: number, text: number): void {
  budget.records -= records;
  budget.bytes -= bytes;
  budget.text -= text;
}

/** Characters of text an event keeps: what its redaction scans and its pages may show. */
export function textOf(
  event: Pick<HookEvent, 'message' | 'status' | 'description' | 'file' | 'memoryKey' | 'taskRef' | 'agent' | 'session' | 'level' | 'data'>,
): number {
  let chars = 0;
  for (const text of [event.message, event.status, event.description, event.file, event.memoryKey, event.taskRef, event.agent, event.session, event.level])
    if (text) chars += text.length;
  for (const value of Object.values(event.data)) if (typeof value === 'string') chars += value.length;
  return chars;
}

/** The warning of a file whose records past the read limit were counted, not read. */
export function pastLimitWarning(read: number, unread: number, unit: 'lines' | 'rows' | 'records'): string {
  const limits = `the hook logs of one folder give at most ${maxRecordsRead.toLocaleString('en-US')} records, ${formatSize(maxBytesRead)} and ${formatSize(maxTextRead)} of event text together`;
  if (read === 0)
    return `holds ${unread.toLocaleString('en-US')} ${unit}, none read: ${limits}, and the logs before it in the folder gave that much; each was counted as skipped.`;
  return `holds ${(read + unread).toLocaleString('en-US')} ${unit}: the first ${read.toLocaleString('en-US')} were read (${limits}), and the ${unread.toLocaleString('en-US')} after were counted as skipped, not read.`;
}

/**
 * Largest JSON hook log read (it is parsed whole, and its objects take several times its size in memory). Real
 * claude-flow and Claude Code JSON logs are kilobytes to a few megabytes.
 */
export const maxJsonLogBytes = 100_000_000;

/** Longest text of an event that pages show whole: a message, a command, a memory value, a file name. */
const maxShownChars = 4_000;

/** The event with each text it shows cut by `capShown`: the same object when none is that long. */
export function capEventText<T extends HookEvent>(event: T): T {
  const long = (text: string | null) => text !== null && text.length > maxShownChars;
  const longData = Object.values(event.data).some((value) => typeof value === 'string' && value.length > maxShownChars);
  if (
    !longData &&
    ![
      event.message,
      event.status,
      event.description,
      event.file,
      event.memoryKey,
      event.taskRef,
      event.agent,
      event.session,
      event.level,
      event.source.key,
    ].some(long)
  )
    return event;
  const cap = (text: string | null) => (text === null ? null : capShown(text));
  return {
    ...event,
    message: cap(event.message),
    status: cap(event.status),
    description: cap(event.description),
    file: cap(event.file),
    memoryKey: cap(event.memoryKey),
    taskRef: cap(event.taskRef),
    agent: cap(event.agent),
    session: cap(event.session),
    level: cap(event.level),
    data: longData
      ? Object.fromEntries(Object.entries(event.data).map(([key, value]) => [key, typeof value === 'string' ? capShown(value) : value]))
      : event.data,
    source: { ...event.source, key: cap(event.source.key) },
  };
}

/** "1.2 MB", "700 MB", "2.5 GB": a size in messages, in decimal units. */
export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000_000) return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 0 : 1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}

/** Whether a text is over `maxRecordBytes` in UTF-8 (counted only when it could be: at most 3 bytes per UTF-16 unit). */
export function overRecordLimit(text: string): boolean {
  return text.length > maxRecordBytes || (text.length * 3 > maxRecordBytes && Buffer.byteLength(text, 'utf8') > maxRecordBytes);
}

/** `text` cut at `maxShownChars`, with "…(12,345 more characters)" in place of the rest; shorter text as it is. */
function capShown(text: string): string {
  if (text.length <= maxShownChars) return text;
  // Not inside a surrogate pair: the cut keeps whole characters.
  let cut = maxShownChars;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…(${(text.length - cut).toLocaleString('en-US')} more characters)`;
}
