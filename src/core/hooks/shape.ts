/** Small shape checks and the flattening the JSON format modules share. */
import type { HookEvent } from '../schema/model.ts';
import { epochToIso, isoOrNull } from './import-result.ts';

export type EventData = HookEvent['data'];

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a non-empty array whose every element passes `test`. */
export function isArrayOf(value: unknown, test: (element: unknown) => boolean): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every(test);
}

/** A finite number, or null. */
export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Largest epoch value a JS Date can hold, in milliseconds. */
const maxEpochMs = 8.64e15;

/**
 * Epoch seconds or milliseconds → ISO 8601, or null for a value that is no time: not a finite number, zero or
 * negative (a hand-edited or defaulted field, never a real claude-flow time), or past what a JS Date can hold
 * (`epochToIso` would throw on 1e20).
 */
function epochOrNull(value: unknown): string | null {
  return isEpoch(value) ? epochToIso(value) : null;
}

const isEpoch = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= maxEpochMs;

/** Whether `timeOrNull` gives a time for `value`, without writing it (a number is only checked, not formatted). */
export function isTime(value: unknown): boolean {
  return typeof value === 'number' ? isEpoch(value) : isoOrNull(value) !== null;
}

/** `isoOrNull` that never throws: an ISO-like string, or epoch seconds or milliseconds within a Date's range. */
export function timeOrNull(value: unknown): string | null {
  return typeof value === 'number' ? epochOrNull(value) : isoOrNull(value);
}

/** Event time from a field holding epoch ms/s or an ISO string: `timeSource` 'value', or null and 'none' when it is no date. */
export function timeFrom(value: unknown): { time: string | null; timeSource: 'value' | 'none' } {
  const time = timeOrNull(value);
  return time === null ? { time: null, timeSource: 'none' } : { time, timeSource: 'value' };
}

/** How deep `flattenData` follows nested objects; deeper ones are left out (a 10,000-level file would overflow the stack). */
const maxDataDepth = 16;

/** The warning for values `flattenData` left out as too deep, or null when there were none. */
export function tooDeepWarning(tooDeep: readonly string[]): string | null {
  const [first] = tooDeep;
  if (first === undefined) return null;
  const shown = first.length > 60 ? `${first.slice(0, 59)}…` : first;
  return `${tooDeep.length} value(s) are nested more than ${maxDataDepth} levels deep and were left out (first: ${shown}).`;
}

/**
 * Flattens an object into event data: nested objects become dotted keys ("operations.store.count"), scalars and null
 * are kept, arrays are left out (they are lists, not one value). Keys starting with "_" are annotations the tool writes
 * for people ("_note": "Intelligence grows as you use Ruflo" in metrics-json/23mta23-cpu__Ruflo__v3/learning.json) and
 * are left out too, as are the keys in `omit` (top level only), and objects nested more than 16 levels deep (their keys
 * go to `tooDeep`, so the caller can say so).
 */
export function flattenData(object: Record<string, unknown>, omit: readonly string[] = [], tooDeep: string[] = []): EventData {
  const data: EventData = {};
  const walk = (value: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [name, field] of Object.entries(value)) {
      if (name.startsWith('_') || (prefix === '' && omit.includes(name))) continue;
      const key = prefix === '' ? name : `${prefix}.${name}`;
      if (field === null || typeof field === 'string' || typeof field === 'boolean') data[key] = field;
      else if (typeof field === 'number') data[key] = Number.isFinite(field) ? field : null;
      else if (isRecord(field)) {
        if (depth < maxDataDepth) walk(field, key, depth + 1);
        else tooDeep.push(key);
      }
    }
  };
  walk(object, '', 1);
  return data;
}
