/**
 * How deep a Markdown file's structure goes: HTML elements inside each other, block quotes inside block quotes,
 * lists inside lists. The renderer walks that structure recursively, so a file nested thousands of levels deep (2,000
 * `<span>`s in 26 KB) would stop the build with a stack overflow that names no file; validation stops it here instead,
 * at the line where it gets too deep.
 */

/** Deepest nesting a page renders; real task files stay under 10. */
export const maxNesting = 100;

// Elements that never have content, so they open nothing.
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const fence = /^\s{0,3}(`{3,}|~{3,})/;
// Block quote and list markers at the start of a line, each after any indentation; a list marker needs a space or the
// line's end after it.
const containerMarkers = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/;
// "- - -" and "* * *" are a rule, not lists.
const thematicBreak = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Where the nesting first goes past `limit`, and how it is nested there; null when it never does. */
export function tooDeep(text: string, limit = maxNesting): { line: number; column: number; what: string } | null {
  let html = 0;
  let inFence: string | null = null;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const opened = fence.exec(line)?.[1];
    if (inFence !== null) {
      if (opened && opened[0] === inFence[0] && opened.length >= inFence.length) inFence = null;
      continue;
    }
    if (opened) {
      inFence = opened;
      continue;
    }
    // Quote and list markers may follow each other on one line ("> > >", "- - - item", "1. 1. 1. item").
    const markers = thematicBreak.test(line) ? '' : (containerMarkers.exec(line)?.[0] ?? '');
    const quotes = markers.replace(/[^>]/g, '').length;
    if (quotes > limit) return { line: index + 1, column: 1, what: `${quotes} block quotes inside each other` };
    const listMarkers = markers.match(/[-*+]|\d+[.)]/g)?.length ?? 0;
    const lists = listMarkers > 0 ? Math.floor(/^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length / 2) + listMarkers : 0;
    if (lists > limit) return { line: index + 1, column: 1, what: `${lists} lists inside each other` };
    if (quotes + lists > limit) return { line: index + 1, column: 1, what: `${quotes + lists} block quotes and lists inside each other` };
    for (const { index: column, closing, name, selfClosing } of htmlTags(line)) {
      if (voidElements.has(name.toLowerCase()) || selfClosing) continue;
      html += closing ? -1 : 1;
      html = Math.max(0, html);
      if (html > limit) return { line: index + 1, column: column + 1, what: `${html} HTML elements inside each other` };
    }
  }
  return null;
}

// A tag's start: "<", "/" for a closing tag, the element's name up to a word boundary.
const tagStart = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b/g;

/**
 * The HTML tags of one line, left to right: from "<name" to the first ">" that is not inside a quoted attribute value.
 * A "<" with no such ">" after it is text. Where the search for the ">" has been from a place, and what it found, is
 * kept, so searches from many "<" on one line (100 KB of "<a") pass each character once instead of once per "<".
 */
function* htmlTags(line: string): Generator<{ index: number; closing: boolean; name: string; selfClosing: boolean }> {
  // found[p]: 0 not searched from p yet, 1 no ">" from p, else the index of the ">" plus 2.
  const found = new Int32Array(line.length + 1);
  tagStart.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = tagStart.exec(line))) {
    const end = closingBracket(line, tagStart.lastIndex, found);
    if (end < 0) {
      tagStart.lastIndex = match.index + 1;
      continue;
    }
    yield { index: match.index, closing: match[1] === '/', name: match[2]!, selfClosing: line[end - 1] === '/' && end - 1 >= tagStart.lastIndex };
    tagStart.lastIndex = end + 1;
  }
}

/** The index of the first ">" from `from` outside quoted values, or -1; remembers the answer for every place passed. */
function closingBracket(line: string, from: number, found: Int32Array): number {
  const passed: number[] = [];
  let at = from;
  let answer = -1;
  while (at < line.length) {
    if (found[at] !== 0) {
      answer = found[at]! - 2;
      break;
    }
    passed.push(at);
    const char = line[at];
    if (char === '>') {
      answer = at;
      break;
    }
    if (char === '"' || char === "'") {
      const close = line.indexOf(char, at + 1);
      if (close < 0) break;
      at = close + 1;
      continue;
    }
    at++;
  }
  for (const place of passed) found[place] = answer + 2;
  return answer;
}
