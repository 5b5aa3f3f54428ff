import { scanStructure } from './json-scan.ts';

/**
 * The complete elements at the start of a JSON array that was cut off (a dump or log copied while being written):
 * each top-level element is parsed on its own, up to the first one that does not close.
 */
export function salvageJsonArray(text: string): unknown[] | null {
  const start = text.indexOf('[');
  if (start < 0 || text.slice(0, start).trim() !== '') return null;
  const values: unknown[] = [];
  let depth = 0;
  let elementStart = start + 1;
  // Takes the element that ends before `end`; false when it is not JSON (the cut fell inside it).
  const take = (end: number): boolean => {
    const slice = text.slice(elementStart, end);
    if (slice.trim() === '') return true;
    try {
      values.push(JSON.parse(slice));
      return true;
    } catch {
      return false;
    }
  };
  let closed = false;
  scanStructure(text, start + 1, (char, index) => {
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      if (depth === 0) {
        closed = true; // the array's own end: the file was whole after all
        take(index);
        return false;
      }
      depth--;
    } else if (char === ',' && depth === 0) {
      if (!take(index)) return false;
      elementStart = index + 1;
    }
  });
  // Cut right after a complete element: keep it.
  if (!closed && depth === 0) take(text.length);
  return values;
}
