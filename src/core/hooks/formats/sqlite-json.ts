/** `sqlite3 -json memory.db "select * from memory_entries"` (FORMATS §3): the same rows as the database, as JSON. */
import type { HookFormat } from '../../schema.ts';
import { isMemoryEntryRows } from './memory-entries.ts';

export const format: HookFormat = 'sqlite-json';

/** An array of row objects with id, key, value and namespace. */
export const matches = isMemoryEntryRows;
