/**
 * Markdown structure for the parsers: sections under headings, list items with checkbox state, GFM tables and
 * "**Key:** value" lines, each with its 1-based line. Parsing is mdast's (GFM), so code fences, nested lists and
 * tables behave as any Markdown reader shows them.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { List, ListItem, Root, RootContent, Table } from 'mdast';
import type { ChecklistItem } from '../schema/model.ts';
// Two of micromark's steps made linear (micromark-linear.ts says why).
import './micromark-linear.ts';

export interface MarkdownDoc {
  root: Root;
  lines: string[];
  sections: Section[];
  /** Line numbers (1-based) that lie inside fenced or indented code. */
  codeLines: ReadonlySet<number>;
}

/** A heading and the blocks under it, up to the next heading of the same or a higher level. */
export interface Section {
  depth: number;
  /** Heading text as shown, emoji included. */
  title: string;
  /** Lowercase words only, for matching: "📋 Deliverables Checklist" → "deliverables checklist". */
  key: string;
  line: number;
  /** Blocks directly under this heading and under its sub-headings. */
  nodes: RootContent[];
  /** Blocks before the first sub-heading. */
  ownNodes: RootContent[];
  children: Section[];
}

interface LocatedItem extends ChecklistItem {
  line: number;
}

/** A GFM table as text: its header cells, and each row's cells with the row's line. */
interface MarkdownTable {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

interface BoldField {
  /** The key as written, without the colon: "Agent Type". */
  key: string;
  value: string;
  line: number;
  /** 1-based column where the value starts. */
  column: number;
}

/** Parses Markdown text (without frontmatter) into the structure the parsers need. */
export function parseMarkdown(text: string): MarkdownDoc {
  const root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const codeLines = new Set<number>();
  // Code at any depth: a fence inside a list item or a block quote holds no metadata either.
  const addCode = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'code' || node.type === 'html') {
        for (let l = node.position?.start.line ?? 0; l <= (node.position?.end.line ?? -1); l++) codeLines.add(l);
      } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') addCode(node.children as RootContent[]);
    }
  };
  addCode(root.children);
  return { root, lines: text.split('\n'), sections: buildSections(root.children), codeLines };
}

function buildSections(nodes: RootContent[]): Section[] {
  const top: Section[] = [];
  const stack: Section[] = [];
  for (const node of nodes) {
    if (node.type === 'heading') {
      const title = toString(node).trim();
      const section: Section = {
        depth: node.depth,
        title,
        key: normalizeHeading(title),
        line: node.position?.start.line ?? 1,
        nodes: [],
        ownNodes: [],
        children: [],
      };
      while (stack.length > 0 && stack.at(-1)!.depth >= node.depth) stack.pop();
      const parent = stack.at(-1);
      if (parent) parent.children.push(section);
      else top.push(section);
      stack.push(section);
      continue;
    }
    stack.forEach((open) => open.nodes.push(node));
    stack.at(-1)?.ownNodes.push(node);
  }
  return top;
}

/** Lowercase letters, digits and single spaces: emoji, punctuation and case do not matter when matching. */
function normalizeHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

/** Every section at any depth, in document order. */
export function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...allSections(section.children)]);
}

/** The first section (any depth) whose key satisfies `test`. */
export function findSection(doc: MarkdownDoc, test: (key: string) => boolean): Section | undefined {
  return allSections(doc.sections).find((section) => test(section.key));
}

/** Top-level items of every list among `nodes` (nested items are folded into their parent's text). */
export function listItems(nodes: readonly RootContent[]): LocatedItem[] {
  return nodes.filter((node): node is List => node.type === 'list').flatMap((list) => list.children.map(toLocatedItem));
}

function toLocatedItem(item: ListItem): LocatedItem {
  const first = item.children[0];
  const text = first ? toString(first).replace(/\s+/g, ' ').trim() : '';
  return { text, checked: item.checked ?? null, line: item.position?.start.line ?? 1 };
}

/** Rows of the first GFM table among `nodes` whose header satisfies `test`, as trimmed cell text. */
export function findTable(nodes: readonly RootContent[], test: (header: string[]) => boolean): MarkdownTable | undefined {
  return findTables(nodes, test)[0];
}

/** Every table among `nodes` whose header row passes `test`, with its cells as text. */
export function findTables(nodes: readonly RootContent[], test: (header: string[]) => boolean): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  for (const node of nodes) {
    if (node.type !== 'table') continue;
    const [head, ...body] = (node as Table).children;
    const header = head ? head.children.map((cell) => toString(cell).trim()) : [];
    if (!test(header)) continue;
    tables.push({
      header,
      rows: body.map((row) => ({
        cells: row.children.map((cell) => toString(cell).trim()),
        line: row.position?.start.line ?? 1,
      })),
    });
  }
  return tables;
}

// "**Agent Type:** cicd-engineer", "- **Duration:** 2.4 days", "**Status**: Ready".
const boldFieldLine = /^(\s*(?:[-*+]\s+)?)\*\*([^*]+?)\*\*\s*:?\s*(.*)$/;

/** Every "**Key:** value" line outside code blocks; keys must end with a colon (inside or after the bold). */
export function boldFields(doc: MarkdownDoc, fromLine = 1, toLine = doc.lines.length): BoldField[] {
  const fields: BoldField[] = [];
  for (let line = fromLine; line <= toLine; line++) {
    if (doc.codeLines.has(line)) continue;
    const text = doc.lines[line - 1] ?? '';
    const match = boldFieldLine.exec(text);
    if (!match) continue;
    const [, lead = '', inner = '', rest = ''] = match;
    const colonInside = inner.trimEnd().endsWith(':');
    const colonAfter = text
      .slice(lead.length + inner.length + 4)
      .trimStart()
      .startsWith(':');
    if (!colonInside && !colonAfter) continue;
    const key = inner.replace(/:\s*$/, '').trim();
    const value = rest.trim();
    const column = text.length - rest.length + 1;
    fields.push({ key, value, line, column });
  }
  return fields;
}
