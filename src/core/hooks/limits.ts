/**
 * How much of one hook log Cairn reads, so that no log, however large, can take the build past its memory or fill
 * pages with one record: a record (a line, a row, an array element) over `maxRecordBytes` is skipped and counted, a
 * file is read up to `maxRecordsPerFile` records (and a text log up to `maxTextLogBytes`), the rest counted as
 * skipped, and each text shown of an event is cut at `maxShownChars` with a marker saying how much was left out.
 * records = imported + skipped holds whatever the limits cut.
 */
import type { HookEvent } from '../schema/model.ts';

/** Largest record read: a line of NDJSON, or a row's key, value or metadata (in UTF-8 bytes). */
export const maxRecordBytes = 1_000_000;

/** The skip reason of a record over `maxRecordBytes`. */
export const recordTooLarge = 'record over 1 MB';

/**
 * Most records read from one file. A million rows import in about 3 s and hold about 0.5 GB of events; the rows after
 * the limit are counted (as skipped) without being read.
 */
export const maxRecordsPerFile = 1_000_000;

/** The skip reason of the records after `maxRecordsPerFile`, or after `maxTextLogBytes`. */
export const pastFileLimit = 'past the per-file limit (not read)';

/** Most bytes of a Cairn NDJSON log read; the lines after are counted (as skipped) without being read. */
export const maxTextLogBytes = 512_000_000;

/**
 * Largest JSON hook log read (it is parsed whole, and its objects take several times its size in memory). Real
 * claude-flow and Claude Code JSON logs are kilobytes to a few megabytes.
 */
export const maxJsonLogBytes = 100_000_000;

/** Longest text of an event that pages show whole: a message, a command, a memory value, a file name. */
export const maxShownChars = 4_000;

/** The event with each text it shows cut by `capShown`: the same object when none is that long. */
export function capEventText<T extends HookEvent>(event: T): T {
  const long = (text: string | null) => text !== null && text.length > maxShownChars;
  const longData = Object.values(event.data).some((value) => typeof value === 'string' && value.length > maxShownChars);
  if (!longData && ![event.message, event.status, event.description, event.file, event.memoryKey, event.taskRef, event.agent, event.session, event.level, event.source.key].some(long)) return event;
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
    data: longData ? Object.fromEntries(Object.entries(event.data).map(([key, value]) => [key, typeof value === 'string' ? capShown(value) : value])) : event.data,
    source: { ...event.source, key: cap(event.source.key) },
  };
}

/** "1.2 MB", "700 MB": a size in messages, in decimal units. */
export function formatSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 0 : 1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}

/** Whether a text is over `maxRecordBytes` in UTF-8 (counted only when it could be: at most 3 bytes per UTF-16 unit). */
export function overRecordLimit(text: string): boolean {
  return text.length > maxRecordBytes || (text.length * 3 > maxRecordBytes && Buffer.byteLength(text, 'utf8') > maxRecordBytes);
}

/** `text` cut at `maxShownChars`, with "…(12,345 more characters)" in place of the rest; shorter text as it is. */
export function capShown(text: string): string {
  if (text.length <= maxShownChars) return text;
  // Not inside a surrogate pair: the cut keeps whole characters.
  let cut = maxShownChars;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…(${(text.length - cut).toLocaleString('en-US')} more characters)`;
}
