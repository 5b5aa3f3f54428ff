import { describe, expect, test } from 'vitest';
import { readMemoryEntrySources, type MemoryEntryRow } from '../../../src/core/hooks/memory-entries.ts';

// Three notify rows of one second: only their ids say which came first (claude-flow's created_at is in seconds).
const rows: MemoryEntryRow[] = [1, 2, 3].map((id) => ({
  id,
  key: `notification:notify-${id}`,
  value: JSON.stringify({ message: `task_1: step ${id} done`, level: 'info' }),
  namespace: 'hooks:notify',
  metadata: null,
  created_at: 1_760_000_000,
  updated_at: 1_760_000_000,
}));

const order = (source: MemoryEntryRow[]) =>
  readMemoryEntrySources([{ path: 'memory_entries.json', format: 'sqlite-json', rows: source }])[0]!.events.map((event) => event.message);

describe('memory_entries rows', () => {
  test('are imported in id order, whatever order a dump lists them in', () => {
    expect(order(rows)).toEqual(['task_1: step 1 done', 'task_1: step 2 done', 'task_1: step 3 done']);
    expect(order(rows.toReversed())).toEqual(order(rows));
    expect(order([rows[1]!, rows[2]!, rows[0]!])).toEqual(order(rows));
  });
});
