/**
 * claude-flow v2 stores `value` as JSON text made by its AdvancedSerializer (docs/hook-logs.md#how-a-value-is-encoded):
 * long values are "__compressed__" + base64 (not compressed at all), and JSON may carry {"__type__": …} markers. Both
 * directions live here: Cairn decodes what agents wrote, and the hook-log generators in scripts/ encode the same way.
 */
type DecodedValue = { kind: 'json'; value: unknown } | { kind: 'text'; value: string };

const compressedPrefix = '__compressed__';
const COMPRESS_ABOVE = 1024;

function toSerializable(value: unknown): unknown {
  if (value === undefined) return { __type__: '__undefined__' };
  if (value instanceof Date) return { __type__: '__Date__', value: value.toISOString() };
  if (Array.isArray(value)) return value.map(toSerializable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toSerializable(item)]));
  }
  return value;
}

/** A value as claude-flow stores it: JSON with type markers, "__compressed__" + base64 when longer than 1024. */
export function encodeStoredValue(value: unknown): string {
  const json = JSON.stringify(toSerializable(value));
  // "Compression" is base64 of the UTF-8 JSON; the threshold is on the JS string length (UTF-16 units).
  return json.length > COMPRESS_ABOVE ? compressedPrefix + Buffer.from(json, 'utf8').toString('base64') : json;
}

/** The JSON text (or plain text) of a stored value: "__compressed__" + base64 unwrapped. */
export function unwrapStoredValue(stored: string): string {
  return stored.startsWith(compressedPrefix) ? Buffer.from(stored.slice(compressedPrefix.length), 'base64').toString('utf8') : stored;
}

/** Decodes a stored value: base64 unwrapped, JSON parsed, type markers replaced by plain values. */
export function decodeStoredValue(stored: string): DecodedValue {
  const text = unwrapStoredValue(stored);
  try {
    const value: unknown = JSON.parse(text);
    // Rebuilding every object is most of the cost of a row, and markers are rare: look for them first.
    return { kind: 'json', value: text.includes('__type__') || text.includes('__circular__') ? unmark(value) : value };
  } catch {
    // Plain text: free-form `memory store` writes (namespace default, system/active_swarm).
    return { kind: 'text', value: text };
  }
}

/** Replaces serializer markers: __undefined__ → undefined, __Date__ → its ISO text, NaN/Infinity → null, Map/Set → arrays. */
function unmark(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unmark);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.__type__ === 'string') {
    switch (record.__type__) {
      case '__undefined__':
        return undefined;
      case '__Date__':
        return typeof record.value === 'string' ? record.value : null;
      case '__NaN__':
      case '__Infinity__':
      case '__-Infinity__':
        return null;
      case '__BigInt__':
        return typeof record.value === 'string' ? record.value : null;
      default:
        return unmark(record.value ?? null);
    }
  }
  if (record.__circular__ === true) return null;
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, unmark(inner)]));
}
