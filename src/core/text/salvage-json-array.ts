/**
 * The complete elements at the start of a JSON array that was cut off (a dump or log copied while being written):
 * each top-level element is parsed on its own, up to the first one that does not close.
 */
export function salvageJsonArray(text: string): unknown[] | null {
  const start = text.indexOf('[');
  if (start < 0 || text.slice(0, start).trim() !== '') return null;
  const values: unknown[] = [];
  let depth = 0;
  let inString = false;
  let elementStart = start + 1;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      if (depth === 0) break; // the array's own end: the file was not cut after all
      depth--;
    } else if (char === ',' && depth === 0) {
      try {
        values.push(JSON.parse(text.slice(elementStart, i)));
      } catch {
        return values;
      }
      elementStart = i + 1;
    }
    if (depth === 0 && (char === '}' || char === ']')) {
      // an element just closed; it is taken at the next comma, or kept if the text ends right after it
      const rest = text.slice(i + 1).trim();
      if (rest === '') {
        try {
          values.push(JSON.parse(text.slice(elementStart, i + 1)));
        } catch {
          // incomplete
        }
        return values;
      }
    }
  }
  return values;
}
