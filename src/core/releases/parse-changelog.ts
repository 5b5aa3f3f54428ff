/**
 * Reads a Keep a Changelog 1.1.0 file (https://keepachangelog.com/en/1.1.0/): "# Changelog", a preamble,
 * "## [1.2.0] - 2025-10-26" release headings (with "[YANKED]", or "## [Unreleased]"), "### Added"-style sections
 * of list entries, and link reference definitions at the bottom. Everything is kept as written, so
 * renderChangelog gives the same text back (up to whitespace). Never throws for bad input.
 */
import type { Definition, List, ListItem, RootContent } from 'mdast';
import { createIssueSink, type IssueSink } from '../text/issues.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import type { Issue } from '../schema/model.ts';
import { checkText } from '../markdown/check-text.ts';
import { repairWithWarning } from '../text/mojibake.ts';
import { isBreakingHeading, isBreakingText, isIsoDate, readReleaseHeading } from './release-text.ts';
import { ChangeTypeSchema, type Changelog, type LinkDefinition, type Release, type ReleaseSection } from './schema.ts';

interface ParsedChangelog {
  changelog: Changelog;
  issues: Issue[];
}

const releaseHeadingHint = 'Write it as "## [1.2.0] - 2025-10-26" (Keep a Changelog), or "## [Unreleased]" for changes not in a version yet.';

/** A release while it is read: the release plus where its parts are. */
interface ReleaseDraft {
  release: Release;
  descriptionNodes: RootContent[];
  /** The section entries go to now; null before the first "###" heading or list. */
  section: SectionDraft | null;
  sections: SectionDraft[];
  warnedNoSection: boolean;
}

interface SectionDraft {
  section: ReleaseSection;
  descriptionNodes: RootContent[];
  /** Offset in the text just after the last entry (or what was attached to it). */
  lastEnd: number;
}

/** Parses a CHANGELOG.md's text. `path` names the file in messages and in each release's `sources`. */
export function parseChangelog(input: string, path: string): ParsedChangelog {
  const sink = createIssueSink(path);
  // A changelog is a list of short entries, which parses in linear time, so it may be larger than a task file; at
  // 512 KB a changelog of nothing but escaped emphasis marks still builds within 2 GB (1 MB of them did not).
  const checked = checkText(input, sink, 'a changelog', 512_000);
  if (checked === null) return { changelog: { title: null, preamble: null, releases: [], links: [], bullet: '-' }, issues: sink.issues };
  // One line ending, so the offsets mdast reports slice the text as written.
  const text = repairWithWarning(checked, sink.warning).replace(/\r\n?/g, '\n');
  const { root, lines } = parseMarkdown(text);
  const slice = (nodes: readonly RootContent[]): string | null => {
    const first = nodes[0]?.position?.start.offset;
    const last = nodes.at(-1)?.position?.end.offset;
    return first === undefined || last === undefined ? null : text.slice(first, last);
  };

  let title: string | null = null;
  const preambleNodes: RootContent[] = [];
  const drafts: ReleaseDraft[] = [];
  const links: LinkDefinition[] = [];
  let bullet: Changelog['bullet'] | null = null;
  let current: ReleaseDraft | null = null;
  // After a "##" heading that is not a release, its blocks belong to nothing (its error says so).
  let skipping = false;
  const seen = new Map<string, number>();

  for (const [index, node] of root.children.entries()) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'heading' && node.depth === 1 && index === 0) {
      title = headingText(lines, node);
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      current = readRelease(node, lines, seen, path, sink);
      skipping = current === null;
      if (current) drafts.push(current);
      continue;
    }
    if (!current && !skipping) {
      preambleNodes.push(node);
      continue;
    }
    if (node.type === 'definition') {
      links.push(linkDefinition(node));
      continue;
    }
    if (!current) continue;

    if (node.type === 'heading' && node.depth === 3) {
      const sectionTitle = headingText(lines, node);
      openSection(current, changeType(sectionTitle), sectionTitle);
      continue;
    }
    if (node.type === 'list') {
      bullet ??= listBullet(lines, node.children[0]);
      readEntries(current, node, text, line, sink);
      continue;
    }
    readOtherBlock(current, node, text, line, sink);
  }

  // Descriptions are known once the next heading is reached.
  for (const draft of drafts) {
    draft.release.description = slice(draft.descriptionNodes);
    for (const { section, descriptionNodes } of draft.sections) section.description = slice(descriptionNodes);
  }

  const releases = drafts.map(({ release }) => {
    const items = release.sections.flatMap((section) => section.items);
    const url = findLink(links, release);
    return { ...release, url, breaking: release.breaking || items.some((item) => item.breaking) };
  });
  return {
    changelog: { title, preamble: slice(preambleNodes), releases, links, bullet: bullet ?? '-' },
    issues: sink.issues,
  };
}

