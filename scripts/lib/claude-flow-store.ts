/**
 * What both hook-log generators write the way claude-flow v2 does: its `memory_entries` table and upsert
 * (docs/hook-logs.md#the-table-of-entries), its value encoding (docs/hook-logs.md#how-a-value-is-encoded, in
 * src/core/hooks/decode-value.ts), and a seeded PRNG standing in for Math.random so the output is deterministic.
 */

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
/** The v2 schema: table memory_entries and its three indexes. */
export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS memory_entries (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, value TEXT NOT NULL,
     namespace TEXT NOT NULL DEFAULT 'default', metadata TEXT, created_at INTEGER DEFAULT (strftime('%s', 'now')),
     updated_at INTEGER DEFAULT (strftime('%s', 'now')), accessed_at INTEGER DEFAULT (strftime('%s', 'now')),
     access_count INTEGER DEFAULT 0, ttl INTEGER, expires_at INTEGER, UNIQUE(key, namespace))`,
  'CREATE INDEX IF NOT EXISTS idx_memory_namespace ON memory_entries(namespace)',
  'CREATE INDEX IF NOT EXISTS idx_memory_expires ON memory_entries(expires_at) WHERE expires_at IS NOT NULL',
  'CREATE INDEX IF NOT EXISTS idx_memory_accessed ON memory_entries(accessed_at)',
].join(';\n');

/** The upsert (value, metadata, ttl and updated_at replaced; access_count + 1), with the times passed in. */
export const UPSERT = `
  INSERT INTO memory_entries (key, value, namespace, metadata, ttl, expires_at, created_at, updated_at, accessed_at)
  VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)
  ON CONFLICT(key, namespace) DO UPDATE SET
    value = excluded.value,
    metadata = excluded.metadata,
    ttl = excluded.ttl,
    expires_at = excluded.expires_at,
    updated_at = excluded.updated_at,
    access_count = memory_entries.access_count + 1`;
