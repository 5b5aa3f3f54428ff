/**
 * The checks every authored Markdown file passes before it is parsed: a byte order mark is dropped (an editor's
 * "UTF-8 with BOM" would hide the frontmatter's opening "---"), line endings become "\n", and a file that is binary or far too large is refused
 * with one error instead of being read as garbage or parsed for minutes; so is one nested too deep to render. What
 * would still take a Markdown reader minutes (a paragraph of 100,000 "*") is made cheap with a warning (guard.ts).
 */
import type { IssueSink } from '../text/issues.ts';
import { maxNesting, tooDeep } from '../text/nesting.ts';
import { guardMarkdown } from './guard.ts';

/**
 * Largest Markdown file parsed, in UTF-8 bytes. Real task files and overviews are 3–11 KB (test/fixtures/packages/
 * real-world); mdast with GFM parses about 200 KB a second, and worse than linearly for one long paragraph (a 400 KB
 * paragraph took 3.4 s, 5 MB of list items 20 s), so the limit keeps any build step under a couple of seconds.
 */
const maxMarkdownBytes = 256_000;

/** "5.0 MB", "300 KB": sizes in messages, in decimal units, locale-independent. */
function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}

/**
 * The text to parse, without a leading byte order mark; null (after one error on `sink`) when the file holds a NUL
 * byte, which no text file has, or is larger than `maxBytes`. `what` names the kind of file in the message.
 */
export function checkText(input: string, sink: IssueSink, what: string, maxBytes = maxMarkdownBytes): string | null {
  // Windows (CRLF) and old Mac (CR) line endings read exactly like LF: one rule here, at the start of every parse.
  const text = (input.startsWith('\uFEFF') ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  // Cheap first: UTF-8 takes at most 3 bytes per UTF-16 unit, so short text never needs counting.
  const bytes = text.length * 3 > maxBytes ? Buffer.byteLength(text, 'utf8') : 0;
  if (bytes > maxBytes) {
    sink.error(
      1,
      1,
      `The file is ${formatBytes(bytes)}; ${what} may be at most ${formatBytes(maxBytes)}, so it was not read.`,
      'Check that this is the right file: logs and data belong in hooks/ or in a file of their own, not in the Markdown.',
    );
    return null;
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const before = text.slice(0, nul).split('\n');
    sink.error(
      before.length,
      (before.at(-1)?.length ?? 0) + 1,
      `The file is binary, not text (it holds a NUL byte here), so it was not read as ${what}.`,
      'Replace it with the Markdown file, saved as UTF-8 text.',
    );
    return null;
  }
  const deep = tooDeep(text);
  if (deep) {
    sink.error(
      deep.line,
      deep.column,
      `The file nests ${deep.what} here; pages render at most ${maxNesting} levels, so it was not read.`,
      'Flatten the structure: close the HTML elements, or write the deep part as a code block.',
    );
    return null;
  }
  return guardMarkdown(text, sink);
}
