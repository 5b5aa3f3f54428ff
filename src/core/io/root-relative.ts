/**
 * Paths as the published site shows them: relative to the content root ("phases/phase-7/task-7.1.md"), whatever
 * folder the build ran from. Messages on the terminal keep paths from the working directory, which an editor can
 * open; the site must not show the build machine's folders, and the same content built from two places must give the
 * same bytes.
 */
import { displayPath } from './display-path.ts';

/**
 * `value` with every path under `root` made relative to it, at any depth (arrays, plain objects, Maps). What holds
 * no such path is returned as it is, not copied: most of a big phase (its tasks' fields, most of each event) has none.
 */
export function relativeToRoot<T>(value: T, root: string): T {
  const prefix = displayPath(root);
  if (prefix === '' || prefix === '.') return value;
  // At the start of a text, or after a space, quote or bracket: "content/x" in "my-content/x" is not the root.
  const pattern = new RegExp(`(^|[\\s"'(\\[])${RegExp.escape(`${prefix}/`)}`, 'g');
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return item.includes(prefix) ? item.replace(pattern, '$1') : item;
    if (item === null || typeof item !== 'object') return item;
    if (Array.isArray(item)) {
      let copy: unknown[] | null = null;
      for (let at = 0; at < item.length; at++) {
        const entry = walk(item[at]);
        if (entry !== item[at]) (copy ??= item.slice())[at] = entry;
      }
      return copy ?? item;
    }
    if (item instanceof Map) {
      let changed = false;
      const entries = [...item].map(([key, entry]) => {
        const [newKey, newEntry] = [walk(key), walk(entry)];
        changed ||= newKey !== key || newEntry !== entry;
        return [newKey, newEntry] as const;
      });
      return changed ? new Map(entries) : item;
    }
    if (Object.getPrototypeOf(item) !== Object.prototype) return item;
    let copy: Record<string, unknown> | null = null;
    const record = item as Record<string, unknown>;
    for (const key in record) {
      const entry = walk(record[key]);
      // Defined, not assigned: a key such as "__proto__" (hook data is JSON from anywhere) stays a key.
      if (entry !== record[key]) Object.defineProperty((copy ??= { ...record }), key, { value: entry, writable: true, enumerable: true, configurable: true });
    }
    return copy ?? item;
  };
  return walk(value) as T;
}
