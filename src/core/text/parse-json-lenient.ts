import { locateJsonError } from './json-position.ts';
import { scanStructure } from './json-scan.ts';

type LenientJson =
  | { ok: true; value: unknown /** Bytes after the first complete value that were ignored. */; trailing: number }
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

/** Index just past the first top-level object or array; null if it never closes. */
function endOfFirstValue(text: string): number | null {
  let depth = 0;
  let end: number | null = null;
  scanStructure(text, 0, (char, index) => {
    if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && --depth === 0) {
      end = index + 1;
      return false;
    }
  });
  return end;
}
