import { locateJsonError } from './json-position.ts';

export type LenientJson =
  | { ok: true; value: unknown; /** Bytes after the first complete value that were ignored. */ trailing: number }
  | { ok: false; message: string; line: number; column: number };

/**
 * JSON.parse that survives trailing garbage: a log rewritten by two processes at once can hold a whole array followed
 * by stray bytes (hook-samples: FellowDalton__teamwork/pre_tool_use.json). The first complete value is returned and
 * the number of ignored characters reported, so the caller can warn.
 */
export function parseJsonLenient(text: string): LenientJson {
  try {
    return { ok: true, value: JSON.parse(text), trailing: 0 };
  } catch (error) {
    const end = endOfFirstValue(text);
    if (end !== null && text.slice(end).trim() !== '') {
      try {
        return { ok: true, value: JSON.parse(text.slice(0, end)), trailing: text.slice(end).trim().length };
      } catch {
        // fall through: the first value itself is broken
      }
    }
    const { line, column } = locateJsonError(text, error);
    const message = (error as Error).message.split('\n')[0]!.replace(/, "[\s\S]*$/, '');
    return { ok: false, message, line, column };
  }
}

/** Index just past the first top-level object or array, by bracket counting outside strings; null if it never closes. */
function endOfFirstValue(text: string): number | null {
  let depth = 0;
  let inString = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      depth++;
      started = true;
    } else if (char === '}' || char === ']') {
      depth--;
      if (started && depth === 0) return i + 1;
    }
  }
  return null;
}
