/**
 * The small readers that the changelog and the notes files share: a version token, a YYYY-MM-DD date, a release
 * heading ("[1.1.0] - 2025-10-01 [YANKED]") and the "BREAKING" markers of an entry.
 */

/** A version as written, without brackets or a leading "v"; `unreleased` for "Unreleased". */
interface VersionToken {
  version: string;
  unreleased: boolean;
}

// A version starts with a digit and runs to the first space or bracket: "1.2.0", "2.0.0-rc.1+build.5", "1.x".
const versionToken = /^\d[^\s[\]()]*$/;

/** Reads "1.2.0", "v1.2.0", "[1.2.0]" or "Unreleased"; null when it is not a version. */
export function readVersion(text: string): VersionToken | null {
  const inner = text.trim().replace(/^\[\s*(.*?)\s*\]$/, '$1');
  if (/^unreleased$/i.test(inner)) return { version: inner, unreleased: true };
  const version = inner.replace(/^v(?=\d)/i, '');
  return versionToken.test(version) ? { version, unreleased: false } : null;
}

/** True for a real calendar date written as YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What a "## …" release heading says. */
type ReleaseHeading =
  | {
      ok: true;
      version: string;
      unreleased: boolean;
      /** The date text as written (checked with isIsoDate by the caller), or null when the heading has none. */
      dateText: string | null;
      /** 0-based offset of the date text within the heading, or -1. */
      dateOffset: number;
      yanked: boolean;
      /** The heading carries a "BREAKING" marker ("[BREAKING]", "⚠️ BREAKING"). */
      breaking: boolean;
    }
  | { ok: false };

const yankedMarker = /\s*\[\s*yanked\s*\]|\s+yanked\s*$/i;
const breakingMarker = /\s*\[\s*BREAKING\s*\]|\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)?\bBREAKING\b(?:\s+CHANGES?)?/u;

/**
 * Reads a release heading's text (after "## "): "[1.2.0] - 2025-10-26", "[1.1.0] - 2025-10-01 [YANKED]",
 * "[Unreleased]", "v1.0.0 (2025-09-01)", "1.0.0 – 2025-09-01".
 */
export function readReleaseHeading(heading: string): ReleaseHeading {
  let rest = heading.trim();
  const yanked = yankedMarker.test(rest);
  rest = rest.replace(yankedMarker, '');
  const breaking = breakingMarker.test(rest);
  rest = rest.replace(breakingMarker, '').trim();

  const token = /^\[([^\]]*)\]|^[^\s[\]()]+/.exec(rest);
  const found = token ? readVersion(token[0]) : null;
  if (!token || !found) return { ok: false };
  rest = rest.slice(token[0].length);

  // What follows the version is the date: "- 2025-10-26", "– 2025-10-26", "(2025-10-26)", ": 2025-10-26".
  const dateText = rest
    .trim()
    .replace(/^[-–—:|,]\s*/, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (dateText === '') return { ok: true, ...found, dateText: null, dateOffset: -1, yanked, breaking };
  const dateOffset = heading.indexOf(dateText, heading.indexOf(token[0]) + token[0].length);
  return { ok: true, ...found, dateText, dateOffset, yanked, breaking };
}

// "BREAKING: …", "**BREAKING** …", "⚠️ BREAKING …", "_BREAKING_ …" at the start of an entry.
const breakingStart = /^(?:[*_]{1,2})?(?:\p{Extended_Pictographic}\uFE0F?\s*)?(?:[*_]{1,2})?BREAKING(?![A-Za-z0-9])/u;

/** True when an entry is marked as a breaking change: it starts with "BREAKING" or contains "BREAKING CHANGE". */
export function isBreakingText(text: string): boolean {
  return breakingStart.test(text.trimStart()) || /BREAKING[ -]CHANGE/.test(text);
}

/** True for a heading that announces breaking changes ("Breaking Changes", "⚠️ BREAKING"). */
export function isBreakingHeading(title: string): boolean {
  return /\bbreaking\b/i.test(title);
}
