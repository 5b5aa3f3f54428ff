import { scanStructure } from './json-scan.ts';

/**
 * Finds the 1-based line and column of the value at `path` (object keys and array indexes, as zod reports them) in
 * valid JSON text. When a step of the path is missing (a required field left out), it points at the object or array
 * that should hold it, so a message about a missing field still lands on the right lines.
 */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): { line: number; column: number } {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = () => {
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
  };
  const skipValue = () => {
    skipSpace();
    const char = text[i];
    if (char === '"') return skipString();
    if (char !== '{' && char !== '[') {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
      return;
    }
    let depth = 0;
    scanStructure(text, i, (c, index) => {
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      if (depth > 0) return true;
      i = index + 1;
      return false;
    });
  };
  /** Moves `i` to the value of `step` inside the container at `i`; false (with `i` back at the container) when absent. */
  const enter = (step: PropertyKey): boolean => {
    const container = i;
    const open = text[i];
    if (open !== '{' && open !== '[') return false;
    i++;
    for (let index = 0; ; index++) {
      skipSpace();
      if (text[i] === '}' || text[i] === ']' || i >= text.length) break;
      if (open === '{') {
        const start = i;
        skipString();
        const key: unknown = JSON.parse(text.slice(start, i));
        skipSpace();
        i++; // the colon
        skipSpace();
        if (key === String(step)) return true;
      } else if (index === Number(step)) return true;
      skipValue();
      skipSpace();
      if (text[i] === ',') i++;
    }
    i = container;
    return false;
  };
  skipSpace();
  for (const step of path) if (!enter(step)) break;
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
