/**
 * Paths as the published site shows them: relative to the content root ("phases/phase-7/task-7.1.md"), whatever
 * folder the build ran from. Messages on the terminal keep paths from the working directory, which an editor can
 * open; the site must not show the build machine's folders, and the same content built from two places must give the
 * same bytes.
 */
import { displayPath } from './display-path.ts';

/** `value` with every path under `root` made relative to it, at any depth (arrays, plain objects, Maps). */
export function relativeToRoot<T>(value: T, root: string): T {
  const prefix = displayPath(root);
  if (prefix === '' || prefix === '.') return value;
  // At the start of a text, or after a space, quote or bracket: "content/x" in "my-content/x" is not the root.
  const pattern = new RegExp(`(^|[\\s"'(\\[])${RegExp.escape(`${prefix}/`)}`, 'g');
  const rewrite = (text: string) => (text.includes(prefix) ? text.replace(pattern, '$1') : text);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return rewrite(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item instanceof Map) return new Map([...item].map(([key, entry]) => [walk(key), walk(entry)]));
    if (item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]));
    return item;
  };
  return walk(value) as T;
}
