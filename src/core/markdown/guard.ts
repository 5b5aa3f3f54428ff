/**
 * Markdown that would take a reader minutes, made cheap before any reader sees it. Both Markdown readers Cairn uses
 * take time that grows with the square of some counts within one paragraph: mdast's (micromark) with the emphasis and
 * link marks (`*`, `_`, `~`, `[`, `]`: 200 KB of "*a" took 307 s) and with lines that continue a block quote or list
 * without its marker; the page renderer (Astro's) with underscores, and with the quotes, dashes and dots it turns
 * into typographic ones (70 KB of `"a` took 7 s and 4.9 GB). A paragraph (or heading, or table cell) with more than
 * `maxMarks` marks of a kind is shown as written, as code, and a lazy line in a run of more than
 * `maxLazyLines` gets the marker it leaves out, which reads the same; each with a warning at its line. Text that
 * needs neither is returned as it is, after one pass over it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes } from 'mdast';
import type { IssueSink } from '../text/issues.ts';
import './micromark-linear.ts';

/** Most marks of one kind a paragraph keeps; real paragraphs hold a few dozen, and 200 parse in milliseconds. */
const maxMarks = 200;

/** Most lines in one paragraph that continue a block quote or list without its marker. */
const maxLazyLines = 200;

/** The two kinds of marks, each with a counter of one paragraph's text, and the characters escaped. */
const kinds = {
  // Runs of "*", "_" or "~" (each run is one emphasis delimiter), and each bracket (a link may start or end there).
  emphasis: { count: /\*+|_+|~+|[[\]]/g, what: 'emphasis and link marks ("*", "_", "~", "[", "]")' },
  // Quotes, apostrophes, and runs of "-" or "." that the renderer would turn into dashes and ellipses.
  punctuation: { count: /["']|-{2,}|\.{3,}/g, what: 'quotes, apostrophes, dashes and dots' },
} as const;
type Kind = keyof typeof kinds;

const countOf = (text: string, kind: Kind | 'underscores'): number => {
  const pattern = kind === 'underscores' ? /_+/g : kinds[kind].count;
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
};

/** The guarded text (the same string when nothing needed guarding); warnings go to `sink`. */
export function guardMarkdown(text: string, sink: IssueSink): string {
  // Frontmatter is YAML, not Markdown: it is left as it is (its line count still numbers the lines below).
  const bodyStart = frontmatterEnd(text);
  const firstLine = bodyStart === 0 ? 0 : text.slice(0, bodyStart).split('\n').length - 1;
  let body = bodyStart === 0 ? text : text.slice(bodyStart);
  body = markLazyLines(body, firstLine, sink);
  body = escapeCrowdedMarks(body, firstLine, sink);
  return bodyStart === 0 ? body : text.slice(0, bodyStart) + body;
}

/** Where the body starts: after the closing "---" line of frontmatter, or 0 (the reader's rule, frontmatter.ts). */
function frontmatterEnd(text: string): number {
  if (!text.startsWith('---') || text[3] === '-') return 0;
  const close = text.indexOf('\n---', 3);
  if (close < 0) return text.length;
  const lineEnd = text.indexOf('\n', close + 4);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

// A line's block quote and list markers: "> ", "- ", "1. ", "> - " and so on, each after up to 3 spaces.
const containerMarks = /^(?:[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)))+/;
// A line that starts a block of its own, so it is not a paragraph's continuation: heading, fence, thematic break,
// setext underline, HTML, table row.
const blockStart = /^[ \t]{0,3}(?:#|```|~~~|(?:[-*_][ \t]*){3,}$|=+[ \t]*$|<|\|)/;

/**
 * Gives a lazy line the markers of the line it continues, in every paragraph holding more than `maxLazyLines` of
 * them: "> quote" then "more" becomes "> quote" then "> more", which Markdown reads the same way.
 */
function markLazyLines(body: string, firstLine: number, sink: IssueSink): string {
  // Cheap first: lazy lines follow a quote or list line, and there are not that many lines to begin with.
  if (body.length < maxLazyLines * 2 || !/^[ \t]{0,3}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/m.test(body)) return body;
  const lines = body.split('\n');
  const fixes: { line: number; text: string }[] = [];
  let run: { line: number; text: string }[] = [];
  let continuation: string | null = null;
  let quotes = 0;
  let fence = false;
  const endRun = () => {
    if (run.length > maxLazyLines) for (const fix of run) fixes.push(fix);
    run = [];
  };
  for (const [index, line] of lines.entries()) {
    if (/^\s*$/.test(line)) {
      // A blank line ends the paragraph, and any lazy run with it.
      endRun();
      continuation = null;
      continue;
    }
    const marks = containerMarks.exec(line)?.[0] ?? '';
    const rest = line.slice(marks.length);
    if (/^[ \t]*(?:```|~~~)/.test(rest)) fence = !fence;
    if (fence) {
      continuation = null;
      continue;
    }
    const lineQuotes = marks.replace(/[^>]/g, '').length;
    if (marks !== '' && !(continuation !== null && lineQuotes < quotes && !/[-*+\d]/.test(marks) && !blockStart.test(rest))) {
      // A quote or list line opens (or goes on with) a paragraph that later lines may continue lazily; one with
      // nothing after its markers, or a block of another kind, opens none.
      continuation = blockStart.test(rest) || rest.trim() === '' ? null : marks.replace(/[^>\s]/g, ' ').replace(/>(?! )/g, '> ');
      quotes = lineQuotes;
      continue;
    }
    if (continuation === null) continue;
    if (blockStart.test(rest)) {
      continuation = null;
      continue;
    }
    // Indented as far as the list's text, with every quote marker: a continuation line already.
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (quotes === 0 && indent >= continuation.length) continue;
    run.push({ line: index, text: continuation + line.slice(marks.length).trimStart() });
  }
  endRun();
  if (fixes.length === 0) return body;
  for (const fix of fixes) lines[fix.line] = fix.text;
  const first = fixes[0]!.line + firstLine + 1;
  sink.warning(
    first,
    1,
    `${fixes.length.toLocaleString('en-US')} lines here and below continue a block quote or list without its marker; more than ${maxLazyLines} in one paragraph would take the Markdown reader minutes, so each was given the marker of the line it continues.`,
    'Start each line of a quote with ">", and indent the lines of a list item as far as its text.',
  );
  return lines.join('\n');
}

// Text inside these is shown as written anyway, and a backslash there would show: code spans, HTML tags and
// autolinks, bare web addresses.
const tagOrAutolink = /<\/?[A-Za-z][^<>\n]*>/y;
const bareAddress = /(?:https?:\/\/|www\.)[^\s<>]*/y;

/**
 * Shows as written each paragraph, heading or table cell that holds more than `maxMarks` marks of one kind. The
 * paragraphs are found by mdast with every inline construct turned off, which parses in linear time; that parse is
 * skipped when no stretch of text between blank lines holds that many marks.
 */
function escapeCrowdedMarks(body: string, firstLine: number, sink: IssueSink): string {
  const crowded = (Object.keys(kinds) as Kind[]).filter((kind) => body.split(/\n[ \t]*\n/).some((block) => countOf(block, kind) > maxMarks));
  if (crowded.length === 0) return body;
  const root = fromMarkdown(body, { extensions: [gfm(), { disable: { null: inlineConstructs } }], mdastExtensions: [gfmFromMarkdown()] });
  const edits: { start: number; end: number; kinds: Kind[] }[] = [];
  const found = new Map<Kind, { line: number; count: number; paragraphs: number }>();
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      // The text's own span: a setext heading's "---" underline is not part of it.
      const start = node.children[0]?.position?.start.offset ?? 0;
      const end = node.children.at(-1)?.position?.end.offset ?? start;
      if (end <= start) return;
      const text = body.slice(start, end);
      const over = crowded.filter((kind) => countOf(text, kind) > maxMarks);
      for (const kind of over) {
        const seen = found.get(kind);
        if (seen) seen.paragraphs++;
        else found.set(kind, { line: (node.position?.start.line ?? 1) + firstLine, count: countOf(text, kind), paragraphs: 1 });
      }
      if (over.length > 0) edits.push({ start, end, kinds: over });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  if (edits.length === 0) return body;
  for (const [kind, { line, count, paragraphs }] of found) {
    const others = paragraphs > 1 ? ` (and in ${(paragraphs - 1).toLocaleString('en-US')} more paragraphs below)` : '';
    sink.warning(
      line,
      1,
      `This paragraph holds ${count.toLocaleString('en-US')} ${kinds[kind].what}; more than ${maxMarks} in one paragraph would take the Markdown reader minutes, so the paragraph is shown as written${others}.`,
      'Split the paragraph, or put the text in a code block (between "```" lines) if it is data.',
    );
  }
  const parts: string[] = [];
  let done = 0;
  for (const edit of edits) {
    parts.push(body.slice(done, edit.start), asWritten(body.slice(edit.start, edit.end), edit.kinds));
    done = edit.end;
  }
  parts.push(body.slice(done));
  return parts.join('');
}

/** Every inline construct of CommonMark and GFM: with these off, a paragraph is plain text to the parser. */
const inlineConstructs = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelEnd',
  'labelStartImage',
  'labelStartLink',
  'strikethrough',
  'wwwAutolink',
  'protocolAutolink',
  'emailAutolink',
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
  'tasklistCheck',
];

/**
 * A paragraph's text shown as written: as a code span, which both readers take in one pass whatever it holds (its
 * fence one backtick longer than any run inside, a space inside each end so a backtick at an end stays text). A text
 * with runs of two or more backticks would need a fence of three, which opens a code block at a line's start, and one
 * crowded with underscores is slow to render even as code: their marks are escaped one by one instead.
 */
function asWritten(text: string, which: readonly Kind[]): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  // The page renderer takes time in the square of a word's underscores even inside a code span (200 KB of "_a": 10 s),
  // and none for escaped ones: a text crowded with them is escaped.
  if (longest >= 2 || countOf(text, 'underscores') > maxMarks) return escapeMarks(text, which);
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

/** Whether the character at `i` is a mark of one of `which`: the characters the counts above count. */
function isMark(text: string, i: number, which: readonly Kind[]): boolean {
  const char = text[i];
  if (which.includes('emphasis') && (char === '*' || char === '_' || char === '~' || char === '[' || char === ']')) return true;
  if (!which.includes('punctuation')) return false;
  if (char === '"' || char === "'") return true;
  if (char === '-') return text[i - 1] === '-' || text[i + 1] === '-';
  if (char === '.') return (text[i - 1] === '.' && (text[i - 2] === '.' || text[i + 1] === '.')) || (text[i + 1] === '.' && text[i + 2] === '.');
  return false;
}

/** `text` with a backslash before each mark of `which`, outside code spans, HTML tags, autolinks and web addresses. */
export function escapeMarks(text: string, which: readonly Kind[]): string {
  const spans = codeSpans(text);
  const parts: string[] = [];
  let plainFrom = 0;
  let span = 0;
  let i = 0;
  while (i < text.length) {
    while (span < spans.length && spans[span]!.end <= i) span++;
    if (span < spans.length && spans[span]!.start <= i) {
      i = spans[span]!.end;
      continue;
    }
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
      // Already escaped: the pair stays as it is.
      i += 2;
      continue;
    }
    if (char === '<' || char === 'h' || char === 'w') {
      const pattern = char === '<' ? tagOrAutolink : bareAddress;
      pattern.lastIndex = i;
      if (pattern.test(text)) {
        i = pattern.lastIndex;
        continue;
      }
    }
    if (isMark(text, i, which)) {
      parts.push(text.slice(plainFrom, i), '\\');
      plainFrom = i;
    }
    i++;
  }
  parts.push(text.slice(plainFrom));
  return parts.join('');
}

/**
 * Where the code spans of `text` are: a run of backticks opens one, closed by the next run of the same length (none:
 * the run is text). Each run's next run of the same length is found from the right in one pass, so this is linear.
 */
function codeSpans(text: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/(?<!\\)`+/g)) runs.push({ start: match.index, end: match.index + match[0].length });
  const next: number[] = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const length = runs[r]!.end - runs[r]!.start;
    next[r] = lastOfLength.get(length) ?? -1;
    lastOfLength.set(length, r);
  }
  const spans: { start: number; end: number }[] = [];
  for (let r = 0; r < runs.length; r++) {
    const close = next[r]!;
    if (close < 0) continue;
    spans.push({ start: runs[r]!.start, end: runs[close]!.end });
    r = close;
  }
  return spans;
}