/**
 * The release a "##" heading starts, with an error for a date that cannot be read or a version seen before (`seen`:
 * the line of each version's first heading). Null, with an error, when the heading has no version.
 */
function readRelease(node: RootContent, lines: readonly string[], seen: Map<string, number>, path: string, sink: IssueSink): ReleaseDraft | null {
  const line = node.position?.start.line ?? 1;
  const raw = headingText(lines, node);
  const read = readReleaseHeading(raw);
  const column = headingColumn(lines, node);
  if (!read.ok) {
    sink.error(line, column, `The release heading "## ${raw}" has no version, so what is under it is left out.`, releaseHeadingHint);
    return null;
  }
  let date: string | null = null;
  if (read.dateText !== null) {
    if (isIsoDate(read.dateText)) date = read.dateText;
    else
      sink.error(
        line,
        column + Math.max(0, read.dateOffset),
        `Cannot read the date "${read.dateText}" of release ${read.version}.`,
        `Write the date as YYYY-MM-DD, e.g. "## [${read.version}] - 2025-10-26".`,
      );
  }
  const key = read.unreleased ? 'unreleased' : read.version;
  const first = seen.get(key);
  if (first !== undefined) {
    sink.error(
      line,
      column,
      `Version ${read.version} appears twice in the changelog (first on line ${first}).`,
      `Give each version one "## [${read.version}]" heading and put all its entries under it.`,
    );
  } else seen.set(key, line);
  return {
    release: {
      version: read.version,
      date,
      yanked: read.yanked,
      unreleased: read.unreleased,
      sections: [],
      breaking: read.breaking,
      summary: null,
      description: null,
      phases: [],
      tasks: [],
      body: null,
      url: null,
      heading: raw,
      sources: [path],
    },
    descriptionNodes: [],
    section: null,
    sections: [],
    warnedNoSection: false,
  };
}

/** Starts a section of the release ("### Added"); the entries that follow go to it. */
function openSection(draft: ReleaseDraft, type: string, title: string | null): SectionDraft {
  const section: SectionDraft = { section: { type, title, description: null, items: [] }, descriptionNodes: [], lastEnd: 0 };
  draft.section = section;
  draft.sections.push(section);
  draft.release.sections.push(section.section);
  return section;
}

/** A list's items, as entries of the release's current section; before any "###" heading, of a section with no title (warned once). */
function readEntries(draft: ReleaseDraft, list: List, text: string, line: number, sink: IssueSink): void {
  if (!draft.section && !draft.warnedNoSection) {
    sink.warning(
      line,
      1,
      `Release ${draft.release.version} lists entries under no "###" heading.`,
      'Put them under a heading such as "### Added", "### Changed" or "### Fixed".',
    );
    draft.warnedNoSection = true;
  }
  const section = draft.section ?? openSection(draft, 'Other', null);
  const underBreaking = section.section.title !== null && isBreakingHeading(section.section.title);
  for (const item of list.children) {
    const entry = itemText(text, item);
    section.section.items.push({ text: entry, breaking: underBreaking || isBreakingText(entry) });
    section.lastEnd = item.position?.end.offset ?? section.lastEnd;
  }
}

/**
 * Any other block: text under the release heading, text under a section heading before its entries, or a block after
 * the entries, which Keep a Changelog has no place for: it stays with the entry above it.
 */
