/**
 * Views of a text in which a hidden secret shows its usual shape, each with a map back to the original: a secret found
 * at [start, end) of a view is the original's [map[start], map[end]). The decoded view undoes URL encoding
 * ("%3Dghp_…"), backslash escapes ("\nghp_…", "\u0041KIA…") and drops zero-width characters and soft hyphens; the
 * joined view also removes line breaks inside a long run of token characters, so a hard-wrapped token is whole again.
 */

export interface TextView {
  text: string;
  /**
   * `map[i]` is where the view's character i starts in the original; `map[text.length]` is the original's length.
   * Null for the text itself, so the common case costs no array.
   */
  map: number[] | null;
}

/** Where the view's offset `index` lies in the original text. */
export const originOf = (view: TextView, index: number): number => (view.map === null ? index : view.map[index]!);

const invisible = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;
const needsDecoding = /%[0-9A-Fa-f]{2}|\\|[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;
const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f' };

/** The identity view: the text itself. */
function identityView(text: string): TextView {
  return { text, map: null };
}

/** The text with URL escapes, backslash escapes and invisible characters undone; the identity when it has none. */
export function decodedView(text: string): TextView {
  if (!needsDecoding.test(text)) return identityView(text);
  let out = '';
  const map: number[] = [];
  let at = 0;
  const emit = (value: string, from: number) => {
    for (let index = 0; index < value.length; index++) map.push(from);
    out += value;
  };
  while (at < text.length) {
    const char = text[at]!;
    if (invisible.test(char)) {
      at += 1;
      continue;
    }
    if (char === '%' && escapedByte(text, at) >= 0) {
      const decoded = percentDecoded(text, at);
      emit(decoded.value, at);
      at = decoded.end;
      continue;
    }
    if (char === '\\' && at + 1 < text.length) {
      const next = text[at + 1]!;
      const unicode = next === 'u' ? /^[0-9A-Fa-f]{4}/.exec(text.slice(at + 2, at + 6)) : null;
      if (unicode) {
        emit(String.fromCharCode(Number.parseInt(unicode[0], 16)), at);
        at += 6;
        continue;
      }
      if (Object.hasOwn(escapes, next)) {
        emit(escapes[next]!, at);
        at += 2;
        continue;
      }
    }
    emit(char, at);
    at += 1;
  }
  map.push(text.length);
  return { text: out, map };
}

const hexDigit = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/** The byte of the escape "%XX" at `at`, or -1 when there is none there. */
function escapedByte(text: string, at: number): number {
  if (text.charCodeAt(at) !== 37 || !hexDigit(text.charCodeAt(at + 1)) || !hexDigit(text.charCodeAt(at + 2))) return -1;
  return Number.parseInt(text.slice(at + 1, at + 3), 16);
}

/**
 * The character that the %XX escapes at `start` encode in UTF-8 (one escape for ASCII, two to four for others), and
 * where it ends. A lone or broken byte decodes to itself, as written. Each escape is looked at a bounded number of
 * times, so a long run of escapes ("%FF%FF…") decodes in linear time.
 */
function percentDecoded(text: string, start: number): { value: string; end: number } {
  const lead = escapedByte(text, start);
  if (lead < 0x80) return { value: String.fromCharCode(lead), end: start + 3 };
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  for (let index = 1; index < length; index++) {
    const byte = escapedByte(text, start + index * 3);
    if (byte < 0x80 || byte > 0xbf) return { value: text.slice(start, start + 3), end: start + 3 };
  }
  if (length === 0) return { value: text.slice(start, start + 3), end: start + 3 };
  try {
    return { value: decodeURIComponent(text.slice(start, start + length * 3)), end: start + length * 3 };
  } catch {
    // An overlong form or a surrogate: not a character.
    return { value: text.slice(start, start + 3), end: start + 3 };
  }
}

// A line break between two runs of token characters (dots too, as in a JWT), each at least 8 long: a token wrapped at
// a fixed width. Quote marks and "+" at the break (a string concatenated over lines) go with it.
const wrappedBreak = /(?<=[A-Za-z0-9_+/=.-]{8})[ \t]*["']?[ \t]*\+?[ \t]*\r?\n[ \t]*[+>]?[ \t]*["']?(?=[A-Za-z0-9_+/=.-]{8})/g;

/** The view with breaks inside wrapped token runs removed, mapped to the original through `view`; null when none. */
export function joinedView(view: TextView): { view: TextView; joins: number[] } | null {
  if (!view.text.includes('\n')) return null;
  const joins: number[] = [];
  let out = '';
  const map: number[] = [];
  let last = 0;
  for (const match of view.text.matchAll(wrappedBreak)) {
    for (let index = last; index < match.index; index++) map.push(originOf(view, index));
    out += view.text.slice(last, match.index);
    joins.push(out.length);
    last = match.index + match[0].length;
  }
  if (joins.length === 0) return null;
  for (let index = last; index < view.text.length; index++) map.push(originOf(view, index));
  out += view.text.slice(last);
  map.push(originOf(view, view.text.length));
  return { view: { text: out, map }, joins };
}
