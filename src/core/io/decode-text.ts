/**
 * Bytes of an authored file as text. UTF-8 is the norm; a file saved as Latin-1 or Windows-1252 (an older Windows
 * editor) is not valid UTF-8, and decoding it as UTF-8 would turn every "é" into U+FFFD without a word. Such a file is
 * decoded as Windows-1252 (a superset of Latin-1's printable characters) with a warning naming it. Line endings become
 * "\n" whatever the file used.
 */
import type { Issue } from '../schema/model.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array, path: string): { text: string; issue: Issue | null } {
  let text: string;
  let issue: Issue | null = null;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = windows1252.decode(bytes);
    const bad = firstInvalidUtf8(bytes);
    issue = {
      file: path,
      line: bad.line,
      column: bad.column,
      severity: 'warning',
      message: 'The file is not UTF-8; it was read as Windows-1252 (Latin-1), so check that its accented letters and symbols show right.',
      hint: 'Save the file as UTF-8.',
    };
  }
  return { text: text.replace(/\r\n?/g, '\n'), issue };
}

/** Line and column (1-based) of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    const valid = length > 0 && i + length <= bytes.length && [...bytes.subarray(i + 1, i + length)].every((next) => (next & 0xc0) === 0x80);
    if (!valid) return { line, column };
    if (byte === 0x0a) {
      line += 1;
      column = 1;
    } else column += 1;
    i += length;
  }
  return { line, column };
}