function readOtherBlock(draft: ReleaseDraft, node: RootContent, text: string, line: number, sink: IssueSink): void {
  if (!draft.section) draft.descriptionNodes.push(node);
  else if (draft.section.section.items.length === 0) draft.section.descriptionNodes.push(node);
  else {
    const section = draft.section;
    const last = section.section.items.at(-1)!;
    const where = section.section.title === null ? `release ${draft.release.version}` : `"${section.section.title}"`;
    sink.warning(
      line,
      1,
      `Text after the entries of ${where} is not in a list item; it is kept with the entry above it.`,
      'Indent it under that entry, or make it an entry of its own ("- …").',
    );
    const end = node.position?.end.offset ?? section.lastEnd;
    section.section.items[section.section.items.length - 1] = { ...last, text: last.text + text.slice(section.lastEnd, end) };
    section.lastEnd = end;
  }
}

/** A heading's text as written in the file: "[1.2.0] - 2025-10-26" for "## [1.2.0] - 2025-10-26". */
function headingText(lines: readonly string[], node: RootContent): string {
  const start = node.position?.start.line ?? 1;
  const end = node.position?.end.line ?? start;
  const first = lines[start - 1] ?? '';
  // A setext heading ("1.2.0" over "-----") spans two lines and has no "#" to strip.
  if (end > start) return first.trim();
  return first
    .replace(/^\s{0,3}#{1,6}(?:\s+|$)/, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

/** 1-based column where a heading's text starts. */
function headingColumn(lines: readonly string[], node: RootContent): number {
  const first = lines[(node.position?.start.line ?? 1) - 1] ?? '';
  const lead = /^\s{0,3}#{1,6}\s*/.exec(first)?.[0].length ?? /^\s*/.exec(first)?.[0].length ?? 0;
  return lead + 1;
}

const changeTypes = new Map(ChangeTypeSchema.options.map((type) => [type.toLowerCase(), type] as const));

/** "Added", "added", "Added:" → "Added"; any other heading is its own type, as written. */
function changeType(title: string): string {
  return changeTypes.get(title.replace(/:\s*$/, '').trim().toLowerCase()) ?? title;
}

/** The list marker of an entry ("-", "*", "+"); "-" for ordered lists, which Keep a Changelog does not use. */
function listBullet(lines: readonly string[], item: ListItem | undefined): Changelog['bullet'] {
  const first = lines[(item?.position?.start.line ?? 1) - 1] ?? '';
  const marker = /^\s*([-*+])/.exec(first)?.[1];
  return marker === '*' || marker === '+' ? marker : '-';
}

/**
 * An entry's Markdown as written, without its marker. Continuation lines lose the indent that puts them under
 * the marker ("- Foo\n  - nested" → "Foo\n- nested"); lazy continuation lines, which have none, stay as they are.
 */
function itemText(text: string, item: ListItem): string {
  const start = item.position?.start;
  const end = item.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return '';
  // The list item starts at its marker; take the whole line so its own indent is known.
  const lineStart = text.lastIndexOf('\n', start.offset - 1) + 1;
  const [first = '', ...rest] = text.slice(lineStart, end.offset).split('\n');
  // The marker with its indent and the spaces after it: its width is the column continuation lines are indented to.
  const marker = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/.exec(first)?.[0] ?? '';
  const dedent = (line: string) => line.replace(new RegExp(`^ {0,${marker.length}}`), '');
  return [first.slice(marker.length), ...rest.map(dedent)].join('\n').replace(/\s+$/, '');
}

function linkDefinition(node: Definition): LinkDefinition {
  return { label: node.label ?? node.identifier, url: node.url, title: node.title ?? null };
}

/** The link definition for a release: its version, "v" + version, or "Unreleased", ignoring case as Markdown does. */
function findLink(links: readonly LinkDefinition[], release: Release): string | null {
  const labels = new Set([release.version.toLowerCase(), `v${release.version.toLowerCase()}`]);
  return links.find((link) => labels.has(link.label.toLowerCase()))?.url ?? null;
}
