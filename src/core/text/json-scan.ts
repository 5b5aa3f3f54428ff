/**
 * Walks JSON text character by character outside string literals, for the recovery paths that must find where
 * values end in text JSON.parse rejects. `visit` returns false to stop.
 */
export function scanStructure(text: string, from: number, visit: (char: string, index: number) => boolean | undefined): void {
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (visit(char, i) === false) return;
  }
}
