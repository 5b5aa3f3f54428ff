import { scanStructure } from './json-scan.ts';

/** Characters V8 quotes before the offending token when it shows only part of the text ("...": 1, "b": Infinity, "..."). */
const v8ContextLength = 10;

/**
 * Finds the 1-based line and column of a JSON.parse error, from V8's "(line 3 column 5)" or "at position 42". Errors
 * such as "Unexpected token 'N'" carry no position, only the text around the token, which is searched for instead.
 */
export function locateJsonError(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : (unexpectedTokenOffset(text, message) ?? text.length);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where V8's "Unexpected token 'N', …" points: with a cut-out of the text (`..."<10 characters>N…"`), the token is 10
 * characters into it; with the whole text quoted, it is the first such character outside string literals (a stray
 * token such as NaN, Infinity or undefined is never inside one).
 */
function unexpectedTokenOffset(text: string, message: string): number | null {
  const context = /^Unexpected token '([\s\S])', \.\.\."([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (context) {
    const at = text.indexOf(context[2]!);
    return at < 0 ? null : at + v8ContextLength;
  }
  const whole = /^Unexpected token '([\s\S])', "[\s\S]*" is not valid JSON$/.exec(message);
  if (!whole) return null;
  let found: number | null = null;
  scanStructure(text, 0, (char, index) => {
    if (char !== whole[1]) return true;
    found = index;
    return false;
  });
  return found;
}

/**
 * The reason of a JSON.parse error for a one-line message: V8 quotes the text around the error, which can span lines
 * and echo the input ("Unexpected token 'N', ..."age": NaN\n}" is not valid JSON"); only the reason is kept.
 */
export function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/, (?:\.\.\.)?"[\s\S]*$/, '')
    .split('\n')[0]!
    .trim();
}
