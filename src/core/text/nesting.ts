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
const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
const fence = /^\s{0,3}(`{3,}|~{3,})/;

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
    const quotes = /^(?:\s*>)+/.exec(line)?.[0].replace(/[^>]/g, '').length ?? 0;
    if (quotes > limit) return { line: index + 1, column: 1, what: `${quotes} block quotes inside each other` };
    const list = /^(\s*)(?:[-*+]|\d+[.)])\s/.exec(line);
    const lists = list ? Math.floor(list[1]!.replace(/\t/g, '    ').length / 2) + 1 : 0;
    if (lists > limit) return { line: index + 1, column: 1, what: `${lists} lists inside each other` };
    for (const match of line.matchAll(tag)) {
      const [, closing, name = '', selfClosing] = match;
      if (voidElements.has(name.toLowerCase()) || selfClosing) continue;
      html += closing ? -1 : 1;
      html = Math.max(0, html);
      if (html > limit) return { line: index + 1, column: match.index + 1, what: `${html} HTML elements inside each other` };
    }
  }
  return null;
}
