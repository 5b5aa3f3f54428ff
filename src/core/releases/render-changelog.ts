/**
 * Writes Keep a Changelog text: back from a parsed changelog (the same text, up to whitespace), or from merged
 * releases, newest first, for a CHANGELOG that includes versions known only from their notes files.
 */
import { sortReleases } from './merge-releases.ts';
import { isIsoDate, readReleaseHeading } from './release-text.ts';
import type { Changelog, LinkDefinition, Release, ReleaseItem } from './schema.ts';

type Bullet = Changelog['bullet'];

/** The changelog's text: title, preamble, releases in their order, link definitions. Ends with one newline. */
export function renderChangelog(changelog: Changelog): string {
  const blocks: string[] = [];
  if (changelog.title !== null) blocks.push(`# ${changelog.title}`);
  if (changelog.preamble) blocks.push(changelog.preamble);
  for (const release of changelog.releases) blocks.push(...renderRelease(release, changelog.bullet, release.description));
  if (changelog.links.length > 0) blocks.push(changelog.links.map(renderLink).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

interface ReleasesChangelogOptions {
  /** The "# …" title; "Changelog" when not given, none when null. */
  title?: string | null;
  /** Markdown between the title and the first release, or null. */
  preamble?: string | null;
  /** Link definitions to write at the bottom; by default one per release that has a `url`. */
  links?: readonly LinkDefinition[];
}

/**
 * A CHANGELOG from merged releases, newest first. The text under a release's heading is its changelog
 * description, else its notes summary; "[BREAKING]" follows the heading of a release that is breaking by its
 * notes alone. Notes bodies are not written: they are free Markdown (headings, lists) that Keep a Changelog has
 * no place for, and would read back as entries; they stay on the release's own page.
 */
export function renderReleasesChangelog(releases: readonly Release[], options: ReleasesChangelogOptions = {}): string {
  const title = options.title === undefined ? 'Changelog' : options.title;
  const sorted = sortReleases(releases);
  const links = options.links ?? sorted.flatMap((release) => (release.url ? [{ label: release.version, url: release.url, title: null }] : []));
  const blocks: string[] = [];
  if (title !== null) blocks.push(`# ${title}`);
  if (options.preamble) blocks.push(options.preamble);
  for (const release of sorted) {
    // A release that breaks things by its notes alone (no breaking entry) says so in its heading, where the
    // parser reads it back.
    const read = readReleaseHeading(releaseHeading(release));
    const marked = release.breaking && !release.sections.some((s) => s.items.some((item) => item.breaking)) && !(read.ok && read.breaking);
    blocks.push(...renderRelease(release, '-', release.description ?? release.summary, marked ? ' [BREAKING]' : ''));
  }
  if (links.length > 0) blocks.push(links.map(renderLink).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function renderRelease(release: Release, bullet: Bullet, intro: string | null, headingSuffix = ''): string[] {
  const blocks = [`## ${releaseHeading(release)}${headingSuffix}`];
  if (intro) blocks.push(intro);
  for (const section of release.sections) {
    if (section.title !== null) blocks.push(`### ${section.title}`);
    if (section.description) blocks.push(section.description);
    if (section.items.length > 0) blocks.push(section.items.map((item) => renderItem(item, bullet)).join('\n'));
  }
  return blocks;
}

/**
 * The heading as it was written when it still says the same version, date and yanked mark; else the canonical
 * "[1.2.0] - 2025-10-26 [YANKED]" or "[Unreleased]".
 */
function releaseHeading(release: Release): string {
  if (release.heading !== null) {
    const read = readReleaseHeading(release.heading);
    // A date the parser could not read was reported and left null; the heading still carries it as written.
    const date = read.ok && read.dateText !== null && isIsoDate(read.dateText) ? read.dateText : null;
    if (read.ok && read.version === release.version && read.unreleased === release.unreleased && read.yanked === release.yanked && date === release.date) {
      return release.heading;
    }
  }
  if (release.unreleased) return `[${release.version}]`;
  return `[${release.version}]${release.date ? ` - ${release.date}` : ''}${release.yanked ? ' [YANKED]' : ''}`;
}

/** "- text", with continuation lines indented under the text. */
function renderItem(item: ReleaseItem, bullet: Bullet): string {
  const [first = '', ...rest] = item.text.split('\n');
  return [`${bullet} ${first}`, ...rest.map((line) => (line.trim() === '' ? '' : `  ${line}`))].join('\n');
}

function renderLink(link: LinkDefinition): string {
  const url = /[\s<>]/.test(link.url) ? `<${link.url}>` : link.url;
  return `[${link.label}]: ${url}${link.title === null ? '' : ` "${link.title.replace(/"/g, '\\"')}"`}`;
}
