/** Small shape checks and the flattening the JSON format modules share. */
import type { HookEvent } from '../../schema.ts';
import { isoOrNull } from '../import-result.ts';

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

/** Event time from a field holding epoch ms/s or an ISO string: `timeSource` 'value', or null and 'none' when it is no date. */
export function timeFrom(value: unknown): { time: string | null; timeSource: 'value' | 'none' } {
  const time = typeof value === 'number' && value > maxEpochMs ? null : isoOrNull(value);
  return time === null ? { time: null, timeSource: 'none' } : { time, timeSource: 'value' };
}

/**
 * Flattens an object into event data: nested objects become dotted keys ("operations.store.count"), scalars and null
 * are kept, arrays are left out (they are lists, not one value). Keys starting with "_" are annotations the tool writes
 * for people ("_note": "Intelligence grows as you use Ruflo" in metrics-json/23mta23-cpu__Ruflo__v3/learning.json) and
 * are left out too, as are the keys in `omit` (top level only).
 */
export function flattenData(object: Record<string, unknown>, omit: readonly string[] = []): EventData {
  const data: EventData = {};
  const walk = (value: Record<string, unknown>, prefix: string) => {
    for (const [name, field] of Object.entries(value)) {
      if (name.startsWith('_') || (prefix === '' && omit.includes(name))) continue;
      const key = prefix === '' ? name : `${prefix}.${name}`;
      if (field === null || typeof field === 'string' || typeof field === 'boolean') data[key] = field;
      else if (typeof field === 'number') data[key] = Number.isFinite(field) ? field : null;
      else if (isRecord(field)) walk(field, key);
    }
  };
  walk(object, '');
  return data;
}
